/**
 * Parameter schemas and inspector fields shared by several node kinds. Pure module.
 */
import { z } from "zod";
import { PLATFORM_IDS, PLATFORM_OPTIONS, getPlatformPreset, platformSize } from "../intelligence/platforms/presets";
import type { FieldSpec } from "./types";

/** `"auto"` or a model id such as "model_upscale-v3". */
export const modelParamSchema = z
  .string()
  .regex(/^(auto|[A-Za-z0-9_.:-]{1,120})$/, 'must be "auto" or a model id')
  .default("auto");

/**
 * Model-specific settings the designer set from the chosen model's schema (inspector "Model
 * settings": GPT Image 2's quality, FLUX's guidance…), by model input name. Checked against the
 * model's schema by the request builder (lib/nodes/prepare-request); settings the model lacks are not sent.
 */
export const modelSettingsParamSchema = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,60}$/, "must be a model input name"),
    z.union([z.string().max(4000), z.number().finite(), z.boolean()]),
  )
  .refine((record) => Object.keys(record).length <= 40, "must hold at most 40 settings")
  .default({});

export const MODEL_FIELD: FieldSpec = { name: "model", label: "Model", kind: "model", help: "Auto picks a model for the task." };

/** Prompt text; 4,000 characters at most (well under Scenario models' limits). */
export const promptParamSchema = z.string().max(4000, "must be at most 4000 characters").default("");

/** 0 to 1. */
export const strengthParamSchema = (fallback: number) => z.number().min(0, "must be ≥ 0").max(1, "must be ≤ 1").default(fallback);

/** Whole pixels, 64 to 4096 (Photoroom Expand's documented maximum), or null for automatic. */
export const pixelsParamSchema = z
  .number()
  .int("must be a whole number of pixels")
  .min(64, "must be at least 64 px")
  .max(4096, "must be at most 4096 px")
  .nullable()
  .default(null);

/** A whole seed 0 to 2^31-1, or null for a new random seed each run. */
export const seedParamSchema = z.number().int().min(0).max(2147483647).nullable().default(null);

/** A platform preset id (lib/intelligence/platforms/presets.ts) or null for none. */
export const platformParamSchema = z.enum(PLATFORM_IDS).nullable().default(null);

export const PLATFORM_FIELD: FieldSpec = {
  name: "platform",
  label: "Platform",
  kind: "select",
  options: [{ value: "", label: "None (use the settings below)" }, ...PLATFORM_OPTIONS],
  help: "Sets the aspect ratio and size for where the image will be used.",
};

/**
 * The fields a platform preset decides while it is active (NodeDefinition.lockedFields): the
 * aspect ratio shows the preset's ratio, width and height its pixels; {} without a preset.
 */
export function presetLockedFields(platform: string | null | undefined): Record<string, { value: unknown; reason: string }> {
  if (!platform || !getPlatformPreset(platform)) return {};
  const { width, height, aspectRatio } = platformSize(platform);
  const reason = `Set by the ${getPlatformPreset(platform)!.label} preset: choose "None" under Platform to change it`;
  return { aspectRatio: { value: aspectRatio, reason }, width: { value: width, reason }, height: { value: height, reason } };
}
