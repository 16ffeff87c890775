/**
 * The request builder against Scenario's recorded model records (shared/reference/scenario-models/)
 * for the workflows of issue 7, and against records written here with other shapes (a `resolution`
 * size family, an `ifNotDefined` rule, a required `file_array`) to show that nothing depends on
 * knowing the model.
 */
import { describe, expect, it } from "vitest";
import { recordedModelSchemas } from "../../intelligence/catalog/recorded-schemas";
import { modelSchemaFromRecord, type ModelSchema } from "../../providers/model-schema";
import { expandNode } from "../expand";
import { generationNode } from "../generation";
import { capabilityKind, checkModelKind, prepareNodeRequest, type PrepareResult } from "../prepare-request";
import { retouchNode } from "../retouch";
import { upscaleNode } from "../upscale";
import type { ImageRef } from "../types";

const recorded = (id: string) => recordedModelSchemas().get(id)!;
const GPT = recorded("model_openai-gpt-image-2");
const GEMINI = recorded("model_google-gemini-3-1-flash");
const FLUX2 = recorded("model_bfl-flux-2-dev");
const FLUX1 = recorded("model_bfl-flux-1-dev");
const SEEDANCE = recorded("model_bytedance-seedance-2-0");
const MESHY = recorded("model_meshy-7-img23d");

const photo: ImageRef = { assetId: "photo", url: "", width: 1200, height: 800 };
const paintedMask: ImageRef = { assetId: "mask", url: "", width: 600, height: 400 };

const generation = (data: Record<string, unknown>, extra: { prompt?: string; image?: ImageRef; seed?: number } = {}) => {
  const params = generationNode.paramsSchema.parse(data);
  return generationNode.describeRequest!({
    params,
    prompt: extra.prompt ?? "a red fox in snow",
    image: extra.image,
    seed: extra.seed ?? 1234,
  });
};
const retouch = (image: ImageRef, mask: ImageRef) =>
  retouchNode.describeRequest!({
    params: retouchNode.paramsSchema.parse({ maskAssetId: mask.assetId, prompt: "steam" }),
    prompt: "steam",
    image,
    mask,
    seed: null,
  });
const expand = (data: Record<string, unknown>, image: ImageRef) =>
  expandNode.describeRequest!({ params: expandNode.paramsSchema.parse(data), prompt: "a beach", image, seed: null });
const upscale = (data: Record<string, unknown>, image: ImageRef) =>
  upscaleNode.describeRequest!({ params: upscaleNode.paramsSchema.parse(data), prompt: "", image, seed: null });

