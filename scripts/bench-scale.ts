/**
 * Scale-out throughput (`npm run bench`, section "scale-out"; alone: `npx tsx scripts/bench-scale.ts`):
 * on the local PostgreSQL (SCALE_TEST_PG_URL), 1 web process and 1, then 4, worker processes
 * (RUN_CONCURRENCY 4 each) run BENCH_SCALE_RUNS (default 64) runs of the latency-bound workflow
 * Image input → Upscale → Upscale → Output (Precise, on a 32 × 32 photo: latency-bound, not
 * CPU-bound) on the offline engine at 1 s per job.
 * The runs are started while the workers are frozen (SIGSTOP), then the workers resume together:
 * throughput = runs / (time from the resume to the last success), in runs per minute.
 * Goal: 4 workers ≥ 3.5 × 1 worker. Process start-up and a warm-up wave (one run per worker slot) are
 * not counted.
 * Skipped (null figures) when PostgreSQL is unreachable or BENCH_SKIP_SCALE=1.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import pg from "pg";
import { fourNodeGraph, postgresReachable, startCluster, StudioClient } from "../tests/scale/cluster-harness";

export interface ScaleBench {
  runs: number;
  runsPerMinute: Record<string, number>;
  speedup: number;
}

async function throughput(workers: number, runs: number, port: number): Promise<number> {
  const cluster = await startCluster({ webs: 1, workers, basePort: port, env: { LOCAL_ENGINE_LATENCY_MS: "1000", RUN_CONCURRENCY: "4" } });
  const db = new pg.Client({ connectionString: cluster.databaseUrl });
  try {
    await db.connect();
    const web = new StudioClient(`http://127.0.0.1:${cluster.webPorts[0]}`);
    await web.request("POST", "/api/auth/sign-up/email", { name: "Bench", email: "bench@example.test", password: "password-123" });
    // A 32 × 32 photo: the two upscales cost next to nothing, so each job lasts its latency and
    // the figure measures the queue and the workers, not a CPU shared by every process.
    const small = path.join(mkdtempSync(path.join(os.tmpdir(), "studio-bench-scale-")), "small.png");
    writeFileSync(small, await sharp(path.resolve("e2e/fixtures/chelsea.png")).resize(32, 32).png().toBuffer());
    const photo = await web.upload(small);
    const workflow = (await web.request("POST", "/api/workflows", { name: "Bench", graph: fourNodeGraph(photo) })).body.workflow;
    // Warm-up, not counted: one run per worker slot, so every worker has run the executor, Prisma's
    // queries and the offline engine once (a studio that has been up a while is warm).
    const warmUp = await Promise.all(
      Array.from({ length: workers * 4 }, () => web.request("POST", `/api/workflows/${workflow.id}/runs`, { force: ["up", "up2"] })),
    );
    await waitUntilFinished(
      db,
      warmUp.map((answer) => answer.body.run.id),
      600_000,
    );

    // The workers are frozen (SIGSTOP) while the runs are started, so that the web process's start
    // rate (slower while workers share the CPU) is not what is measured; the clock starts when
    // they all resume (SIGCONT) with every run waiting in the queue.
    for (const worker of cluster.workers) worker.child.kill("SIGSTOP");
    const ids: string[] = [];
    const startingAt = Date.now();
    try {
      // Started 8 at a time, as several browsers would.
      for (let i = 0; i < runs; i += 8) {
        const batch = Array.from({ length: Math.min(8, runs - i) }, () =>
          web.request("POST", `/api/workflows/${workflow.id}/runs`, { force: ["up", "up2"] }),
        );
        for (const answer of await Promise.all(batch)) ids.push(answer.body.run.id);
      }
    } finally {
      for (const worker of cluster.workers) worker.child.kill("SIGCONT");
    }
    const started = Date.now();
    const startingMs = started - startingAt;
    const cpuBefore = cluster.workers.map((w) => cpuSeconds(w.child.pid!));
    const peak = await waitUntilFinished(db, ids, 600_000);
    const wallMs = Date.now() - started;
    const { rows: failed } = await db.query(`SELECT id FROM "Run" WHERE id = ANY($1) AND status <> 'succeeded'`, [ids]);
    if (failed.length) throw new Error(`${failed.length} bench runs did not succeed`);
    const cpu = cluster.workers.map((w, i) => cpuSeconds(w.child.pid!) - cpuBefore[i]);
    console.log(
      `  (${workers} worker${workers > 1 ? "s" : ""}: ${runs} runs started in ${(startingMs / 1000).toFixed(1)} s, then executed in ${(wallMs / 1000).toFixed(1)} s; ` +
        `at most ${peak} running at once; worker CPU ${cpu.map((c) => c.toFixed(1)).join(" + ")} s)`,
    );
    return (runs / wallMs) * 60_000;
  } finally {
    await db.end().catch(() => undefined);
    await cluster.stop();
  }
}

/**
 * Polls every 100 ms until every run of `ids` is finished.
 * @returns the most runs seen running at once.
 * @throws Error after `timeoutMs`.
 */
async function waitUntilFinished(db: pg.Client, ids: string[], timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let peak = 0;
  for (;;) {
    const { rows } = await db.query<{ n: number; running: number }>(
      `SELECT count(*) FILTER (WHERE status IN ('succeeded', 'failed', 'canceled'))::int AS n,
              count(*) FILTER (WHERE status = 'running')::int AS running FROM "Run" WHERE id = ANY($1)`,
      [ids],
    );
    peak = Math.max(peak, rows[0].running);
    if (rows[0].n === ids.length) return peak;
    if (Date.now() > deadline) throw new Error(`runs did not finish in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** CPU time (user + system) process `pid` has used so far, in seconds (Linux /proc; 0 elsewhere). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 per second)
  } catch {
    return 0;
  }
}

/** Runs the benchmark; null when skipped. */
export async function benchScale(): Promise<ScaleBench | null> {
  if (process.env.BENCH_SKIP_SCALE === "1") return null;
  if (!(await postgresReachable())) {
    console.log("scale-out: skipped (PostgreSQL unreachable; set SCALE_TEST_PG_URL)");
    return null;
  }
  const runs = Number(process.env.BENCH_SCALE_RUNS ?? 64);
  const port = Number(process.env.BENCH_SCALE_PORT ?? 3420);
  const one = await throughput(1, runs, port);
  const four = await throughput(4, runs, port);
  const result = {
    runs,
    runsPerMinute: { "1": Number(one.toFixed(1)), "4": Number(four.toFixed(1)) },
    speedup: Number((four / one).toFixed(2)),
  };
  console.log(`scale-out, ${runs} runs of Image input → Upscale → Upscale → Output on the offline engine, 1 s per job:`);
  console.log(`  1 worker   ${result.runsPerMinute["1"]} runs/min`);
  console.log(`  4 workers  ${result.runsPerMinute["4"]} runs/min   (${result.speedup} ×; goal ≥ 3.5 ×)`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchScale().then(
    (r) => {
      console.log(JSON.stringify(r));
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
