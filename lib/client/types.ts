/**
 * Shapes of the HTTP API's JSON answers, as the browser sees them: the server's own response
 * types (the lib/…/…-dto.ts modules, lib/runs/run-dto-types.ts, lib/intelligence), imported type-only, so
 * the client bundle takes no server code and the two cannot drift apart.
 */
import type { z } from "zod";
import type { ApiErrorJson } from "@/lib/api/errors";
import type { GraphIssue } from "@/lib/graph/issues";
import type { WorkflowGraph } from "@/lib/graph/schema";
import type { recommendBodySchema } from "@/lib/intelligence-api/schemas";
import type { GenerationPlan } from "@/lib/intelligence/plan/plan-generation";
import type { EngineInfoDto } from "@/lib/providers/types";
import type { AssetDetailDto, AssetSummaryDto } from "@/lib/assets/asset-dto";

import type { CatalogInfoDto, CatalogModelEntryDto, CatalogRefreshDto } from "@/lib/intelligence/catalog/catalog-dto";
import type { Recommendation, RecommendResponse } from "@/lib/intelligence/recommend/recommend";
import type { ModelMetrics, Priority as ServerPriority } from "@/lib/intelligence/resolver/types";
import type { ImageRef } from "@/lib/nodes/types";
import type { NodeRunDto, RunDto, RunSummaryDto, WaitingRunDto } from "@/lib/runs/run-dto-types";
import type { WorkflowDto, WorkflowSummaryDto } from "@/lib/workflows/workflow-dto";

export type { NodeRunStatus, RunStatus } from "@/lib/engine/types";
export { isTerminalRunStatus } from "@/lib/engine/types";

/** `GET /api/engine`. */
export type EngineInfo = EngineInfoDto;

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
/** `GET /api/runs/:id` (and each SSE message). */
export type Run = RunDto;
/** `GET /api/workflows/:id/runs` item. */
export type RunSummary = RunSummaryDto;
/** `GET /api/runs?status=waiting` item: a run paused at a Pick. */
export type WaitingRun = WaitingRunDto;

/** How the resolver ranks: quality = Arena ELO, speed = p50 latency, cost = p50 cost. */
export type Priority = ServerPriority;
export const PRIORITIES: readonly Priority[] = ["quality", "speed", "cost"];

export type { ModelMetrics, Recommendation };

/** `POST /api/recommend` body (before the server's defaults: `prompt` may be left out; `limit` 1 to 50, default 5). */
export type RecommendRequest = z.input<typeof recommendBodySchema>;

/** `POST /api/recommend` reply. */
export type { RecommendResponse };

/** `GET /api/catalog`: the catalog in use, with `hasSchema` per model. */
export type CatalogInfo = CatalogInfoDto;
/** One model of `GET /api/catalog`. */
export type CatalogModelEntry = CatalogModelEntryDto;
/** `POST /api/catalog/refresh`. */
export type CatalogRefreshResult = CatalogRefreshDto;

/** A drafted plan (`POST /api/plan`): the matched template's id or null when composed, its steps, rules and notes. */
export type Plan = GenerationPlan;

/** `POST /api/plan`: the plan, and the same plan as studio nodes and edges. */
export interface PlanResponse {
  plan: Plan;
  graph: WorkflowGraph;
}

/** The JSON of every error answer; `details` as the routes fill it (graph issues, the current version of a conflict). */
export interface ApiErrorBody {
  error: Omit<ApiErrorJson["error"], "code" | "details"> & {
    /** An ErrorCode of lib/api/errors.ts ("error" when the answer was not the API's JSON). */
    code: ApiErrorJson["error"]["code"] | (string & {});
    details?: { issues?: GraphIssue[]; currentVersion?: number } & Record<string, unknown>;
  };
}
