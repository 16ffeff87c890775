/**
 * Platform detection for platform-aware formatting (intelligence-resolver-recommend-plan.txt,
 * "Platform-aware formatting"): a prompt that names a target platform ("TikTok", "a thumbnail
 * for my YouTube channel", "a wallpaper for my phone", "an icon for our mobile app", "A4
 * print", …) yields that preset of ./presets.ts.
 *
 * Matching is the shared text understanding (lib/intelligence/understand): the prompt's
 * concepts are scored against each preset's weighted concepts
 * (lib/intelligence/data/understand/platform-profiles.json). The best preset at or above the
 * minimum score wins; when the runner-up is within the margin, it is returned as the
 * alternative. Pure module.
 */
import { understandPlatform } from "../understand/understand";
import { getPlatformPreset, type PlatformPreset } from "./presets";

/** A platform decision: the preset, a close runner-up, and the concepts that counted. */
export interface PlatformMatch {
  preset: PlatformPreset;
  score: number;
  evidence: string[];
  /** A runner-up whose score is within the margin of the best; null when the call is clear. */
  alternative: { preset: PlatformPreset; score: number } | null;
}

/**
 * The platform a text names, with its score and a close alternative, or null when no platform
 * reaches the minimum score.
 */
export function matchPlatform(text: string | null | undefined): PlatformMatch | null {
  if (!text || !text.trim()) return null;
  const decision = understandPlatform(text);
  const preset = decision.best && getPlatformPreset(decision.best.id);
  if (!decision.best || !preset) return null;
  const alt = decision.alternative && getPlatformPreset(decision.alternative.id);
  return {
    preset,
    score: decision.best.score,
    evidence: decision.best.evidence,
    alternative: alt && decision.alternative ? { preset: alt, score: decision.alternative.score } : null,
  };
}

/**
 * The platform preset a text names, or null.
 * @example detectPlatform("TikTok product teaser")?.id // "tiktok"
 * @example detectPlatform("a thumbnail for my YouTube channel")?.id // "youtube_thumbnail"
 * Size: `platformSize(preset.id)` (./presets.ts).
 */
export function detectPlatform(text: string | null | undefined): PlatformPreset | null {
  return matchPlatform(text)?.preset ?? null;
}
