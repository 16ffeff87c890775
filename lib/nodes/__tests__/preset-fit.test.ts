import { describe, expect, it } from "vitest";
import type { ModelSchema } from "../../providers/model-schema";
import { fitPresetToModel, presetOptionLabel } from "../preset-fit";
import { generationNode } from "../generation";
import { expandNode } from "../expand";

const schema = (max: number): ModelSchema => ({
  modelId: "m",
  capabilities: ["txt2img"],
  inputs: [
    { name: "prompt", type: "string", label: "Prompt" },
    { name: "width", type: "number", label: "Width", min: 64, max, step: 1 },
    { name: "height", type: "number", label: "Height", min: 64, max, step: 1 },
  ],
});

describe("fitPresetToModel", () => {
  it("shows a preset over the model's maximum as the size the model will get", () => {
    const fit = fitPresetToModel("print_poster", schema(4096))!;
    expect(fit).toMatchObject({ width: 3000, height: 4500, adjusted: { width: 2731, height: 4096 }, refused: false });
    expect(fit.note).toBe("Poster print 3000 × 4500 → 2731 × 4096, the model's maximum");
    expect(presetOptionLabel("print_poster", "Poster print — 3000 × 4500", fit)).toBe("Poster print — 3000 × 4500 → 2731 × 4096");
  });

  it("leaves a preset that fits as it is", () => {
    const fit = fitPresetToModel("instagram_story", schema(4096))!;
    expect(fit).toMatchObject({ width: 1080, height: 1920, adjusted: null, note: null });
  });
});

describe("lockedFields", () => {
  it("locks the aspect ratio (and pixels) to the preset's while a preset is active", () => {
    const params = generationNode.paramsSchema.parse({ platform: "instagram_story", aspectRatio: "1:1" });
    expect(generationNode.lockedFields!(params)).toMatchObject({
      aspectRatio: { value: "9:16" },
      width: { value: 1080 },
      height: { value: 1920 },
    });
    expect(generationNode.lockedFields!(generationNode.paramsSchema.parse({}))).toEqual({});
    const expand = expandNode.paramsSchema.parse({ platform: "instagram_post" });
    expect(expandNode.lockedFields!(expand).aspectRatio).toMatchObject({ value: "4:5" });
  });
});
