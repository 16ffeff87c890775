/**
 * The database guard that keeps two worker processes from executing the same run (and so the
 * same node runs): a lease on the run row (`Run.leaseOwner`, `Run.leaseExpiresAt`), taken and
 * renewed by conditional UPDATEs. A worker executes a run only while it holds the lease; one
 * that dies (SIGKILL) stops renewing it, and once it expires another worker may take the run
 * over, which resumes it: node runs with recorded provider jobs are polled, never resubmitted
 * (lib/engine/submission.ts).
 *
 * Fencing: the store a leased run writes through (`fenceStore`) checks the lease in the database
 * in the same statement as each write when it can (the Prisma store: the write is made only while
 * the run row says this worker holds the lease, and a take-over waits for it), else before every
 * write that can lead to a provider submit (a node starting, a request intent recorded); it
 * refuses every write once the lease is lost, so a stalled worker that wakes up after its lease
 * went to another worker neither submits nor overwrites anything.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../db/generated/client";
import { LeaseNotHeldError } from "../db/types";
import { recordsSubmissionIntent } from "../engine/submission";
import type { ExecutionStore } from "../engine/types";

/** Thrown by a fenced store once its run's lease belongs to another worker. */
export class LeaseLostError extends Error {
  constructor(readonly runId: string) {
    super(`run ${runId}: its lease was taken over by another worker`);
    this.name = "LeaseLostError";
  }
}

/**
 * Takes the lease of run `runId` for `owner` for `seconds` when the run is unfinished and its
 * lease is free, expired, already `owner`'s, or a sweeper's requeue mark (`markForRequeue`).
 * @returns true when `owner` now holds it.
 */
export async function claimRun(db: PrismaClient, runId: string, owner: string, seconds: number): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "Run" SET "leaseOwner" = ${owner}, "leaseExpiresAt" = now() + make_interval(secs => ${seconds}::float8)
    WHERE id = ${runId} AND status IN ('queued', 'running')
      AND ("leaseOwner" IS NULL OR "leaseOwner" = ${owner} OR "leaseExpiresAt" < now() OR "leaseOwner" LIKE 'requeued:%')`;
  return count === 1;
}

/**
 * Marks an orphaned run (no live lease) as sent again, for `seconds`, so that of several
 * sweeping workers only one sends it; any worker's `claimRun` takes the mark over.
 * @returns true when this caller made the mark.
 */
export async function markForRequeue(db: PrismaClient, runId: string, seconds: number): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "Run" SET "leaseOwner" = ${`requeued:${randomUUID()}`}, "leaseExpiresAt" = now() + make_interval(secs => ${seconds}::float8)
    WHERE id = ${runId} AND status IN ('queued', 'running') AND ("leaseOwner" IS NULL OR "leaseExpiresAt" < now())`;
  return count === 1;
}

/**
 * Extends `owner`'s lease of run `runId` by `seconds` from now.
 * @returns the run's status, or null when `owner` no longer holds the lease.
 */
export async function renewLease(db: PrismaClient, runId: string, owner: string, seconds: number): Promise<string | null> {
  const rows = await db.$queryRaw<{ status: string }[]>`
    UPDATE "Run" SET "leaseExpiresAt" = now() + make_interval(secs => ${seconds}::float8)
    WHERE id = ${runId} AND "leaseOwner" = ${owner}
    RETURNING status`;
  return rows[0]?.status ?? null;
}

/** Gives the lease of run `runId` back (the run ended, or the worker is stopping). */
export async function releaseLease(db: PrismaClient, runId: string, owner: string): Promise<void> {
  await db.$executeRaw`UPDATE "Run" SET "leaseOwner" = NULL, "leaseExpiresAt" = NULL WHERE id = ${runId} AND "leaseOwner" = ${owner}`;
}

/** Whether some worker holds a live lease on run `runId`. */
export async function hasLiveLease(db: PrismaClient, runId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT 1 AS n FROM "Run" WHERE id = ${runId} AND "leaseOwner" IS NOT NULL AND "leaseExpiresAt" >= now()`;
  return rows.length > 0;
}

/** What `findOrphanedRuns` counts as left behind, besides runs with an expired lease. */
export interface OrphanCriteria {
  /** A `queued` run nobody leases is orphaned once it is this old (its queue job was lost). */
  queuedOlderThanSeconds: number;
  /**
   * The pg-boss queue that carries runs (lib/queue/pg-boss-queue.ts): a `queued` run nobody leases
   * whose only job there was fetched more than `fetchedOlderThanSeconds` ago is orphaned too.
   * Without it (or when pg-boss's schema is missing) only the Run table is read.
   */
  jobQueue?: { name: string; fetchedOlderThanSeconds: number };
}

/**
 * Runs left by a worker that is gone, at most 100 of each kind, oldest first (a `waiting` run,
 * paused at a Pick, is never one: it waits for a person, not for a worker, and the pick queues it again):
 * - unfinished with an expired lease (also `queued` ones: a worker took them and died before
 *   starting them);
 * - `running` with no lease (left by an embedded queue before the switch to workers);
 * - `queued`, unleased and older than `criteria.queuedOlderThanSeconds` (the web process died
 *   between recording and enqueuing the run);
 * - `queued`, unleased, whose only queue job a worker fetched more than
 *   `criteria.jobQueue.fetchedOlderThanSeconds` ago without claiming the run (claiming is the
 *   first thing a worker does with a job, so that worker died in between, and pg-boss would hold
 *   the job as active for hours).
 * @returns run ids, each once.
 */
export async function findOrphanedRuns(db: PrismaClient, criteria: OrphanCriteria): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Run"
    WHERE status IN ('queued', 'running')
      AND (("leaseOwner" IS NOT NULL AND "leaseExpiresAt" < now())
        OR ("leaseOwner" IS NULL AND (status = 'running' OR "createdAt" < now() - make_interval(secs => ${criteria.queuedOlderThanSeconds}::float8))))
    ORDER BY "createdAt" LIMIT 100`;
  const ids = rows.map((row) => row.id);
  const queue = criteria.jobQueue;
  if (!queue) return ids;
  const fetched = await db.$queryRaw<{ id: string }[]>`
    SELECT r.id FROM "Run" r
    WHERE r.status = 'queued' AND r."leaseOwner" IS NULL
      AND EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = ${queue.name} AND j.data->>'runId' = r.id
        AND j.state = 'active' AND j.started_on < now() - make_interval(secs => ${queue.fetchedOlderThanSeconds}::float8))
      AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = ${queue.name} AND j.data->>'runId' = r.id
        AND j.state IN ('created', 'retry'))
    ORDER BY r."createdAt" LIMIT 100`.catch(() => []);
  return [...new Set([...ids, ...fetched.map((row) => row.id)])];
}

