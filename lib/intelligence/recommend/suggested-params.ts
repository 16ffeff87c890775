/**
 * `suggestedParams` of a recommendation: node parameters ready to use, read from the prompt
 * (reference: "Platform-aware formatting" and "recommend").
 * - A named platform gives `{ platform, aspectRatio, width, height }` (ids and sizes of
 *   ../platforms/presets.ts); `aspectRatio` is left out when the model does not offer the
 *   platform's ratio (its trade-offs then say to crop or expand the result).
 * - An explicit ratio ("16:9") or orientation word ("square", "portrait"/"vertical",
 *   "landscape"/"horizontal"/"widescreen") gives `aspectRatio` when the model offers it (a model
 *   without an aspect-ratio list is sized in pixels and accepts any). With a platform, an explicit
 *   ratio the model offers overrides the platform's, and the height follows (width stays the
 *   platform's).
 * - `numOutputs`: the routing outputCount if given, else "6 variations" → 6, "variations",
 *   "options", "candidates", "alternatives" → 4, else 1; capped by the model's numOutputsMax
 *   (a model without one returns 1 output per run).
 * Pure module; patterns compiled once.
 */
import type { CatalogModel } from "../catalog/schema";
import { platformSize, type PlatformPreset } from "../platforms/presets";

export interface SuggestedParams {
  /** Platform id of the reference table ("instagram_story", …). */
  platform?: string;
  aspectRatio?: string;
  /** Pixels. */
  width?: number;
  height?: number;
  numOutputs: number;
}

const RATIO = /\b(\d{1,2})\s*:\s*(\d{1,2})\b/;
const SQUARE = /\bsquare\b/i;
const PORTRAIT = /\b(?:portrait|vertical)\b/i;
const LANDSCAPE = /\b(?:landscape|horizontal)\b/i;
const WIDESCREEN = /\bwide\s*screen\b/i;
const MANY =
  /\b(?:(\d{1,2})|(two|three|four|five|six|seven|eight|nine|ten|a few|several))?\s*(?:[a-z-]+\s+)?(?:variations|options|candidates|alternatives|versions|variants)\b/i;
const WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  "a few": 3,
  several: 4,
};

/** Default count for "variations"/"options"/"candidates" without a number. */
export const DEFAULT_VARIATIONS = 4;

/** Aspect-ratio preferences the prompt expresses, most preferred first (empty when none). */
export function requestedRatios(prompt: string): string[] {
  const explicit = RATIO.exec(prompt);
  if (explicit) return [`${Number(explicit[1])}:${Number(explicit[2])}`];
  if (SQUARE.test(prompt)) return ["1:1"];
  if (WIDESCREEN.test(prompt)) return ["16:9"];
  if (PORTRAIT.test(prompt)) return ["2:3", "3:4", "4:5", "9:16"];
  if (LANDSCAPE.test(prompt)) return ["3:2", "4:3", "16:9"];
  return [];
}

/** Outputs the prompt asks for (1 when it does not say). */
export function requestedOutputs(prompt: string): number {
  const m = MANY.exec(prompt);
  if (!m) return 1;
  if (m[1]) return Math.max(1, Number(m[1]));
  if (m[2]) return WORDS[m[2].toLowerCase()] ?? DEFAULT_VARIATIONS;
  return DEFAULT_VARIATIONS;
}

function offers(model: CatalogModel, ratio: string): boolean {
  const list = model.inputs.aspectRatios;
  return !list || list.includes(ratio);
}

/** The model's limit on outputs per run (1 when the catalog gives none). */
export function maxOutputs(model: CatalogModel): number {
  return model.inputs.numOutputsMax ?? 1;
}

/**
 * Parameters for `model` given the prompt, the detected platform and an optional outputs count.
 * @example suggestParams(gptImage2, "TikTok product teaser", tiktok) // { platform: "tiktok", aspectRatio: "9:16", width: 1080, height: 1920, numOutputs: 1 }
 */
export function suggestParams(model: CatalogModel, prompt: string, platform: PlatformPreset | null, outputCount?: number): SuggestedParams {
  const ratios = requestedRatios(prompt);
  const explicit = ratios.find((r) => offers(model, r));
  const numOutputs = Math.max(1, Math.min(outputCount ?? requestedOutputs(prompt), maxOutputs(model)));
  if (platform) {
    const size = platformSize(platform.id);
    if (explicit && explicit !== size.aspectRatio) {
      const [w, h] = explicit.split(":").map(Number);
      return { platform: platform.id, aspectRatio: explicit, width: size.width, height: Math.round((size.width * h) / w), numOutputs };
    }
    // A ratio the model does not offer is never suggested (the trade-offs say to crop or expand).
    if (!offers(model, size.aspectRatio)) return { platform: platform.id, width: size.width, height: size.height, numOutputs };
    return { platform: platform.id, aspectRatio: size.aspectRatio, width: size.width, height: size.height, numOutputs };
  }
  return explicit ? { aspectRatio: explicit, numOutputs } : { numOutputs };
}
