/**
 * Run model node: runs any model for a capability the studio has no dedicated node for
 * (video, audio, 3D, lipsync, vectorize…), as Scenario's `run_model` tool does
 * (shared/reference/run-model-tool.txt): a capability, a model ("auto" or an id), a prompt,
 * and optional inputs. Drafted plans use it for their non-image steps. The offline engine
 * cannot run these capabilities and fails the node saying so.
 */
import { z } from "zod";
import { MODEL_FIELD, modelParamSchema, modelSettingsParamSchema, promptParamSchema } from "./common-fields";
import type { NodeDefinition } from "./types";

/** Capabilities offered in the inspector; any Scenario capability slug is accepted. */
export const RUN_MODEL_CAPABILITIES = [
  { value: "img2video", label: "Image → video" },
  { value: "txt2video", label: "Text → video" },
  { value: "video2video", label: "Video → video" },
  { value: "txt2audio", label: "Text → speech" },
  { value: "txt2music", label: "Text → music" },
  { value: "txt2sfx", label: "Text → sound effect" },
  { value: "lipsync", label: "Lipsync" },
  { value: "img23d", label: "Image → 3D" },
  { value: "txt23d", label: "Text → 3D / motion" },
  { value: "img2svg", label: "Vectorize (SVG)" },
  { value: "txt2img", label: "Text → image" },
  { value: "img2img", label: "Image → image" },
] as const;

export const runModelParamsSchema = z.object({
  capability: z
    .string()
    .regex(/^[a-z0-9-]{2,40}$/, "must be a capability slug such as img2video")
    .default("img2video"),
  model: modelParamSchema,
  prompt: promptParamSchema,
  settings: modelSettingsParamSchema,
});
export type RunModelParams = z.infer<typeof runModelParamsSchema>;

export const runModelNode: NodeDefinition<RunModelParams> = {
  type: "runModel",
  label: "Run model",
  description: "Runs a model for video, audio, 3D or another capability.",
  category: "generate",
  role: "model",
  inputs: [
    { name: "prompt", type: "text", label: "Prompt", required: false },
    { name: "image", type: "image", label: "Image", required: false },
    { name: "media", type: "asset", label: "Media", required: false },
  ],
  outputs: [{ name: "asset", type: "asset", label: "Result", required: false }],
  paramsSchema: runModelParamsSchema,
  defaults: runModelParamsSchema.parse({}),
  fields: [
    { name: "capability", label: "Capability", kind: "select", options: RUN_MODEL_CAPABILITIES },
    MODEL_FIELD,
    { name: "prompt", label: "Prompt", kind: "textarea", placeholder: "Used when no Prompt node is connected" },
  ],
  usesSeed: false,
  summarize: (params) => RUN_MODEL_CAPABILITIES.find((c) => c.value === params.capability)?.label ?? params.capability,
  capability: (params) => params.capability,
  describeRequest({ params, prompt, image, media }) {
    const label = RUN_MODEL_CAPABILITIES.find((c) => c.value === params.capability)?.label ?? params.capability;
    return {
      task: `run ${label}`,
      verb: "running the model",
      prompt: prompt || undefined,
      image,
      imageNoun: "input image",
      media,
      settings: params.settings,
    };
  },
};
