/**
 * The offline engine's own input schema, in the form of Scenario's `inputs[]`
 * (lib/providers/model-schema.ts), so offline runs go through the same request builder as online
 * ones. The engine runs any model id by capability (capabilities.ts), so every model has the same
 * schema: the union of the body fields its capabilities read, with their limits
 * (capabilities.ts, body-fields.ts). A capability ignores the fields it does not read.
 *
 * Pure module.
 */
import type { ModelSchema } from "../model-schema";
import {
  GENERATION_SIDE,
  LOCAL_CAPABILITIES,
  MAX_PROMPT_CHARS,
  MAX_SEED,
  NUM_OUTPUTS,
  UPSCALE_FACTORS,
  UPSCALE_PRESETS,
} from "./capabilities";

const LOCAL_INPUTS: ModelSchema["inputs"] = [
  {
    name: "prompt",
    type: "string",
    label: "Prompt",
    prompt: true,
    maxLength: MAX_PROMPT_CHARS,
    required: { ifNotDefined: { image: { message: "A prompt is required to generate without an input image." } } },
  },
  { name: "image", type: "file", kind: "image", label: "Image" },
  { name: "mask", type: "file", kind: "image", label: "Mask", description: "White = the area to repaint, black = keep." },
  { name: "strength", type: "number", label: "Strength", min: 0, max: 1 },
  { name: "width", type: "number", label: "Width", min: GENERATION_SIDE.min, max: GENERATION_SIDE.max, step: 1 },
  { name: "height", type: "number", label: "Height", min: GENERATION_SIDE.min, max: GENERATION_SIDE.max, step: 1 },
  { name: "numOutputs", type: "number", label: "Image Count", min: NUM_OUTPUTS.min, max: NUM_OUTPUTS.max, step: 1, default: 1 },
  { name: "seed", type: "number", label: "Seed", min: 0, max: MAX_SEED, step: 1 },
  { name: "upscaleFactor", type: "number", label: "Upscale factor", allowedValues: [...UPSCALE_FACTORS], default: 2 },
  { name: "preset", type: "string", label: "Preset", allowedValues: [...UPSCALE_PRESETS], default: "precise" },
];

/** The schema the offline engine accepts for `modelId` (the same for every model). */
export function localModelSchema(modelId: string): ModelSchema {
  return {
    modelId,
    capabilities: Object.keys(LOCAL_CAPABILITIES),
    inputs: LOCAL_INPUTS.map((input) => ({ ...input })),
    uiConfig: { selects: { preset: { precise: "Precise", balanced: "Balanced", creative: "Creative" } } },
    source: "local preview engine",
  };
}
