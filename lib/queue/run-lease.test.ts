/**
 * The run lease on a real PostgreSQL (skipped, saying so, when none answers at
 * SCALE_TEST_PG_URL): of two workers only one can claim a run; the other may take it over only
 * after the lease expired; a queued run whose queue job a worker fetched and never claimed counts
 * as orphaned once a lease has passed; a worker whose lease was taken over can no longer write the run.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_URL, postgresReachable } from "@/tests/scale/cluster-harness";
import type { Db } from "../db/client";
import type { ExecutionStore } from "../engine/types";
import { createRunStores } from "../runs/prisma-execution-store";
import { RunEventBus } from "../runs/run-events";
import type { ServerServices } from "../server/services";
import {
  claimRun,
  fenceStore,
  findOrphanedRuns,
  LeaseLostError,
  markForRequeue,
  releaseLease,
  renewLease,
  type HeldLease,
} from "./run-lease";

const reachable = await postgresReachable();
if (!reachable) console.warn(`Run lease tests skipped: PostgreSQL is unreachable at ${ADMIN_URL}.`);

describe.skipIf(!reachable)("run lease (PostgreSQL)", () => {
  const database = `studio_lease_${randomUUID().replace(/-/g, "").slice(0, 10)}`;
  let db: Db;
  let runId: string;
  let databaseUrl: string;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
    const { openDatabase } = await import("../db/client");
    db = await openDatabase({ url: databaseUrl });
    const workflow = await db.prisma.workflow.create({ data: { name: "Lease", graph: { nodes: [], edges: [] } } });
    const version = await db.prisma.workflowVersion.create({
      data: { workflowId: workflow.id, version: 1, graph: { nodes: [], edges: [] } },
    });
    runId = (await db.prisma.run.create({ data: { workflowId: workflow.id, workflowVersionId: version.id, status: "running" } })).id;
  }, 60_000);

  afterAll(async () => {
    await db?.close();
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it("lets one of two concurrent workers claim a run, and the other only after the lease expired", async () => {
    const claims = await Promise.all([claimRun(db.prisma, runId, "worker-a", 1), claimRun(db.prisma, runId, "worker-b", 1)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const [winner, loser] = claims[0] ? ["worker-a", "worker-b"] : ["worker-b", "worker-a"];
    expect(await renewLease(db.prisma, runId, loser, 1)).toBeNull();
    expect(await renewLease(db.prisma, runId, winner, 1)).toBe("running");
    expect(await findOrphanedRuns(db.prisma, { queuedOlderThanSeconds: 600 })).not.toContain(runId);

    await new Promise((r) => setTimeout(r, 1200)); // the winner "died": no renewal
    expect(await findOrphanedRuns(db.prisma, { queuedOlderThanSeconds: 600 })).toContain(runId);
    // Two sweepers: one marks it for the queue.
    const marks = await Promise.all([markForRequeue(db.prisma, runId, 60), markForRequeue(db.prisma, runId, 60)]);
    expect(marks.filter(Boolean)).toHaveLength(1);
    expect(await claimRun(db.prisma, runId, loser, 30)).toBe(true);
    expect(await renewLease(db.prisma, runId, winner, 30)).toBeNull();
    await releaseLease(db.prisma, runId, loser);
  });

  it("refuses every write of a worker whose lease went to another worker", async () => {
    expect(await claimRun(db.prisma, runId, "stalled", 30)).toBe(true);
    const writes: string[] = [];
    const store: ExecutionStore = {
      loadNodeRuns: async () => [],
      updateRun: async () => void writes.push("run"),
      updateNodeRun: async (_r, nodeId) => void writes.push(nodeId),
      findCachedOutputs: async () => null,
    };
    const lease: HeldLease & { lost: boolean } = {
      runId,
      lost: false,
      async check() {
        if ((await renewLease(db.prisma, runId, "stalled", 30)) === null) {
          this.lost = true;
          throw new LeaseLostError(runId);
        }
      },
    };
    const fenced = fenceStore(store, lease);
    await fenced.updateNodeRun(runId, "a", { status: "running" });
    // Another worker takes the run over (the stalled worker's lease is made to expire).
    await db.prisma.run.update({ where: { id: runId }, data: { leaseExpiresAt: new Date(Date.now() - 1000) } });
    expect(await claimRun(db.prisma, runId, "rescuer", 30)).toBe(true);
    await expect(fenced.updateNodeRun(runId, "b", { status: "running" })).rejects.toBeInstanceOf(LeaseLostError);
    await expect(fenced.updateNodeRun(runId, "a", { status: "succeeded" })).rejects.toBeInstanceOf(LeaseLostError);
    expect(writes).toEqual(["a"]);
  });

  it("the studio's store checks the lease in the statement of each write: a worker whose run was taken over writes nothing and learns it lost the lease", async () => {
    const { workflowId, workflowVersionId } = await db.prisma.run.findUniqueOrThrow({ where: { id: runId } });
    const leased = (await db.prisma.run.create({ data: { workflowId, workflowVersionId, status: "running" } })).id;
    await db.prisma.nodeRun.create({ data: { runId: leased, nodeId: "a", nodeType: "removeBackground" } });
    await db.prisma.nodeRun.create({ data: { runId: leased, nodeId: "b", nodeType: "removeBackground" } });
    expect(await claimRun(db.prisma, leased, "worker-1", 30)).toBe(true);
    const services = { db: db.prisma, events: new RunEventBus() } as unknown as ServerServices;
    const { store } = createRunStores(services, { teamId: null });
    let checks = 0;
    const lease: HeldLease & { lost: boolean } = {
      runId: leased,
      owner: "worker-1",
      lost: false,
      async check() {
        checks++;
        if ((await renewLease(db.prisma, leased, "worker-1", 30)) === null) {
          this.lost = true;
          throw new LeaseLostError(leased);
        }
      },
    };
    const fenced = fenceStore(store, lease);
    const intent = { index: 0, body: {}, submittedAt: new Date().toISOString(), jobId: null };
    await fenced.updateNodeRun(leased, "a", { status: "running", request: { submissions: [intent] } });
    await fenced.updateNodeRun(leased, "a", { status: "succeeded", progress: 1 });
    expect(checks).toBe(0); // no round trip of its own while the lease is held
    expect(await db.prisma.nodeRun.findFirst({ where: { runId: leased, nodeId: "a" } })).toMatchObject({ status: "succeeded" });

    // Worker 1 stalls; its lease expires and worker 2 takes the run over.
    await db.prisma.run.update({ where: { id: leased }, data: { leaseExpiresAt: new Date(Date.now() - 1000) } });
    expect(await claimRun(db.prisma, leased, "worker-2", 30)).toBe(true);
    await expect(fenced.updateNodeRun(leased, "b", { status: "running", request: { submissions: [intent] } })).rejects.toBeInstanceOf(
      LeaseLostError,
    );
    expect(lease.lost).toBe(true);
    await expect(fenced.updateRun(leased, { status: "failed" })).rejects.toBeInstanceOf(LeaseLostError);
    expect(await db.prisma.nodeRun.findFirst({ where: { runId: leased, nodeId: "b" } })).toMatchObject({ status: "queued", request: null });
    expect(await db.prisma.run.findUnique({ where: { id: leased } })).toMatchObject({ status: "running", leaseOwner: "worker-2" });
  });

  it("counts a queued run as orphaned once a worker fetched its queue job and never claimed it for a lease's length", async () => {
    const { workflowId, workflowVersionId } = await db.prisma.run.findUniqueOrThrow({ where: { id: runId } });
    const fetchedRun = (await db.prisma.run.create({ data: { workflowId, workflowVersionId, status: "queued" } })).id;
    const waitingRun = (await db.prisma.run.create({ data: { workflowId, workflowVersionId, status: "queued" } })).id;
    const boss = new PgBoss({ connectionString: databaseUrl, max: 2 });
    await boss.start();
    try {
      await boss.createQueue("runs-test");
      await boss.send("runs-test", { runId: fetchedRun });
      const [taken] = await boss.fetch<{ runId: string }>("runs-test"); // the worker that fetched it dies here
      expect(taken.data.runId).toBe(fetchedRun);
      await boss.send("runs-test", { runId: waitingRun }); // still waiting for a worker: not orphaned
      const criteria = { queuedOlderThanSeconds: 600, jobQueue: { name: "runs-test", fetchedOlderThanSeconds: 1 } };
      expect(await findOrphanedRuns(db.prisma, criteria)).not.toContain(fetchedRun);
      await new Promise((r) => setTimeout(r, 1200));
      const orphans = await findOrphanedRuns(db.prisma, criteria);
      expect(orphans).toContain(fetchedRun);
      expect(orphans).not.toContain(waitingRun);
      // Without the queue, only the Run table decides: a fresh queued run is not orphaned.
      expect(await findOrphanedRuns(db.prisma, { queuedOlderThanSeconds: 600 })).not.toContain(fetchedRun);
    } finally {
      await boss.stop({ graceful: false, wait: true, timeout: 2000 });
    }
  });
});

describe("fenced store", () => {
  it("checks the lease before a node starts and before a submission intent, not when a job id is recorded", async () => {
    let checks = 0;
    const writes: string[] = [];
    const store: ExecutionStore = {
      loadNodeRuns: async () => [],
      updateRun: async () => void writes.push("run"),
      updateNodeRun: async (_r, nodeId) => void writes.push(nodeId),
      findCachedOutputs: async () => null,
    };
    const fenced = fenceStore(store, { runId: "r", lost: false, check: async () => void checks++ });
    const intent = { index: 0, body: {}, submittedAt: new Date().toISOString(), jobId: null };
    await fenced.updateNodeRun("r", "a", { status: "running", request: { submissions: [intent] } });
    expect(checks).toBe(1);
    await fenced.updateNodeRun("r", "a", { request: { submissions: [{ ...intent, jobId: "job_1" }] }, providerJobIds: ["job_1"] });
    expect(checks).toBe(1);
    // A second body's intent, after the first job id: checked again.
    await fenced.updateNodeRun("r", "a", {
      request: {
        submissions: [
          { ...intent, jobId: "job_1" },
          { ...intent, index: 1 },
        ],
      },
    });
    expect(checks).toBe(2);
    await fenced.updateNodeRun("r", "a", { status: "succeeded", progress: 1 });
    expect(checks).toBe(2);
    expect(writes).toEqual(["a", "a", "a", "a"]);
  });
});
