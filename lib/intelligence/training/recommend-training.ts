/**
 * recommend_training: a description of a dataset and goal → one training type plus up to
 * three alternatives, each with a "when this is better" note, and an explicit family lock-in
 * warning (shared/reference/intelligence-resolver-recommend-plan.txt, "Training
 * Recommendation").
 *
 * Image training is scored from the catalog's `trainingTypes` rows, field by field:
 * - `datasetShape`: the intent's shape +10, any other shape −10 (kept only as an alternative,
 *   with the shape difference said);
 * - `styleFit`: the intent's subject listed +4 ("object" counts 3 for object/product), the
 *   intent's style listed ("photoreal") +3;
 * - `quality` / `speed` texts ranked by their wording ("highest" 3 … "lower"/"older" 0.5;
 *   "fastest" 3, "fast"/"single-pass" 2, "slowest" 0; cost from "cheapest"/"low-cost"/"16 CU"),
 *   weighted by the priority (quality → 2×quality, speed → 2×speed, cost → 2×cost, balanced →
 *   quality + speed);
 * - `whenBetter`: a row that says "only when …"/"only to …" is a niche pick (−4) unless the
 *   description names its niche (+6, e.g. "turbo"); each of its key words the description
 *   shares adds 1 (at most 3);
 * - legacy families (family name says "legacy") are left out unless the description ties the
 *   run to them (existing FLUX.1 / Kontext LoRAs), as Scenario's recommend_training does.
 * Voice is a static lookup (./voice.ts). Video and 3D have no training types in the catalog.
 * Pure module.
 */
import { getCatalog } from "../catalog/get-catalog";
import type { Catalog, TrainingType } from "../catalog/schema";
import { parseTrainingIntent, type TrainingIntent } from "./intent";
import { decideVoiceClone } from "./voice";

/** The recommended training type. */
export interface TrainingPick {
  /** The exact type string for model creation (e.g. "flux.2-dev-lora"). */
  type: string;
  family: string;
  /** Why it fits, citing the catalog's fields. */
  why: string;
  whenBetter: string;
}

export interface TrainingAlternative {
  /** A training type of the catalog's `trainingTypes` (never invented). */
  type: string;
  family: string;
  whenBetter: string;
  /** Catalog models a LoRA of this type runs on at inference (never empty for image types). */
  runsOn: Array<{ id: string; name: string }>;
}

export interface TrainingRecommendation {
  intent: TrainingIntent;
  /** Null only when the catalog has no training type for the modality (video, 3D). */
  recommended: TrainingPick | null;
  /**
   * Up to three, best first: catalog training types other than the pick that a finished LoRA can
   * run on (a model of the family, or of a family it carries across, is in the catalog). Empty
   * only when the catalog has no such second type.
   */
  alternatives: TrainingAlternative[];
  /** The family a run locks into, and where the result can run. */
  familyLockIn: string;
  notes: string[];
}

export interface RecommendTrainingOptions {
  /** Catalog to read `trainingTypes` and models from; the bundled snapshot by default. */
  catalog?: Catalog;
}

const SHAPE_LABEL: Readonly<Record<string, string>> = {
  "single-images": "single images",
  "before-after-pairs": "before/after pairs",
  "audio-sample": "an audio sample",
};

function qualityRank(text: string): number {
  if (/highest/i.test(text)) return 3;
  if (/strong/i.test(text)) return 2;
  if (/\bgood\b/i.test(text)) return 2;
  if (/lower|older|previous/i.test(text)) return 0.5;
  return 1;
}

function speedRank(text: string): number {
  if (/fastest/i.test(text)) return 3;
  if (/\bfast\b|single-pass/i.test(text)) return 2;
  if (/slowest/i.test(text)) return 0;
  return 1;
}

function costRank(text: string): number {
  if (/cheapest/i.test(text)) return 3;
  if (/low-cost|low cost|\b[2-6]-[2-6] CU\b/i.test(text)) return 2;
  if (/slowest|\b1[5-9] CU\b/i.test(text)) return 0;
  return 1;
}

