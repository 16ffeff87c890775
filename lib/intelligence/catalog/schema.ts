/**
 * Zod schema of the bundled model catalog (`lib/intelligence/data/model-catalog.json`),
 * and the types inferred from it. Pure module: no I/O.
 *
 * Shape (see the file's `notes` and model-catalog-SOURCES.md):
 * - `models[]`: id, name, provider, releasedAt ("YYYY-MM" or null), capabilities (resolver
 *   slugs), scenarioCapabilities (Scenario's own field), inputs (loose; the fields the resolver
 *   reads are typed), performance per capability, tags, insights.
 * - `performance[capability]`: `elo` (Arena ELO, comparable only within one capability),
 *   `p50LatencySec` (seconds), `p50CostCU` (Compute Units per asset); each may be null (no
 *   defensible figure) and each has a `sources[metric]` text; a text starting with
 *   "estimate" marks the figure as an estimate.
 * - `trainingTypes[]`: the training decision tree's rows (read by lib/intelligence/training).
 * - `schema` per model: the model's own input schema (`inputs[]` + `uiConfig` of Scenario's
 *   `GET /models/{id}`, lib/providers/model-schema.ts), or null when the snapshot has none. It is
 *   not part of the catalog file: the loader attaches one schema file per model
 *   (`model-schemas/<modelId>.json`, see ./attach-schemas.ts).
 */
import { z } from "zod";
import { modelSchemaSchema } from "../../providers/model-schema";

/** The three figures a performance variant carries, in the order the UI shows them. */
export const METRICS = ["elo", "p50LatencySec", "p50CostCU"] as const;
export type Metric = (typeof METRICS)[number];

const nullableNumber = () => z.number({ error: "expected number or null" }).finite().nullable();
const nonEmpty = (what: string) => z.string({ error: `expected ${what}` }).min(1, { error: `expected a non-empty ${what}` });
const stringList = () => z.array(z.string({ error: "expected string" }), { error: "expected array of strings" });

export const performanceSchema = z.object({
  elo: nullableNumber(),
  p50LatencySec: nullableNumber(),
  p50CostCU: nullableNumber(),
  /** Where each figure comes from; "estimate: <reason>" marks an estimate. */
  sources: z.looseObject({
    elo: z.string({ error: "expected string" }).optional(),
    p50LatencySec: z.string({ error: "expected string" }).optional(),
    p50CostCU: z.string({ error: "expected string" }).optional(),
  }),
});

/**
 * Input features. Loose: Scenario's schemas carry many model-specific fields; only the ones the
 * resolver and recommend read are typed. Durations: a two-element array is a [min, max] range in
 * seconds, a longer one a discrete set (Veo's [4, 6, 8]); `true` means a duration is accepted
 * without a documented range.
 */
export const inputsSchema = z.looseObject({
  prompt: z.boolean().optional(),
  image: z.boolean().optional(),
  mask: z.boolean().optional(),
  endImage: z.boolean().optional(),
  video: z.boolean().optional(),
  audio: z.boolean().optional(),
  text: z.boolean().optional(),
  seed: z.boolean().nullable().optional(),
  negativePrompt: z.boolean().nullable().optional(),
  referenceImagesMax: nullableNumber().optional(),
  numOutputsMax: z.number().int().positive().optional(),
  aspectRatios: stringList().optional(),
  maxWidth: nullableNumber().optional(),
  durationsSec: z.array(z.number()).optional(),
  durationSec: z.union([z.array(z.number()), z.boolean()], { error: "expected array of numbers or boolean" }).optional(),
  lengthSec: z.array(z.number()).optional(),
});

const yearMonth = z
  .string({ error: 'expected "YYYY-MM" or null' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'expected "YYYY-MM" or null' })
  .nullable();

export const modelSchema = z.object({
  id: nonEmpty("string id"),
  name: nonEmpty("string name"),
  provider: nonEmpty("string provider"),
  releasedAt: yearMonth,
  capabilities: stringList().min(1, { error: "expected at least one capability" }),
  scenarioCapabilities: stringList(),
  inputs: inputsSchema,
  performance: z.record(z.string(), performanceSchema),
  tags: stringList(),
  insights: stringList(),
  /**
   * The model's own input schema (`GET /models/{id}` `inputs[]` + `uiConfig`; `schema.source` says
   * where it came from), or null when the snapshot has none: requests are never built from a guess.
   * The bundled snapshot attaches the files of data/model-schemas/ (get-catalog.ts).
   */
  schema: modelSchemaSchema.nullable().default(null),
});

export const trainingTypeSchema = z.looseObject({
  type: nonEmpty("string type"),
  family: z.string(),
  modality: z.string(),
  datasetShape: z.string(),
  styleFit: stringList(),
  speed: z.string(),
  quality: z.string(),
  whenBetter: z.string(),
  source: z.string(),
});

export const catalogSchema = z.object({
  snapshotDate: z.string({ error: 'expected "YYYY-MM-DD"' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected "YYYY-MM-DD"' }),
  notes: z.string(),
  models: z.array(modelSchema).min(1, { error: "expected at least one model" }),
  trainingTypes: z.array(trainingTypeSchema),
});

export type PerformanceFigures = z.infer<typeof performanceSchema>;
export type ModelInputs = z.infer<typeof inputsSchema>;
export type CatalogModel = z.infer<typeof modelSchema>;
export type TrainingType = z.infer<typeof trainingTypeSchema>;
export type Catalog = z.infer<typeof catalogSchema>;
