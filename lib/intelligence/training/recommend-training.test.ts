import { describe, expect, it } from "vitest";
import { getCatalog } from "../catalog/get-catalog";
import type { Catalog } from "../catalog/schema";
import { InvalidDescriptionError } from "../plan/errors";
import { parseDurationSec, parseTrainingIntent } from "./intent";
import { recommendTraining } from "./recommend-training";
import { decideVoiceClone, INSTANT_VOICE_CLONING, PROFESSIONAL_VOICE_CLONE } from "./voice";

const catalog = getCatalog();
const types = new Set(catalog.trainingTypes.map((t) => t.type));

describe("parseTrainingIntent", () => {
  it.each([
    [
      "I have 30 before/after pairs: raw product photos and the same photos in our house style",
      { modality: "image", datasetShape: "before-after-pairs", subject: "transformation", priority: "balanced", datasetSize: 30 },
    ],
    [
      "photorealistic character LoRA of a real person from 25 photos",
      { modality: "image", datasetShape: "single-images", style: "photoreal", subject: "character", datasetSize: 25 },
    ],
    ["stylized anime art style, we need hundreds of images fast", { style: "stylized", subject: "style", priority: "speed" }],
    ["our sneaker product line, 40 packshots", { subject: "object/product", style: null, datasetSize: 40 }],
    ["hero key visuals, best quality, in our painterly look", { priority: "quality", style: "stylized" }],
    ["a cheap, budget-friendly texture LoRA for tileable stone materials", { priority: "cost", subject: "texture" }],
    ["fantasy landscapes and city environments", { subject: "environment" }],
    ["turn product photos into our illustrated house style", { datasetShape: "before-after-pairs" }],
    ["train on our dance video clips", { modality: "video", datasetShape: "video-clips", subject: null }],
    ["we have existing Kontext LoRAs to pair with", { legacyOk: true }],
  ] as const)("%j", (description, expected) => {
    expect(parseTrainingIntent(description)).toMatchObject(expected);
  });

  it("reads a voice sample's length and quality", () => {
    expect(parseTrainingIntent("clone my voice from a 30 second phone recording")).toMatchObject({
      modality: "voice",
      datasetShape: "audio-sample",
      style: null,
      subject: null,
      voiceSample: { lengthSec: 30, quality: "rough" },
    });
    expect(parseTrainingIntent("2 hours of studio recordings of our narrator").voiceSample).toEqual({ lengthSec: 7200, quality: "clean" });
    expect(parseTrainingIntent("clone this voice").voiceSample).toEqual({ quality: null });
  });

  it.each([
    ["30 seconds", 30],
    ["a 45s clip", 45],
    ["90 min of audio", 5400],
    ["1.5 hours", 5400],
    ["half an hour", 1800],
    ["about an hour", 3600],
    ["a few minutes", 180],
    ["no duration here", undefined],
  ] as const)("parseDurationSec(%j) = %s", (text, sec) => {
    expect(parseDurationSec(text)).toBe(sec);
  });

  it.each(["", "  ", "\n"])("throws InvalidDescriptionError for %j", (description) => {
    expect(() => parseTrainingIntent(description)).toThrow(InvalidDescriptionError);
  });
});

