import { describe, expect, it } from "vitest";
import { portTypesCompatible } from "../../graph/ports";
import { validateGraph } from "../../graph/validate";
import { expandNode, expandTargetSize } from "../expand";
import { generationNode, generationSize } from "../generation";
import { runModelNode } from "../run-model";
import { recordedModelSchemas } from "../../intelligence/catalog/recorded-schemas";
import { prepareNodeRequest } from "../prepare-request";

const recorded = (id: string) => recordedModelSchemas().get(id)!;

describe("platform presets on nodes", () => {
  it("Generation with a platform asks for the platform's size, sent in each model's own terms", () => {
    const params = generationNode.paramsSchema.parse({ platform: "instagram_story", aspectRatio: "1:1", width: 512, height: 512 });
    expect(generationSize(params)).toEqual({ width: 1080, height: 1920, aspectRatio: "9:16" });
    const intent = generationNode.describeRequest!({ params, prompt: "sneaker ad", seed: 1 });
    expect(intent.size).toEqual({ kind: "exact", width: 1080, height: 1920, ratio: "9:16", label: "Instagram story" });
    const gpt = prepareNodeRequest({ intent, schema: recorded("model_openai-gpt-image-2"), modelName: "GPT Image 2" });
    expect(gpt.ok && gpt.body).toEqual({ prompt: "sneaker ad", width: 1088, height: 1920, numOutputs: 1 });
    const gemini = prepareNodeRequest({ intent, schema: recorded("model_google-gemini-3-1-flash"), modelName: "Gemini 3.1 Flash" });
    expect(gemini.ok && gemini.body).toEqual({ prompt: "sneaker ad", aspectRatio: "9:16", resolution: "2K", numOutputs: 1 });
  });

  it("Expand with a platform makes the platform's canvas around a smaller image", () => {
    const params = expandNode.paramsSchema.parse({ platform: "instagram_story" });
    expect(expandTargetSize(params, 451, 300)).toEqual({ width: 1080, height: 1920 });
    expect(expandTargetSize(expandNode.paramsSchema.parse({ platform: "youtube_thumbnail" }), 600, 400)).toEqual({
      width: 1280,
      height: 720,
    });
  });

  it("Expand never shrinks: an image larger than the platform gets the smallest canvas at its ratio", () => {
    const params = expandNode.paramsSchema.parse({ platform: "avatar" }); // 512 × 512
    expect(expandTargetSize(params, 600, 400)).toEqual({ width: 600, height: 600 });
  });

  it("refuses an unknown platform id, naming node and field", () => {
    const result = validateGraph(
      { nodes: [{ id: "g", type: "generation", position: { x: 0, y: 0 }, data: { platform: "myspace" } }], edges: [] },
      "save",
    );
    expect(result.issues[0]).toMatchObject({ nodeId: "g", field: "platform", code: "invalid_parameter" });
  });
});

describe("Run model node and asset ports", () => {
  it("an image may feed an asset port, but an asset never feeds an image port", () => {
    expect(portTypesCompatible("image", "asset")).toBe(true);
    expect(portTypesCompatible("asset", "image")).toBe(false);
    expect(portTypesCompatible("text", "asset")).toBe(false);
  });

  it("connects Generation → Run model (img2video) → Output, and refuses its result on an Upscale", () => {
    const nodes = [
      { id: "g", type: "generation", position: { x: 0, y: 0 }, data: { prompt: "a bottle" } },
      { id: "v", type: "runModel", position: { x: 1, y: 0 }, data: { capability: "img2video" } },
      { id: "o", type: "output", position: { x: 2, y: 0 }, data: {} },
      { id: "u", type: "upscale", position: { x: 2, y: 1 }, data: {} },
    ];
    const good = [
      { id: "1", source: "g", sourceHandle: "image", target: "v", targetHandle: "image" },
      { id: "2", source: "v", sourceHandle: "asset", target: "o", targetHandle: "image" },
    ];
    expect(validateGraph({ nodes: nodes.slice(0, 3), edges: good }, "run").ok).toBe(true);
    const bad = validateGraph(
      { nodes, edges: [...good, { id: "3", source: "v", sourceHandle: "asset", target: "u", targetHandle: "image" }] },
      "save",
    );
    expect(bad.issues[0]).toMatchObject({ code: "port_type_mismatch", nodeId: "u", port: "image" });
  });

  it("builds a run_model body from its inputs and the model's schema", () => {
    const params = runModelNode.paramsSchema.parse({ capability: "img2video", model: "model_bytedance-seedance-2-0" });
    const image = { assetId: "a", url: "", width: 1, height: 1 };
    const intent = runModelNode.describeRequest!({ params, prompt: "slow reveal", image, seed: null });
    const result = prepareNodeRequest({ intent, schema: recorded("model_bytedance-seedance-2-0"), modelName: "Seedance 2.0" });
    expect(result.ok && result.body).toEqual({ prompt: "slow reveal", image: "a" });
    expect(runModelNode.capability!(params, new Set())).toBe("img2video");
  });
});
