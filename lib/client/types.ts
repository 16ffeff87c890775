/**
 * Shapes of the HTTP API's JSON answers, as the browser sees them: the server's own response
 * types (the lib/…/…-dto.ts modules, lib/runs/run-dto-types.ts, lib/intelligence), imported type-only, so
 * the client bundle takes no server code and the two cannot drift apart.
 */
import type { GraphIssue } from "@/lib/graph/issues";
import type { WorkflowGraph } from "@/lib/graph/schema";
import type { AssetDetailDto, AssetSummaryDto } from "@/lib/assets/asset-dto";

import type { CatalogInfoDto, CatalogModelDto, CatalogModelEntryDto, CatalogRefreshDto } from "@/lib/intelligence/catalog/catalog-dto";
import type { PlatformWithSize, Recommendation, RecommendResponse } from "@/lib/intelligence/recommend/recommend";
import type { SuggestedParams } from "@/lib/intelligence/recommend/suggested-params";
import type { ModelMetrics, Priority as ServerPriority } from "@/lib/intelligence/resolver/types";
import type { ImageRef } from "@/lib/nodes/types";
import type { NodeRunDto, RunDto, RunOutputDto, RunSummaryDto } from "@/lib/runs/run-dto-types";
import type { WorkflowDto, WorkflowSummaryDto } from "@/lib/workflows/workflow-dto";

export type { NodeRunStatus, RunStatus } from "@/lib/engine/types";
export { TERMINAL_RUN_STATUSES, isTerminalRunStatus } from "@/lib/engine/types";

export interface EngineInfo {
  provider: { id: "local" | "scenario"; label: string };
}

/** An asset: the upload reply, or `GET /api/assets/:id` (which adds provenance, size, origin and date). */
export type Asset = AssetSummaryDto & Partial<Omit<AssetDetailDto, keyof AssetSummaryDto>>;

/** `GET /api/workflows` item. */
export type WorkflowSummary = WorkflowSummaryDto;
/** `GET /api/workflows/:id`. */
export type Workflow = WorkflowDto;

/** An asset produced by a node: an image, or (from a Run model node) a video, a sound or another file. */
export type RunImage = ImageRef;
/** One node of a run. */
export type NodeRun = NodeRunDto;
/** An Output node's image. */
export type RunOutput = RunOutputDto;
/** `GET /api/runs/:id` (and each SSE message). */
export type Run = RunDto;
/** `GET /api/workflows/:id/runs` item. */
export type RunSummary = RunSummaryDto;

/** How the resolver ranks: quality = Arena ELO, speed = p50 latency, cost = p50 cost. */
export type Priority = ServerPriority;
export const PRIORITIES: readonly Priority[] = ["quality", "speed", "cost"];

export type { ModelMetrics, Recommendation, SuggestedParams };

/** A platform named in the prompt, with its size in pixels. */
export type PlatformMatch = PlatformWithSize;

/** `POST /api/recommend`. */
export interface RecommendRequest {
  capability: string;
  prompt: string;
  priority?: Priority;
  /** At most this many recommendations (server default 5, maximum 50). */
  limit?: number;
}

/** `POST /api/recommend` reply. */
export type { RecommendResponse };

/** `GET /api/catalog`: the catalog in use, with `hasSchema` per model. */
export type CatalogInfo = CatalogInfoDto;
/** One model of `GET /api/catalog`. */
export type CatalogModelEntry = CatalogModelEntryDto;
/** `GET /api/catalog/models/:id`: a model with its input schema (or `schema: null`). */
export type CatalogModelDetail = CatalogModelDto;
/** `POST /api/catalog/refresh`. */
export type CatalogRefreshResult = CatalogRefreshDto;

export type PlanTool = "run_model" | "analyze" | "manage_assets" | (string & {});

export interface PlanStep {
  tool: PlanTool;
  title: string;
  capability: string;
  optional: boolean;
  modelId: string | null;
  modelName: string | null;
}

export interface Plan {
  /** The matched template's id (`product_video`, …), or null when the plan was composed. */
  template: string | null;
  composed: boolean;
  title: string;
  steps: PlanStep[];
  rules: string[];
  notes?: string[];
  /** A second template that fits almost as well: the studio offers it ("use this instead"). */
  alternative?: { template: string; title: string; score: number } | null;
}

/** `POST /api/plan`: the plan, and the same plan as studio nodes and edges. */
export interface PlanResponse {
  plan: Plan;
  graph: WorkflowGraph;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: { issues?: GraphIssue[]; currentVersion?: number } & Record<string, unknown> };
}
