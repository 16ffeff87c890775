import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { WorkflowGraph } from "../../graph/schema";
import { validateGraph } from "../../graph/validate";
import { importComfyWorkflow } from "../comfyui/import";
import { detectWorkflowFile, importWorkflowFile } from "../import-file";
import { catalogModels } from "../models";
import { ImportFileError } from "../report";

const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(__dirname, "../__fixtures__/comfyui", name), "utf8")) as Record<string, unknown>;

const ofType = (graph: WorkflowGraph, type: string) => graph.nodes.filter((n) => n.type === type);
const feeding = (graph: WorkflowGraph, target: string, port: string) =>
  graph.edges.find((e) => e.target === target && e.targetHandle === port)?.source;

describe("ComfyUI import", () => {
  it("txt2img (UI format) folds checkpoint, CLIP, latent, sampler and VAE into one Generation node", () => {
    const json = fixture("txt2img.ui.json");
    expect(detectWorkflowFile(json)).toBe("comfyui");
    const { graph, report } = importWorkflowFile(json, catalogModels);
    expect(graph.nodes.map((n) => n.type).sort()).toEqual(["generation", "output", "prompt"]);
    const [gen] = ofType(graph, "generation");
    expect(gen.data).toMatchObject({ width: 768, height: 512, aspectRatio: "3:2", numOutputs: 1, model: "auto" });
    // ComfyUI's 64-bit seed is brought into the studio's range, and the report says so.
    expect(gen.data.seed).toBe(156680208700286 % 2147483648);
    const [prompt] = ofType(graph, "prompt");
    expect(prompt.data.text).toBe("a lighthouse on a cliff at sunset, oil painting, warm light");
    expect(feeding(graph, gen.id, "prompt")).toBe(prompt.id);
    const [output] = ofType(graph, "output");
    expect(output.data.label).toBe("lighthouse");
    expect(feeding(graph, output.id, "image")).toBe(gen.id);
    expect(graph.annotations?.[0]?.text).toContain("SDXL base");
    // Every ComfyUI node is in the report.
    expect(report.items.map((i) => i.foreignId).sort()).toEqual(["10", "3", "4", "5", "6", "7", "8", "9"]);
    const byId = Object.fromEntries(report.items.map((i) => [i.foreignId, i]));
    expect(byId["4"]).toMatchObject({ outcome: "folded", nodeId: undefined });
    expect(byId["4"].message).toContain("sd_xl_base_1.0.safetensors");
    expect(byId["7"]).toMatchObject({ outcome: "left-out" });
    expect(byId["7"].message).toContain("negative prompt");
    expect(byId["3"].message).toMatch(/20 steps, CFG 8/);
    expect(validateGraph(graph, "run").ok).toBe(true);
  });

  it("img2img + upscale (API format): LoadImage → Generation with strength = denoise → Upscale → Output", () => {
    const { graph, report } = importComfyWorkflow(fixture("img2img-upscale.api.json"));
    const [input] = ofType(graph, "imageInput");
    const [gen] = ofType(graph, "generation");
    const [up] = ofType(graph, "upscale");
    expect(gen.data).toMatchObject({ strength: 0.55, seed: 42 });
    expect(feeding(graph, gen.id, "image")).toBe(input.id);
    expect(up.data).toMatchObject({ factor: 2, preset: "precise" });
    expect(feeding(graph, up.id, "image")).toBe(gen.id);
    const outputs = ofType(graph, "output");
    expect(outputs.map((o) => [o.data.label, feeding(graph, o.id, "image")]).sort()).toEqual([
      ["Output", gen.id],
      ["sneaker_watercolor", up.id],
    ]);
    const lora = report.items.find((i) => i.foreignType === "LoraLoader");
    expect(lora?.message).toContain("watercolor_v2.safetensors");
    // API files have no positions: nodes are laid out apart, the image input left of the generation.
    expect(new Set(graph.nodes.map((n) => `${n.position.x},${n.position.y}`)).size).toBe(graph.nodes.length);
    expect(input.position.x).toBeLessThan(gen.position.x);
    // Runnable once the picture is uploaded.
    const filled = { ...graph, nodes: graph.nodes.map((n) => (n.id === input.id ? { ...n, data: { assetId: "asset_1" } } : n)) };
    expect(validateGraph(filled, "run").ok).toBe(true);
  });

  it("inpaint (UI format): VAEEncodeForInpaint → Retouch with the image, the mask and the prompt", () => {
    const { graph, report } = importComfyWorkflow(fixture("inpaint.ui.json"));
    const [retouch] = ofType(graph, "retouch");
    expect(retouch.data).toMatchObject({ strength: 0.9, model: "auto" });
    const inputs = ofType(graph, "imageInput");
    expect(inputs).toHaveLength(2);
    const image = feeding(graph, retouch.id, "image");
    const mask = feeding(graph, retouch.id, "mask");
    expect(new Set([image, mask])).toEqual(new Set(inputs.map((n) => n.id)));
    expect(graph.nodes.find((n) => n.id === mask)?.position).toEqual({ x: 30, y: 860 });
    expect(ofType(graph, "prompt")[0].data.text).toBe("a green velvet sofa");
    expect(ofType(graph, "output")[0].data.label).toBe("Sofa swap");
    expect(report.items.find((i) => i.foreignType === "LoadImageMask")?.message).toContain("mask");
  });

  it("keeps an unknown node as a connected placeholder and reports it", () => {
    const json = fixture("img2img-upscale.api.json");
    json["20"] = {
      class_type: "FaceDetailer",
      inputs: { image: ["8", 0], guide_size: 384, model: ["4", 0] },
      _meta: { title: "Face fix" },
    };
    (json["9"] as { inputs: Record<string, unknown> }).inputs.images = ["20", 0];
    const { graph, report } = importComfyWorkflow(json);
    const [placeholder] = ofType(graph, "placeholder");
    expect(placeholder.data).toMatchObject({ origin: "comfyui", foreignType: "FaceDetailer", title: "Face fix" });
    expect(feeding(graph, placeholder.id, "media")).toBe(ofType(graph, "generation")[0].id);
    expect(graph.edges.some((e) => e.source === placeholder.id && e.sourceHandle === "image")).toBe(true);
    expect(report.items.find((i) => i.foreignId === "20")).toMatchObject({ outcome: "placeholder" });
    const validation = validateGraph(graph, "run");
    expect(validation.issues.map((i) => i.message).join(" ")).toContain("“Face fix” came from ComfyUI and has no equivalent here yet");
  });

  it("a custom node between the decoder and the save node (UI format) keeps the chain folded before it", () => {
    const json = fixture("txt2img.ui.json") as { nodes: Array<Record<string, any>>; links: number[][] };
    json.nodes.push({
      id: 20,
      type: "FaceDetailer",
      pos: [1300, 400],
      inputs: [{ name: "image", type: "IMAGE", link: 30 }],
      outputs: [],
      widgets_values: [384],
    });
    json.links = json.links.filter((l) => l[0] !== 9);
    json.links.push([30, 8, 0, 20, 0], [31, 20, 0, 9, 0]);
    json.nodes.find((n) => n.id === 9)!.inputs[0].link = 31;
    const { graph, report } = importComfyWorkflow(json);
    const [placeholder] = ofType(graph, "placeholder");
    expect(feeding(graph, placeholder.id, "media")).toBe(ofType(graph, "generation")[0].id);
    expect(feeding(graph, ofType(graph, "output")[0].id, "image")).toBe(placeholder.id);
    const outcome = Object.fromEntries(report.items.map((i) => [i.title, i.outcome]));
    expect(outcome).toMatchObject({
      "Load Checkpoint": "folded",
      "Empty Latent Image": "folded",
      "VAE Decode": "folded",
      FaceDetailer: "placeholder",
    });
  });

  it("maps ImageUpscaleWithModel with its loader and LatentUpscaleBy to Upscale nodes", () => {
    const json = fixture("img2img-upscale.api.json");
    json["21"] = { class_type: "UpscaleModelLoader", inputs: { model_name: "4x-UltraSharp.pth" } };
    json["13"] = { class_type: "ImageUpscaleWithModel", inputs: { upscale_model: ["21", 0], image: ["8", 0] } };
    const { graph, report } = importComfyWorkflow(json);
    expect(ofType(graph, "upscale")[0].data).toMatchObject({ factor: 4, preset: "balanced" });
    expect(report.items.find((i) => i.foreignId === "21")).toMatchObject({ outcome: "folded" });
  });

  it("refuses files that are not ComfyUI workflows, and hostile names, with sentences", () => {
    expect(() => importComfyWorkflow({ nodes: [{ id: 1 }], links: [] })).toThrow(ImportFileError);
    expect(() => importWorkflowFile({ hello: "world" }, catalogModels)).toThrow(/not a workflow the studio can open/);
    const hostile = importComfyWorkflow({
      "1": { class_type: "constructor", inputs: { x: ["1", 0] } },
      "2": { class_type: "__proto__", inputs: {} },
    });
    expect(ofType(hostile.graph, "placeholder")).toHaveLength(2);
  });
});
