/**
 * The embedded default run queue (ARCHITECTURE.md "queue/"): runs execute inside the server
 * process, at most `concurrency` at once, in arrival order. Cancellation aborts the run's
 * signal. On start, runs a previous process left queued or running are resumed (their
 * recorded provider job ids are polled, not resubmitted).
 *
 * Shutdown (`drain`): the queue stops starting runs (new and waiting ones stay `queued` in the
 * database and resume at the next start), then waits, up to a grace period, until every run it
 * executes has either ended or reached a state a restart resumes without paying twice: no node
 * is between "running" and having all its provider jobs recorded.
 *
 * A run that ends its execution `waiting` (paused at a Pick) leaves the queue; the pick queues it
 * again, also when it arrives while this queue is still finishing the run's execution.
 *
 * Several worker processes use the PostgreSQL job queue instead (lib/queue/pg-boss-queue.ts),
 * behind the same RunQueue surface (lib/queue/types.ts). The queue is told how to execute a
 * run by the `execute` callback; it imports no runs service and no server context.
 */
import type { PrismaClient } from "../db/generated/client";
import { findUnfinishedRuns, updateRun } from "../db/repositories/runs";
import { createLimiter } from "../engine/limiter";
import { runsStillSubmitting } from "./still-submitting";
import type { DrainReport, ExecuteRun, RunQueue } from "./types";
import type { RunChange } from "../runs/run-events";

export interface InProcessRunQueueOptions {
  db: PrismaClient;
  /** Executes one run (lib/runs/execute-run-job.ts). */
  execute: ExecuteRun;
  /** Announces that a run changed (the run event bus). */
  notify(runId: string, change?: RunChange): void;
  /** Runs at once; default 4. */
  concurrency?: number;
}

export class InProcessRunQueue implements RunQueue {
  readonly kind = "in-process";
  private readonly active = new Map<string, AbortController>();
  private readonly limit: <T>(task: () => Promise<T>) => Promise<T>;
  private readonly idle = new Set<() => void>();
  private readonly ending = new Map<string, Promise<void>>();
  /** Runs whose executeRunJob has begun (the others wait for a concurrency slot). */
  private readonly started = new Set<string>();
  /** Runs queued again while their execution was still finishing here (a pick right after the pause). */
  private readonly again = new Map<string, { force?: readonly string[] }>();
  private stopping = false;

  private readonly db: PrismaClient;

  constructor(private readonly options: InProcessRunQueueOptions) {
    this.db = options.db;
    const concurrency = options.concurrency && options.concurrency > 0 ? Math.floor(options.concurrency) : 4;
    this.limit = createLimiter(concurrency);
  }

  /**
   * Queues run `runId`; `force` lists node ids whose output cache is ignored. While draining,
   * does nothing: the run stays `queued` in the database and the next start resumes it.
   */
  async enqueue(runId: string, options: { force?: readonly string[] } = {}): Promise<void> {
    this.enqueueNow(runId, options);
  }

  private enqueueNow(runId: string, options: { force?: readonly string[] } = {}): void {
    if (this.stopping) return;
    if (this.active.has(runId)) {
      this.again.set(runId, options);
      return;
    }
    const controller = new AbortController();
    this.active.set(runId, controller);
    const ending = this.limit(async () => {
      if (this.stopping) return; // left queued for the next start
      this.started.add(runId);
      await this.options.execute(runId, { force: options.force, signal: controller.signal });
    })
      .catch(async (error) => {
        if (this.stopping) {
          // The database closed under a run left for the next start (drain): nothing to record.
          console.log(`Run ${runId} left for the next start (${error instanceof Error ? error.message : String(error)})`);
          return;
        }
        console.error(`Run ${runId} stopped on an unexpected error:`, error);
        await updateRun(this.db, runId, {
          status: "failed",
          error: `Unexpected error: ${error instanceof Error ? error.message : String(error)}`,
          finishedAt: new Date(),
        }).catch(() => undefined);
        this.options.notify(runId, { terminal: true });
      })
      .finally(() => {
        this.active.delete(runId);
        this.started.delete(runId);
        this.ending.delete(runId);
        const again = this.again.get(runId);
        this.again.delete(runId);
        if (again && !this.stopping) this.enqueueNow(runId, again);
        else if (this.active.size === 0) for (const resolve of this.idle) resolve();
      });
    this.ending.set(runId, ending);
  }

  /** Asks run `runId` to stop; returns false when it is not running in this process. */
  async cancel(runId: string): Promise<boolean> {
    const controller = this.active.get(runId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /** Resolves when run `runId` stops executing here, or after `timeoutMs` milliseconds. */
  whenRunEnds(runId: string, timeoutMs: number): Promise<void> {
    const ending = this.ending.get(runId);
    if (!ending) return Promise.resolve();
    return Promise.race([ending, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref?.())]);
  }

  isActive(runId: string): boolean {
    return this.active.has(runId);
  }

  /** Resolves when no run is executing (tests, graceful shutdown). */
  whenIdle(): Promise<void> {
    if (this.active.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.idle.delete(done);
        resolve();
      };
      this.idle.add(done);
    });
  }

  /** True once `drain` was called: no run starts any more. */
  get draining(): boolean {
    return this.stopping;
  }

  /**
   * Stops starting runs and waits until every executing run has ended or is safe to leave (see
   * the module comment), polling the database every `pollMs` (default 100 ms), for at most
   * `graceMs` milliseconds.
   * @returns the ids of runs still executing when it returned, and whether each was safe to
   *   leave (`unsafe` lists runs with a node still submitting when the grace period ran out).
   */
  async drain(options: { graceMs: number; pollMs?: number }): Promise<DrainReport> {
    this.stopping = true;
    const deadline = Date.now() + Math.max(0, options.graceMs);
    const pollMs = options.pollMs ?? 100;
    for (;;) {
      const running = [...this.started];
      const unsafe = running.length === 0 ? [] : await runsStillSubmitting(this.db, running).catch(() => running);
      if (unsafe.length === 0 || Date.now() >= deadline) return { left: [...this.started], unsafe };
      await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, Math.max(1, deadline - Date.now()))));
    }
  }

  /** Re-queues every run left queued or running by a previous process. */
  async resumeUnfinished(): Promise<number> {
    const runs = await findUnfinishedRuns(this.db);
    for (const run of runs) this.enqueueNow(run.id);
    return runs.length;
  }
}
