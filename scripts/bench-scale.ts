/**
 * Scale-out throughput (`npm run bench`, section "scale-out"; alone: `npx tsx scripts/bench-scale.ts`):
 * on the local PostgreSQL (SCALE_TEST_PG_URL), 1 web process and 1, then 4, worker processes
 * (RUN_CONCURRENCY 4 each, so 4 and 16 worker slots) run the latency-bound workflow
 * Image input → Upscale → Upscale → Output (Precise, on a 32 × 32 photo: latency-bound, not
 * CPU-bound) on the offline engine at 1 s per job, BENCH_SCALE_RUNS_PER_SLOT (default 12) runs per
 * worker slot: 48 runs on 1 worker, 192 on 4, so that both figures are taken over as many runs
 * per slot.
 * The runs are started while the workers are frozen (SIGSTOP), then the workers resume together.
 * Throughput is the steady state, in runs per minute: the runs that finished between the end of
 * the first wave (the slots-th run to finish) and the start of the last one (the slots-th run
 * from the end), over that time, from the runs' own `finishedAt`. The first wave (every slot
 * claiming and loading its first run at the same instant after the resume) and the last one
 * (slots falling idle as the queue empties) are start-up and drain, not throughput; measured end
 * to end over 64 runs they weighed a quarter of the 4-worker figure against a sixteenth of the
 * 1-worker one. The end-to-end figure (runs / time from the resume to the last success) is
 * printed beside it. Goal: 4 workers ≥ 3.5 × 1 worker. Process start-up and a warm-up wave (one
 * run per worker slot) are not counted.
 * Skipped (null figures) when PostgreSQL is unreachable or BENCH_SKIP_SCALE=1.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import pg from "pg";
import { fourNodeGraph, postgresReachable, setUpStudio, startCluster } from "../tests/scale/cluster-harness";

export interface ScaleBench {
  /** Runs per worker slot in each configuration. */
  runsPerSlot: number;
  /** Steady-state throughput, runs per minute, by worker count. */
  runsPerMinute: Record<string, number>;
  /** Runs / (resume → last success), runs per minute, by worker count. */
  endToEndRunsPerMinute: Record<string, number>;
  /** runsPerMinute["4"] / runsPerMinute["1"]. */
  speedup: number;
}

/** Worker slots per worker process (RUN_CONCURRENCY). */
const SLOTS_PER_WORKER = 4;

async function throughput(workers: number, runsPerSlot: number, port: number): Promise<{ steady: number; endToEnd: number }> {
  const slots = workers * SLOTS_PER_WORKER;
  const runs = runsPerSlot * slots;
  const cluster = await startCluster({
    webs: 1,
    workers,
    basePort: port,
    env: { LOCAL_ENGINE_LATENCY_MS: "1000", RUN_CONCURRENCY: String(SLOTS_PER_WORKER) },
  });
  const db = new pg.Client({ connectionString: cluster.databaseUrl });
  try {
    await db.connect();
    // A 32 × 32 photo: the two upscales cost next to nothing, so each job lasts its latency and
    // the figure measures the queue and the workers, not a CPU shared by every process.
    const small = path.join(mkdtempSync(path.join(os.tmpdir(), "studio-bench-scale-")), "small.png");
    writeFileSync(small, await sharp(path.resolve("e2e/fixtures/chelsea.png")).resize(32, 32).png().toBuffer());
    const {
      clients: [web],
      workflowId,
    } = await setUpStudio(cluster, { email: "bench@example.test", workflowName: "Bench", graph: fourNodeGraph, photo: small });
    const workflow = { id: workflowId };
    // Warm-up, not counted: one run per worker slot, so every worker has run the executor, Prisma's
    // queries and the offline engine once (a studio that has been up a while is warm).
    const warmUp = await Promise.all(
      Array.from({ length: slots }, () => web.request("POST", `/api/workflows/${workflow.id}/runs`, { force: ["up", "up2"] })),
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
    // Steady state: from the end of the first wave to the start of the last one (module comment).
    const { rows: ends } = await db.query<{ at: number }>(
      `SELECT extract(epoch FROM "finishedAt") * 1000 AS at FROM "Run" WHERE id = ANY($1) ORDER BY "finishedAt"`,
      [ids],
    );
    const from = Number(ends[slots - 1].at);
    const to = Number(ends[runs - slots - 1].at);
    const steady = ((runs - 2 * slots) / (to - from)) * 60_000;
    const endToEnd = (runs / wallMs) * 60_000;
    console.log(
      `  (${workers} worker${workers > 1 ? "s" : ""}: ${runs} runs started in ${(startingMs / 1000).toFixed(1)} s, then executed in ${(wallMs / 1000).toFixed(1)} s ` +
        `(end to end ${endToEnd.toFixed(1)} runs/min); ${runs - 2 * slots} runs in the steady ${((to - from) / 1000).toFixed(1)} s; ` +
        `at most ${peak} running at once; worker CPU ${cpu.map((c) => c.toFixed(1)).join(" + ")} s)`,
    );
    return { steady, endToEnd };
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
  const runsPerSlot = Math.max(3, Number(process.env.BENCH_SCALE_RUNS_PER_SLOT ?? 12));
  const port = Number(process.env.BENCH_SCALE_PORT ?? 3420);
  const one = await throughput(1, runsPerSlot, port);
  const four = await throughput(4, runsPerSlot, port);
  const result = {
    runsPerSlot,
    runsPerMinute: { "1": Number(one.steady.toFixed(1)), "4": Number(four.steady.toFixed(1)) },
    endToEndRunsPerMinute: { "1": Number(one.endToEnd.toFixed(1)), "4": Number(four.endToEnd.toFixed(1)) },
    speedup: Number((four.steady / one.steady).toFixed(2)),
  };
  const e2e = result.endToEndRunsPerMinute;
  console.log(
    `scale-out, ${runsPerSlot} runs per worker slot (4 per worker) of Image input → Upscale → Upscale → Output on the offline engine, 1 s per job, steady state:`,
  );
  console.log(`  1 worker   ${result.runsPerMinute["1"]} runs/min   (end to end ${e2e["1"]})`);
  console.log(
    `  4 workers  ${result.runsPerMinute["4"]} runs/min   (${result.speedup} ×; goal ≥ 3.5 ×)   (end to end ${e2e["4"]}, ${(e2e["4"] / e2e["1"]).toFixed(2)} ×)`,
  );
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
