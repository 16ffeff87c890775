/**
 * Expand node: outpainting onto a larger canvas at a target aspect ratio, or to an exact
 * width and height in pixels; the original stays centred and unscaled. The request asks for the
 * exact canvas, mapped onto the model's size inputs (exact width/height, or ratio + resolution,
 * scenario-api-contract.md §6) by lib/nodes/prepare-request.
 */
import { z } from "zod";
import { ASPECT_RATIO_OPTIONS, aspectRatioSchema, expandCanvasForRatio } from "./aspect-ratio";
import { getPlatformPreset, platformSize } from "../intelligence/platforms/presets";
import {
  MODEL_FIELD,
  PLATFORM_FIELD,
  modelParamSchema,
  modelSettingsParamSchema,
  pixelsParamSchema,
  platformParamSchema,
  promptParamSchema,
  presetLockedFields,
} from "./common-fields";
import type { NodeDefinition } from "./types";

export const expandParamsSchema = z.object({
  model: modelParamSchema,
  /** A platform preset: when set, the canvas is the platform's size (see expandTargetSize). */
  platform: platformParamSchema,
  /** Target ratio; null means "use width and height". */
  aspectRatio: aspectRatioSchema.nullable().default("16:9"),
  width: pixelsParamSchema,
  height: pixelsParamSchema,
  prompt: promptParamSchema,
  settings: modelSettingsParamSchema,
});
export type ExpandParams = z.infer<typeof expandParamsSchema>;

/**
 * The canvas, in pixels, an input of `width` × `height` expands to:
 * - with a platform preset, the platform's size (e.g. instagram_story 1080 × 1920), the image
 *   centred unscaled inside; when the image is larger than that on a side, the smallest canvas at
 *   the platform's ratio that contains it (Expand never shrinks the image);
 * - with an aspect ratio, the smallest canvas at exactly that ratio that contains the image;
 * - else the explicit width and height (each defaulting to the image's).
 * @throws RangeError naming `width` or `height` when an explicit size is smaller than the image.
 */
export function expandTargetSize(params: ExpandParams, width: number, height: number): { width: number; height: number } {
  if (params.platform) {
    const target = platformSize(params.platform);
    if (target.width >= width && target.height >= height) return { width: target.width, height: target.height };
    return expandCanvasForRatio(width, height, target.aspectRatio);
  }
  if (params.aspectRatio) return expandCanvasForRatio(width, height, params.aspectRatio);
  const target = { width: params.width ?? width, height: params.height ?? height };
  if (target.width < width)
    throw new RangeError(`width ${target.width} px is smaller than the image (${width} px): Expand only adds canvas`);
  if (target.height < height)
    throw new RangeError(`height ${target.height} px is smaller than the image (${height} px): Expand only adds canvas`);
  return target;
}

export const expandNode: NodeDefinition<ExpandParams> = {
  type: "expand",
  label: "Expand",
  description: "Extends the canvas around an image to a new aspect ratio or size.",
  category: "edit",
  role: "model",
  inputs: [
    { name: "image", type: "image", label: "Image", required: true },
    { name: "aspectRatio", type: "text", label: "Aspect ratio", required: false },
  ],
  portParams: ["aspectRatio"],
  outputs: [{ name: "image", type: "image", label: "Image", required: false }],
  compareWithInput: "image",
  paramsSchema: expandParamsSchema,
  defaults: expandParamsSchema.parse({}),
  fields: [
    MODEL_FIELD,
    PLATFORM_FIELD,
    {
      name: "aspectRatio",
      label: "Target",
      kind: "select",
      options: [...ASPECT_RATIO_OPTIONS, { value: "", label: "Exact size (pixels)" }],
    },
    { name: "width", label: "Width", kind: "number", min: 64, max: 4096, step: 1, nullable: true, unit: "px", placeholder: "same" },
    { name: "height", label: "Height", kind: "number", min: 64, max: 4096, step: 1, nullable: true, unit: "px", placeholder: "same" },
    { name: "prompt", label: "Prompt", kind: "textarea", placeholder: "Optional: what the new area shows" },
  ],
  checkReady(params, connected) {
    if (connected.has("aspectRatio") || params.platform || params.aspectRatio || params.width || params.height) return [];
    return [{ code: "missing_parameter", field: "aspectRatio", message: "Choose a target aspect ratio, or a width and height" }];
  },
  lockedFields: (params) => presetLockedFields(params.platform),
  summarize(params) {
    if (params.platform) {
      const { width, height } = platformSize(params.platform);
      return `${getPlatformPreset(params.platform)?.label} · ${width} × ${height} px`;
    }
    if (params.aspectRatio) return `${params.aspectRatio} canvas around the image`;
    if (params.width || params.height) return `${params.width ?? "same"} × ${params.height ?? "same"} px`;
    return null;
  },
  capability: () => "outpaint",
  describeRequest({ params, prompt, image }) {
    if (!image) throw new Error("expand: image is required");
    const { width, height } = expandTargetSize(params, image.width, image.height);
    return {
      task: "expand an image",
      verb: "expanding",
      prompt: prompt || undefined,
      image,
      imageNoun: "image to expand",
      size: {
        kind: "exact",
        width,
        height,
        ratio: params.platform ? platformSize(params.platform).aspectRatio : (params.aspectRatio ?? undefined),
        label: params.platform ? getPlatformPreset(params.platform)?.label : undefined,
        contains: { width: image.width, height: image.height },
      },
      sizeRequired: true,
      settings: params.settings,
    };
  },
};
