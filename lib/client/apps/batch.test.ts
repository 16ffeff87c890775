import { describe, expect, it } from "vitest";
import { z } from "zod";
import { planBatch, promptLines, runsLabel } from "./batch";
import { buildInputsSchema } from "@/lib/apps/exposable-inputs";
import { buildFormSchema, defaultFormValues } from "./form-schema";
import type { AppInput } from "./types";

const image: AppInput = { key: "photo", nodeId: "imageInput-1", field: "assetId", label: "Photo", required: true, kind: "image" };
const prompt: AppInput = { key: "prompt", nodeId: "prompt-1", field: "text", label: "Prompt", required: true, kind: "textarea" };
const platform: AppInput = {
  key: "platform",
  nodeId: "expand-1",
  field: "platform",
  label: "Platform",
  required: true,
  kind: "select",
  options: [
    { value: "instagram_story", label: "Instagram story" },
    { value: "tiktok", label: "TikTok" },
  ],
  default: "tiktok",
};
const inputs = [image, prompt, platform];

const runSchema = buildInputsSchema(inputs.map((i) => (i.key === "prompt" ? { ...i, kind: "textarea" as const } : i)));
const shortPrompt = z.object({ photo: z.string(), prompt: z.string().max(20, "must be at most 20 characters"), platform: z.string() });

describe("planBatch", () => {
  it("makes one run when nothing is batched", () => {
    const plan = planBatch(inputs, { photo: ["a"], prompt: "one\ntwo", platform: "tiktok" }, new Set());
    expect(plan.items).toEqual([{ photo: "a", prompt: "one\ntwo", platform: "tiktok" }]);
    expect(plan.batched).toEqual([]);
  });

  it("makes one run per image, repeating the other values", () => {
    const plan = planBatch(inputs, { photo: ["a", "b", "c"], prompt: "p", platform: "tiktok" }, new Set());
    expect(plan.items.map((i) => i.photo)).toEqual(["a", "b", "c"]);
    expect(plan.items.every((i) => i.prompt === "p" && i.platform === "tiktok")).toBe(true);
    expect(plan.batched).toEqual([{ key: "photo", count: 3 }]);
  });

  it("pairs images with prompt lines in order, and refuses lists of different lengths", () => {
    const paired = planBatch(inputs, { photo: ["a", "b"], prompt: "x\n\n y ", platform: "tiktok" }, new Set(["prompt"]));
    expect(paired.items.map((i) => [i.photo, i.prompt])).toEqual([
      ["a", "x"],
      ["b", "y"],
    ]);
    const uneven = planBatch(inputs, { photo: ["a", "b"], prompt: "x\ny\nz", platform: "tiktok" }, new Set(["prompt"]));
    expect(uneven.items).toEqual([]);
    expect(uneven.error).toEqual({ key: "prompt", message: "2 images but 3 lines of Prompt: give as many of each, or just one." });
  });

  it("leaves an empty image list out so the App's default applies", () => {
    const plan = planBatch([{ ...image, required: false }], { photo: [] }, new Set());
    expect(plan.items).toEqual([{}]);
  });

  it("reads prompt lines and counts runs", () => {
    expect(promptLines(" a \n\nb\r\n")).toEqual(["a", "b"]);
    expect(runsLabel(1)).toBe("1 run");
    expect(runsLabel(3)).toBe("3 runs");
  });
});

describe("buildFormSchema", () => {
  it("accepts a valid batch and starts from the published defaults", () => {
    const values = defaultFormValues(inputs);
    expect(values).toEqual({ photo: [], prompt: "", platform: "tiktok" });
    const schema = buildFormSchema(runSchema, inputs, new Set(["prompt"]));
    expect(schema.safeParse({ photo: ["a", "b"], prompt: "x\ny", platform: "tiktok" }).success).toBe(true);
  });

  it("puts each run's error back on its field with the line or image number", () => {
    const schema = buildFormSchema(shortPrompt, inputs, new Set(["prompt"]));
    const result = schema.safeParse({ photo: ["a", "b"], prompt: "short\nmuch too long for the limit here", platform: "tiktok" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["prompt", "Line 2: Must be at most 20 characters"]]);
  });

  it("asks for an image once when none is uploaded; an empty select takes its default", () => {
    const schema = buildFormSchema(runSchema, inputs, new Set());
    const result = schema.safeParse({ photo: [], prompt: "x", platform: "" });
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["photo", "Upload an image"]]);
    const noDefault = buildInputsSchema(inputs.map((i) => ({ ...i, default: undefined })));
    const both = buildFormSchema(noDefault, inputs, new Set()).safeParse({ photo: [], prompt: "x", platform: "" });
    expect(both.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["photo", "Upload an image"],
      ["platform", "Choose an option"],
    ]);
  });

  it("reports uneven batches on the field", () => {
    const schema = buildFormSchema(runSchema, inputs, new Set(["prompt"]));
    const result = schema.safeParse({ photo: ["a", "b", "c"], prompt: "x\ny", platform: "tiktok" });
    expect(result.error!.issues[0]).toMatchObject({
      path: ["prompt"],
      message: "3 images but 2 lines of Prompt: give as many of each, or just one.",
    });
  });
});
