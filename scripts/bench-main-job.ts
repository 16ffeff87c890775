/**
 * Two figures on a real (built) studio process (`npm run bench`, or `tsx scripts/bench-main-job.ts`
 * alone). Prints figures; asserts nothing.
 *
 * 1. Start: milliseconds from spawning `node scripts/start.mjs` (an existing build, so nothing is
 *    built) until `GET /` answers, on a fresh data folder and again on the same, already migrated
 *    folder (a restart). Goal ≤ 5 s.
 * 2. The main job: Image input (coffee.png) → Retouch (a painted mask) → Expand 16:9 → Upscale 2x
 *    → Output through the HTTP API (POST the run, then follow it until it ends, by polling
 *    `GET /api/runs/:id` every 10 ms, or by the SSE stream), every node forced so nothing comes
 *    from the output cache; divided by the same three local operations (lib/providers/local/
 *    operations: inpaint, expand, upscale, each decoding its input and encoding a PNG as the
 *    offline engine does) called one after the other in this process. Goal ≤ 1.3×.
 *
 * BENCH_PORT (default 3400) is the port; BENCH_ROUNDS (default 7) the rounds per figure (the
 * median is printed, the first round is a warm-up).
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { expandCanvasForRatio } from "../lib/nodes/aspect-ratio";
import { expand } from "../lib/providers/local/operations/expand";
import { inpaint } from "../lib/providers/local/operations/inpaint";
import { upscale } from "../lib/providers/local/operations/upscale";
import { StudioClient } from "./lib/studio-process";

const PHOTO = path.join(import.meta.dirname, "..", "e2e", "fixtures", "coffee.png");
const STRENGTH = 0.85; // the Retouch node's default (lib/nodes/retouch.ts)
const PRESET = "balanced"; // the Upscale node's default (lib/nodes/upscale.ts)

export interface MainJobFigures {
  /** Fresh data folder, then the same folder again: ms until the first page answered. */
  startFreshMs: number;
  startRestartMs: number;
  bareMs: number;
  pollingMs: number;
  sseMs: number;
  pollingRatio: number;
  sseRatio: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A mask the size of the photo: white (regenerate) over a centred rectangle, black elsewhere. */
async function maskFor(photo: Buffer): Promise<Buffer> {
  const { width, height } = await sharp(photo).metadata();
  const w = Math.round(width / 3);
  const h = Math.round(height / 3);
  const white = await sharp({ create: { width: w, height: h, channels: 3, background: "#ffffff" } })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: "#000000" } })
    .composite([{ input: white, left: Math.round((width - w) / 2), top: Math.round((height - h) / 2) }])
    .png()
    .toBuffer();
}

/** The three operations in this process, one after the other. @returns the final size too. */
async function bareOnce(photo: Buffer, mask: Buffer): Promise<{ ms: number; width: number; height: number }> {
  const started = performance.now();
  const retouched = await inpaint(photo, mask, { strength: STRENGTH });
  const canvas = expandCanvasForRatio(retouched.width, retouched.height, "16:9");
  const expanded = await expand(retouched.bytes, canvas);
  const upscaled = await upscale(expanded.bytes, { factor: 2, preset: PRESET });
  return { ms: performance.now() - started, width: upscaled.width, height: upscaled.height };
}

