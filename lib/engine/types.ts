/**
 * What the executor needs from the outside world, injected (STYLE.md §3, after n8n's
 * execution-lifecycle hooks): a store that records run and node-run state (and, through it,
 * streams it), an asset store for bytes, and a provider. Pure types.
 */
import type { FileConversion } from "../nodes/prepare-request/types";
import type { ImageRef } from "../nodes/types";

/**
 * Every status a run has, in life-cycle order; the one list engine, database and client share.
 * `waiting`: the run paused at a gate (a Pick) for a person's choice; it holds no worker and no
 * queue job, and it is not terminal (the choice queues it again: lib/runs/pick-candidates.ts).
 */
export const RUN_STATUSES = ["queued", "running", "waiting", "succeeded", "failed", "canceled"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
/** A node run may also be skipped (an upstream node failed); a gate's node run is `waiting` until someone chooses. */
export const NODE_RUN_STATUSES = [...RUN_STATUSES, "skipped"] as const;
export type NodeRunStatus = (typeof NODE_RUN_STATUSES)[number];

/** Statuses a run never leaves (`waiting` is not one of them). */
export const TERMINAL_RUN_STATUSES: ReadonlySet<RunStatus> = new Set(["succeeded", "failed", "canceled"]);

/** True for a run status the run never leaves (succeeded, failed, canceled). */
export function isTerminalRunStatus(status: string): boolean {
  return TERMINAL_RUN_STATUSES.has(status as RunStatus);
}

/**
 * One provider submission of a model node, recorded in `NodeRunState.request.submissions` BEFORE
 * the provider is called (the intent), then completed with the job id. A node run resumed with an
 * intent and no job id, or whose submit lost its answer (`uncertain`), looks the job up with
 * `Provider.findSubmittedJob` and never submits again.
 */
export interface SubmissionRecord {
  /** Which request of the node (one per input image). */
  index: number;
  /** The exact body sent (remote asset ids). */
  body: Record<string, unknown>;
  /** ISO 8601, taken just before the submit call. */
  submittedAt: string;
  /**
   * Random id of this submission, sent as `ModelRequest.submissionId` and used to find its job
   * again (`Provider.findSubmittedJob`); absent on records made before it existed.
   */
  submissionId?: string;
  jobId: string | null;
  /** True when the submit was sent but its answer was lost (ProviderError `submission_unknown`). */
  uncertain?: boolean;
}

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
  /**
   * What was sent: `{ modelId, capability, seed, bodies, notes, submissions: SubmissionRecord[] }`,
   * or `{ refusal }` when the request builder refused the node before anything was sent.
   */
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
  /**
   * Records queued node runs that were not known when the run was created: one per item and body
   * node of a For each loop, keyed `itemRunKey(nodeId, index)` (lib/engine/loop-node.ts). Node runs
   * already recorded (a resumed run) are kept as they are. A store whose `updateNodeRun` creates
   * missing node runs may leave it out.
   */
  createNodeRuns?(runId: string, nodeRuns: ReadonlyArray<{ nodeId: string; nodeType: string }>): Promise<void>;
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
  /**
   * Stores a generated image and returns its reference. Width and height (pixels) are the
   * provider's when it gave them (DownloadedAsset), else read from the bytes.
   */
  saveGenerated(input: {
    bytes: Buffer;
    mimeType: string;
    provenance: AssetProvenance;
    width?: number;
    height?: number;
  }): Promise<ImageRef>;
  /** Converts bytes as the request builder asks before upload (lib/assets/convert-file.ts). */
  convert(input: { bytes: Buffer; mimeType: string }, conversion: FileConversion): Promise<{ bytes: Buffer; mimeType: string }>;
}
