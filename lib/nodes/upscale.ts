/**
 * Upscale (Enhance) node: 2x or 4x with the Precise / Balanced / Creative presets of
 * model_upscale-v3 (scenario-api-contract.md §6: `upscaleFactor`, `preset`).
 */
import { z } from "zod";
import { MODEL_FIELD, modelParamSchema, modelSettingsParamSchema } from "./common-fields";
import type { NodeDefinition } from "./types";

export const UPSCALE_PRESETS = ["precise", "balanced", "creative"] as const;

export const upscaleParamsSchema = z.object({
  model: modelParamSchema,
  factor: z.union([z.literal(2), z.literal(4)], { error: "must be 2 or 4" }).default(2),
  preset: z.enum(UPSCALE_PRESETS).default("balanced"),
  settings: modelSettingsParamSchema,
});
export type UpscaleParams = z.infer<typeof upscaleParamsSchema>;

export const upscaleNode: NodeDefinition<UpscaleParams> = {
  type: "upscale",
  label: "Upscale",
  description: "Enlarges an image 2x or 4x and adds detail.",
  category: "edit",
  role: "model",
  inputs: [{ name: "image", type: "image", label: "Image", required: true }],
  outputs: [{ name: "image", type: "image", label: "Image", required: false }],
  compareWithInput: "image",
  paramsSchema: upscaleParamsSchema,
  defaults: upscaleParamsSchema.parse({}),
  fields: [
    MODEL_FIELD,
    {
      name: "factor",
      label: "Factor",
      kind: "select",
      options: [
        { value: "2", label: "2x" },
        { value: "4", label: "4x" },
      ],
    },
    {
      name: "preset",
      label: "Preset",
      kind: "select",
      options: [
        { value: "precise", label: "Precise (faithful)" },
        { value: "balanced", label: "Balanced" },
        { value: "creative", label: "Creative (adds detail)" },
      ],
    },
  ],
  modelInputs: ["image", "preset"],
  summarize: (params) => `${params.factor}x · ${params.preset}`,
  capability: () => "upscale",
  describeRequest({ params, image }) {
    return {
      task: "upscale an image",
      verb: "upscaling",
      image,
      imageNoun: "image to upscale",
      upscale: { factor: params.factor, preset: params.preset },
      settings: params.settings,
    };
  },
};