const isLegacy = (t: TrainingType) => /legacy/i.test(t.family);
const isNiche = (t: TrainingType) => /^only\b/i.test(t.whenBetter.trim());

/** The word that names a niche row's niche: the family's last word not shared with other rows ("Turbo"). */
function nicheWord(t: TrainingType, all: readonly TrainingType[]): string | null {
  const words = t.family
    .replace(/\(.*?\)/g, "")
    .trim()
    .split(/\s+/);
  for (const word of [...words].reverse()) {
    if (!all.some((o) => o !== t && o.family.includes(word))) return word.toLowerCase();
  }
  return null;
}

const STOP = new Set([
  "only",
  "when",
  "where",
  "than",
  "rather",
  "with",
  "from",
  "that",
  "this",
  "here",
  "instead",
  "prefer",
  "outweighs",
  "existing",
]);

function keyWords(text: string): string[] {
  return [
    ...new Set(
      text
        .toLowerCase()
        .split(/[^a-z0-9.]+/)
        .filter((w) => w.length > 3 && !STOP.has(w)),
    ),
  ];
}

interface Scored {
  row: TrainingType;
  score: number;
  reasons: string[];
  shapeMatches: boolean;
}

function scoreRow(row: TrainingType, intent: TrainingIntent, text: string, all: readonly TrainingType[]): Scored {
  const reasons: string[] = [];
  let score = 0;
  const shapeMatches = row.datasetShape === intent.datasetShape;
  score += shapeMatches ? 10 : -10;
  if (shapeMatches) reasons.push(`trains on ${SHAPE_LABEL[row.datasetShape] ?? row.datasetShape}, like your dataset`);

  const fit = row.styleFit.map((s) => s.toLowerCase());
  if (intent.subject) {
    if (fit.includes(intent.subject)) {
      score += 4;
      reasons.push(`the catalog lists it for ${intent.subject}`);
    } else if (intent.subject === "object/product" && fit.includes("object")) {
      score += 3;
      reasons.push("the catalog lists it for objects");
    } else if (intent.subject === "transformation" && fit.some((f) => /restyle|edit|transformation/.test(f))) {
      score += 3;
      reasons.push(`the catalog lists it for ${fit.filter((f) => /restyle|edit/.test(f)).join(", ")}`);
    }
  }
  if (intent.style && intent.style !== "mixed" && fit.includes(intent.style)) {
    score += 3;
    reasons.push(`listed for ${intent.style} work`);
  }

  const q = qualityRank(row.quality);
  const s = speedRank(row.speed);
  const c = costRank(row.speed);
  const weight = { quality: 2 * q, speed: 2 * s, cost: 2 * c, balanced: q + s }[intent.priority];
  score += weight;
  if (intent.priority === "quality") reasons.push(`quality: ${row.quality}`);
  else if (intent.priority === "speed" || intent.priority === "cost") reasons.push(`speed/cost: ${row.speed}`);
  else reasons.push(`quality: ${row.quality}; speed: ${row.speed}`);

  if (isNiche(row)) {
    const word = nicheWord(row, all);
    if (word && new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).test(text)) {
      score += 6;
      reasons.push(`you named ${row.family}`);
    } else score -= 4;
  }
  if (isLegacy(row) && intent.legacyOk) {
    score += 3;
    reasons.push("your description ties the run to this legacy family");
  }

  const shared = keyWords(row.whenBetter).filter((w) => new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`).test(text));
  score += Math.min(3, shared.length);

  return { row, score, reasons, shapeMatches };
}

function lowerFirst(s: string): string {
  return s ? s[0].toLowerCase() + s.slice(1) : s;
}

function alternativeNote(scored: Scored, intent: TrainingIntent): string {
  if (scored.shapeMatches) return scored.row.whenBetter;
  const theirs = SHAPE_LABEL[scored.row.datasetShape] ?? scored.row.datasetShape;
  const yours = SHAPE_LABEL[intent.datasetShape] ?? intent.datasetShape;
  return `needs ${theirs} instead of ${yours}: ${lowerFirst(scored.row.whenBetter)}`;
}

/** Inference models of a family in the catalog: model names equal to, or starting with, the family name. */
export function familyModels(catalog: Catalog, family: string): Array<{ id: string; name: string }> {
  const base = family
    .replace(/\(.*?\)/g, "")
    .trim()
    .toLowerCase();
  return catalog.models
    .filter((m) => {
      const name = m.name.toLowerCase();
      return name === base || name.startsWith(`${base} `);
    })
    .map((m) => ({ id: m.id, name: m.name }));
}

/** The family-wide portability a catalog row declares ("LoRAs carry across Z-Image variants"). */
function portableAcross(catalog: Catalog, family: string): string | null {
  for (const row of catalog.trainingTypes) {
    const m = /carry across ([\w.-]+(?: [\w.-]+)?) variants/i.exec(row.whenBetter);
    if (m && family.toLowerCase().startsWith(m[1].toLowerCase())) return m[1];
  }
  return null;
}

/** Catalog models a LoRA of this row runs on: its family's, or the family it carries across. */
export function runsOnModels(catalog: Catalog, row: TrainingType): Array<{ id: string; name: string }> {
  const own = familyModels(catalog, row.family);
  if (own.length) return own;
  const portable = portableAcross(catalog, row.family);
  return portable ? familyModels(catalog, portable) : [];
}

/** The explicit lock-in warning for an image training type. */
export function familyLockInFor(catalog: Catalog, row: TrainingType): string {
  const portable = portableAcross(catalog, row.family);
  const models = familyModels(catalog, portable ?? row.family);
  const where = models.length
    ? `in this catalog: ${models.map((m) => `${m.name} (${m.id})`).join(", ")}`
    : "no inference model of this family is in the catalog snapshot";
  if (portable) {
    const variants = [
      ...new Set(catalog.trainingTypes.filter((t) => t.family.toLowerCase().startsWith(portable.toLowerCase())).map((t) => t.family)),
    ];
    return `Family lock-in: a LoRA trained as "${row.type}" is bound to the ${portable} family and runs only on it at inference (${where}); it carries across the family's own variants (${variants.join(", ")}) but will not load on any other family, so moving later means training again.`;
  }
  return `Family lock-in: a LoRA trained as "${row.type}" is bound to the ${row.family} family and runs only on ${row.family} at inference (${where}); it will not load on any other family, nor on other versions of this one, so moving later means training again.`;
}