describe("recommendTraining: the decision tree", () => {
  it("before/after pairs → the edit-model LoRA (qwen-image-edit-2511-lora)", () => {
    expect(types.has("qwen-image-edit-2511-lora")).toBe(true);
    const r = recommendTraining({ description: "25 before and after pairs: phone snapshots → our retouched house style" });
    expect(r.recommended).toMatchObject({ type: "qwen-image-edit-2511-lora", family: "Qwen Image Edit 2511" });
    expect(r.recommended!.why).toMatch(/before\/after pairs/);
    expect(r.familyLockIn).toMatch(/Qwen Image Edit 2511/);
    expect(r.familyLockIn).toMatch(/model_qwen-image-edit-2511/);
    // the other alternatives take single images, and say so
    for (const alt of r.alternatives.filter((a) => a.type !== "flux.1-kontext-lora"))
      expect(alt.whenBetter).toMatch(/needs single images instead of before\/after pairs/);
  });

  it("photoreal character → Z-Image (strong for photoreal characters), FLUX.2 Dev as the quality alternative", () => {
    const r = recommendTraining({ description: "a photorealistic character of a real person, 20 photos" });
    expect(r.recommended!.type).toBe("zimage-lora");
    expect(r.recommended!.why).toMatch(/character/);
    expect(r.alternatives.map((a) => a.type)).toContain("flux.2-dev-lora");
  });

  it("stylized style at volume / speed → zimage-lora, Turbo only as an alternative", () => {
    for (const description of [
      "a stylized anime art style, hundreds of images, fast",
      "cheap style LoRA for thousands of mobile game icons",
    ]) {
      const r = recommendTraining({ description });
      expect(r.recommended!.type, description).toBe("zimage-lora");
      expect(r.alternatives.map((a) => a.type)).toContain("zimage-turbo-lora");
    }
  });

  it("Turbo when the pipeline is pinned to it", () => {
    expect(recommendTraining({ description: "character LoRA; our pipeline is pinned to Z-Image Turbo" }).recommended!.type).toBe(
      "zimage-turbo-lora",
    );
  });

  it("product → flux.2-dev-lora (the current family listed for object/product)", () => {
    const r = recommendTraining({ description: "our sneaker product line, 40 packshots" });
    expect(r.recommended!.type).toBe("flux.2-dev-lora");
    expect(r.recommended!.why).toMatch(/object\/product/);
  });

  it("hero art at quality priority → flux.2-dev-lora", () => {
    expect(recommendTraining({ description: "hero key visuals in our brand style, highest quality" }).recommended!.type).toBe(
      "flux.2-dev-lora",
    );
  });

  it("leaves legacy families out by default, and considers them when the description ties the run to them", () => {
    const plain = recommendTraining({ description: "before/after pairs for a restyle" });
    expect([plain.recommended!.type, ...plain.alternatives.map((a) => a.type)]).not.toContain("flux.1-kontext-lora");
    expect(plain.notes.join(" ")).toMatch(/legacy/);
    const legacy = recommendTraining({ description: "we have existing Kontext LoRAs and before/after pairs" });
    expect([legacy.recommended!.type, ...legacy.alternatives.map((a) => a.type)]).toContain("flux.1-kontext-lora");
  });

  it("returns one to three real alternatives: catalog types, none equal to the pick, each runnable and with a when-better note", () => {
    const modelIds = new Set(catalog.models.map((m) => m.id));
    for (const description of [
      "a style",
      "a character",
      "before/after pairs",
      "a product",
      "30 photos of our mascot character, photoreal",
    ]) {
      const r = recommendTraining({ description });
      expect(r.alternatives.length).toBeGreaterThanOrEqual(1);
      expect(r.alternatives.length).toBeLessThanOrEqual(3);
      expect(r.alternatives.map((a) => a.type)).not.toContain(r.recommended!.type);
      for (const a of r.alternatives) {
        expect(types.has(a.type)).toBe(true);
        expect(a.runsOn.length).toBeGreaterThan(0);
        for (const m of a.runsOn) expect(modelIds.has(m.id)).toBe(true);
        expect(a.whenBetter.length).toBeGreaterThan(10);
      }
    }
  });

  it("never offers a type whose LoRA has no model to run on, and says so", () => {
    // Without the Z-Image model, neither Z-Image type can run anywhere.
    const noZImage: Catalog = { ...catalog, models: catalog.models.filter((m) => !m.name.startsWith("Z-Image")) };
    const r = recommendTraining({ description: "30 photos of our mascot character, photoreal" }, { catalog: noZImage });
    const offered = [...r.alternatives.map((a) => a.type)];
    expect(offered).not.toContain("zimage-turbo-lora");
    expect(r.alternatives.length).toBeGreaterThanOrEqual(1);
    expect(r.notes.join(" ")).toMatch(/Not offered: .*zimage/);
  });

  it("offers the legacy type rather than nothing when it is the only other option", () => {
    const pairsOnly: Catalog = { ...catalog, trainingTypes: catalog.trainingTypes.filter((t) => t.datasetShape === "before-after-pairs") };
    const r = recommendTraining({ description: "before/after pairs for a restyle" }, { catalog: pairsOnly });
    expect(r.recommended!.type).toBe("qwen-image-edit-2511-lora");
    expect(r.alternatives.map((a) => a.type)).toEqual(["flux.1-kontext-lora"]);
    expect(r.notes.join(" ")).toMatch(/only other option/);
  });

  it("names the family and its inference models in the lock-in warning", () => {
    const flux = recommendTraining({ description: "our product line, 40 packshots" });
    expect(flux.familyLockIn).toMatch(/FLUX\.2 Dev family and runs only on FLUX\.2 Dev/);
    expect(flux.familyLockIn).toMatch(/model_bfl-flux-2-dev/);
    const zimage = recommendTraining({ description: "a photorealistic character" });
    expect(zimage.familyLockIn).toMatch(/Z-Image family/);
    expect(zimage.familyLockIn).toMatch(/Z-Image Turbo/);
    expect(zimage.familyLockIn).toMatch(/model_z-image/);
  });

  it("says so when no training type takes the dataset shape", () => {
    const noEdit: Catalog = { ...catalog, trainingTypes: catalog.trainingTypes.filter((t) => t.datasetShape !== "before-after-pairs") };
    const r = recommendTraining({ description: "before/after pairs" }, { catalog: noEdit });
    expect(r.recommended).not.toBeNull();
    expect(r.notes.join(" ")).toMatch(/No training type in the catalog takes before\/after pairs/);
  });

  it("has no recommendation for a modality without training types (video)", () => {
    const r = recommendTraining({ description: "train on our video clips of dancers" });
    expect(r.intent.modality).toBe("video");
    expect(r.recommended).toBeNull();
    expect(r.alternatives).toEqual([]);
  });

  it.each(["", "   "])("throws InvalidDescriptionError for %j", (description) => {
    expect(() => recommendTraining({ description })).toThrow(InvalidDescriptionError);
  });
});

