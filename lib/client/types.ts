/**
 * Shapes of the HTTP API's JSON answers, as the browser sees them (see the API contract in
 * app/api). Kept apart from the server's Prisma types so the client bundle imports no server code.
 */
import type { GraphIssue } from "@/lib/graph/issues";
import type { WorkflowGraph } from "@/lib/graph/schema";
import type { CatalogInfoDto, CatalogModelDto, CatalogModelEntryDto, CatalogRefreshDto } from "@/lib/intelligence/catalog/catalog-dto";

export type RunStatus = "queued" | "running" | "succeeded" | "failed" | "canceled";
export type NodeRunStatus = RunStatus | "skipped";

export const TERMINAL_RUN_STATUSES: ReadonlySet<RunStatus> = new Set(["succeeded", "failed", "canceled"]);

export function isTerminalRunStatus(status: string): boolean {
  return TERMINAL_RUN_STATUSES.has(status as RunStatus);
}

export interface EngineInfo {
  provider: { id: "local" | "scenario"; label: string };
}

export interface Asset {
  id: string;
  /** `/api/assets/:id/file`; add `?download=1` for an attachment. */
  url: string;
  mimeType: string;
  width: number;
  height: number;
  provenance?: Record<string, unknown> | null;
  createdAt?: string;
}

export interface WorkflowSummary {
  id: string;
  name: string;
  version: number;
  nodeCount: number;
  updatedAt: string;
  createdAt: string;
}

export interface Workflow {
  id: string;
  name: string;
  graph: WorkflowGraph;
  version: number;
  updatedAt: string;
  createdAt?: string;
}

/** An asset produced by a node: an image, or (from a Run model node) a video, a sound or another file. */
export interface RunImage {
  assetId: string;
  url: string;
  /** Pixels; 0 for media without a pixel size (audio). */
  width: number;
  height: number;
  /** Set for media that is not an image, e.g. "video/mp4", "audio/mpeg". */
  mimeType?: string;
}

export interface NodeRun {
  nodeId: string;
  nodeType: string;
  status: NodeRunStatus;
  /** 0 to 1. */
  progress: number;
  cached: boolean;
  model: string | null;
  modelReason: string | null;
  error: string | null;
  credits: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  outputs: RunImage[];
}

/** An Output node's image. */
export interface RunOutput extends RunImage {
  nodeId: string;
  label: string;
}

export interface Run {
  id: string;
  workflowId: string;
  workflowVersion: number;
  status: RunStatus;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  credits: number | null;
  nodes: NodeRun[];
  outputs: RunOutput[];
}

export interface RunSummary {
  id: string;
  status: RunStatus;
  createdAt: string;
  finishedAt: string | null;
  credits: number | null;
  outputs: RunOutput[];
}

/** How the resolver ranks: quality = Arena ELO, speed = p50 latency, cost = p50 cost. */
export type Priority = "quality" | "speed" | "cost";
export const PRIORITIES: readonly Priority[] = ["quality", "speed", "cost"];

/** A model's three figures for one capability; `estimated` marks figures the catalog labels as estimates. */
export interface ModelMetrics {
  elo: number | null;
  p50LatencySec: number | null;
  p50CostCU: number | null;
  estimated: { elo: boolean; p50LatencySec: boolean; p50CostCU: boolean };
}

/** Parameters a recommendation suggests for the node (from a platform named in the prompt, outputs count). */
export interface SuggestedParams {
  platform?: string;
  aspectRatio?: string;
  width?: number;
  height?: number;
  numOutputs?: number;
}

export interface Recommendation {
  modelId: string;
  name: string;
  /** 0 to 1. */
  score: number;
  metrics: ModelMetrics;
  explanation: string;
  tradeoffs: string[];
  suggestedParams: SuggestedParams;
}

export interface PlatformMatch {
  id: string;
  label: string;
  aspectRatio: string;
  width: number;
  height: number;
}

/** `POST /api/recommend`. */
export interface RecommendRequest {
  capability: string;
  prompt: string;
  priority?: Priority;
  /** At most this many recommendations (server default 5, maximum 50). */
  limit?: number;
}

export interface RecommendResponse {
  snapshotDate: string;
  capability: string;
  priority: Priority;
  platform: PlatformMatch | null;
  /** Best first. */
  recommendations: Recommendation[];
  excluded: Array<{ modelId: string; name: string; reasons: string[] }>;
}

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
}

/** `POST /api/plan`: the plan, and the same plan as studio nodes and edges. */
export interface PlanResponse {
  plan: Plan;
  graph: WorkflowGraph;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: { issues?: GraphIssue[]; currentVersion?: number } & Record<string, unknown> };
}
