/**
 * How a platform preset's size fits a model (issue 9: presets that exceed the model's limits are
 * adjusted visibly): the request builder's own size mapping (prepare-request/size.ts `mapSize`)
 * applied to the preset, so the inspector shows exactly what a run would send, e.g.
 * "Poster print 3000 × 4500 → 2731 × 4096, the model's maximum". Pure module.
 */
import { getPlatformPreset, platformSize } from "../intelligence/platforms/presets";
import type { ModelSchema } from "../providers/model-schema";
import { mapSize } from "./prepare-request/size";

export interface PresetFit {
  /** The preset's own size. */
  width: number;
  height: number;
  /** The size the model gets when it differs from the preset's; null when the preset fits as is (or the model picks its own size). */
  adjusted: { width: number; height: number } | null;
  /** The builder's sentence about the change ("Poster print 3000 × 4500 → 2731 × 4096, the model's maximum"), or its refusal. */
  note: string | null;
  /** True when the model cannot make this preset at all. */
  refused: boolean;
}

/**
 * @param presetId a platform id (`poster_print`…); @param schema the model's input schema.
 * @returns how the preset maps onto the model's size inputs; null for an unknown preset.
 */
export function fitPresetToModel(presetId: string, schema: ModelSchema, modelName = "The model"): PresetFit | null {
  const preset = getPlatformPreset(presetId);
  if (!preset) return null;
  const { width, height, aspectRatio } = platformSize(presetId);
  const result = mapSize(
    { task: "generate an image", verb: "generating", size: { kind: "exact", width, height, ratio: aspectRatio, label: preset.label } },
    schema,
    modelName,
  );
  if ("refusal" in result) return { width, height, adjusted: null, note: result.refusal.message, refused: true };
  const out = result.output;
  const adjusted = out && (out.width !== width || out.height !== height) ? out : null;
  const note = result.notes.find((n) => /→|smaller|does not offer/.test(n.message))?.message ?? null;
  return { width, height, adjusted, note: adjusted || note ? note : null, refused: false };
}

/** The preset's option label for the model: "Poster print — 3000 × 4500 → 2731 × 4096". */
export function presetOptionLabel(presetId: string, baseLabel: string, fit: PresetFit | null): string {
  if (!fit) return baseLabel;
  if (fit.refused) return `${baseLabel} (not possible with this model)`;
  if (fit.adjusted) return `${baseLabel} → ${fit.adjusted.width} × ${fit.adjusted.height}`;
  return baseLabel;
}
