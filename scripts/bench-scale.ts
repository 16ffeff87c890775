/**
 * Scale-out throughput (`npm run bench`, section "scale-out"; alone: `npx tsx scripts/bench-scale.ts`):
 * on the local PostgreSQL (SCALE_TEST_PG_URL), 1 web process and 1, then 4, worker processes
 * (RUN_CONCURRENCY 4 each) run BENCH_SCALE_RUNS (default 48) runs of the latency-bound workflow
 * Image input → Upscale → Upscale → Output (Precise: latency-bound, not CPU-bound) on the offline
 * engine at 1 s per job.
 * Throughput = runs / (time from the first start to the last success), in runs per minute.
 * Goal: 4 workers ≥ 3.5 × 1 worker. Process start-up is not counted.
 * Skipped (null figures) when PostgreSQL is unreachable or BENCH_SKIP_SCALE=1.
 */
import path from "node:path";
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
    const photo = await web.upload(path.resolve("e2e/fixtures/chelsea.png"));
    const workflow = (await web.request("POST", "/api/workflows", { name: "Bench", graph: fourNodeGraph(photo) })).body.workflow;
    const started = Date.now();
    const ids: string[] = [];
    // Started 8 at a time, as several browsers would, so that the web process is not the limit.
    for (let i = 0; i < runs; i += 8) {
      const batch = Array.from({ length: Math.min(8, runs - i) }, () =>
        web.request("POST", `/api/workflows/${workflow.id}/runs`, { force: ["up", "up2"] }),
      );
      for (const started of await Promise.all(batch)) ids.push(started.body.run.id);
    }
    for (;;) {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Run" WHERE id = ANY($1) AND status IN ('succeeded', 'failed', 'canceled')`,
        [ids],
      );
      if (rows[0].n === runs) break;
      if (Date.now() - started > 600_000) throw new Error("runs did not finish in 10 minutes");
      await new Promise((r) => setTimeout(r, 100));
    }
    return (runs / (Date.now() - started)) * 60_000;
  } finally {
    await db.end().catch(() => undefined);
    await cluster.stop();
  }
}

/** Runs the benchmark; null when skipped. */
export async function benchScale(): Promise<ScaleBench | null> {
  if (process.env.BENCH_SKIP_SCALE === "1") return null;
  if (!(await postgresReachable())) {
    console.log("scale-out: skipped (PostgreSQL unreachable; set SCALE_TEST_PG_URL)");
    return null;
  }
  const runs = Number(process.env.BENCH_SCALE_RUNS ?? 48);
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
