/**
 * Shapes of the HTTP API's JSON answers, as the browser sees them (see the API contract in
 * app/api). Kept apart from the server's Prisma types so the client bundle imports no server code.
 */
import type { GraphIssue } from "@/lib/graph/issues";
import type { WorkflowGraph } from "@/lib/graph/schema";

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

/** An image produced by a node. */
export interface RunImage {
  assetId: string;
  url: string;
  width: number;
  height: number;
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

export interface ApiErrorBody {
  error: { code: string; message: string; details?: { issues?: GraphIssue[]; currentVersion?: number } & Record<string, unknown> };
}
