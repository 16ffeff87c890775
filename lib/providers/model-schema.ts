/**
 * A model's own input schema: the `inputs[]` and `uiConfig` of Scenario's `GET /models/{id}`
 * record (shared/reference/scenario-api-contract.md §5; recorded examples in
 * shared/reference/scenario-models/, fields explained in its SOURCES.md), parsed with zod.
 *
 * The real API refuses any body field a model does not list, an off-step or out-of-range number,
 * a value outside `allowedValues` and a missing required input (HTTP 400 `{reason}`), so every
 * request the studio sends is built from this schema (lib/nodes/prepare-request.ts), and the
 * strict mock of the API checks requests against it (lib/providers/scenario/mock-server.ts).
 *
 * Loose objects: records carry more fields than the studio reads (`description`, `group`,
 * `promptSpark`, `backgroundBehavior`, …); they are kept as they come.
 *
 * Pure module: zod only.
 */
import { z } from "zod";

/** `{ message }` attached to a conditional requirement. */
const ruleMessageSchema = z.looseObject({ message: z.string().optional() });

/**
 * `required`: `{always: true}`; `{ifDefined: {other: {message}}}` = this input is required when
 * `other` is set; `{ifNotDefined: {other: {message}}}` = required when `other` is not set.
 */
export const requiredRuleSchema = z.looseObject({
  always: z.boolean().optional(),
  ifDefined: z.record(z.string(), ruleMessageSchema).optional(),
  ifNotDefined: z.record(z.string(), ruleMessageSchema).optional(),
});

export const modelInputSchema = z.looseObject({
  name: z.string().min(1),
  type: z.string().min(1),
  label: z.string().optional(),
  description: z.string().optional(),
  /** Asset kind of `file` / `file_array` inputs: `image`, `video`, `audio`, `3d`, … */
  kind: z.string().optional(),
  required: requiredRuleSchema.optional(),
  default: z.unknown().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  step: z.number().optional(),
  allowedValues: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** Characters for strings; items for `*_array` inputs. */
  maxLength: z.number().optional(),
  /** Bytes, for file inputs (Gemini's `video`: 15 MB). */
  maxSize: z.number().optional(),
  /** The input this mask applies to (GPT Image 2: `referenceImages`). */
  maskFrom: z.string().optional(),
  /** True for the main prompt field. */
  prompt: z.boolean().optional(),
  costImpact: z.boolean().optional(),
  /** Model types a `model` / `model_array` input accepts (LoRAs: `flux.1-lora`, …). */
  modelTypes: z.array(z.string()).optional(),
  group: z.string().optional(),
});

/** One size preset of `uiConfig.resolutionComponent` (a preset without width/height is "Auto"). */
export const sizePresetSchema = z.looseObject({
  label: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
});

export const uiConfigSchema = z.looseObject({
  /** Display labels of `allowedValues`, per input name. */
  selects: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  resolutionComponent: z
    .looseObject({
      widthInput: z.string().optional(),
      heightInput: z.string().optional(),
      label: z.string().optional(),
      presets: z.array(sizePresetSchema).optional(),
    })
    .optional(),
});

/** What the studio keeps of a model record: enough to build and check a request body. */
export const modelSchemaSchema = z.object({
  modelId: z.string().min(1),
  /** The record's display name ("Seedance 2.0"), for sentences about a model the catalog does not list. */
  name: z.string().min(1).optional(),
  /** Scenario's own capability slugs of the record (`txt2img`, `img2img`, `outpaint`, …). */
  capabilities: z.array(z.string()).default([]),
  inputs: z.array(modelInputSchema),
  uiConfig: uiConfigSchema.optional(),
  /** Where the schema came from: `recorded <date>` (a captured API record) or `api <ISO date>` (fetched). */
  source: z.string().optional(),
});

export type ModelInput = z.infer<typeof modelInputSchema>;
export type ModelSchema = z.infer<typeof modelSchemaSchema>;

/**
 * Builds a ModelSchema from a raw `GET /models/{id}` reply (`{model: {...}}`) or its `model`.
 * @returns null when the record has no `inputs[]` (list rows and trained LoRA records carry none).
 * @throws ZodError when `inputs[]` is present but malformed.
 */
export function modelSchemaFromRecord(record: unknown, source?: string): ModelSchema | null {
  const raw = (record && typeof record === "object" && "model" in record ? (record as { model: unknown }).model : record) as
    Record<string, unknown> | null | undefined;
  if (!raw || typeof raw !== "object" || !Array.isArray(raw.inputs)) return null;
  return modelSchemaSchema.parse({
    modelId: raw.id,
    name: typeof raw.name === "string" && raw.name.trim() ? raw.name.trim() : undefined,
    capabilities: Array.isArray(raw.capabilities) ? raw.capabilities : [],
    inputs: raw.inputs,
    uiConfig: raw.uiConfig ?? undefined,
    source,
  });
}
