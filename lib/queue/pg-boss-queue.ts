/**
 * The run queue of a scaled-out studio: a PostgreSQL job queue (pg-boss 10, schema `pgboss` in
 * the studio's database), shared by any number of web and worker processes.
 *
 * - A web process (`worker` not given) only enqueues: `enqueue` sends a job `{ runId, force }`.
 * - A worker process (scripts/worker.ts) also takes jobs, `concurrency` at once, and executes
 *   each with the `execute` callback while it holds the run's lease (lib/queue/run-lease.ts):
 *   taken before executing, renewed every third of `leaseSeconds`, checked before anything that
 *   can submit a provider job. A job whose run is finished or leased by a live worker is done
 *   at once without executing anything.
 * - Every worker sweeps every `leaseSeconds / 2` for runs whose worker is gone (`findOrphanedRuns`
 *   of lib/queue/run-lease.ts decides which): one sweeper marks such a run (a conditional UPDATE, so only one wins) and
 *   sends a job for it, which any worker picks up and resumes: recorded provider jobs are polled,
 *   never submitted again.
 * - Cancel: the request is broadcast (PostgreSQL NOTIFY); the worker executing the run aborts it.
 *
 * pg-boss's own expiry (4 h) and retries (3) only cover a job lost by pg-boss itself; the
 * lease, not the job, decides who executes a run. Server-only.
 */
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import type { PrismaClient } from "../db/generated/client";
import { updateRun } from "../db/repositories/runs";
import { TERMINAL_RUN_STATUSES, type RunStatus } from "../engine/types";
import type { PgRunEvents } from "../runs/pg-run-events";
import {
  claimRun,
  findOrphanedRuns,
  hasLiveLease,
  LeaseLostError,
  markForRequeue,
  releaseLease,
  renewLease,
  type HeldLease,
} from "./run-lease";
import { runsStillSubmitting } from "./still-submitting";
import type { DrainReport, ExecuteRunOptions, RunQueue } from "./types";

/** The pg-boss queue that carries runs. */
export const RUN_JOB_QUEUE = "studio-runs";

interface RunJobData {
  runId: string;
  force?: string[];
}

export interface PgBossWorkerOptions {
  /** Executes one run; `options.lease` fences its writes (lib/runs/execute-run-job.ts). */
  execute(runId: string, options: ExecuteRunOptions & { lease: HeldLease }): Promise<void>;
  /** Runs this process executes at once; default 4. */
  concurrency?: number;
  /** Lease duration in seconds (default 30): how long a dead worker's run waits before another takes it. */
  leaseSeconds?: number;
  /** How often an idle worker asks for a job, in seconds (default 0.5, pg-boss's minimum). */
  pollSeconds?: number;
  /** Queued runs nobody leases for this long (seconds) are sent again; default 600. */
  requeueQueuedAfterSeconds?: number;
}

export interface PgBossRunQueueOptions {
  /** PostgreSQL URL (DATABASE_URL). */
  url: string;
  db: PrismaClient;
  events: PgRunEvents;
  /** Given in worker processes only. */
  worker?: PgBossWorkerOptions;
}

export class PgBossRunQueue implements RunQueue {
  readonly kind = "pg-boss";
  /** Identifies this process in `Run.leaseOwner`. */
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly boss: PgBoss;
  private readonly active = new Map<string, { controller: AbortController; ending: Promise<void>; settled: Promise<void> }>();
  private readonly idle = new Set<() => void>();
  private sweepTimer: ReturnType<typeof setInterval> | undefined;
  private unsubscribeCancel = () => {};
  private stopping = false;
  private started: Promise<void>;

  constructor(private readonly options: PgBossRunQueueOptions) {
    this.boss = new PgBoss({ connectionString: options.url, application_name: "workflow-studio", max: 4 });
    this.boss.on("error", (error) => console.error("Run queue (pg-boss):", error instanceof Error ? error.message : error));
    this.started = this.start();
    this.started.catch(() => undefined);
  }

