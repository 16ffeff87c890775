/**
 * Executor benchmark (`npm run bench`). Prints figures; it is not a test and asserts nothing.
 *
 * 1. Overhead per node: a 200-node chain (Image input → 198 × Remove background → Output) on a
 *    zero-latency provider with in-memory persistence. Two figures: wall time per node, and the
 *    executor's own time per node, i.e. wall time minus the time spent inside provider and
 *    asset-store calls (image encoding/decoding is not the engine's overhead). Goal: < 1 ms.
 * 2. The same chain with the embedded database (PGlite through Prisma) and the studio's asset
 *    storage: wall time per node. Goal ≤ 2 ms (issue 14).
 * 2b. The same chain on the local PostgreSQL server (scripts/bench-postgres-chain.ts): wall time
 *    per node, statements (round trips) per node and the time spent waiting for them, through the
 *    store alone and lease-fenced as a worker executes. Goal < 2 ms (issue 12). Skipped when
 *    PostgreSQL is unreachable.
 * 3. Parallelism: 8 independent branches (Image input → Upscale → Output) on the offline engine
 *    with 1 s injected latency per job; wall time divided by the critical path (1 s).
 *    Goal: < 1.10 (an engine that ran nodes one at a time would score 8).
 *
 * 4. Model intelligence: median latency of one resolver pick over the full catalog (goal < 1 ms)
 *    and of plan_generation without an LLM (goal < 5 ms).
 *
 * 4b. Text understanding (lib/intelligence/understand/eval-set.json): accuracy of platform
 *    detection, template matching and "no match" on each half of the evaluation set (tune and
 *    holdout), how many "no match" requests were turned into a template, and the confusion
 *    pairs. Goal: ≥ 95 % on the holdout half for each, and no "no match" turned into a template.
 *    BENCH_ONLY_UNDERSTANDING=1 prints this section alone.
 *
 * 5. Responsiveness (scripts/bench-responsiveness.ts): on a built studio process, the p95 time
 *    of `GET /api/runs/:id` and of a page while 4 runs each remove the background of a
 *    40-megapixel image, with the worker pool and, for comparison, with the image work on the
 *    request thread (LOCAL_ENGINE_THREADS=0). Goal: p95 < 1 s. Builds first when the build is
 *    stale; BENCH_SKIP_HEAVY=1 skips it, BENCH_SKIP_INLINE=1 skips the comparison, BENCH_PORT
 *    (default 3400) is the port.
 *
 * 6. Start and the main job (scripts/bench-main-job.ts), on a built studio: time from `npm start`
 *    (an existing build) until the first page answers, fresh and on a migrated data folder (goal
 *    ≤ 5 s); and Image input → Retouch → Expand 16:9 → Upscale 2x on coffee.png through the HTTP
 *    API (polling and SSE) divided by the same operations in a bare script (goal ≤ 1.3×).
 *    BENCH_SKIP_MAIN=1 skips it.
 *
 * 7. Neural operations (scripts/bench-neural.ts): background removal of coffee.png and
 *    chelsea.png, ESRGAN 2× of coffee.png (600×400) and chelsea.png (451×300) with the RDN
 *    medium model (Balanced) and the GAN model (Creative), and 4× of a 300×200 copy, on the
 *    neural worker pool, cold (model load included) and warm. BENCH_SKIP_NEURAL=1 skips them.
 * 8. Scale-out (scripts/bench-scale.ts): throughput with 1 and 4 worker processes on PostgreSQL.
 *    BENCH_SKIP_SCALE=1 skips it.
 *
 * The canvas has its own benchmark: `npm run bench:canvas` (scripts/bench-canvas.ts).
 *
 * The last line is JSON: {"overheadMsPerNode": …, "parallelRatio": …, …}.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { executeRun } from "../lib/engine/executor";
import { MemoryAssetStore, MemoryExecutionStore } from "../lib/engine/testing/memory-store";
import { FakeProvider } from "../lib/engine/testing/fake-provider";
import type { AssetStore, ExecutionStore } from "../lib/engine/types";
import type { WorkflowGraph } from "../lib/graph/schema";
import { getCatalog, planGeneration, resolveModels } from "../lib/intelligence";
import { evaluateHalf, loadEvalSet, type Figure, type HalfReport } from "../lib/intelligence/understand/evaluate";
import { LocalProvider } from "../lib/providers/local";
import { closeWorkerPool, getWorkerPool } from "../lib/providers/local/pool/worker-pool";
import { benchMainJob, printMainJob } from "./bench-main-job";
import { closeNeuralPool, getNeuralPool } from "../lib/providers/local/neural/neural-pool";
import { benchResponsiveness } from "./bench-responsiveness";
import { benchNeural } from "./bench-neural";
import { benchScale } from "./bench-scale";
import { chainGraph, plan } from "./lib/bench-chain";
import { benchPostgresChain, printPostgresChain } from "./bench-postgres-chain";
import type { Provider } from "../lib/providers/types";

const CHAIN_NODES = 200;

function parallelGraph(assetId: string, branches: number): WorkflowGraph {
  const graph: WorkflowGraph = { nodes: [{ id: "in", type: "imageInput", position: { x: 0, y: 0 }, data: { assetId } }], edges: [] };
  for (let i = 0; i < branches; i++) {
    // Distinct parameters per branch so no branch is served from another's cache.
    graph.nodes.push({
      id: `up${i}`,
      type: "upscale",
      position: { x: 200, y: i * 100 },
      data: { factor: i % 2 ? 4 : 2, preset: ["precise", "balanced", "creative", "precise"][i % 4], model: `model_bench-${i}` },
    });
    graph.nodes.push({ id: `out${i}`, type: "output", position: { x: 400, y: i * 100 }, data: { label: `Branch ${i}` } });
    graph.edges.push({ id: `a${i}`, source: "in", sourceHandle: "image", target: `up${i}`, targetHandle: "image" });
    graph.edges.push({ id: `b${i}`, source: `up${i}`, sourceHandle: "image", target: `out${i}`, targetHandle: "image" });
  }
  return graph;
}

/** Wraps every method of `target` so the time spent inside it is added to `timer.ms`. */
function timed<T extends object>(target: T, timer: { ms: number }): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return await value.apply(object, args);
        } finally {
          timer.ms += performance.now() - started;
        }
      };
    },
  });
}

