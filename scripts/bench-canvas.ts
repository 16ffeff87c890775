/**
 * Canvas benchmark (`npm run bench:canvas`): prints figures, asserts nothing.
 *
 * On a built studio (scripts/start.mjs; an existing build, or it builds first), saves graphs of
 * 100, 500, 1,000 and 2,000 nodes through the API (chains of Image input → Retouch → Expand →
 * Upscale → Output with each kind's default settings, laid out on a grid as a designer would),
 * opens each in Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) through Playwright at
 * 1440 × 900, and prints for each size:
 *
 * - render: milliseconds from navigation start until every node the opening viewport shows is
 *   in the page (all of them when the canvas renders every node);
 * - drag: while one node is dragged in circles for 3 s, the frame times (requestAnimationFrame
 *   deltas) p50 / p95, frames per second, and dropped frames (frame slots of 16.7 ms without
 *   a frame);
 * - pan: the same while the empty canvas is dragged (panning) for 3 s.
 *
 * A graph the API refuses (over its node limit) is reported as refused. BENCH_CANVAS_PORT
 * (default 3450) is the port; BENCH_CANVAS_SIZES (e.g. "100,1000") picks sizes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { getNodeDefinition } from "../lib/nodes";
import { startStudio, StudioClient } from "./lib/studio-process";

const FRAME_MS = 1000 / 60;
const MEASURE_MS = 3000;
const CHAIN = ["imageInput", "retouch", "expand", "upscale", "output"];

/** A graph of `count` nodes: rows of five-node chains. */
export function benchGraph(count: number) {
  const columns = 4; // chains side by side
  const nodes = Array.from({ length: count }, (_, i) => {
    const type = CHAIN[i % CHAIN.length];
    const chain = Math.floor(i / CHAIN.length);
    const x = (chain % columns) * CHAIN.length * 300 + (i % CHAIN.length) * 300;
    const y = Math.floor(chain / columns) * 260;
    return {
      id: `${type}-${i + 1}`,
      type,
      position: { x, y },
      data: structuredClone(getNodeDefinition(type)!.defaults) as Record<string, unknown>,
    };
  });
  const edges = nodes
    .slice(1)
    .flatMap((node, i) =>
      i % CHAIN.length === CHAIN.length - 1
        ? []
        : [{ id: `e-${i}`, source: nodes[i].id, sourceHandle: "image", target: node.id, targetHandle: "image" }],
    );
  return { nodes, edges };
}

export interface FrameFigures {
  p50: number;
  p95: number;
  fps: number;
  dropped: number;
  frames: number;
}

export interface CanvasFigures {
  nodes: number;
  refused?: string;
  renderMs?: number;
  rendered?: number;
  drag?: FrameFigures;
  pan?: FrameFigures;
}

function frameFigures(deltas: number[], spanMs: number): FrameFigures {
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  const dropped = deltas.reduce((sum, d) => sum + Math.max(0, Math.round(d / FRAME_MS) - 1), 0);
  return { p50: at(0.5), p95: at(0.95), fps: (deltas.length / spanMs) * 1000, dropped, frames: deltas.length };
}

/** Starts recording requestAnimationFrame deltas in the page. */
async function startRecording(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      if (!w.__recording) return;
      w.__frames.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  });
}

async function stopRecording(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
}

/** Moves the pressed mouse in circles around (x, y) for MEASURE_MS while frames are recorded. */
async function circle(page: Page, x: number, y: number, radius: number): Promise<FrameFigures> {
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 5, y + 5, { steps: 2 });
  await startRecording(page);
  const started = performance.now();
  let step = 0;
  while (performance.now() - started < MEASURE_MS) {
    step++;
    const angle = step / 10;
    await page.mouse.move(x + radius * Math.cos(angle), y + radius * Math.sin(angle));
  }
  const deltas = await stopRecording(page);
  const span = performance.now() - started;
  await page.mouse.up();
  return frameFigures(deltas, span);
}

/** A point of the pane (no node, edge or control under it), or null. */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number } | null> {
  return page.evaluate(() => {
    const pane = document.querySelector(".react-flow__pane")?.getBoundingClientRect();
    if (!pane) return null;
    for (let fy = 0.2; fy < 0.9; fy += 0.05) {
      for (let fx = 0.2; fx < 0.9; fx += 0.05) {
        const x = pane.left + pane.width * fx;
        const y = pane.top + pane.height * fy;
        const hit = document.elementFromPoint(x, y);
        if (hit?.classList.contains("react-flow__pane")) return { x, y };
      }
    }
    return null;
  });
}