/** A lease held by this worker on one run: `check` verifies it in the database, `lost` once it is gone. */
export interface HeldLease {
  readonly runId: string;
  readonly lost: boolean;
  /**
   * This worker's id in `Run.leaseOwner`. Given, a store that can (`LeaseFenceableStore`) checks
   * the lease in the same statement as each of its writes, instead of a renewal before some of them.
   */
  readonly owner?: string;
  /** Renews the lease now. @throws LeaseLostError when another worker holds it. */
  check(): Promise<void>;
}

/**
 * A store that can check a run's lease in the same statement as each of its writes
 * (lib/runs/prisma-execution-store.ts: `… AND EXISTS (SELECT 1 FROM "Run" WHERE … "leaseOwner" = $me FOR SHARE)`).
 */
export interface LeaseFenceableStore extends ExecutionStore {
  /**
   * This store with every run and node-run write made only while `owner` holds the run's lease.
   * Its writes throw LeaseNotHeldError (lib/db/types.ts), having changed nothing, once `owner` does not.
   */
  fencedBy(owner: string): ExecutionStore;
}

function isLeaseFenceable(store: ExecutionStore): store is LeaseFenceableStore {
  return typeof (store as Partial<LeaseFenceableStore>).fencedBy === "function";
}

/**
 * `store` with every write of run `lease.runId` fenced by the lease (see the module comment);
 * every write is refused once the lease is known to be lost. Reads pass through.
 * - With `lease.owner` and a `LeaseFenceableStore`: each run and node-run write checks the lease in
 *   its own statement (no extra round trip); a write the database refuses marks the lease lost
 *   (`lease.check()`, which stops the run) and throws LeaseLostError.
 * - Otherwise the lease is checked (renewed) in the database before the run starts, a node starts
 *   or a submission intent is recorded.
 */
export function fenceStore(store: ExecutionStore, lease: HeldLease): ExecutionStore {
  const refuseIfLost = () => {
    if (lease.lost) throw new LeaseLostError(lease.runId);
  };
  // A For each's item node runs (lib/engine/loop-node.ts).
  const createNodeRuns = (inner: ExecutionStore) =>
    inner.createNodeRuns
      ? {
          async createNodeRuns(runId: string, nodeRuns: ReadonlyArray<{ nodeId: string; nodeType: string }>) {
            refuseIfLost();
            await inner.createNodeRuns!(runId, nodeRuns);
          },
        }
      : {};
  if (lease.owner !== undefined && isLeaseFenceable(store)) {
    const fenced = store.fencedBy(lease.owner);
    const write = async (run: () => Promise<void>) => {
      refuseIfLost();
      try {
        await run();
      } catch (error) {
        if (!(error instanceof LeaseNotHeldError)) throw error;
        await lease.check(); // finds the lease gone: marks it lost, stops the run, throws
        throw new LeaseLostError(lease.runId);
      }
    };
    return {
      loadNodeRuns: (runId) => fenced.loadNodeRuns(runId),
      findCachedOutputs: (cacheKey) => fenced.findCachedOutputs(cacheKey),
      updateRun: (runId, patch) => write(() => fenced.updateRun(runId, patch)),
      updateNodeRun: (runId, nodeId, patch) => write(() => fenced.updateNodeRun(runId, nodeId, patch)),
      ...createNodeRuns(fenced),
    };
  }
  return {
    ...store,
    async updateRun(runId, patch) {
      refuseIfLost();
      if (patch.status === "running") await lease.check();
      await store.updateRun(runId, patch);
    },
    async updateNodeRun(runId, nodeId, patch) {
      refuseIfLost();
      if (patch.status === "running" || recordsSubmissionIntent(patch.request)) await lease.check();
      await store.updateNodeRun(runId, nodeId, patch);
    },
    ...createNodeRuns(store),
  };
}
