/**
 * The run queue's surface, the same for the embedded in-process queue
 * (lib/queue/in-process-queue.ts) and the PostgreSQL job queue (lib/queue/pg-boss-queue.ts).
 * A queue does not know how a run executes: it is given an `ExecuteRun` callback.
 */

/** Options of one execution of a run. */
export interface ExecuteRunOptions {
  /** Node ids whose output cache is ignored. */
  force?: readonly string[];
  /** Aborted when the run is canceled (or its lease is lost). */
  signal?: AbortSignal;
}

/** Drives run `runId` to a terminal status (lib/runs/execute-run-job.ts in the studio). */
export type ExecuteRun = (runId: string, options: ExecuteRunOptions) => Promise<void>;

/** What `drain` answers: runs still executing here, and which of them had a node still submitting. */
export interface DrainReport {
  left: string[];
  unsafe: string[];
}

export interface RunQueue {
  /** "in-process" or "pg-boss". */
  readonly kind: string;
  /** Hands run `runId` (already recorded as queued) to whoever executes runs. */
  enqueue(runId: string, options?: { force?: readonly string[] }): Promise<void>;
  /**
   * Asks run `runId` to stop wherever it executes. Resolves true when some process was
   * executing it (it then ends `canceled` by itself), false when none was.
   */
  cancel(runId: string): Promise<boolean>;
  /** Resolves when run `runId` stops executing, or after `timeoutMs` milliseconds. */
  whenRunEnds(runId: string, timeoutMs: number): Promise<void>;
  /** Resolves when this process executes no run (tests, graceful shutdown). */
  whenIdle(): Promise<void>;
  /** Stops starting runs; waits up to `graceMs` until the runs executing here are safe to leave. */
  drain(options: { graceMs: number; pollMs?: number }): Promise<DrainReport>;
  /** True once `drain` was called. */
  readonly draining: boolean;
  /** Re-queues runs a previous process left unfinished; returns how many. */
  resumeUnfinished(): Promise<number>;
  /** Releases connections (after drain). */
  close?(): Promise<void>;
}
