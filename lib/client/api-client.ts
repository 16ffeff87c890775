/**
 * Browser-side client of the studio's HTTP API. Every call resolves with the parsed JSON body
 * or throws an {@link ApiError} carrying the server's `{ error: { code, message, details } }`.
 */
import type { GraphIssue, GraphWarning } from "@/lib/graph/issues";
import { useConnectionStore } from "./connection-store";
import { describeError } from "./error-copy";
import type { ModelSchemaAnswer } from "@/lib/models/get-model-schema";
import type { WorkflowGraph } from "@/lib/graph/schema";
import type { WorkflowCostEstimate } from "@/lib/workflows/estimate-workflow";
import type {
  ApiErrorBody,
  Asset,
  CatalogInfo,
  CatalogRefreshResult,
  EngineInfo,
  PlanResponse,
  RecommendRequest,
  RecommendResponse,
  Run,
  RunSummary,
  WaitingRun,
  Workflow,
  WorkflowSummary,
} from "./types";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorBody["error"]["details"];

  constructor(status: number, code: string, message: string, details?: ApiErrorBody["error"]["details"]) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Graph issues sent with a 400 (`details.issues`), or an empty list. */
  get issues(): GraphIssue[] {
    return Array.isArray(this.details?.issues) ? this.details.issues : [];
  }
}

/**
 * A sentence a designer can read for any thrown value (lib/client/error-copy.ts): never a node
 * id, a field path or an env var. The technical text is `describeError(error).details`.
 */
export function errorMessage(error: unknown): string {
  return describeError(error).sentence;
}

/**
 * The API names the request field at fault ("body.description: must not be empty"); people
 * read "description must not be empty". A message that is a sentence of its own loses the prefix.
 */
export function readableMessage(message: string): string {
  const match = /^body\.([\w.]+): (.+)$/s.exec(message);
  if (!match) return message;
  const [, field, rest] = match;
  return /^[a-z]/.test(rest) ? `${field.split(".").pop()} ${rest}` : rest;
}

function toApiError(status: number, body: unknown, statusText: string): ApiError {
  const err = (body as Partial<ApiErrorBody> | null)?.error;
  if (err && typeof err.message === "string") return new ApiError(status, err.code ?? "error", err.message, err.details);
  return new ApiError(status, "http_error", `Request failed (${status}${statusText ? ` ${statusText}` : ""})`);
}

/**
 * One JSON call to the studio's API: resolves with the parsed body (undefined for 204), throws
 * an ApiError carrying the API's `{ error: { code, message, details } }` (or a network error).
 * An aborted request rethrows the AbortError as is.
 */
export async function request<T>(path: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  const { json, ...rest } = init ?? {};
  let response: Response;
  try {
    response = await fetch(path, {
      ...rest,
      headers: { Accept: "application/json", ...(json !== undefined ? { "Content-Type": "application/json" } : {}), ...rest.headers },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    useConnectionStore.getState().reportUnreachable();
    throw new ApiError(0, "network_error", `Could not reach the server: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Any HTTP answer means the server is there; a proxy's 502/503/504 means it is not.
  if (response.status >= 502 && response.status <= 504) useConnectionStore.getState().reportUnreachable();
  else useConnectionStore.getState().reportReachable();
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!response.ok) throw toApiError(response.status, body, response.statusText);
  return body as T;
}

const enc = encodeURIComponent;

export const api = {
  getEngine: () => request<EngineInfo>("/api/engine"),

  listWorkflows: () => request<{ workflows: WorkflowSummary[] }>("/api/workflows"),
  getWorkflow: (id: string) => request<{ workflow: Workflow; warnings?: GraphWarning[] }>(`/api/workflows/${enc(id)}`),
  createWorkflow: (body: { name: string; graph: WorkflowGraph }) =>
    request<{ workflow: Workflow }>("/api/workflows", { method: "POST", json: body }),
  updateWorkflow: (id: string, body: { name?: string; graph: WorkflowGraph; version: number }) =>
    request<{ workflow: Workflow; warnings?: GraphWarning[] }>(`/api/workflows/${enc(id)}`, { method: "PUT", json: body }),
  deleteWorkflow: (id: string) => request<void>(`/api/workflows/${enc(id)}`, { method: "DELETE" }),
  /** One run's cost (CU) of `graph` (the one on screen), per model node (POST /api/workflows/:id/estimate). */
  estimateWorkflow: (id: string, graph: WorkflowGraph, signal?: AbortSignal) =>
    request<WorkflowCostEstimate>(`/api/workflows/${enc(id)}/estimate`, { method: "POST", json: { graph }, signal }),
  /** Owners: the most credits (CU) one run may cost, or null for no limit (PUT /api/workflows/:id/credit-limit). */
  setWorkflowCreditLimit: (id: string, creditLimitPerRun: number | null) =>
    request<{ creditLimitPerRun: number | null }>(`/api/workflows/${enc(id)}/credit-limit`, { method: "PUT", json: { creditLimitPerRun } }),

  /** The input schema a run would use for a model (GET /api/models/:id/schema). */
  getModelSchema: (modelId: string) => request<ModelSchemaAnswer>(`/api/models/${enc(modelId)}/schema`),

  startRun: (workflowId: string, force?: string[]) =>
    request<{ run: { id: string; status: Run["status"] } }>(`/api/workflows/${enc(workflowId)}/runs`, {
      method: "POST",
      json: force && force.length > 0 ? { force } : {},
    }),
  listRuns: (workflowId: string) => request<{ runs: RunSummary[] }>(`/api/workflows/${enc(workflowId)}/runs`),
  getRun: (id: string) => request<{ run: Run }>(`/api/runs/${enc(id)}`),
  cancelRun: (id: string) => request<{ run: Run }>(`/api/runs/${enc(id)}/cancel`, { method: "POST" }),
  /** The choice at a Pick where the run waits: picked asset ids, or a reject (POST /api/runs/:id/pick). */
  pickCandidates: (id: string, body: { nodeId: string; assetIds: string[] } | { nodeId: string; reject: true }) =>
    request<{ run: Run }>(`/api/runs/${enc(id)}/pick`, { method: "POST", json: body }),
  listWaitingRuns: () => request<{ runs: WaitingRun[] }>("/api/runs?status=waiting"),

  getAsset: (id: string) => request<{ asset: Asset }>(`/api/assets/${enc(id)}`),

  getCatalog: () => request<CatalogInfo>("/api/catalog"),
  refreshCatalog: () => request<CatalogRefreshResult>("/api/catalog/refresh", { method: "POST" }),
  recommend: (body: RecommendRequest, signal?: AbortSignal) =>
    request<RecommendResponse>("/api/recommend", { method: "POST", json: body, signal }),
  plan: (description: string, template?: string) =>
    request<PlanResponse>("/api/plan", { method: "POST", json: template ? { description, template } : { description } }),
};

/** The bytes URL of an asset (the API's `url` shape), for images known only by id. */
export function assetFileUrl(assetId: string): string {
  return `/api/assets/${enc(assetId)}/file`;
}

/** The thumbnail rendition (≤ 512 px WebP) of an asset known only by id; full size is for the lightbox and downloads. */
export function assetThumbUrl(assetId: string): string {
  return `${assetFileUrl(assetId)}?size=thumb`;
}

export { thumbnailUrl } from "@/lib/assets/asset-dto";

/** The same URL, answered as an attachment. */
export function downloadUrl(url: string): string {
  return `${url}${url.includes("?") ? "&" : "?"}download=1`;
}