  private get leaseSeconds(): number {
    return Math.max(2, this.options.worker?.leaseSeconds ?? 30);
  }

  /**
   * How long a sweeper's requeue mark holds (3 leases, at least 10 s): if the job it sent is
   * lost (taken by a worker that dies before claiming the run), the run is found and sent again
   * once the mark expires. A job that merely waits longer is sent twice, which is harmless: the
   * lease, not the job, decides who executes a run.
   */
  private get requeueMarkSeconds(): number {
    return Math.max(10, this.leaseSeconds * 3);
  }

  private async start(): Promise<void> {
    await this.boss.start();
    // Processes starting together may deadlock creating the queue's partition: try again.
    for (let attempt = 1; ; attempt++) {
      try {
        if (!(await this.boss.getQueue(RUN_JOB_QUEUE))) {
          await this.boss.createQueue(RUN_JOB_QUEUE, {
            name: RUN_JOB_QUEUE,
            policy: "standard",
            retryLimit: 3,
            retryDelay: 2,
            expireInHours: 4,
          });
        }
        break;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 800));
      }
    }
    const worker = this.options.worker;
    if (!worker) return;
    this.unsubscribeCancel = this.options.events.onCancelRequest((runId) => this.active.get(runId)?.controller.abort());
    const concurrency = Math.max(1, Math.floor(worker.concurrency ?? 4));
    for (let slot = 0; slot < concurrency; slot++) {
      await this.boss.work<RunJobData>(
        RUN_JOB_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: worker.pollSeconds ?? 0.5 },
        // The slot takes its next job as soon as the run has stopped executing: the lease's
        // release and the re-send check after it (`handle`) overlap pg-boss's complete and fetch.
        async ([job]) => {
          await this.handle(job.data).executed;
        },
      );
    }
    const everyMs = (this.leaseSeconds * 1000) / 2;
    this.sweepTimer = setInterval(() => void this.sweep().catch((e) => console.error("Run queue sweep failed:", e?.message ?? e)), everyMs);
    this.sweepTimer.unref?.();
  }

  /** Resolves once pg-boss is started (and, in a worker, taking jobs). @throws when it cannot start. */
  whenStarted(): Promise<void> {
    return this.started;
  }

  async enqueue(runId: string, options: { force?: readonly string[] } = {}): Promise<void> {
    if (this.stopping) return; // stays queued; a worker's sweep sends it again later
    await this.started;
    await this.boss.send(RUN_JOB_QUEUE, { runId, force: options.force?.length ? [...options.force] : undefined });
  }

  /**
   * Executes one job's run here if its lease can be taken (see the module comment).
   * @returns `executed`: resolves once the run stopped executing here (or was not taken), before
   *   its lease is given back; rejects when the job could not be handled (the database failed
   *   before the run started), so that pg-boss retries the job.
   */
  private handle(data: RunJobData): { executed: Promise<void> } {
    let markExecuted = () => {};
    let failed = (_error: unknown) => {};
    const executed = new Promise<void>((resolve, reject) => {
      markExecuted = resolve;
      failed = reject;
    });
    this.execute(data, markExecuted).then(markExecuted, (error) => {
      failed(error); // no effect once the run has executed: its lease's release is best effort
      console.error(`Run ${data.runId}: the run queue could not handle its job:`, error instanceof Error ? error.message : error);
    });
    return { executed };
  }

  private async execute(data: RunJobData, markExecuted: () => void): Promise<void> {
    const { db } = this.options;
    const worker = this.options.worker!;
    const runId = data.runId;
    // A job for a run this worker is still unwinding (its lease went to another worker, which may
    // have died since, and a sweeper sent the run again): wait until it is gone, then claim the run
    // like any job, so that this job is not dropped while the run waits for nobody.
    await this.active.get(runId)?.settled;
    if (this.stopping || this.active.has(runId)) return;
    // The forced nodes still to force are read alongside the claim (one round trip less before the
    // run starts); the answer is used only when the claim is won.
    const [claimed, force] = await Promise.all([
      claimRun(db, runId, this.workerId, this.leaseSeconds),
      this.stillForced(runId, data.force).catch(() => null),
    ]);
    if (!claimed) return;
    const controller = new AbortController();
    const owner = this.workerId;
    const seconds = this.leaseSeconds;
    const lease: HeldLease & { lost: boolean } = {
      runId,
      // With its owner, the store fences each write in the write's own statement (run-lease.ts).
      owner,
      lost: false,
      async check() {
        if (this.lost) throw new LeaseLostError(runId);
        const status = await renewLease(db, runId, owner, seconds);
        if (status === null) {
          this.lost = true;
          controller.abort();
          throw new LeaseLostError(runId);
        }
        if (status === "canceled") controller.abort();
      },
    };
    const renew = setInterval(() => void lease.check().catch(() => undefined), (seconds * 1000) / 3);
    let finished = false;
    const ending = (async () => {
      try {
        await worker.execute(runId, {
          force: force === null ? await this.stillForced(runId, data.force) : force,
          signal: controller.signal,
          lease,
        });
        finished = true;
      } catch (error) {
        if (lease.lost || error instanceof LeaseLostError) {
          console.log(`Run ${runId}: another worker took it over; this worker stopped executing it.`);
        } else if (this.stopping) {
          console.log(`Run ${runId} left for another worker (${error instanceof Error ? error.message : String(error)})`);
        } else {
          console.error(`Run ${runId} stopped on an unexpected error:`, error);
          await updateRun(db, runId, {
            status: "failed",
            error: `Unexpected error: ${error instanceof Error ? error.message : String(error)}`,
            finishedAt: new Date(),
          }).catch(() => undefined);
          this.options.events.emit(runId);
          finished = true;
        }
      } finally {
        clearInterval(renew);
      }
    })();
    let markSettled = () => {};
    const settled = new Promise<void>((resolve) => (markSettled = resolve));
    this.active.set(runId, { controller, ending, settled });
    try {
      await ending;
      markExecuted();
      // A run left by a stopping worker keeps its lease until it expires, so no other worker
      // starts it while this process may still be writing.
      if (finished && !lease.lost) {
        await releaseLease(db, runId, owner).catch(() => undefined);
        // Picked while this worker was still finishing the pause: its job found the lease taken, so send it again.
        const now = await db.run.findUnique({ where: { id: runId }, select: { status: true } }).catch(() => null);
        if (now?.status === "queued" && !this.stopping) await this.boss.send(RUN_JOB_QUEUE, { runId });
      }
    } finally {
      this.active.delete(runId);
      markSettled();
      if (this.active.size === 0) for (const resolve of this.idle) resolve();
    }
  }

  /**
   * Sends a job for each run whose worker is gone. The run is first marked `requeued:<id>` for
   * `requeueMarkSeconds` by a conditional UPDATE, so that of several sweeping workers only one sends it.
   * @returns how many runs were sent again.
   */
  private async sweep(): Promise<number> {
    if (this.stopping) return 0;
    const { db } = this.options;
    const orphans = await findOrphanedRuns(db, {
      queuedOlderThanSeconds: this.options.worker?.requeueQueuedAfterSeconds ?? 600,
      jobQueue: { name: RUN_JOB_QUEUE, fetchedOlderThanSeconds: this.leaseSeconds },
    });
    let sent = 0;
    for (const runId of orphans) {
      if (!(await markForRequeue(db, runId, this.requeueMarkSeconds))) continue;
      await this.boss.send(RUN_JOB_QUEUE, { runId, force: await this.forcedNodes(runId) });
      sent++;
    }
    if (sent) console.log(`Run queue: ${sent} run(s) left by a stopped worker sent to the queue again.`);
    return sent;
  }

  /**
   * `force` less the nodes that already succeeded in this run: a resumed run re-derives their
   * outputs from the cache (their own outputs) instead of submitting them again.
   */
  private async stillForced(runId: string, force: string[] | undefined): Promise<string[] | undefined> {
    if (!force?.length) return force;
    const done = await this.options.db.nodeRun.findMany({ where: { runId, status: "succeeded" }, select: { nodeId: true } });
    const succeeded = new Set(done.map((n) => n.nodeId));
    return force.filter((id) => !succeeded.has(id));
  }

  /** The `force` list the run was first enqueued with (kept in pg-boss's own job table), so a resumed run still skips the cache for those nodes. */
  private async forcedNodes(runId: string): Promise<string[] | undefined> {
    const rows = await this.options.db.$queryRaw<{ force: string[] | null }[]>`
      SELECT data->'force' AS force FROM pgboss.job
      WHERE name = ${RUN_JOB_QUEUE} AND data->>'runId' = ${runId} AND data ? 'force'
      ORDER BY created_on LIMIT 1`.catch(() => []);
    const force = rows[0]?.force;
    return Array.isArray(force) && force.length ? force : undefined;
  }

  async cancel(runId: string): Promise<boolean> {
    const local = this.active.get(runId);
    if (local) {
      local.controller.abort();
      return true;
    }
    if (!(await hasLiveLease(this.options.db, runId))) return false;
    await this.options.events.requestCancel(runId);
    return true;
  }

  async whenRunEnds(runId: string, timeoutMs: number): Promise<void> {
    const local = this.active.get(runId);
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref?.());
    if (local) return Promise.race([local.ending, deadline]);
    const ended = new Promise<void>((resolve) => {
      const check = async () => {
        const run = await this.options.db.run.findUnique({ where: { id: runId }, select: { status: true } }).catch(() => null);
        if (!run || TERMINAL_RUN_STATUSES.has(run.status as RunStatus)) {
          unsubscribe();
          resolve();
        }
      };
      const unsubscribe = this.options.events.subscribe(runId, () => void check());
      void check();
      void deadline.then(unsubscribe);
    });
    return Promise.race([ended, deadline]);
  }

  get draining(): boolean {
    return this.stopping;
  }

  /** Resolves when this process executes no run. */
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

  /**
   * Stops taking jobs, then waits (at most `graceMs`) until every run executing here has ended
   * or has all its provider jobs recorded (safe for another worker to resume).
   */
  async drain(options: { graceMs: number; pollMs?: number }): Promise<DrainReport> {
    this.stopping = true;
    clearInterval(this.sweepTimer);
    if (this.options.worker) await this.boss.offWork(RUN_JOB_QUEUE).catch(() => undefined);
    const deadline = Date.now() + Math.max(0, options.graceMs);
    for (;;) {
      const running = [...this.active.keys()];
      const unsafe = running.length === 0 ? [] : await runsStillSubmitting(this.options.db, running).catch(() => running);
      if (unsafe.length === 0 || Date.now() >= deadline) return { left: [...this.active.keys()], unsafe };
      await new Promise((resolve) => setTimeout(resolve, Math.min(options.pollMs ?? 100, Math.max(1, deadline - Date.now()))));
    }
  }

  /** In a worker, sends runs whose worker is gone again; a web process leaves that to the workers. */
  async resumeUnfinished(): Promise<number> {
    if (!this.options.worker) return 0;
    await this.started;
    return this.sweep();
  }

  /** Stops pg-boss (without waiting for handlers: call drain first). */
  async close(): Promise<void> {
    this.stopping = true;
    clearInterval(this.sweepTimer);
    this.unsubscribeCancel();
    await this.started.catch(() => undefined);
    await this.boss.stop({ graceful: false, wait: true, timeout: 2000 }).catch(() => undefined);
  }
}
