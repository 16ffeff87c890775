/** Remove background node: cuts the subject out onto a transparent background (PNG with alpha). */
import { z } from "zod";
import { MODEL_FIELD, modelParamSchema, modelSettingsParamSchema } from "./common-fields";
import type { NodeDefinition } from "./types";

export const removeBackgroundParamsSchema = z.object({ model: modelParamSchema, settings: modelSettingsParamSchema });
export type RemoveBackgroundParams = z.infer<typeof removeBackgroundParamsSchema>;

export const removeBackgroundNode: NodeDefinition<RemoveBackgroundParams> = {
  type: "removeBackground",
  label: "Remove background",
  description: "Makes the background transparent, keeping the subject.",
  category: "edit",
  role: "model",
  inputs: [{ name: "image", type: "image", label: "Image", required: true }],
  outputs: [{ name: "image", type: "image", label: "Image", required: false }],
  compareWithInput: "image",
  paramsSchema: removeBackgroundParamsSchema,
  defaults: removeBackgroundParamsSchema.parse({}),
  fields: [MODEL_FIELD],
  modelInputs: ["image"],
  capability: () => "background-removal",
  describeRequest({ params, image }) {
    return { task: "remove a background", verb: "removing the background", image, imageNoun: "image", settings: params.settings };
  },
};
