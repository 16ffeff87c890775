/**
 * Each hand-written ComfyUI workflow (lib/interop/__fixtures__/comfyui) imported and run offline on
 * the local provider, as a designer would after File → Import: upload the pictures the Image
 * inputs ask for, press Run. Checks the node statuses and the pixel sizes of what was saved.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { executeRun } from "@/lib/engine/executor";
import { MemoryAssetStore, MemoryExecutionStore } from "@/lib/engine/testing/memory-store";
import type { WorkflowGraph } from "@/lib/graph/schema";
import { validateGraph } from "@/lib/graph/validate";
import { importWorkflowFile } from "@/lib/interop/import-file";
import { catalogModels } from "@/lib/interop/models";
import { LocalProvider } from "@/lib/providers/local";

const FIXTURES = path.join(__dirname, "../../lib/interop/__fixtures__/comfyui");
const PHOTO = readFileSync("/work/shared/data/images/coffee.png"); // 600 × 400

async function maskPng(width: number, height: number): Promise<Buffer> {
  // Black (keep) with a white (change) rectangle in the middle.
  const white = await sharp({ create: { width: width / 2, height: height / 2, channels: 3, background: "#ffffff" } })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: "#000000" } })
    .composite([{ input: white, left: width / 4, top: height / 4 }])
    .png()
    .toBuffer();
}

/** Imports a fixture, fills each Image input (the mask input gets a mask), runs it, and returns what a designer sees. */
async function importAndRun(file: string) {
  const { graph } = importWorkflowFile(JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")), catalogModels);
  const assets = new MemoryAssetStore();
  const photo = await assets.add(PHOTO);
  const mask = await assets.add(await maskPng(600, 400));
  const maskInputs = new Set(graph.edges.filter((e) => e.targetHandle === "mask").map((e) => e.source));
  const filled: WorkflowGraph = {
    ...graph,
    nodes: graph.nodes.map((n) =>
      n.type === "imageInput" ? { ...n, data: { assetId: maskInputs.has(n.id) ? mask.assetId : photo.assetId } } : n,
    ),
  };
  const validation = validateGraph(filled, "run");
  expect(validation.issues.map((i) => i.message)).toEqual([]);
  const store = new MemoryExecutionStore(false);
  const result = await executeRun({ runId: "r", plan: validation.plan!, provider: new LocalProvider(), store, assets });
  const statuses = Object.fromEntries(
    filled.nodes.map((n) => [n.type === "output" ? `output:${String(n.data.label)}` : n.type, store.node("r", n.id)?.status]),
  );
  const size = async (nodeId: string) => {
    const ref = store.node("r", nodeId)?.outputs[0];
    expect(ref, `${nodeId} saved no image`).toBeTruthy();
    const meta = await sharp((await assets.read(ref!.assetId)).bytes).metadata();
    return { width: meta.width!, height: meta.height! };
  };
  const id = (type: string) => filled.nodes.find((n) => n.type === type)!.id;
  return { result, statuses, size, id, graph: filled };
}

describe("imported ComfyUI workflows run offline", () => {
  it("txt2img (UI format): the Generation node makes a 768 × 512 image", async () => {
    const { result, statuses, size, id } = await importAndRun("txt2img.ui.json");
    expect(result.status).toBe("succeeded");
    expect(statuses).toEqual({ prompt: "succeeded", generation: "succeeded", "output:lighthouse": "succeeded" });
    const made = await size(id("generation"));
    // ComfyUI asked for 768 × 512 (3:2); the default model picks its own pixels at that ratio.
    expect(made.width / made.height).toBeCloseTo(768 / 512, 1);
    expect(await size(id("output"))).toEqual(made);
  }, 120_000);

  it("img2img + upscale (API format): the upscaled result is twice the generated image", async () => {
    const { result, statuses, size, id, graph } = await importAndRun("img2img-upscale.api.json");
    expect(result.status).toBe("succeeded");
    expect(Object.values(statuses).every((s) => s === "succeeded")).toBe(true);
    const generated = await size(id("generation"));
    // The size follows the Generation node's aspect ratio (1:1 by default; the report says so), not the start photo.
    expect(generated.width).toBe(generated.height);
    expect(await size(id("upscale"))).toEqual({ width: generated.width * 2, height: generated.height * 2 });
    const saved = graph.nodes.find((n) => n.type === "output" && n.data.label === "sneaker_watercolor")!;
    expect(await size(saved.id)).toEqual({ width: generated.width * 2, height: generated.height * 2 });
  }, 120_000);

  it("inpaint (UI format): Retouch repaints the masked area and keeps the photo's size", async () => {
    const { result, statuses, size, id } = await importAndRun("inpaint.ui.json");
    expect(result.status).toBe("succeeded");
    expect(statuses).toEqual({ imageInput: "succeeded", prompt: "succeeded", retouch: "succeeded", "output:Sofa swap": "succeeded" });
    expect(await size(id("retouch"))).toEqual({ width: 600, height: 400 });
  }, 120_000);
});
