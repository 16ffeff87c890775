/**
 * Deterministic composition of a plan for a description that matches no template
 * (reference, "plan_generation": a plan composed from the templates' steps).
 *
 * 1. Capabilities named in the description (./capabilities.ts `CAPABILITY_MENTIONS`):
 *    image/picture/photo → txt2img, video/clip → img2video when there is an image to start
 *    from (else txt2video), voice/narration → txt2audio, music → txt2music, 3D → img23d,
 *    upscale/HD/4K → upscale, remove background/cutout → background-removal, vector/SVG →
 *    img2svg, lipsync → lipsync, plus edit/retouch/expand/sound effects/text-to-3D.
 * 2. Missing inputs are added: a conversion (video, 3D, SVG, lipsync) with no image to start
 *    from gets a text-to-image step first, unless the user refers to their own image (then the
 *    draft starts from an upload); lipsync gets a voiceover; a video edit gets a clip.
 * 3. Steps are ordered images → edits → conversions → sound (`CAPABILITY_INFO[…].rank`).
 * 4. Each step is taken from the template that fits the composed set best (highest Jaccard
 *    similarity of capability sets; ties in documented order), and the plan inherits those
 *    templates' rules that concern its capabilities.
 * 5. Nothing recognised: one text-to-image step, said so in the notes.
 * Pure module.
 */
import { ANIMATE, CAPABILITY_INFO, CAPABILITY_MENTIONS, EXISTING_IMAGE } from "./capabilities";
import { PLAN_TEMPLATES, type PlanCapability, type PlanTool, type TemplateId } from "./templates";
import { normalizeText } from "../understand/normalize";

export interface ComposedStep {
  key: string;
  tool: PlanTool;
  title: string;
  capability: PlanCapability;
  requiredInputs?: string[];
  /** The template the step was taken from; null for a studio-only step (retouch, expand, …). */
  sourceTemplate: TemplateId | null;
}

export interface Composition {
  steps: ComposedStep[];
  rules: string[];
  notes: string[];
  /** True when nothing was recognised and the plan is the single-step fallback. */
  minimal: boolean;
  /** True when the first image comes from the user (an upload) rather than a generation. */
  startsFromUpload: boolean;
}

const TEMPLATE_CAPS: ReadonlyArray<{ id: TemplateId; caps: Set<PlanCapability> }> = PLAN_TEMPLATES.map((t) => ({
  id: t.id,
  caps: new Set(t.steps.flatMap((s) => (s.capability ? [s.capability] : []))),
}));

function jaccard(a: ReadonlySet<PlanCapability>, b: ReadonlySet<PlanCapability>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

/** The template whose capability set is closest to `caps` among those that have `capability`. */
function sourceTemplate(capability: PlanCapability, caps: ReadonlySet<PlanCapability>): TemplateId | null {
  let best: TemplateId | null = null;
  let bestScore = -1;
  for (const t of TEMPLATE_CAPS) {
    if (!t.caps.has(capability)) continue;
    const score = jaccard(t.caps, caps);
    if (score > bestScore) {
      best = t.id;
      bestScore = score;
    }
  }
  return best;
}

/** Input features each capability's model must accept in a composed plan. */
const REQUIRED_INPUTS: Partial<Record<PlanCapability, string[]>> = {
  img2img: ["image"],
  "background-removal": ["image"],
  upscale: ["image"],
  img2svg: ["image"],
  img23d: ["image"],
  img2video: ["image"],
  video2video: ["video"],
  lipsync: ["audio"],
};

const CONVERSIONS: readonly PlanCapability[] = ["img2video", "img23d", "img2svg", "lipsync"];

/**
 * Composes the steps, rules and notes for a description no template matched (see the module
 * comment). Models are not resolved here.
 */
export function composeSteps(description: string): Composition {
  const text = normalizeText(description);
  const notes: string[] = [];
  const caps = new Set<PlanCapability>();
  let video = false;
  for (const { capability, pattern } of CAPABILITY_MENTIONS) {
    if (!pattern.test(text)) continue;
    if (capability === "video") video = true;
    else caps.add(capability);
  }
  const existingImage = EXISTING_IMAGE.test(text);
  // The user's own image is the starting point: an upload, not a generation.
  if (existingImage && caps.has("txt2img")) caps.delete("txt2img");
  if (caps.has("txt23d")) caps.delete("img23d");
  if (caps.has("video2video")) video = true;

  if (video && !caps.has("lipsync")) {
    // a clip: animated from an image when there is one to start from, else from the text
    const hasImage = caps.has("txt2img") || existingImage || ANIMATE.test(text);
    caps.add(hasImage ? "img2video" : "txt2video");
  }
  if (caps.has("video2video") && !caps.has("img2video") && !caps.has("txt2video")) {
    caps.add("txt2video");
    notes.push("Added a text-to-video step: the video edit needs a clip to start from.");
  }
  if (caps.has("lipsync") && !caps.has("txt2audio")) {
    caps.add("txt2audio");
    notes.push("Added a voiceover step: lipsync needs the audio to follow.");
  }
  const needsImage = CONVERSIONS.filter((c) => caps.has(c));
  if (needsImage.length > 0 && !caps.has("txt2img") && !existingImage) {
    caps.add("txt2img");
    notes.push(`Added a text-to-image step: ${needsImage.join(", ")} starts from an image.`);
  }
  const imageTakers = [...caps].filter((c) => CAPABILITY_INFO[c].takesImage);
  const startsFromUpload = imageTakers.length > 0 && !caps.has("txt2img");
  if (startsFromUpload) notes.push("The plan starts from your own image: the draft has an image upload as its first node.");

  let minimal = false;
  if (caps.size === 0) {
    caps.add("txt2img");
    minimal = true;
    notes.push(
      "Nothing in the description matched a template or named a capability: drafted a single text-to-image step. Name the output (image, video, voice, music, 3D, SVG…) for a fuller plan.",
    );
  }

  const ordered = [...caps].sort((a, b) => CAPABILITY_INFO[a].rank - CAPABILITY_INFO[b].rank);
  const steps: ComposedStep[] = ordered.map((capability) => {
    const step: ComposedStep = {
      key: capability,
      tool: capability === "background-removal" ? "analyze" : "run_model",
      title: CAPABILITY_INFO[capability].stepTitle,
      capability,
      sourceTemplate: sourceTemplate(capability, caps),
    };
    const required = REQUIRED_INPUTS[capability];
    if (required) step.requiredInputs = required;
    return step;
  });

  const used = new Set(steps.map((s) => s.sourceTemplate).filter((t): t is TemplateId => t !== null));
  const rules: string[] = [];
  for (const template of PLAN_TEMPLATES) {
    if (!used.has(template.id)) continue;
    for (const rule of template.rules) {
      if (rule.appliesTo.some((c) => caps.has(c)) && !rules.includes(rule.text)) rules.push(rule.text);
    }
  }
  return { steps, rules, notes, minimal, startsFromUpload };
}