function accepted(result: PrepareResult) {
  if (!result.ok) throw new Error(`refused: ${result.refusal.message}`);
  return result;
}
function refused(result: PrepareResult) {
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.body)}`);
  return result.refusal;
}

describe("issue 7 workflows on the recorded records", () => {
  it("Prompt → Generation (GPT Image 2, 3:2): the model's own 3:2 size, no aspectRatio, no seed", () => {
    const result = accepted(prepareNodeRequest({ intent: generation({ aspectRatio: "3:2" }), schema: GPT, modelName: "GPT Image 2" }));
    expect(result.body).toEqual({ prompt: "a red fox in snow", width: 1536, height: 1024, numOutputs: 1 });
    expect(result.output).toEqual({ width: 1536, height: 1024 });
    expect(result.notes).toEqual([]); // the seed was random: nothing the designer set was dropped
  });

  it("a fixed seed on GPT Image 2 is not sent, and the node says so", () => {
    const result = accepted(
      prepareNodeRequest({ intent: generation({ aspectRatio: "3:2", seed: 42 }, { seed: 42 }), schema: GPT, modelName: "GPT Image 2" }),
    );
    expect(result.body).not.toHaveProperty("seed");
    expect(result.notes.map((n) => n.message)).toEqual(["GPT Image 2 takes no seed: results vary between runs"]);
  });

  it("explicit pixels off GPT Image 2's 16 px step are snapped to the nearest step (1024 × 680 → 1024 × 688)", () => {
    const result = accepted(
      prepareNodeRequest({ intent: generation({ width: 1024, height: 680 }), schema: GPT, modelName: "GPT Image 2" }),
    );
    expect(result.body).toMatchObject({ width: 1024, height: 688 });
    expect((result.body.height as number) % 16).toBe(0);
    expect(result.notes[0].message).toBe("1024 × 680 → 1024 × 688, the model takes sizes in steps of 16 px");
  });

  it("Image input → Generation (Gemini 3.1 Flash, photo as reference): referenceImages + aspectRatio only", () => {
    const result = accepted(
      prepareNodeRequest({ intent: generation({ aspectRatio: "3:2" }, { image: photo }), schema: GEMINI, modelName: "Gemini 3.1 Flash" }),
    );
    expect(result.body).toEqual({ prompt: "a red fox in snow", referenceImages: ["photo"], aspectRatio: "3:2", numOutputs: 1 });
    expect(result.files).toEqual([{ field: "referenceImages", index: 0, assetId: "photo", convert: undefined }]);
    expect(result.notes.map((n) => n.message)).toEqual(["Gemini 3.1 Flash takes no strength: it is not sent"]);
  });

  it("Image input → Retouch (GPT Image 2, painted mask): the image in referenceImages, the mask converted to the image's size with alpha", () => {
    const result = accepted(prepareNodeRequest({ intent: retouch(photo, paintedMask), schema: GPT, modelName: "GPT Image 2" }));
    expect(result.body).toEqual({ prompt: "steam", referenceImages: ["photo"], mask: "mask" });
    expect(result.files).toEqual([
      { field: "referenceImages", index: 0, assetId: "photo", convert: { format: "png" } },
      { field: "mask", assetId: "mask", convert: { format: "png", width: 1200, height: 800, maskToAlpha: true } },
    ]);
  });

  it("Retouch on Gemini 3.1 Flash is refused before anything is sent: it takes no mask", () => {
    const refusal = refused(prepareNodeRequest({ intent: retouch(photo, paintedMask), schema: GEMINI, modelName: "Gemini 3.1 Flash" }));
    expect(refusal.message).toBe("Gemini 3.1 Flash cannot retouch with a mask: pick a model that accepts a mask");
    expect(refusal.field).toBe("mask");
  });

  it("FLUX.2 dev with a reference (a catalog model without any table): referenceImages, its 16:9 preset, seed", () => {
    const result = accepted(
      prepareNodeRequest({
        intent: generation({ aspectRatio: "16:9", seed: 9 }, { image: photo, seed: 9 }),
        schema: FLUX2,
        modelName: "FLUX.2 Dev",
      }),
    );
    expect(result.body).toEqual({
      prompt: "a red fox in snow",
      referenceImages: ["photo"],
      width: 1344,
      height: 768,
      numOutputs: 1,
      seed: 9,
    });
  });

  it("FLUX.1 dev with a reference takes `image` and `strength`, clamped into its range", () => {
    const result = accepted(
      prepareNodeRequest({
        intent: generation({ aspectRatio: "16:9", strength: 0 }, { image: photo }),
        schema: FLUX1,
        modelName: "FLUX.1 Dev",
      }),
    );
    expect(result.body).toMatchObject({ image: "photo", strength: 0.01, width: 1344, height: 768 });
    expect(result.body).not.toHaveProperty("referenceImages");
    expect(result.notes.map((n) => n.message)).toEqual(["Strength 0 → 0.01, inside FLUX.1 Dev's range 0.01 to 1"]);
  });

  it("Prompt → Generation (16:9) on GPT Image 2 then Upscale 2x: no aspectRatio or seed, and an upscale the model cannot do is refused", () => {
    const gen = accepted(prepareNodeRequest({ intent: generation({ aspectRatio: "16:9" }), schema: GPT, modelName: "GPT Image 2" }));
    expect(gen.body).toEqual({ prompt: "a red fox in snow", width: 2048, height: 1152, numOutputs: 1 });
    const image = { assetId: "gen", url: "", ...gen.output! };
    const refusal = refused(prepareNodeRequest({ intent: upscale({ factor: 2 }, image), schema: GPT, modelName: "GPT Image 2" }));
    expect(refusal.message).toBe("GPT Image 2 needs a prompt, which this node does not give: connect a Prompt node or type a prompt");
  });

  it("Expand on FLUX.1 dev (outpaint): the canvas snapped to 16 px, never smaller than the image", () => {
    const result = accepted(
      prepareNodeRequest({
        intent: expand({ aspectRatio: "16:9" }, { ...photo, width: 600, height: 400 }),
        schema: FLUX1,
        modelName: "FLUX.1 Dev",
      }),
    );
    expect(result.body).toEqual({ prompt: "a beach", image: "photo", width: 720, height: 400 });
    expect(result.notes[0].message).toBe("720 × 405 → 720 × 400, the model takes sizes in steps of 16 px");
  });

  it("Poster print on FLUX.1 dev is clamped to its 2048 px maximum, ratio kept, and noted", () => {
    const result = accepted(
      prepareNodeRequest({
        intent: expand({ platform: "print_poster" }, { ...photo, width: 600, height: 400 }),
        schema: FLUX1,
        modelName: "FLUX.1 Dev",
      }),
    );
    expect(result.body).toMatchObject({ width: 1360, height: 2048 });
    expect(result.notes[0].message).toBe("Poster print 3000 × 4500 → 1360 × 2048, the model's maximum");
  });

  it("Expand past the model's maximum that would cut the image is refused with a sentence", () => {
    const wide = { ...photo, width: 12000, height: 1000 };
    const refusal = refused(prepareNodeRequest({ intent: expand({ aspectRatio: "21:9" }, wide), schema: FLUX1, modelName: "FLUX.1 Dev" }));
    expect(refusal.message).toBe(
      "The image is 12,012 px wide after expanding; the model allows at most 2,048 px. Use a smaller input or a lower target size.",
    );
  });

  it("Seedance 2.0 (video) gets ratio + resolution for a platform size, and one output", () => {
    const result = accepted(
      prepareNodeRequest({ intent: generation({ platform: "youtube_video", numOutputs: 2 }), schema: SEEDANCE, modelName: "Seedance 2.0" }),
    );
    expect(result.body).toEqual({ prompt: "a red fox in snow", aspectRatio: "16:9", resolution: "1080p" });
    expect(result.notes.map((n) => n.message)).toEqual(["Seedance 2.0 makes one result per run: Outputs 2 is not sent"]);
  });

  it("Meshy 7 without an image is refused: its image input is required", () => {
    const refusal = refused(prepareNodeRequest({ intent: generation({}), schema: MESHY, modelName: "Meshy 7" }));
    expect(refusal).toMatchObject({ message: "Meshy 7 needs image, which this node does not give: connect an image", field: "image" });
  });

  it("model settings: GPT Image 2 quality is sent, FLUX's guidance is not, an unknown quality is refused", () => {
    const ok = accepted(
      prepareNodeRequest({ intent: generation({ settings: { quality: "high", guidance: 3 } }), schema: GPT, modelName: "GPT Image 2" }),
    );
    expect(ok.body).toEqual({ prompt: "a red fox in snow", width: 1024, height: 1024, numOutputs: 1, quality: "high" });
    expect(ok.notes.map((n) => n.message)).toEqual(["The setting guidance belongs to another model: it is not sent to GPT Image 2"]);
    const bad = refused(
      prepareNodeRequest({ intent: generation({ settings: { quality: "ultra" } }), schema: GPT, modelName: "GPT Image 2" }),
    );
    expect(bad.message).toBe('GPT Image 2 does not offer Quality "ultra": choose one of Auto, High, Medium, Low');
  });

  it("too many outputs and an over-long prompt are refused with the model's limits", () => {
    expect(
      refused(
        prepareNodeRequest({
          intent: generation({ numOutputs: 4 }),
          schema: { ...GPT, inputs: GPT.inputs.map((i) => (i.name === "numOutputs" ? { ...i, max: 2 } : i)) },
          modelName: "GPT Image 2",
        }),
      ).message,
    ).toBe("GPT Image 2 makes at most 2 images per run: set Outputs to 2 or fewer");
    const long = "x".repeat(2049);
    expect(refused(prepareNodeRequest({ intent: generation({}, { prompt: long }), schema: FLUX2, modelName: "FLUX.2 Dev" })).message).toBe(
      "The prompt is 2,049 characters; FLUX.2 Dev accepts at most 2,048",
    );
  });
});

/** A record of a shape none of the recorded ones has: `resolution` only, a prompt required when no image is given. */
const handWritten: ModelSchema = modelSchemaFromRecord({
  model: {
    id: "model_hand-written-resolution",
    capabilities: ["txt2img", "img2img", "upscale"],
    inputs: [
      {
        name: "prompt",
        type: "string",
        prompt: true,
        maxLength: 500,
        required: { ifNotDefined: { sourceImage: { message: "A prompt is required when no source image is given." } } },
      },
      { name: "sourceImage", type: "file", kind: "image", label: "Source image" },
      { name: "resolution", type: "string", allowedValues: ["1K", "2K", "4K"], default: "1K" },
      { name: "scale", type: "string", allowedValues: ["2x", "4x"], default: "2x" },
      { name: "style", type: "string", allowedValues: ["photo", "anime"], default: "photo", required: { always: true } },
    ],
  },
})!;

/** A record whose reference images are required and whose size inputs are named outputWidth/outputHeight, max 4096. */
const requiredReferences: ModelSchema = modelSchemaFromRecord({
  model: {
    id: "model_hand-written-edit",
    capabilities: ["img2img", "outpaint"],
    inputs: [
      { name: "prompt", type: "string", prompt: true },
      { name: "referenceImages", type: "file_array", kind: "image", maxLength: 2, required: { always: true } },
      { name: "outputWidth", type: "number", min: 64, max: 4096, step: 1 },
      { name: "outputHeight", type: "number", min: 64, max: 4096, step: 1 },
    ],
  },
})!;

describe("records of other shapes (no per-model code)", () => {
  it("a platform size becomes the smallest resolution step that holds it; the required style takes its default", () => {
    const result = accepted(
      prepareNodeRequest({ intent: generation({ platform: "youtube_video" }), schema: handWritten, modelName: "Hand-written" }),
    );
    expect(result.body).toEqual({ prompt: "a red fox in snow", resolution: "2K", style: "photo" });
    expect(result.notes.map((n) => n.message)).toEqual([]);
  });

  it("a ratio alone cannot be sent to a resolution-only model: noted, not sent", () => {
    const result = accepted(
      prepareNodeRequest({ intent: generation({ aspectRatio: "16:9" }), schema: handWritten, modelName: "Hand-written" }),
    );
    expect(result.body).toEqual({ prompt: "a red fox in snow", style: "photo" });
    expect(result.notes.map((n) => n.message)).toEqual(["Hand-written chooses its own size: 16:9 is not sent"]);
  });

  it("ifNotDefined: no prompt and no source image is refused with the model's own sentence", () => {
    const refusal = refused(prepareNodeRequest({ intent: generation({}, { prompt: "" }), schema: handWritten, modelName: "Hand-written" }));
    expect(refusal.message).toBe(
      "Hand-written: A prompt is required when no source image is given.: connect a Prompt node or type a prompt",
    );
    expect(refusal.details).toMatchObject({ rule: "ifNotDefined", other: "sourceImage" });
    // With the image, the prompt may be empty.
    const withImage = accepted(
      prepareNodeRequest({ intent: upscale({ factor: 4 }, photo), schema: handWritten, modelName: "Hand-written" }),
    );
    expect(withImage.body).toEqual({ sourceImage: "photo", scale: "4x", style: "photo" });
    expect(withImage.output).toEqual({ width: 4800, height: 3200 });
  });

  it("an upscale factor the model does not offer is refused, naming what it offers", () => {
    const noThree = { ...handWritten, inputs: handWritten.inputs.map((i) => (i.name === "scale" ? { ...i, allowedValues: ["4x"] } : i)) };
    expect(refused(prepareNodeRequest({ intent: upscale({ factor: 2 }, photo), schema: noThree, modelName: "Hand-written" })).message).toBe(
      "Hand-written cannot upscale 2x: it offers 4x",
    );
  });

  it("an upscale over 50 megapixels is refused before running", () => {
    const big = { ...photo, width: 5000, height: 4000 };
    expect(
      refused(prepareNodeRequest({ intent: upscale({ factor: 4 }, big), schema: handWritten, modelName: "Hand-written" })).message,
    ).toBe(
      "The image would be 20,000 × 16,000 px (320 megapixels) after upscaling; the studio allows at most 50 megapixels. Use a smaller input or a lower factor or size.",
    );
  });

  it("a required reference list refuses a prompt-only Generation; Expand's poster is clamped to outputWidth/outputHeight", () => {
    expect(refused(prepareNodeRequest({ intent: generation({}), schema: requiredReferences, modelName: "Edit model" })).message).toBe(
      "Edit model needs reference images, which this node does not give: connect an image",
    );
    const result = accepted(
      prepareNodeRequest({
        intent: expand({ platform: "print_poster" }, { ...photo, width: 600, height: 400 }),
        schema: requiredReferences,
        modelName: "Edit model",
      }),
    );
    expect(result.body).toEqual({ prompt: "a beach", referenceImages: ["photo"], outputWidth: 2731, outputHeight: 4096 });
    expect(result.notes[0].message).toBe("Poster print 3000 × 4500 → 2731 × 4096, the model's maximum");
  });
});

describe("model settings the inspector offers", () => {
  it("lists the model's own scalar inputs, hiding what the node maps itself", async () => {
    const { modelSettingInputs } = await import("../prepare-request");
    expect(modelSettingInputs(GPT).map((i) => i.name)).toEqual(["quality", "background"]);
    expect(modelSettingInputs(FLUX2).map((i) => i.name)).toEqual(["numInferenceSteps", "guidance"]);
    expect(modelSettingInputs(FLUX1).map((i) => i.name)).toEqual([
      "controlModality",
      "controlStrength",
      "controlStart",
      "controlEnd",
      "numInferenceSteps",
      "guidance",
    ]);
    expect(modelSettingInputs(GEMINI).map((i) => i.name)).toEqual(["videoFps", "useGoogleSearch", "thinkingLevel"]);
  });
});

describe("a model of the wrong kind for the node (from its capabilities, no per-model table)", () => {
  const refusal = (capability: string, modelCapabilities: string[], task = "generate an image from a prompt") =>
    checkModelKind({ capability, modelCapabilities, task, modelName: "The model" })?.message ?? null;

  it("reads what a capability makes from its slug", () => {
    expect(["txt2img", "img2img", "video2img", "upscale", "background-removal", "outpaint", "inpaint"].map(capabilityKind)).toEqual(
      Array(7).fill("image"),
    );
    expect(["txt2video", "img2video", "video2video", "lipsync"].map(capabilityKind)).toEqual(Array(4).fill("video"));
    expect(["img23d", "txt23d", "txt2audio", "txt2music", "txt2sfx", "img2svg", "enhance"].map(capabilityKind)).toEqual([
      "3d",
      "3d",
      "audio",
      "audio",
      "audio",
      "vector",
      null,
    ]);
  });

  it("refuses a model that makes no image on an image node, and a single-tool model on a node that generates", () => {
    expect(refusal("txt2img", ["txt2video", "img2video", "video2video"])).toBe(
      "The model makes videos, so it cannot generate an image from a prompt: pick an image model for this node",
    );
    expect(refusal("img2img", ["img23d"], "generate from a reference image")).toBe(
      "The model makes 3D models, so it cannot generate from a reference image: pick an image model for this node",
    );
    expect(refusal("txt2img", ["upscale"])).toBe(
      "The model only upscales images, so it cannot generate an image from a prompt: pick a model that generates images",
    );
    expect(refusal("upscale", ["background-removal"], "upscale an image")).toBe(
      "The model only removes backgrounds, so it cannot upscale an image: pick a model that upscales images",
    );
    expect(refusal("img2video", ["txt2img", "img2img", "inpaint"], "run Image → video")).toBe(
      "The model makes images, so it cannot run Image → video: pick a video model for this node",
    );
  });

  it("accepts a model that can do the node's kind of work, and one whose capabilities say nothing known", () => {
    expect(refusal("txt2img", ["txt2img", "img2img", "inpaint"])).toBeNull();
    expect(refusal("inpaint", ["txt2img", "img2img"], "retouch with a mask")).toBeNull(); // the schema decides (a mask input or not)
    expect(refusal("outpaint", ["outpaint"], "expand an image")).toBeNull();
    expect(refusal("upscale", ["img2img"], "upscale an image")).toBeNull(); // Scenario's records call many tools img2img
    expect(refusal("txt2img", [])).toBeNull();
    expect(refusal("txt2img", ["enhance"])).toBeNull();
  });

  it("prepareNodeRequest refuses before building when told the node's and the model's capabilities", () => {
    const intent = generation({ model: "model_bytedance-seedance-2-0", aspectRatio: "16:9" });
    expect(prepareNodeRequest({ intent, schema: SEEDANCE, modelName: "Seedance 2.0" }).ok).toBe(true); // the schema alone cannot tell
    const result = prepareNodeRequest({
      intent,
      schema: SEEDANCE,
      modelName: "Seedance 2.0",
      kind: { capability: "txt2img", modelCapabilities: SEEDANCE.capabilities },
    });
    expect(result).toEqual({
      ok: false,
      refusal: expect.objectContaining({
        field: "model",
        message: "Seedance 2.0 makes videos, so it cannot generate an image from a prompt: pick an image model for this node",
      }),
    });
  });
});
