/**
 * Retouch node: inpainting. Regenerates the masked area of an image (white = regenerate,
 * scenario-api-contract.md §6) from a prompt; the mask is painted in the inspector
 * (`maskAssetId`) or comes from the `mask` port.
 */
import { z } from "zod";
import { MODEL_FIELD, modelParamSchema, modelSettingsParamSchema, promptParamSchema, strengthParamSchema } from "./common-fields";
import type { NodeDefinition } from "./types";

export const retouchParamsSchema = z.object({
  model: modelParamSchema,
  prompt: promptParamSchema,
  maskAssetId: z.string().min(1).max(100).nullable().default(null),
  strength: strengthParamSchema(0.85),
  settings: modelSettingsParamSchema,
});
export type RetouchParams = z.infer<typeof retouchParamsSchema>;

export const retouchNode: NodeDefinition<RetouchParams> = {
  type: "retouch",
  label: "Retouch",
  description: "Repaints the masked part of an image.",
  category: "edit",
  role: "model",
  inputs: [
    { name: "image", type: "image", label: "Image", required: true },
    { name: "mask", type: "image", label: "Mask", required: false },
    { name: "prompt", type: "text", label: "Prompt", required: false },
  ],
  outputs: [{ name: "image", type: "image", label: "Image", required: false }],
  compareWithInput: "image",
  paintedOverPort: { mask: "image" },
  paramsSchema: retouchParamsSchema,
  defaults: retouchParamsSchema.parse({}),
  fields: [
    MODEL_FIELD,
    { name: "maskAssetId", label: "Mask", kind: "mask", help: "Paint over what should change." },
    { name: "prompt", label: "Prompt", kind: "textarea", placeholder: "What to put in the masked area" },
    { name: "strength", label: "Strength", kind: "slider", min: 0, max: 1, step: 0.05 },
  ],
  assetParamForPort: { mask: "maskAssetId" },
  checkReady(params, connected) {
    return connected.has("mask") || params.maskAssetId
      ? []
      : [
          {
            code: "missing_input",
            port: "mask",
            field: "maskAssetId",
            message: "Needs a mask: paint one in the inspector or connect a mask image",
          },
        ];
  },
  modelInputs: ["image", "mask"],
  capability: () => "inpaint",
  describeRequest({ params, prompt, image, mask }) {
    return {
      task: "retouch with a mask",
      verb: "retouching",
      prompt,
      image,
      imageNoun: "image to retouch",
      mask,
      strength: params.strength,
      settings: params.settings,
    };
  },
};
