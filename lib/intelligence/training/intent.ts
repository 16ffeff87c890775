/**
 * recommend_training, step 1: a plain-language description of a dataset and goal → a
 * structured intent (modality, dataset shape, style, subject, priority)
 * (shared/reference/intelligence-resolver-recommend-plan.txt, "Training Recommendation").
 * The reference uses an LLM for this step; this parser is deterministic (keywords and
 * numbers), which is the default here. Pure module.
 */
import { requireDescription } from "../plan/errors";
import { normalizeText } from "../understand/normalize";

export type TrainingModality = "image" | "voice" | "video" | "3d";
export type DatasetShape = "single-images" | "before-after-pairs" | "audio-sample" | "video-clips" | "3d-assets";
export type TrainingStyle = "photoreal" | "stylized" | "mixed";
export type TrainingSubject = "character" | "style" | "object/product" | "environment" | "texture" | "transformation";
export type TrainingPriority = "quality" | "speed" | "cost" | "balanced";

export interface VoiceSample {
  /** Total length of the recordings in seconds, when the description gives one. */
  lengthSec?: number;
  /** "rough" (phone, noisy, casual), "clean" (studio, pristine), or null when not said. */
  quality: "rough" | "clean" | null;
}

export interface TrainingIntent {
  modality: TrainingModality;
  datasetShape: DatasetShape;
  style: TrainingStyle | null;
  subject: TrainingSubject | null;
  priority: TrainingPriority;
  /** The description ties the run to a legacy family (existing FLUX.1 / Kontext LoRAs, a pinned pipeline). */
  legacyOk: boolean;
  /** Number of images or pairs, when the description says ("40 photos", "25 pairs"). */
  datasetSize?: number;
  /** Voice only. */
  voiceSample?: VoiceSample;
}

const count = (text: string, pattern: RegExp): number => text.match(new RegExp(pattern.source, "g"))?.length ?? 0;

const VOICE =
  /\b(voices?|voice clon\w*|clon\w* (\w+ )?voice|speech|tts|narrat\w*|podcasts?|audio ?books?|recordings?|recorded|audio (samples?|clips?|files?)|vocals?|speaker|spoken)\b/;
const IMAGE = /\b(images?|photos?|pictures?|illustrations?|renders?|drawings?|artworks?|paintings?|sprites?|icons?|lora)\b/;
const VIDEO = /\b(videos?|footage|video clips?|motion clips?)\b/;
const THREE_D = /\b(3d|meshe?s?|3d models?|glb|fbx)\b/;

const PAIRS =
  /\b(before (and |or )?after|pairs?|paired|input (and )?output|source (and )?target|transformations?|transform\w*|edited versions?|edit lora|edit model|(convert\w*|turn\w*) (\w+ ){0,3}into)\b/;

const PHOTOREAL =
  /\b(photo ?real\w*|realistic|real (people|person|humans?|faces?)|photograph\w*|photos? of (me|myself|my face|a real)|lifelike|live action|headshots?|dslr|selfies?)\b/;
const STYLIZED =
  /\b(styli[sz]ed|anime|manga|cartoon\w*|illustrat\w*|painterly|hand ?painted|hand ?drawn|pixel art|comics?|watercolou?r|cel shad\w*|2d|chibi|toon\w*|low poly|flat (vector|design|colou?rs?)|sketch\w*|concept art)\b/;

const SUBJECTS: ReadonlyArray<{ subject: TrainingSubject; pattern: RegExp }> = [
  { subject: "transformation", pattern: /\b(transformations?|transform\w*|before (and |or )?after|restyl\w*|edits?|editing)\b/ },
  {
    subject: "character",
    pattern:
      /\b(characters?|person|people|faces?|mascots?|avatars?|influencers?|myself|selfies?|headshots?|portraits?|creatures?|hero character|my face|actor|actress|identity)\b/,
  },
  {
    subject: "object/product",
    pattern:
      /\b(products?|packshots?|objects?|items?|props?|bottles?|shoes?|sneakers?|furniture|packaging|merch\w*|goods|catalog(ue)? shots?|jewel\w*|cars?|vehicles?|weapons?)\b/,
  },
  {
    subject: "environment",
    pattern:
      /\b(environments?|landscapes?|scenery|scenes?|interiors?|architecture|levels?|locations?|cit(y|ies)|worlds?|backgrounds?|rooms?|buildings?)\b/,
  },
  { subject: "texture", pattern: /\b(textures?|materials?|patterns?|tileable|seamless|surfaces?)\b/ },
  {
    subject: "style",
    pattern: /\b(styles?|aesthetics?|look and feel|art direction|visual identity|house style|brand style|art style|rendering style)\b/,
  },
];

const QUALITY = /\b(best|highest|top|premium|hero|key visuals?|quality|detail\w*|fidelity|flagship|print|max\w*)\b/;
const SPEED =
  /\b(fast\w*|quick\w*|speed|rapid\w*|real ?time|volume|at scale|lots of|many|hundreds|thousands|batch\w*|iterat\w*|throughput|mass|production volume)\b/;
const COST = /\b(cheap\w*|budget|costs?|afford\w*|inexpensive|low cost|economical|save money|price)\b/;

const LEGACY =
  /\b(existing (\w+ ){0,2}loras?|flux ?1|flux\.1|kontext|public loras?|stack\w* (\w+ ){0,2}loras?|pinned to (an? )?(older|legacy|flux|kontext)\w*|legacy|compositions?)\b/;

const ROUGH =
  /\b(rough|noisy|noise|phone|voice (memo|note|message)s?|voicemail|whatsapp|low quality|poor quality|casual|laptop mic\w*|echo\w*|zoom (call|recording)s?|quick (sample|recording|clip))\b/;