/**
 * recommend_training (reference section "Training Recommendation"; scoring in the module
 * comment).
 * @param input `{ description }`: the dataset and the goal in plain language.
 * @returns `{ intent, recommended: { type, family, why, whenBetter } | null, alternatives (≤ 3,
 *   each { type, family, whenBetter }), familyLockIn, notes }`. `recommended` is null only for
 *   a modality without training types in the catalog (video, 3D).
 * @throws InvalidDescriptionError for a missing, empty or over-long description (API: 400).
 */
export function recommendTraining(input: { description: string }, options: RecommendTrainingOptions = {}): TrainingRecommendation {
  const intent = parseTrainingIntent(input?.description);
  const catalog = options.catalog ?? getCatalog();
  const notes: string[] = [];

  if (intent.modality === "voice") {
    const mentionsLong = /\b(hours?|long|lengthy|extensive|audiobook|many recordings)\b/i.test(input.description);
    const decision = decideVoiceClone(intent.voiceSample ?? { quality: null }, mentionsLong);
    const cloneModels = catalog.models.filter((m) => Boolean((m.inputs as Record<string, unknown>).voiceClone));
    const where = cloneModels.length
      ? `the text-to-speech models that take a cloned voice (in this catalog: ${cloneModels.map((m) => `${m.name} (${m.id})`).join(", ")})`
      : "the provider's own text-to-speech models";
    notes.push("Voice cloning is a static lookup: the catalog's training types cover images only.");
    return {
      intent,
      recommended: {
        type: decision.recommended.type,
        family: decision.recommended.family,
        why: decision.why,
        whenBetter: decision.recommended.whenBetter,
      },
      alternatives: [
        {
          type: decision.alternative.type,
          family: decision.alternative.family,
          whenBetter: decision.alternative.whenBetter,
          runsOn: cloneModels.map((m) => ({ id: m.id, name: m.name })),
        },
      ],
      familyLockIn: `Family lock-in: a voice made with ${decision.recommended.family} belongs to the voice service that made it and is used through ${where}; other TTS models cannot speak with it.`,
      notes,
    };
  }

  const rows = catalog.trainingTypes.filter((t) => t.modality === intent.modality);
  if (rows.length === 0) {
    return {
      intent,
      recommended: null,
      alternatives: [],
      familyLockIn: `No ${intent.modality} training type is in the catalog, so there is no family to lock into yet.`,
      notes: [
        `The catalog (snapshot ${catalog.snapshotDate}) has no training types for ${intent.modality}; it lists image LoRA types and voice cloning only.`,
      ],
    };
  }

  const text = input.description.toLowerCase();
  const eligible = rows.filter((r) => !isLegacy(r) || intent.legacyOk);
  const excluded = rows.filter((r) => !eligible.includes(r));
  if (excluded.length) {
    notes.push(
      `Left out legacy families (${excluded.map((r) => r.type).join(", ")}): mention existing FLUX.1 or Kontext LoRAs to consider them.`,
    );
  }
  const ranked = eligible
    .map((r) => scoreRow(r, intent, text, rows))
    .sort((a, b) => b.score - a.score || rows.indexOf(a.row) - rows.indexOf(b.row));
  const [best, ...rest] = ranked;
  if (!best.shapeMatches) {
    notes.push(
      `No training type in the catalog takes ${SHAPE_LABEL[intent.datasetShape] ?? intent.datasetShape}; the pick needs ${SHAPE_LABEL[best.row.datasetShape] ?? best.row.datasetShape}.`,
    );
  }
  if (intent.priority === "cost" && rest.some((r) => /zimage-turbo/.test(r.row.type)) && best.row.type === "zimage-lora") {
    notes.push(
      "For cost, train on Z-Image and run the finished LoRA on Z-Image Turbo: the LoRA carries across the variants and trains better on Z-Image.",
    );
  }

  const why = `${best.row.type}: ${best.reasons.join("; ")}. Priority: ${intent.priority}.`;
  // Alternatives are real options: catalog rows whose LoRA has a model to run on. When the
  // eligible rows leave none, the best legacy row is offered rather than nothing, and said so.
  const runnable = (r: Scored) => runsOnModels(catalog, r.row).length > 0;
  let pool = rest.filter(runnable);
  const dropped = rest.filter((r) => !runnable(r));
  if (dropped.length)
    notes.push(`Not offered: ${dropped.map((r) => r.row.type).join(", ")} (no model of that family is in the catalog to run the LoRA on).`);
  if (pool.length === 0 && excluded.length) {
    const legacy = excluded
      .map((r) => scoreRow(r, intent, text, rows))
      .filter(runnable)
      .sort((a, b) => b.score - a.score || rows.indexOf(a.row) - rows.indexOf(b.row));
    if (legacy.length) {
      pool = legacy.slice(0, 1);
      notes.push(`Offered the legacy ${legacy[0].row.type} as the only other option in the catalog.`);
    }
  }
  return {
    intent,
    recommended: { type: best.row.type, family: best.row.family, why, whenBetter: best.row.whenBetter },
    alternatives: pool.slice(0, 3).map((r) => ({
      type: r.row.type,
      family: r.row.family,
      whenBetter: alternativeNote(r, intent),
      runsOn: runsOnModels(catalog, r.row),
    })),
    familyLockIn: familyLockInFor(catalog, best.row),
    notes,
  };
}
