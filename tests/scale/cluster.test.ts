/**
 * Scale-out on a real PostgreSQL (README "Scaling out"): 2 web processes and 3 worker processes
 * on RUN_QUEUE=pg-boss run 30 runs of Image input → Upscale → Remove background → Output on the
 * offline engine at 500 ms per job; one worker is SIGKILLed while it executes runs. Every run
 * must succeed within 60 s of the kill, with exactly one offline-engine job per model node (none
 * submitted twice), and a browser on web process A must see the progress a worker produces for
 * a run started on web process B.
 *
 * Skipped (with a message) only when PostgreSQL is unreachable at SCALE_TEST_PG_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN_URL,
  fourNodeGraph,
  killWorkerHoldingRun,
  postgresReachable,
  setUpStudio,
  startCluster,
  waitForRunsToEnd,
  type Cluster,
} from "./cluster-harness";

const reachable = await postgresReachable();
if (!reachable) console.warn(`Scale-out tests skipped: PostgreSQL is unreachable at ${ADMIN_URL} (set SCALE_TEST_PG_URL).`);

const RUNS = 30;
const basePort = Number(process.env.SCALE_TEST_PORT ?? 3901);

describe.skipIf(!reachable)("scale-out: 2 web + 3 worker processes on PostgreSQL", () => {
  let cluster: Cluster;
  let db: pg.Client;

  beforeAll(async () => {
    cluster = await startCluster({
      webs: 2,
      workers: 3,
      basePort,
      env: { LOCAL_ENGINE_LATENCY_MS: "500", RUN_CONCURRENCY: "3", RUN_LEASE_SECONDS: "4" },
    });
    db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
  }, 180_000);

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await cluster?.stop();
  }, 60_000);

  it("finishes 30 runs with one worker SIGKILLed mid-way, never submitting a provider job twice", async () => {
    const portA = cluster.webPorts[0];
    const {
      clients: [a, b],
      workflowId,
    } = await setUpStudio(cluster, { email: "scale.owner@example.test", workflowName: "Scale", graph: fourNodeGraph });

    // Started on web B; watched from web A, while a worker executes it.
    const first = await b.request("POST", `/api/workflows/${workflowId}/runs`, { force: ["up", "up2"] });
    expect(first.status, `${JSON.stringify(first.body)}\n${cluster.webs.map((w) => w.output.join("")).join("\n")}`).toBe(202);
    const watched = first.body.run.id as string;
    const stream = await fetch(`http://127.0.0.1:${portA}/api/runs/${watched}/events`, { headers: { cookie: a.cookie } });
    const reader = stream.body!.getReader();

    const runIds = [watched];
    for (let i = 1; i < RUNS; i++) {
      const client = i % 2 ? a : b;
      const started = await client.request("POST", `/api/workflows/${workflowId}/runs`, { force: ["up", "up2"] });
      expect(started.status).toBe(202);
      runIds.push(started.body.run.id);
    }

    // The SSE stream of web A: snapshots until the run ends.
    const snapshots: { status: string; nodes: { nodeId: string; status: string }[] }[] = [];
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      for (const block of buffer.split("\n\n").slice(0, -1)) {
        const data = block.split("\n").find((l) => l.startsWith("data: "));
        if (data) snapshots.push(JSON.parse(data.slice(6)).run);
      }
      buffer = buffer.slice(buffer.lastIndexOf("\n\n") + 2);
    }
    expect(snapshots.at(-1)!.status).toBe("succeeded");
    // Live progress, not just the first and the last state: a node seen running, then done.
    expect(snapshots.some((s) => s.nodes.some((n) => n.status === "running"))).toBe(true);
    expect(snapshots.length).toBeGreaterThanOrEqual(3);

    // Kill a worker that holds a run's lease right now (mid-run).
    const killed = await killWorkerHoldingRun(cluster, db);
    expect(killed, "a worker executing a run").toBeDefined();
    const { victim, victimRuns, killedAt } = killed!;

    // Every run ends, succeeded, within 60 s of the kill.
    const statuses = await waitForRunsToEnd(db, runIds, 60_000);
    const notSucceeded = statuses.filter((r) => r.status !== "succeeded");
    if (notSucceeded.length) {
      const { rows } = await db.query(
        `SELECT "runId", "nodeId", status, error, "startedAt", request->'submissions' AS s, "providerJobIds" FROM "NodeRun" WHERE "runId" = ANY($1)`,
        [notSucceeded.map((r) => r.id)],
      );
      const { rows: runs } = await db.query(`SELECT id, "leaseOwner", "leaseExpiresAt", "startedAt" FROM "Run" WHERE id = ANY($1)`, [
        notSucceeded.map((r) => r.id),
      ]);
      const logs = cluster.workers.map(
        (w) =>
          `${w.name} (${w.child.pid}):\n${w.output
            .join("")
            .split("\n")
            .filter((l) => notSucceeded.some((r) => l.includes(r.id)) || /error|sent/i.test(l))
            .slice(0, 20)
            .join("\n")}`,
      );
      console.error(
        JSON.stringify({ killedAt: new Date(killedAt).toISOString(), victim: victim.child.pid, victimRuns, runs, rows }, null, 1),
        logs.join("\n"),
      );
    }
    expect(notSucceeded, `runs not succeeded 60 s after the kill`).toEqual([]);
    expect(statuses).toHaveLength(RUNS);
    expect(victimRuns.length).toBeGreaterThan(0);

    // Exactly one provider job per model node, each recorded once, and no job file without a node.
    const { rows: nodes } = await db.query<{ runId: string; nodeId: string; providerJobIds: string[] }>(
      `SELECT "runId", "nodeId", "providerJobIds" FROM "NodeRun" WHERE "runId" = ANY($1) AND "nodeId" IN ('up', 'up2')`,
      [runIds],
    );
    expect(nodes).toHaveLength(RUNS * 2);
    expect(nodes.filter((n) => n.providerJobIds.length !== 1)).toEqual([]);
    const recorded = new Set(nodes.map((n) => n.providerJobIds[0]));
    expect(recorded.size).toBe(RUNS * 2);
    const submitted = cluster.localJobFiles().map((f) => f.replace(/\.json$/, ""));
    const extra = submitted.filter((id) => !recorded.has(id));
    const describeExtra = async () => {
      const { readFileSync } = await import("node:fs");
      const records = extra.map((id) => JSON.parse(readFileSync(path.join(cluster.dataDir, "local-engine", "jobs", `${id}.json`), "utf8")));
      const { rows } = await db.query(
        `SELECT "runId", "nodeId", status, request->'submissions' AS s, "providerJobIds" FROM "NodeRun" WHERE "runId" = ANY($1) AND "nodeId" IN ('up','up2')`,
        [victimRuns],
      );
      return JSON.stringify(
        {
          victim: victim.child.pid,
          extra: records.map((r) => ({ id: r.jobId, owner: r.owner, status: r.status, createdAt: r.createdAt, cap: r.request.capability })),
          victimNodes: rows.map((r) => ({
            ...r,
            s: (r.s ?? []).map((x: { jobId: string; submittedAt: string; uncertain?: boolean }) => ({
              jobId: x.jobId,
              at: x.submittedAt,
              u: x.uncertain,
            })),
          })),
        },
        null,
        1,
      );
    };
    expect(extra, extra.length ? await describeExtra() : "").toEqual([]);
    expect(submitted).toHaveLength(RUNS * 2);
    expect(new Set(submitted)).toEqual(recorded);

    // Every lease was given back.
    const { rows: leased } = await db.query(`SELECT id FROM "Run" WHERE "leaseOwner" IS NOT NULL AND id = ANY($1)`, [runIds]);
    expect(leased).toEqual([]);
    console.log(
      `scale-out: ${RUNS} runs on 3 workers, worker pid ${victim.child.pid} SIGKILLed holding ${victimRuns.length} run(s); all done ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill; ${submitted.length} offline-engine jobs for ${RUNS * 2} model nodes`,
    );
  }, 240_000);
});
