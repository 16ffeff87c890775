/**
 * What the executor needs from the outside world, injected (STYLE.md §3, after n8n's
 * execution-lifecycle hooks): a store that records run and node-run state (and, through it,
 * streams it), an asset store for bytes, and a provider. Pure types.
 */
import type { ImageRef } from "../nodes/types";

export type RunStatus = "queued" | "running" | "succeeded" | "failed" | "canceled";
export type NodeRunStatus = RunStatus | "skipped";

export const TERMINAL_RUN_STATUSES: ReadonlySet<RunStatus> = new Set(["succeeded", "failed", "canceled"]);

/** What a node run has recorded; the store persists it. */
export interface NodeRunState {
  nodeId: string;
  nodeType: string;
  status: NodeRunStatus;
  /** 0 to 1. */
  progress: number;
  cached: boolean;
  cacheKey: string | null;
  model: string | null;
  modelReason: string | null;
  /** What was sent: `{ modelId, capability, seed, bodies }`. */
  request: Record<string, unknown> | null;
  /** Provider job ids, persisted as soon as each job is submitted (resume after restart). */
  providerJobIds: string[];
  outputs: ImageRef[];
  error: string | null;
  attempts: number;
  /** Credits (CU). */
  credits: number | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export type NodeRunPatch = Partial<Omit<NodeRunState, "nodeId" | "nodeType">>;

export interface RunPatch {
  status?: RunStatus;
  error?: string | null;
  startedAt?: Date | null;
  finishedAt?: Date | null;
  /** Credits (CU) spent by the run. */
  credits?: number | null;
  outputs?: RunOutput[];
}

/** An image returned by the run: what an Output node received. */
export interface RunOutput extends ImageRef {
  nodeId: string;
  label: string;
}

/** Records the run's life cycle. Implementations: in memory (tests, bench), Prisma (the studio). */
export interface ExecutionStore {
  /** Node runs already recorded for this run (used to resume after a restart). */
  loadNodeRuns(runId: string): Promise<NodeRunState[]>;
  updateRun(runId: string, patch: RunPatch): Promise<void>;
  updateNodeRun(runId: string, nodeId: string, patch: NodeRunPatch): Promise<void>;
  /** Outputs of the latest succeeded node run with this cache key whose assets still exist, or null. */
  findCachedOutputs(cacheKey: string): Promise<ImageRef[] | null>;
}

/** Provenance recorded on each generated asset (ARCHITECTURE.md "Persistence", Asset). */
export interface AssetProvenance {
  runId: string;
  nodeId: string;
  nodeType: string;
  model: string;
  capability: string;
  prompt: string | null;
  parameters: Record<string, unknown>;
  seed: number | null;
  /** Credits (CU) of the job that made it. */
  credits: number | null;
  parentAssetIds: string[];
  providerJobId: string;
  provider: string;
}

/** Studio asset bytes and records. */
export interface AssetStore {
  /** Bytes and type of a studio asset. @throws Error when it does not exist. */
  read(assetId: string): Promise<{ bytes: Buffer; mimeType: string; ref: ImageRef }>;
  /** Stores a generated image and returns its reference (width and height read from the bytes). */
  saveGenerated(input: { bytes: Buffer; mimeType: string; provenance: AssetProvenance }): Promise<ImageRef>;
}