async function sampleImage(size: number): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 3, background: "#3a6ea5" } })
    .png()
    .toBuffer();
}

async function chainOverheadInMemory(): Promise<{ wallMsPerNode: number; overheadMsPerNode: number }> {
  const results: { wall: number; own: number }[] = [];
  for (let round = 0; round < 4; round++) {
    const assets = new MemoryAssetStore();
    const photo = await assets.add(await sampleImage(16));
    const outside = { ms: 0 };
    const provider = timed<Provider>(new FakeProvider({ latencyMs: 0 }), outside);
    const assetStore = timed<AssetStore>(assets, outside);
    const store: ExecutionStore = new MemoryExecutionStore(false);
    const runPlan = plan(chainGraph(photo.assetId, CHAIN_NODES));
    const started = performance.now();
    const result = await executeRun({ runId: `chain-${round}`, plan: runPlan, provider, store, assets: assetStore });
    const wall = performance.now() - started;
    if (result.status !== "succeeded") throw new Error(`chain run ${result.status}: ${result.error}`);
    results.push({ wall, own: wall - outside.ms });
  }
  // The first round warms up the JIT and sharp; report the median of the rest.
  const rest = results.slice(1).sort((a, b) => a.own - b.own);
  const median = rest[Math.floor(rest.length / 2)];
  return { wallMsPerNode: median.wall / CHAIN_NODES, overheadMsPerNode: median.own / CHAIN_NODES };
}