describe("voice cloning: a static lookup", () => {
  it.each([
    ["clone my voice from a 30 second phone recording", "instant-voice-cloning"],
    ["a rough voice memo, about a minute", "instant-voice-cloning"],
    ["clone my voice", "instant-voice-cloning"],
    ["clone my voice from 2 hours of studio recordings", "professional-voice-clone"],
    ["45 minutes of clean, pristine narration recorded in a treated room", "professional-voice-clone"],
    ["hours of clean audiobook narration", "professional-voice-clone"],
    ["2 hours of noisy zoom call recordings of my voice", "instant-voice-cloning"],
  ] as const)("%j → %s", (description, type) => {
    const r = recommendTraining({ description });
    expect(r.intent.modality).toBe("voice");
    expect(r.recommended!.type).toBe(type);
    expect(r.alternatives).toHaveLength(1);
    expect(r.alternatives[0].type).not.toBe(type);
    expect(r.alternatives[0].runsOn.map((m) => m.id)).toEqual(["model_elevenlabs-tts-v3"]);
    expect(r.familyLockIn).toMatch(/model_elevenlabs-tts-v3/);
  });

  it("decideVoiceClone: short or rough → instant, long and not rough → professional", () => {
    expect(decideVoiceClone({ lengthSec: 20, quality: "clean" }).recommended).toBe(INSTANT_VOICE_CLONING);
    expect(decideVoiceClone({ lengthSec: 3600, quality: "rough" }).recommended).toBe(INSTANT_VOICE_CLONING);
    expect(decideVoiceClone({ lengthSec: 3600, quality: null }).recommended).toBe(PROFESSIONAL_VOICE_CLONE);
    expect(decideVoiceClone({ quality: "clean" }, true).recommended).toBe(PROFESSIONAL_VOICE_CLONE);
    expect(decideVoiceClone({ quality: null }).recommended).toBe(INSTANT_VOICE_CLONING);
  });
});
