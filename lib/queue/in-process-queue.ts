/**
 * The embedded default run queue (ARCHITECTURE.md "queue/"): runs execute inside the server
 * process, at most `concurrency` at once, in arrival order. Cancellation aborts the run's
 * signal. On start, runs a previous process left queued or running are resumed (their
 * recorded provider job ids are polled, not resubmitted).
 *
 * Scale-out to several worker processes will put an existing job queue on PostgreSQL or Redis
 * behind the same `enqueue` / `cancel` surface.
 */
import { findUnfinishedRuns, updateRun } from "../db/repositories/runs";
import { createLimiter } from "../engine/limiter";
import { executeRunJob } from "../runs/execute-run-job";
import type { ServerContext } from "../server/context";

export class InProcessRunQueue {
  private readonly active = new Map<string, AbortController>();
  private readonly limit: <T>(task: () => Promise<T>) => Promise<T>;
  private readonly idle = new Set<() => void>();
  private readonly ending = new Map<string, Promise<void>>();

  constructor(private readonly ctx: ServerContext, options: { concurrency?: number } = {}) {
    const concurrency = options.concurrency && options.concurrency > 0 ? Math.floor(options.concurrency) : 4;
    this.limit = createLimiter(concurrency);
  }

  /** Queues run `runId`; `force` lists node ids whose output cache is ignored. */
  enqueue(runId: string, options: { force?: readonly string[] } = {}): void {
    if (this.active.has(runId)) return;
    const controller = new AbortController();
    this.active.set(runId, controller);
    const ending = this.limit(() => executeRunJob(this.ctx, runId, { force: options.force, signal: controller.signal }))
      .catch(async (error) => {
        console.error(`Run ${runId} stopped on an unexpected error:`, error);
        await updateRun(this.ctx.db, runId, {
          status: "failed",
          error: `Unexpected error: ${error instanceof Error ? error.message : String(error)}`,
          finishedAt: new Date(),
        }).catch(() => undefined);
        this.ctx.events.emit(runId);
      })
      .finally(() => {
        this.active.delete(runId);
        this.ending.delete(runId);
        if (this.active.size === 0) for (const resolve of this.idle) resolve();
      });
    this.ending.set(runId, ending);
  }

  /** Asks run `runId` to stop; returns false when it is not running in this process. */
  cancel(runId: string): boolean {
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

  /** Re-queues every run left queued or running by a previous process. */
  async resumeUnfinished(): Promise<number> {
    const runs = await findUnfinishedRuns(this.ctx.db);
    for (const run of runs) this.enqueue(run.id);
    return runs.length;
  }
}
