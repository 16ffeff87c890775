/** Image input node: an uploaded image (PNG, JPEG or WebP) fed into the graph. */
import { z } from "zod";
import type { NodeDefinition } from "./types";

export const imageInputParamsSchema = z.object({
  assetId: z.string().min(1).max(100).nullable().default(null),
});
export type ImageInputParams = z.infer<typeof imageInputParamsSchema>;

export const imageInputNode: NodeDefinition<ImageInputParams> = {
  type: "imageInput",
  label: "Image input",
  description: "An uploaded photo or picture to start from.",
  category: "input",
  role: "source",
  inputs: [],
  outputs: [{ name: "image", type: "image", label: "Image", required: false }],
  paramsSchema: imageInputParamsSchema,
  defaults: { assetId: null },
  fields: [{ name: "assetId", label: "Image", kind: "asset", help: "PNG, JPEG or WebP, up to 20 MB." }],
  checkReady(params) {
    return params.assetId ? [] : [{ code: "missing_parameter", field: "assetId", message: "No image uploaded: upload or drop an image" }];
  },
};
