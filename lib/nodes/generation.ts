/**
 * Generation node: text-to-image, or image-to-image when a reference image is connected
 * (capabilities txt2img / img2img, ARCHITECTURE.md "Node kinds").
 * What it asks for (prompt, reference, ratio or exact size, count, seed, strength) is mapped onto
 * the chosen model's own inputs by lib/nodes/prepare-request.
 */
import { z } from "zod";
import { ASPECT_RATIO_OPTIONS, aspectRatioSchema, sizeForAspectRatio } from "./aspect-ratio";
import { getPlatformPreset, platformSize } from "../intelligence/platforms/presets";
import {
  MODEL_FIELD,
  PLATFORM_FIELD,
  modelParamSchema,
  modelSettingsParamSchema,
  pixelsParamSchema,
  platformParamSchema,
  promptParamSchema,
  seedParamSchema,
  strengthParamSchema,
  presetLockedFields,
} from "./common-fields";
import type { NodeDefinition } from "./types";

export const generationParamsSchema = z.object({
  model: modelParamSchema,
  prompt: promptParamSchema,
  /** A platform preset: when set, its aspect ratio and size win over the fields below. */
  platform: platformParamSchema,
  aspectRatio: aspectRatioSchema.default("1:1"),
  /** Pixels; with `height`, overrides the aspect ratio's size. */
  width: pixelsParamSchema,
  height: pixelsParamSchema,
  numOutputs: z.number().int("must be a whole number").min(1, "must be 1 to 4").max(4, "must be 1 to 4").default(1),
  seed: seedParamSchema,
  /** With a reference image: 0 keeps the reference, 1 reimagines it fully. */
  strength: strengthParamSchema(0.6),
  settings: modelSettingsParamSchema,
});
export type GenerationParams = z.infer<typeof generationParamsSchema>;

/**
 * Output size in pixels and aspect ratio: the platform preset's when one is set
 * (intelligence-resolver-recommend-plan.txt, "Platform-aware formatting"), else explicit
 * width and height when both are set, else the aspect ratio's default size.
 */
export function generationSize(params: GenerationParams): { width: number; height: number; aspectRatio: string } {
  if (params.platform) return platformSize(params.platform);
  if (params.width && params.height) return { width: params.width, height: params.height, aspectRatio: params.aspectRatio };
  return { ...sizeForAspectRatio(params.aspectRatio), aspectRatio: params.aspectRatio };
}

export const generationNode: NodeDefinition<GenerationParams> = {
  type: "generation",
  label: "Generation",
  description: "Makes images from a prompt, optionally guided by a reference image.",
  category: "generate",
  role: "model",
  inputs: [
    { name: "prompt", type: "text", label: "Prompt", required: false },
    { name: "image", type: "image", label: "Reference", required: false },
    { name: "aspectRatio", type: "text", label: "Aspect ratio", required: false },
  ],
  portParams: ["aspectRatio"],
  outputs: [{ name: "image", type: "image", label: "Images", required: false }],
  paramsSchema: generationParamsSchema,
  defaults: generationParamsSchema.parse({}),
  fields: [
    MODEL_FIELD,
    { name: "prompt", label: "Prompt", kind: "textarea", placeholder: "Used when no Prompt node is connected" },
    PLATFORM_FIELD,
    { name: "aspectRatio", label: "Aspect ratio", kind: "select", options: ASPECT_RATIO_OPTIONS },
    { name: "width", label: "Width", kind: "number", min: 64, max: 4096, step: 8, nullable: true, unit: "px", placeholder: "auto" },
    { name: "height", label: "Height", kind: "number", min: 64, max: 4096, step: 8, nullable: true, unit: "px", placeholder: "auto" },
    { name: "numOutputs", label: "Outputs", kind: "slider", min: 1, max: 4, step: 1 },
    { name: "seed", label: "Seed", kind: "seed", help: "Empty = a new random seed each run." },
    { name: "strength", label: "Strength (with a reference)", kind: "slider", min: 0, max: 1, step: 0.05 },
  ],
  usesSeed: true,
  lockedFields: (params) => presetLockedFields(params.platform),
  summarize(params) {
    const { width, height, aspectRatio } = generationSize(params);
    const where = params.platform ? getPlatformPreset(params.platform)?.label : aspectRatio;
    return `${where} · ${width} × ${height} px${params.numOutputs > 1 ? ` · ${params.numOutputs} outputs` : ""}`;
  },
  checkReady(params, connected) {
    const issues = [];
    if (!connected.has("prompt") && !params.prompt.trim()) {
      issues.push({
        code: "missing_input" as const,
        port: "prompt",
        field: "prompt",
        message: "Needs a prompt: connect a Prompt node or type one",
      });
    }
    if ((params.width === null) !== (params.height === null)) {
      issues.push({
        code: "invalid_parameter" as const,
        field: params.width === null ? "width" : "height",
        message: "Set both width and height, or neither",
      });
    }
    return issues;
  },
  capability: (_params, connected) => (connected.has("image") ? "img2img" : "txt2img"),
  describeRequest({ params, prompt, image, seed }) {
    const size = generationSize(params);
    const exact = Boolean(params.platform || (params.width && params.height));
    return {
      task: image ? "generate from a reference image" : "generate an image from a prompt",
      verb: "generating",
      prompt,
      image,
      imageNoun: "reference image",
      size: exact
        ? {
            kind: "exact",
            width: size.width,
            height: size.height,
            ratio: size.aspectRatio,
            label: params.platform ? getPlatformPreset(params.platform)?.label : undefined,
          }
        : { kind: "ratio", ratio: size.aspectRatio },
      numOutputs: params.numOutputs,
      seed: seed === null ? undefined : { value: seed, fixed: params.seed !== null },
      strength: image ? params.strength : undefined,
      settings: params.settings,
    };
  },
};