/** Waits until every node the viewport intersects is in the page; resolves with ms since navigation start. */
async function waitForRender(page: Page, positions: { x: number; y: number }[]): Promise<{ ms: number; rendered: number }> {
  const handle = await page.waitForFunction(
    (nodes) => {
      const viewport = document.querySelector<HTMLElement>(".react-flow__viewport");
      const pane = document.querySelector(".react-flow")?.getBoundingClientRect();
      if (!viewport || !pane) return false;
      const match = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)\s*scale\(([-\d.e]+)\)/.exec(viewport.style.transform);
      if (!match) return false;
      const [tx, ty, zoom] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const left = -tx / zoom;
      const top = -ty / zoom;
      const right = left + pane.width / zoom;
      const bottom = top + pane.height / zoom;
      const cards = [...document.querySelectorAll<HTMLElement>(".react-flow__node")].filter((n) => n.offsetWidth > 0);
      if (cards.length === 0) return false;
      // Count the nodes whose box meets the view, each box as small as the smallest card drawn
      // (a compact card, below zoom 0.35, is about 100 px tall, a full one 160 px or more): a
      // node counted is surely in view.
      const width = Math.min(...cards.map((n) => n.offsetWidth));
      const height = Math.min(...cards.map((n) => n.offsetHeight));
      const expected = nodes.filter((p) => p.x + width > left && p.x < right && p.y + height > top && p.y < bottom).length;
      const rendered = cards.length;
      return expected > 0 && rendered >= expected ? { ms: performance.now(), rendered } : false;
    },
    positions,
    { polling: "raf", timeout: 120_000 },
  );
  return (await handle.jsonValue()) as { ms: number; rendered: number };
}

export async function benchCanvas(): Promise<CanvasFigures[]> {
  const port = Number(process.env.BENCH_CANVAS_PORT ?? 3450);
  const sizes = (process.env.BENCH_CANVAS_SIZES ?? "100,500,1000,2000").split(",").map(Number);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "studio-bench-canvas-"));
  const studio = await startStudio(port, { DATA_DIR: dataDir, SCENARIO_API_KEY: "", SCENARIO_API_SECRET: "" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  const results: CanvasFigures[] = [];
  try {
    const client = new StudioClient(studio.base);
    await client.signUp("Canvas Bench");
    const cookie = (client as unknown as { cookie: string }).cookie;
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // tsx (esbuild keepNames) wraps named functions in __name(); the page functions below need it too.
    await context.addInitScript("window.__name = (target) => target;");
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const at = pair.indexOf("=");
        return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: "localhost", path: "/" };
      }),
    );
    for (const count of sizes) {
      const graph = benchGraph(count);
      let workflowId: string;
      try {
        workflowId = (await client.json("POST", "/api/workflows", { name: `Canvas ${count}`, graph })).workflow.id;
      } catch (error) {
        results.push({ nodes: count, refused: String(error instanceof Error ? error.message : error).slice(0, 160) });
        continue;
      }
      const page = await context.newPage();
      await page.goto(`${studio.base}/workflows/${workflowId}`, { waitUntil: "commit" });
      const render = await waitForRender(
        page,
        graph.nodes.map((n) => n.position),
      );
      await page.waitForTimeout(1000); // let the page settle (fonts, queries) before the frame figures
      const figures: CanvasFigures = { nodes: count, renderMs: render.ms, rendered: render.rendered };

      // Drag: the node nearest the centre of the view, by its title bar.
      const target = await page.evaluate(() => {
        const cx = window.innerWidth / 2;
        const cy = window.innerHeight / 2;
        let best: { x: number; y: number; d: number } | null = null;
        for (const node of document.querySelectorAll<HTMLElement>(".react-flow__node")) {
          const r = node.getBoundingClientRect();
          if (r.width === 0 || r.top < 80 || r.bottom > window.innerHeight - 40) continue;
          const x = r.left + r.width / 2;
          const y = r.top + Math.min(12, r.height / 4);
          const d = Math.hypot(x - cx, y - cy);
          if (!best || d < best.d) best = { x, y, d };
        }
        return best;
      });
      if (target) figures.drag = await circle(page, target.x, target.y, 60);
      const empty = await emptyPanePoint(page);
      if (empty) figures.pan = await circle(page, empty.x, empty.y, 80);
      results.push(figures);
      print(figures);
      await page.close();
    }
    await context.close();
  } finally {
    await browser.close();
    await studio.stop("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

function frameLine(label: string, f: FrameFigures | undefined): string {
  if (!f) return `  ${label}  n/a (no point to grab)`;
  return `  ${label}  frame time p50 ${f.p50.toFixed(1)} ms  p95 ${f.p95.toFixed(1)} ms  ${f.fps.toFixed(1)} fps  ${f.dropped} dropped frames (${f.frames} frames in 3 s)`;
}

/** Prints one size's figures. */
export function print(f: CanvasFigures): void {
  if (f.refused) {
    console.log(`${f.nodes} nodes: refused by the API (${f.refused})`);
    return;
  }
  console.log(`${f.nodes} nodes: all visible nodes rendered after ${Math.round(f.renderMs!)} ms (${f.rendered} in the page)`);
  console.log(frameLine("drag one node", f.drag));
  console.log(frameLine("pan          ", f.pan));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await benchCanvas();
  for (const r of results) if (r.refused) print(r);
  console.log(JSON.stringify(results));
}