/** Spawns the studio and resolves once `GET /` answers (any status), with the time it took. */
async function startAndTime(port: number, dataDir: string) {
  const started = performance.now();
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, AUTH_RATE_LIMIT: "off", SCENARIO_API_KEY: "", SCENARIO_API_SECRET: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let printed = "";
  child.stdout!.on("data", (chunk) => (printed += chunk));
  child.stderr!.on("data", (chunk) => (printed += chunk));
  const base = `http://localhost:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the studio exited with ${child.exitCode}:\n${printed}`);
    if (printed.includes("Building the studio")) throw new Error("the build is stale: run `node scripts/build-if-stale.mjs` first");
    try {
      const response = await fetch(`${base}/`, { redirect: "manual" });
      await response.arrayBuffer();
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  const ms = performance.now() - started;
  return {
    ms,
    base,
    output: () => printed,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Follows a run by polling until it ends; resolves with its final JSON. */
async function followByPolling(client: StudioClient, runId: string) {
  for (;;) {
    const run = await client.run(runId);
    if (["succeeded", "failed", "canceled"].includes(run.status)) return run;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Follows a run on its SSE stream until the stream ends; resolves with the last run message. */
async function followBySse(client: StudioClient, cookie: string, runId: string) {
  const response = await fetch(`${client.base}/api/runs/${runId}/events`, { headers: { cookie, accept: "text/event-stream" } });
  if (!response.ok || !response.body) throw new Error(`events of ${runId}: ${response.status}`);
  const decoder = new TextDecoder();
  let buffer = "";
  let last: any = null;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const message = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = message.split("\n").find((line) => line.startsWith("data: "));
      if (data) last = JSON.parse(data.slice(6)).run;
      if (last && ["succeeded", "failed", "canceled"].includes(last.status)) {
        await reader.cancel().catch(() => {});
        return last;
      }
    }
  }
  return last;
}

export async function benchMainJob(port = Number(process.env.BENCH_PORT ?? 3400)): Promise<MainJobFigures> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
  const photo = readFileSync(PHOTO);
  const mask = await maskFor(photo);

  const bare: number[] = [];
  let size = { width: 0, height: 0 };
  for (let i = 0; i < rounds + 1; i++) {
    const once = await bareOnce(photo, mask);
    size = once;
    if (i > 0) bare.push(once.ms);
  }

  const dataDir = mkdtempSync(path.join(os.tmpdir(), "studio-bench-main-"));
  try {
    const fresh = await startAndTime(port, dataDir);
    await fresh.stop();
    const studio = await startAndTime(port, dataDir);
    try {
      const client = new StudioClient(studio.base);
      await client.signUp();
      const cookie = (client as unknown as { cookie: string }).cookie;
      const photoId = await client.upload(photo, "coffee.png");
      const maskId = await client.upload(mask, "coffee-mask.png");
      const graph = {
        nodes: [
          { id: "in", type: "imageInput", position: { x: 0, y: 0 }, data: { assetId: photoId } },
          {
            id: "retouch",
            type: "retouch",
            position: { x: 200, y: 0 },
            data: { maskAssetId: maskId, prompt: "steam rising from the cup" },
          },
          { id: "expand", type: "expand", position: { x: 400, y: 0 }, data: { aspectRatio: "16:9" } },
          { id: "upscale", type: "upscale", position: { x: 600, y: 0 }, data: { factor: 2 } },
          { id: "out", type: "output", position: { x: 800, y: 0 }, data: { label: "Result" } },
        ],
        edges: [
          { id: "a", source: "in", sourceHandle: "image", target: "retouch", targetHandle: "image" },
          { id: "b", source: "retouch", sourceHandle: "image", target: "expand", targetHandle: "image" },
          { id: "c", source: "expand", sourceHandle: "image", target: "upscale", targetHandle: "image" },
          { id: "d", source: "upscale", sourceHandle: "image", target: "out", targetHandle: "image" },
        ],
      };
      const { workflow } = await client.json("POST", "/api/workflows", { name: "Main job", graph });
      const force = graph.nodes.map((n) => n.id);
      const timedRun = async (follow: (runId: string) => Promise<any>) => {
        const started = performance.now();
        const { run } = await client.json("POST", `/api/workflows/${workflow.id}/runs`, { force });
        const done = await follow(run.id);
        const ms = performance.now() - started;
        if (done?.status !== "succeeded") throw new Error(`main job ${done?.status}: ${done?.error}`);
        const output = done.outputs[0];
        if (output.width !== size.width || output.height !== size.height) {
          throw new Error(`main job made ${output.width}×${output.height}, the bare operations ${size.width}×${size.height}`);
        }
        return ms;
      };
      const polling: number[] = [];
      const sse: number[] = [];
      for (let i = 0; i < rounds + 1; i++) {
        const p = await timedRun((id) => followByPolling(client, id));
        const s = await timedRun((id) => followBySse(client, cookie, id));
        if (i > 0) {
          polling.push(p);
          sse.push(s);
        }
      }
      const bareMs = median(bare);
      return {
        startFreshMs: fresh.ms,
        startRestartMs: studio.ms,
        bareMs,
        pollingMs: median(polling),
        sseMs: median(sse),
        pollingRatio: median(polling) / bareMs,
        sseRatio: median(sse) / bareMs,
      };
    } finally {
      await studio.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Prints the figures of {@link benchMainJob}. */
export function printMainJob(f: MainJobFigures): void {
  console.log(`npm start with an existing build until GET / answers:`);
  console.log(`  fresh data folder             ${(f.startFreshMs / 1000).toFixed(2)} s`);
  console.log(`  restart (migrated folder)     ${(f.startRestartMs / 1000).toFixed(2)} s   (goal ≤ 5 s)`);
  console.log(`main job coffee.png → Retouch → Expand 16:9 → Upscale 2x → Output:`);
  console.log(`  bare operations in-process    ${f.bareMs.toFixed(0)} ms`);
  console.log(`  HTTP API, polling every 10 ms ${f.pollingMs.toFixed(0)} ms   = ${f.pollingRatio.toFixed(2)}× bare (goal ≤ 1.3×)`);
  console.log(`  HTTP API, SSE stream          ${f.sseMs.toFixed(0)} ms   = ${f.sseRatio.toFixed(2)}× bare (goal ≤ 1.3×)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await benchMainJob();
  printMainJob(figures);
  console.log(JSON.stringify(figures));
}
