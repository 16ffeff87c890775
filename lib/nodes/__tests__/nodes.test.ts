import { describe, expect, it } from "vitest";
import { portTypesCompatible } from "../../graph/ports";
import { validateGraph } from "../../graph/validate";
import { expandNode, expandTargetSize } from "../expand";
import { generationNode, generationSize } from "../generation";
import { runModelNode } from "../run-model";

describe("platform presets on nodes", () => {
  it("Generation with a platform sends the platform's ratio and exact size", () => {
    const params = generationNode.paramsSchema.parse({ platform: "instagram_story", aspectRatio: "1:1", width: 512, height: 512 });
    expect(generationSize(params)).toEqual({ width: 1080, height: 1920, aspectRatio: "9:16" });
    const { body } = generationNode.buildRequest!({ params, prompt: "sneaker ad", seed: 1 });
    expect(body).toMatchObject({ aspectRatio: "9:16", width: 1080, height: 1920 });
  });

  it("Expand with a platform makes the platform's canvas around a smaller image", () => {
    const params = expandNode.paramsSchema.parse({ platform: "instagram_story" });
    expect(expandTargetSize(params, 451, 300)).toEqual({ width: 1080, height: 1920 });
    expect(expandTargetSize(expandNode.paramsSchema.parse({ platform: "youtube_thumbnail" }), 600, 400)).toEqual({ width: 1280, height: 720 });
  });

  it("Expand never shrinks: an image larger than the platform gets the smallest canvas at its ratio", () => {
    const params = expandNode.paramsSchema.parse({ platform: "avatar" }); // 512 × 512
    expect(expandTargetSize(params, 600, 400)).toEqual({ width: 600, height: 600 });
  });

  it("refuses an unknown platform id, naming node and field", () => {
    const result = validateGraph({ nodes: [{ id: "g", type: "generation", position: { x: 0, y: 0 }, data: { platform: "myspace" } }], edges: [] }, "save");
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
    const bad = validateGraph({ nodes, edges: [...good, { id: "3", source: "v", sourceHandle: "asset", target: "u", targetHandle: "image" }] }, "save");
    expect(bad.issues[0]).toMatchObject({ code: "port_type_mismatch", nodeId: "u", port: "image" });
  });

  it("builds a run_model body from its inputs", () => {
    const params = runModelNode.paramsSchema.parse({ capability: "img2video", model: "model_bytedance-seedance-2-0" });
    const image = { assetId: "a", url: "", width: 1, height: 1, remoteId: "remote_a" };
    expect(runModelNode.buildRequest!({ params, prompt: "slow reveal", image, seed: 0 }).body).toEqual({ prompt: "slow reveal", image: "remote_a" });
    expect(runModelNode.capability!(params, new Set())).toBe("img2video");
  });
});