const CLEAN = /\b(clean|studio|pristine|professional\w*|high quality|broadcast|treated room|noise free|crisp|lossless|wav|mastered)\b/;

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  second: 1,
  sec: 1,
  s: 1,
  minute: 60,
  min: 60,
  m: 60,
  hour: 3600,
  hr: 3600,
  h: 3600,
};

/** Longest duration named in the text, in seconds ("30 seconds", "2 hours", "an hour", "half an hour"). */
export function parseDurationSec(text: string): number | undefined {
  let lower = text.toLowerCase();
  let best: number | undefined;
  const take = (sec: number) => {
    if (Number.isFinite(sec) && sec > 0 && (best === undefined || sec > best)) best = sec;
  };
  for (const m of lower.matchAll(/(\d+(?:[.,]\d+)?)\s*-?\s*(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h)\b/g)) {
    const unit = m[2].replace(/s$/, "") || "s";
    const factor = UNIT_SECONDS[unit] ?? UNIT_SECONDS[m[2]] ?? 1;
    take(Number(m[1].replace(",", ".")) * factor);
  }
  if (/\bhalf an? hour\b/.test(lower)) {
    take(1800);
    lower = lower.replace(/\bhalf an? hour\b/g, " ");
  }
  if (/\b(an|one) hour\b/.test(lower)) take(3600);
  if (/\b(a couple of|two|2) hours\b/.test(lower)) take(7200);
  if (/\b(a|one) minute\b/.test(lower)) take(60);
  if (/\b(a )?few minutes\b/.test(lower)) take(180);
  if (/\b(a )?few seconds\b/.test(lower)) take(10);
  return best;
}

function pickPriority(text: string): TrainingPriority {
  const scores: Array<[TrainingPriority, number]> = [
    ["quality", count(text, QUALITY)],
    ["speed", count(text, SPEED)],
    ["cost", count(text, COST)],
  ];
  const max = Math.max(...scores.map(([, s]) => s));
  if (max === 0) return "balanced";
  const top = scores.filter(([, s]) => s === max);
  return top.length === 1 ? top[0][0] : "balanced";
}

/**
 * Parses a training description into a structured intent (reference, "Training
 * Recommendation"), deterministically:
 * - modality: voice words (voice, clone my voice, narration, recordings, podcast…) → "voice";
 *   video / 3D words without image words → "video" / "3d"; otherwise "image";
 * - datasetShape: "audio-sample" for voice; "before-after-pairs" for before/after, pairs,
 *   transformations, "turn X into Y"; else "single-images" (video: "video-clips", 3D: "3d-assets");
 * - style: photoreal vs stylized keywords ("mixed" when both, null when neither);
 * - subject: the most-mentioned of character, object/product, environment, texture, style
 *   (transformation for pair datasets); null when none;
 * - priority: the most-mentioned of quality / speed (volume, fast…) / cost; "balanced" on a tie
 *   or when none is mentioned;
 * - voiceSample (voice only): the longest duration named ("30 seconds", "2 hours of studio
 *   recordings") and rough/clean wording.
 * @throws InvalidDescriptionError for a missing, empty or over-long description.
 */
export function parseTrainingIntent(description: string): TrainingIntent {
  const raw = requireDescription(description);
  const text = normalizeText(raw);

  const voice = count(text, VOICE);
  const image = count(text, IMAGE);
  let modality: TrainingModality = "image";
  if (voice > 0 && voice >= image) modality = "voice";
  else if (image === 0 && VIDEO.test(text)) modality = "video";
  else if (image === 0 && THREE_D.test(text)) modality = "3d";

  let datasetShape: DatasetShape;
  if (modality === "voice") datasetShape = "audio-sample";
  else if (modality === "video") datasetShape = "video-clips";
  else if (modality === "3d") datasetShape = "3d-assets";
  else datasetShape = PAIRS.test(text) ? "before-after-pairs" : "single-images";

  const photoreal = count(text, PHOTOREAL);
  const stylized = count(text, STYLIZED);
  const style: TrainingStyle | null =
    photoreal && stylized
      ? photoreal === stylized
        ? "mixed"
        : photoreal > stylized
          ? "photoreal"
          : "stylized"
      : photoreal
        ? "photoreal"
        : stylized
          ? "stylized"
          : null;

  let subject: TrainingSubject | null = null;
  if (modality === "image" || modality === "video" || modality === "3d") {
    let best = 0;
    for (const { subject: s, pattern } of SUBJECTS) {
      if (s === "transformation" && datasetShape !== "before-after-pairs") continue;
      const n = count(text, pattern);
      if (n > best) {
        best = n;
        subject = s;
      }
    }
    if (datasetShape === "before-after-pairs" && subject === null) subject = "transformation";
  }

  const intent: TrainingIntent = {
    modality,
    datasetShape,
    style: modality === "voice" ? null : style,
    subject,
    priority: pickPriority(text),
    legacyOk: LEGACY.test(text),
  };

  const size =
    /\b(\d{1,5})\s+(?:\w+\s+){0,2}?(images?|photos?|pictures?|pairs?|renders?|illustrations?|examples?|shots?|packshots?|samples?)\b/.exec(
      text,
    );
  if (size) intent.datasetSize = Number(size[1]);

  if (modality === "voice") {
    const rough = count(text, ROUGH);
    const clean = count(text, CLEAN);
    const lengthSec = parseDurationSec(raw);
    intent.voiceSample = { quality: rough > clean ? "rough" : clean > rough ? "clean" : null };
    if (lengthSec !== undefined) intent.voiceSample.lengthSec = lengthSec;
  }
  return intent;
}
