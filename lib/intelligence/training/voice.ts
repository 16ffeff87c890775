/**
 * Voice cloning: the static lookup of recommend_training
 * (shared/reference/intelligence-resolver-recommend-plan.txt, "Training Recommendation": a short
 * rough sample → Instant Voice Cloning; a long pristine recording → Professional Voice Clone).
 *
 * The model catalog's `trainingTypes` has no voice entries, so the two options are constants
 * here. Source of the names: the reference. The type strings are our own identifiers: neither
 * the reference nor the catalog gives Scenario's exact strings (Scenario's recommend_training
 * returns them, called with `modality: "voice"` and `dataset_shape: "short_audio"` or
 * `"long_audio"`, per scenario-labs/skills scenario-model-training SKILL.md).
 * The 30-minute threshold for a professional clone is ElevenLabs' documented minimum for
 * Professional Voice Cloning ("a minimum of 30 minutes of high-quality recordings").
 * Pure module.
 */
import type { VoiceSample } from "./intent";

export interface VoiceCloneOption {
  type: "instant-voice-cloning" | "professional-voice-clone";
  family: string;
  /** Scenario's `dataset_shape` argument for this option. */
  scenarioDatasetShape: "short_audio" | "long_audio";
  whenBetter: string;
  source: string;
}

export const INSTANT_VOICE_CLONING: VoiceCloneOption = {
  type: "instant-voice-cloning",
  family: "Instant Voice Cloning",
  scenarioDatasetShape: "short_audio",
  whenBetter: "you have a short or rough sample (a minute or two, a phone or meeting recording) and want a usable voice right away",
  source: "intelligence-resolver-recommend-plan.txt, Training Recommendation (short rough sample → Instant Voice Cloning)",
};

export const PROFESSIONAL_VOICE_CLONE: VoiceCloneOption = {
  type: "professional-voice-clone",
  family: "Professional Voice Clone",
  scenarioDatasetShape: "long_audio",
  whenBetter: "you have a long, clean recording (30 minutes or more, ideally studio quality) and need the closest, most stable likeness",
  source: "intelligence-resolver-recommend-plan.txt, Training Recommendation (long pristine recording → Professional Voice Clone)",
};

/** Recordings at least this long (seconds) count as "long" for a professional clone. */
export const PROFESSIONAL_MIN_SEC = 30 * 60;

/** The voice decision with the reason for it. */
export interface VoiceDecision {
  recommended: VoiceCloneOption;
  alternative: VoiceCloneOption;
  why: string;
}

function describeLength(sec: number): string {
  if (sec >= 3600) return `${Math.round((sec / 3600) * 10) / 10} h`;
  if (sec >= 60) return `${Math.round((sec / 60) * 10) / 10} min`;
  return `${Math.round(sec)} s`;
}

/**
 * Instant when the sample is short (under 30 minutes), rough, or of unknown length and not
 * described as clean and long; professional when it is long and not rough.
 * @param sample the parsed sample; `mentionsLong` is true when the description says "hours",
 *   "long" or similar without a number.
 */
export function decideVoiceClone(sample: VoiceSample, mentionsLong = false): VoiceDecision {
  const long = sample.lengthSec !== undefined ? sample.lengthSec >= PROFESSIONAL_MIN_SEC : mentionsLong;
  const length =
    sample.lengthSec !== undefined ? `${describeLength(sample.lengthSec)} of audio` : mentionsLong ? "long recordings" : "no stated length";
  if (long && sample.quality !== "rough") {
    return {
      recommended: PROFESSIONAL_VOICE_CLONE,
      alternative: INSTANT_VOICE_CLONING,
      why: `Long${sample.quality === "clean" ? ", clean" : ""} recording (${length}): enough material for a professional clone, which trains on it for the closest likeness.`,
    };
  }
  const reasons: string[] = [];
  if (!long)
    reasons.push(
      sample.lengthSec !== undefined ? `short sample (${length}, under ${PROFESSIONAL_MIN_SEC / 60} min)` : "no long recording mentioned",
    );
  if (sample.quality === "rough") reasons.push("rough audio quality");
  return {
    recommended: INSTANT_VOICE_CLONING,
    alternative: PROFESSIONAL_VOICE_CLONE,
    why: `Instant cloning works from a short sample: ${reasons.join(" and ")}.`,
  };
}