async function chainWithEmbeddedDatabase(): Promise<number | null> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "studio-bench-"));
  process.env.DATA_DIR = dataDir;
  try {
    const { benchDatabaseChain } = await import("./bench-db-chain");
    return await benchDatabaseChain(CHAIN_NODES, chainGraph, plan);
  } catch (error) {
    console.error("embedded-database figure unavailable:", error instanceof Error ? error.message : error);
    return null;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function parallelRatio(): Promise<{ ratio: number; wallMs: number }> {
  const latencyMs = 1000;
  const branches = 8;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "studio-bench-local-"));
  const ganLimit = process.env.LOCAL_ENGINE_GAN_MAX_MEGAPIXELS;
  try {
    const provider = new LocalProvider({ latencyMs });
    const assets = new MemoryAssetStore();
    const photo = await assets.add(await sampleImage(64));
    const store = new MemoryExecutionStore(false);
    // A running studio has its worker threads up already (instrumentation.ts): warm them first.
    await getWorkerPool().run("textToImage", { prompt: "warm-up", seed: 0, width: 64, height: 64 });
    // This section measures the engine's scheduling, not the neural models: Creative branches
    // take the RDN model as Balanced does (the GAN model would add seconds of compute on the
    // one neural thread), and both RDN models are loaded first.
    process.env.LOCAL_ENGINE_GAN_MAX_MEGAPIXELS = "0";
    const tiny = await sampleImage(16);
    for (const factor of [2, 4] as const) await getNeuralPool().run("upscale", { image: tiny, options: { factor, preset: "balanced" } });
    const started = performance.now();
    const result = await executeRun({ runId: "parallel", plan: plan(parallelGraph(photo.assetId, branches)), provider, store, assets });
    const wallMs = performance.now() - started;
    if (result.status !== "succeeded") throw new Error(`parallel run ${result.status}: ${result.error}`);
    return { ratio: wallMs / latencyMs, wallMs };
  } finally {
    if (ganLimit === undefined) delete process.env.LOCAL_ENGINE_GAN_MAX_MEGAPIXELS;
    else process.env.LOCAL_ENGINE_GAN_MAX_MEGAPIXELS = ganLimit;
    await closeNeuralPool();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Median of `fn`'s run time in milliseconds over `rounds` calls, after a warm-up. */
function medianMs(fn: () => unknown, rounds: number): number {
  for (let i = 0; i < 50; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function intelligenceLatency(): { resolverMs: number; planMs: number; models: number } {
  const prompts = ["", "poster with bold typography", "photoreal product shot for Instagram", "pixel art game sprite"];
  const capabilities = ["txt2img", "img2img", "inpaint", "upscale", "img2video"];
  let i = 0;
  const resolverMs = medianMs(() => {
    i++;
    return resolveModels({ capability: capabilities[i % capabilities.length], prompt: prompts[i % prompts.length] });
  }, 5000);
  const descriptions = [
    "TikTok product video with voiceover",
    "talking-head explainer for our app",
    "character turnaround sheet for a fox knight",
    "photorealistic portrait, remove the AI look",
    "an image of a red bicycle, upscaled to 4k",
  ];
  const planMs = medianMs(() => {
    i++;
    return planGeneration({ description: descriptions[i % descriptions.length] });
  }, 2000);
  return { resolverMs, planMs, models: getCatalog().models.length };
}

function pct(f: Figure): string {
  return `${(f.accuracy * 100).toFixed(1)} % (${f.correct}/${f.total})`;
}

/** Prints the text-understanding figures of both halves; returns them for the JSON line. */
function understandingReport(): Record<"tune" | "holdout" | "blind", HalfReport> {
  const items = loadEvalSet();
  const halves = { tune: evaluateHalf(items, "tune"), holdout: evaluateHalf(items, "holdout"), blind: evaluateHalf(items, "blind") };
  console.log(`text understanding, evaluation set of ${items.length} requests (lib/intelligence/understand/eval-set.json):`);
  for (const half of ["tune", "holdout", "blind"] as const) {
    const r = halves[half];
    if (!items.some((item) => item.split === half)) {
      console.log(`  ${half.padEnd(8)} no requests in this part yet`);
      continue;
    }
    console.log(
      `  ${half.padEnd(8)} platforms ${pct(r.platforms)}   templates ${pct(r.templates)}   no match ${pct(r.noMatch)}   no match → template: ${r.noMatchTurnedIntoTemplate}`,
    );
    for (const c of r.confusions) console.log(`    ${c.count} × ${c.pair}   e.g. ${c.examples.map((e) => JSON.stringify(e)).join(", ")}`);
  }
  console.log(`  goal: ≥ 95 % on the untouched parts (holdout, blind) for each, and no "no match" turned into a template`);
  return halves;
}

async function main() {
  const understanding = understandingReport();
  if (process.env.BENCH_ONLY_UNDERSTANDING === "1") return;
  const memory = await chainOverheadInMemory();
  console.log(`chain of ${CHAIN_NODES} nodes, zero-latency provider, in-memory persistence:`);
  console.log(`  wall time per node            ${memory.wallMsPerNode.toFixed(3)} ms`);
  console.log(`  executor overhead per node    ${memory.overheadMsPerNode.toFixed(3)} ms   (goal < 1 ms)`);

  const embedded = await chainWithEmbeddedDatabase();
  console.log(`chain of ${CHAIN_NODES} nodes, zero-latency provider, embedded database (PGlite + Prisma) and asset storage:`);
  console.log(`  wall time per node            ${embedded === null ? "n/a" : `${embedded.toFixed(3)} ms`}   (goal ≤ 2 ms)`);

  const postgres = await benchPostgresChain(CHAIN_NODES);
  if (postgres) printPostgresChain(postgres);

  const parallel = await parallelRatio();
  console.log(`8 parallel branches of 1 s each on the offline engine:`);
  console.log(`  wall time ${parallel.wallMs.toFixed(0)} ms, wall / critical path = ${parallel.ratio.toFixed(3)}   (goal < 1.10)`);

  const intelligence = intelligenceLatency();
  console.log(`model intelligence over the ${intelligence.models}-model catalog:`);
  console.log(`  resolver, one pick (median)   ${intelligence.resolverMs.toFixed(4)} ms   (goal < 1 ms)`);
  console.log(`  plan_generation (median)      ${intelligence.planMs.toFixed(4)} ms   (goal < 5 ms, no LLM)`);

  const neural = process.env.BENCH_SKIP_NEURAL === "1" ? null : await benchNeural();
  if (neural) {
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(`neural operations on the offline engine's neural pool (cold = first job, loads the model):`);
    console.log(
      `  remove background coffee.png 600×400   cold ${s(neural.removeBackgroundColdMs)}, chelsea.png 451×300 warm ${s(neural.removeBackgroundWarmMs)}`,
    );
    console.log(
      `  ESRGAN RDN (Balanced) 2×: coffee.png → 1200×800 cold ${s(neural.esrgan2xColdMs)}, chelsea.png → 902×600 warm ${s(neural.esrgan2xWarmMs)}`,
    );
    console.log(
      `  ESRGAN GAN (Creative) 2×: coffee.png → 1200×800 cold ${s(neural.gan2xColdMs)}, chelsea.png → 902×600 warm ${s(neural.gan2xWarmMs)}`,
    );
    console.log(`  ESRGAN 4× 300×200 → 1200×800            ${s(neural.esrgan4xMs)}`);
  }

  await closeWorkerPool();
  const main = process.env.BENCH_SKIP_MAIN === "1" ? null : await benchMainJob();
  if (main) printMainJob(main);
  const heavy = process.env.BENCH_SKIP_HEAVY === "1" ? null : await benchResponsiveness();
  const scale = await benchScale();

  console.log(
    JSON.stringify({
      runRouteP95MsUnderHeavyJobs: heavy ? heavy.pool.runRoute.p95 : null,
      pageP95MsUnderHeavyJobs: heavy ? heavy.pool.page.p95 : null,
      runRouteP95MsUnderHeavyJobsInline: heavy?.inline ? heavy.inline.runRoute.p95 : null,
      pageP95MsUnderHeavyJobsInline: heavy?.inline ? heavy.inline.page.p95 : null,
      overheadMsPerNode: Number(memory.overheadMsPerNode.toFixed(4)),
      parallelRatio: Number(parallel.ratio.toFixed(4)),
      resolverMedianMs: Number(intelligence.resolverMs.toFixed(4)),
      planGenerationMedianMs: Number(intelligence.planMs.toFixed(4)),
      wallMsPerNodeInMemory: Number(memory.wallMsPerNode.toFixed(4)),
      wallMsPerNodeEmbeddedDb: embedded === null ? null : Number(embedded.toFixed(4)),
      wallMsPerNodePostgres: postgres ? Number(postgres.store.wallMsPerNode.toFixed(4)) : null,
      wallMsPerNodePostgresFenced: postgres ? Number(postgres.fenced.wallMsPerNode.toFixed(4)) : null,
      statementsPerNodePostgres: postgres ? Number(postgres.store.statementsPerNode.toFixed(2)) : null,
      statementsPerNodePostgresFenced: postgres ? Number(postgres.fenced.statementsPerNode.toFixed(2)) : null,
      startRestartMs: main ? Math.round(main.startRestartMs) : null,
      mainJobPollingRatio: main ? Number(main.pollingRatio.toFixed(3)) : null,
      mainJobSseRatio: main ? Number(main.sseRatio.toFixed(3)) : null,
      understandingHoldout: {
        platforms: Number(understanding.holdout.platforms.accuracy.toFixed(4)),
        templates: Number(understanding.holdout.templates.accuracy.toFixed(4)),
        noMatch: Number(understanding.holdout.noMatch.accuracy.toFixed(4)),
        noMatchTurnedIntoTemplate: understanding.holdout.noMatchTurnedIntoTemplate,
      },
      neuralMs: neural && Object.fromEntries(Object.entries(neural).map(([key, ms]) => [key, Math.round(ms)])),
      scaleOutRunsPerMinute1Worker: scale ? scale.runsPerMinute["1"] : null,
      scaleOutRunsPerMinute4Workers: scale ? scale.runsPerMinute["4"] : null,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
