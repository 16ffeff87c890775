/**
 * Responsiveness under heavy offline-engine work, on a real (built) studio process: while four
 * runs each remove the background of a different 40-megapixel image (8000 × 5000 px), a client
 * keeps asking for `GET /api/runs/:id` and for the workflow list page, one request at a time,
 * and records how long each answer took. Prints p50 / p95 / max in milliseconds.
 * Goal: p95 under 1 s for both.
 *
 * `LOCAL_ENGINE_THREADS=0` runs the image operations on the request thread, as before the
 * worker pool; `compareInline` measures that too, for the before/after figures.
 * The studio is started with scripts/start.mjs, which builds first when the build is stale.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { startStudio, StudioClient } from "./lib/studio-process";

export interface LatencyFigures {
  p50: number;
  p95: number;
  max: number;
  count: number;
}

export interface ResponsivenessResult {
  /** Worker threads of the local engine (0: on the request thread). */
  threads: string;
  runRoute: LatencyFigures;
  page: LatencyFigures;
  /** Wall time from starting the four runs to the last one ending, in milliseconds. */
  jobsWallMs: number;
}

const WIDTH = 8000;
const HEIGHT = 5000;
const COLOURS = ["#c0392b", "#2980b9", "#27ae60", "#8e44ad"];

/** A 40-megapixel PNG: a flat light backdrop with a coloured disc (a background to remove). */
async function heavyImage(colour: string): Promise<Buffer> {
  const disc = await sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="3000"><circle cx="1500" cy="1500" r="1450" fill="${colour}"/></svg>`,
    ),
  )
    .png()
    .toBuffer();
  return sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: "#f4f1ea" } })
    .composite([{ input: disc, left: 2500, top: 1000 }])
    .png({ compressionLevel: 9 })
    .toBuffer();
}

function figures(samples: number[]): LatencyFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { p50: Math.round(at(0.5)), p95: Math.round(at(0.95)), max: Math.round(sorted[sorted.length - 1] ?? NaN), count: sorted.length };
}

/**
 * Measures one configuration on `port`.
 * @param threads value of LOCAL_ENGINE_THREADS ("" = the default pool size, "0" = no pool).
 */
export async function measureResponsiveness(port: number, threads: string, images: Buffer[]): Promise<ResponsivenessResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "studio-bench-heavy-"));
  const studio = await startStudio(port, { DATA_DIR: dataDir, LOCAL_ENGINE_THREADS: threads, RUN_CONCURRENCY: "4" });
  try {
    const client = new StudioClient(studio.base);
    await client.signUp();
    const assetIds = [];
    for (const [index, bytes] of images.entries()) assetIds.push(await client.upload(bytes, `heavy-${index}.png`));
    await client.timedGet("/"); // first render of the page
    const started = performance.now();
    const runIds = [];
    for (const assetId of assetIds) runIds.push(await client.runOneStep(assetId, { type: "removeBackground" }, "Heavy"));
    const runTimes: number[] = [];
    const pageTimes: number[] = [];
    const open = new Set(runIds);
    let jobsWallMs = 0;
    for (let i = 0; open.size > 0; i++) {
      const runId = runIds[i % runIds.length];
      const t0 = performance.now();
      const run = await client.run(runId);
      runTimes.push(performance.now() - t0);
      if (["succeeded", "failed", "canceled"].includes(run.status) && open.delete(runId)) {
        if (run.status !== "succeeded") throw new Error(`heavy run ${run.status}: ${run.error}`);
        jobsWallMs = performance.now() - started;
      }
      pageTimes.push((await client.timedGet("/")).ms);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { threads: threads || "default", runRoute: figures(runTimes), page: figures(pageTimes), jobsWallMs: Math.round(jobsWallMs) };
  } finally {
    await studio.stop("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Both configurations, printed; resolves with the pool's figures and the inline ones. */
export async function benchResponsiveness(port = Number(process.env.BENCH_PORT ?? 3400)) {
  const images = await Promise.all(COLOURS.map(heavyImage));
  const print = (label: string, r: ResponsivenessResult) => {
    console.log(`${label}: 4 × remove background of ${WIDTH} × ${HEIGHT} px (40 MP), jobs took ${(r.jobsWallMs / 1000).toFixed(1)} s`);
    console.log(
      `  GET /api/runs/:id  p50 ${r.runRoute.p50} ms  p95 ${r.runRoute.p95} ms  max ${r.runRoute.max} ms  (${r.runRoute.count} requests; goal p95 < 1000 ms)`,
    );
    console.log(
      `  GET / (page)       p50 ${r.page.p50} ms  p95 ${r.page.p95} ms  max ${r.page.max} ms  (${r.page.count} requests; goal p95 < 1000 ms)`,
    );
  };
  const pool = await measureResponsiveness(port, "", images);
  print("worker pool (default size)", pool);
  let inline: ResponsivenessResult | null = null;
  if (process.env.BENCH_SKIP_INLINE !== "1") {
    inline = await measureResponsiveness(port, "0", images);
    print("on the request thread (LOCAL_ENGINE_THREADS=0, as before the pool)", inline);
  }
  return { pool, inline };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchResponsiveness();
  console.log(JSON.stringify(result));
}
