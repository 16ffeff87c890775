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
  /** Runs whose executeRunJob has begun (the others wait for a concurrency slot). */
  private readonly started = new Set<string>();
  private stopping = false;

  constructor(private readonly ctx: ServerContext, options: { concurrency?: number } = {}) {
    const concurrency = options.concurrency && options.concurrency > 0 ? Math.floor(options.concurrency) : 4;
    this.limit = createLimiter(concurrency);
  }

  /**
   * Queues run `runId`; `force` lists node ids whose output cache is ignored. While draining,
   * does nothing: the run stays `queued` in the database and the next start resumes it.
   */
  enqueue(runId: string, options: { force?: readonly string[] } = {}): void {
    if (this.active.has(runId) || this.stopping) return;
    const controller = new AbortController();
    this.active.set(runId, controller);
    const ending = this.limit(async () => {
      if (this.stopping) return; // left queued for the next start
      this.started.add(runId);
      await executeRunJob(this.ctx, runId, { force: options.force, signal: controller.signal });
    })
      .catch(async (error) => {
        if (this.stopping) {
          // The database closed under a run left for the next start (drain): nothing to record.
          console.log(`Run ${runId} left for the next start (${error instanceof Error ? error.message : String(error)})`);
          return;
        }
        console.error(`Run ${runId} stopped on an unexpected error:`, error);
        await updateRun(this.ctx.db, runId, {
          status: "failed",
          error: `Unexpected error: ${error instanceof Error ? error.message : String(error)}`,
          finishedAt: new Date(),
        }).catch(() => undefined);
        this.ctx.events.emit(runId, { terminal: true });
      })
      .finally(() => {
        this.active.delete(runId);
        this.started.delete(runId);
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
  async drain(options: { graceMs: number; pollMs?: number }): Promise<{ left: string[]; unsafe: string[] }> {
    this.stopping = true;
    const deadline = Date.now() + Math.max(0, options.graceMs);
    const pollMs = options.pollMs ?? 100;
    for (;;) {
      const running = [...this.started];
      const unsafe = running.length === 0 ? [] : await this.runsStillSubmitting(running).catch(() => running);
      if (unsafe.length === 0 || Date.now() >= deadline) return { left: [...this.started], unsafe };
      await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, Math.max(1, deadline - Date.now()))));
    }
  }

  /**
   * Runs among `runIds` with a node that is running but has fewer recorded provider jobs than
   * requests: it may be waiting for a submit's answer, which a restart could not find again.
   */
  private async runsStillSubmitting(runIds: string[]): Promise<string[]> {
    const nodes = await this.ctx.db.nodeRun.findMany({
      where: { runId: { in: runIds }, status: "running" },
      select: { runId: true, request: true, providerJobIds: true },
    });
    const busy = new Set<string>();
    for (const node of nodes) {
      const jobs = Array.isArray(node.providerJobIds) ? node.providerJobIds.length : 0;
      const bodies = (node.request as { bodies?: unknown } | null)?.bodies;
      const expected = Array.isArray(bodies) ? bodies.length : 1;
      if (jobs < expected) busy.add(node.runId);
    }
    return [...busy];
  }

  /** Re-queues every run left queued or running by a previous process. */
  async resumeUnfinished(): Promise<number> {
    const runs = await findUnfinishedRuns(this.ctx.db);
    for (const run of runs) this.enqueue(run.id);
    return runs.length;
  }
}
