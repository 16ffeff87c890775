/**
 * Scale-out on a real PostgreSQL with the Scenario provider (issue 12): 2 web processes and 3
 * worker processes on RUN_QUEUE=pg-boss, pointed at the strict mock of Scenario's API
 * (lib/providers/scenario/mock-server.ts, served from this test process, each generation taking
 * 3 s), run 15 runs of Image input → Upscale V3 → Photoroom background removal → Output. One
 * worker is SIGKILLed while it executes runs. Every run must succeed within 60 s of the kill,
 * and the mock must have received exactly one generate request per model node (counted at the
 * mock: none sent twice), each recorded on its node run.
 *
 * Skipped (with a message) only when PostgreSQL is unreachable at SCALE_TEST_PG_URL.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockScenarioServer, type MockScenarioServer } from "@/lib/providers/scenario/mock-server";
import {
  ADMIN_URL,
  killWorkerHoldingRun,
  postgresReachable,
  scenarioFourNodeGraph,
  setUpStudio,
  startCluster,
  waitForRunsToEnd,
  type Cluster,
} from "./cluster-harness";

const reachable = await postgresReachable();
if (!reachable) console.warn(`Scale-out tests (Scenario) skipped: PostgreSQL is unreachable at ${ADMIN_URL} (set SCALE_TEST_PG_URL).`);

const RUNS = 15;
const basePort = Number(process.env.SCALE_TEST_SCENARIO_PORT ?? 3911);

describe.skipIf(!reachable)("scale-out on Scenario's API: 2 web + 3 worker processes on PostgreSQL", () => {
  let mock: MockScenarioServer;
  let cluster: Cluster;
  let db: pg.Client;

  beforeAll(async () => {
    mock = await startMockScenarioServer({ jobDurationMs: 3000 });
    cluster = await startCluster({
      webs: 2,
      workers: 3,
      basePort,
      env: {
        SCENARIO_API_URL: mock.baseUrl,
        SCENARIO_API_KEY: mock.credentials.apiKey,
        SCENARIO_API_SECRET: mock.credentials.apiSecret,
        RUN_CONCURRENCY: "3",
        RUN_LEASE_SECONDS: "4",
      },
    });
    db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
  }, 180_000);

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await cluster?.stop();
    await mock?.close();
  }, 60_000);

  it("finishes every run with one worker SIGKILLed mid-way, sending each generation to Scenario once", async () => {
    const {
      clients: [a, b],
      workflowId,
    } = await setUpStudio(cluster, {
      email: "scale.scenario@example.test",
      workflowName: "Scale on Scenario",
      graph: scenarioFourNodeGraph,
    });

    const runIds: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = await (i % 2 ? a : b).request("POST", `/api/workflows/${workflowId}/runs`, { force: ["up", "cut"] });
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      runIds.push(started.body.run.id);
    }

    // Kill a worker once one of its runs has a generation submitted and not yet done.
    for (let i = 0; i < 200; i++) {
      const { rows } = await db.query(
        `SELECT 1 FROM "NodeRun" WHERE "runId" = ANY($1) AND status = 'running' AND "providerJobIds" <> '[]'`,
        [runIds],
      );
      if (rows.length) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const killed = await killWorkerHoldingRun(cluster, db);
    expect(killed, "a worker executing a run").toBeDefined();
    const { victim, victimRuns, killedAt } = killed!;

    const statuses = await waitForRunsToEnd(db, runIds, 60_000);
    const notSucceeded = statuses.filter((r) => r.status !== "succeeded");
    if (notSucceeded.length) {
      const { rows } = await db.query(`SELECT "runId", "nodeId", status, error, "providerJobIds" FROM "NodeRun" WHERE "runId" = ANY($1)`, [
        notSucceeded.map((r) => r.id),
      ]);
      console.error(JSON.stringify({ victim: victim.child.pid, victimRuns, rows }, null, 1));
    }
    expect(notSucceeded, "runs not succeeded 60 s after the kill").toEqual([]);
    expect(statuses).toHaveLength(RUNS);

    // Counted at the mock: one generate request per model node, each job recorded on its node run once.
    const generates = mock.state.requests.filter(
      (r) => r.method === "POST" && r.path.startsWith("/v1/generate/custom/") && !r.query.dryRun,
    );
    const sentJobs = [...mock.state.jobs.values()].filter((j) => j.jobType === "custom");
    const { rows: nodes } = await db.query<{ nodeId: string; providerJobIds: string[] }>(
      `SELECT "nodeId", "providerJobIds" FROM "NodeRun" WHERE "runId" = ANY($1) AND "nodeId" IN ('up', 'cut')`,
      [runIds],
    );
    expect(nodes).toHaveLength(RUNS * 2);
    expect(nodes.filter((n) => n.providerJobIds.length !== 1)).toEqual([]);
    const recorded = nodes.map((n) => n.providerJobIds[0]);
    expect(new Set(recorded).size, "a job recorded on two node runs").toBe(RUNS * 2);
    expect(generates.map((r) => r.path).sort()).toEqual([
      ...Array(RUNS).fill("/v1/generate/custom/model_photoroom-background-removal"),
      ...Array(RUNS).fill("/v1/generate/custom/model_upscale-v3"),
    ]);
    expect(new Set(sentJobs.map((j) => j.jobId))).toEqual(new Set(recorded));

    const { rows: leased } = await db.query(`SELECT id FROM "Run" WHERE "leaseOwner" IS NOT NULL AND id = ANY($1)`, [runIds]);
    expect(leased).toEqual([]);
    console.log(
      `scale-out on Scenario: ${RUNS} runs on 3 workers, worker pid ${victim.child.pid} SIGKILLed holding ${victimRuns.length} run(s); all done ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill; ${generates.length} generate requests at the mock for ${RUNS * 2} model nodes`,
    );
  }, 240_000);
});
