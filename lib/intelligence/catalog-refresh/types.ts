/**
 * Structural types of `lib/intelligence/data/model-catalog.json` as the refresh reads and writes it.
 *
 * These are deliberately loose (unknown extra fields are carried through untouched): the
 * authoritative zod schema lives in `lib/intelligence/catalog/` and is applied to the refreshed
 * file before it is written (see `validate.ts`). Pure module: types only.
 */
import type { ScenarioModel } from "../../providers/scenario/client";

/** Per-capability figures of one model; `sources` names the source of each figure (or says "estimate: …"). */
export interface CatalogPerformance {
  elo: number | null;
  p50LatencySec: number | null;
  p50CostCU: number | null;
  sources: Record<string, string>;
  [key: string]: unknown;
}

/** One model of the catalog (`models[]`). */
export interface CatalogModel {
  id: string;
  name: string;
  provider: string;
  /** `YYYY-MM`, or null when unverified. */
  releasedAt: string | null;
  /** Resolver slugs, split finer than Scenario's (`inpaint`, `upscale`, `lipsync`, `txt2music`, …). */
  capabilities: string[];
  /** Scenario's own `capabilities` field, verbatim. */
  scenarioCapabilities: string[];
  /** Input features (`prompt`, `image`, `mask`, `referenceImagesMax`, `aspectRatios`, …). */
  inputs: Record<string, unknown>;
  /** Keyed by capability slug. */
  performance: Record<string, CatalogPerformance>;
  tags: string[];
  insights: string[];
  [key: string]: unknown;
}

/** The whole catalog file. */
export interface Catalog {
  /** `YYYY-MM-DD`. */
  snapshotDate: string;
  notes: string;
  models: CatalogModel[];
  trainingTypes: unknown[];
  [key: string]: unknown;
}

/**
 * A model as read from the API for the refresh: the `GET /models/{id}` record (contract §5).
 * `inputs` is undefined when the record could not be read (then a known model keeps its
 * snapshot inputs and a new model is skipped).
 */
export type ApiModel = ScenarioModel;
