/**
 * Stage 1, filter (reference: "How model picking works", step 1): hard constraints. Capability,
 * required input features, reference-image count, cost and latency caps, duration. A model that
 * fails is excluded with every reason that applies, not just the first. Pure module.
 */
import type { ModelInputs } from "../catalog/schema";
import type { CapabilityEntry, CatalogIndex, IndexedModel } from "./catalog-index";
import { UnknownCapabilityError } from "./errors";
import { formatFigure, formatNumber } from "./format";
import type { ExcludedModel, ResolveConstraints } from "./types";

/** How an input feature reads in a reason: "does not take a mask". */
const INPUT_LABELS: Record<string, string> = {
  mask: "a mask",
  image: "an input image",
  endImage: "an end image (endImage)",
  video: "a video input",
  audio: "an audio input",
  prompt: "a prompt",
  text: "a text input",
  seed: "a seed",
  negativePrompt: "a negative prompt",
  controlImage: "a control image",
};

/** True when the model declares the input: `true`, a positive count or a non-empty list. */
export function takesInput(inputs: ModelInputs, name: string): boolean {
  const v = (inputs as Record<string, unknown>)[name];
  if (v === true) return true;
  if (typeof v === "number") return v > 0;
  if (Array.isArray(v)) return v.length > 0;
  return typeof v === "string" && v.length > 0;
}

const plural = (n: number, word: string) => `${formatNumber(n)} ${word}${n === 1 ? "" : "s"}`;

/**
 * The duration spec of a model: `durationsSec` (video), `durationSec` (audio) or `lengthSec`
 * (motion). Two numbers are a [min, max] range, more are a discrete set, `true` is "accepted,
 * range not documented".
 */
function durationReason(inputs: ModelInputs, seconds: number): string | null {
  const spec = inputs.durationsSec ?? inputs.durationSec ?? inputs.lengthSec;
  const wanted = formatNumber(seconds);
  if (spec === undefined || spec === false || (Array.isArray(spec) && spec.length === 0)) return `no duration setting (needs ${wanted} s)`;
  if (spec === true) return null;
  if (spec.length === 2) {
    const [min, max] = spec[0] <= spec[1] ? spec : [spec[1], spec[0]];
    return seconds < min || seconds > max ? `duration ${wanted} s not within ${formatNumber(min)}–${formatNumber(max)} s` : null;
  }
  if (spec.length === 1) return seconds === spec[0] ? null : `duration ${wanted} s is not the supported ${formatNumber(spec[0])} s`;
  return spec.includes(seconds) ? null : `duration ${wanted} s is not one of ${spec.map(formatNumber).join(", ")} s`;
}

function referenceReason(inputs: ModelInputs, needed: number): string | null {
  if (needed <= 0) return null;
  const max = inputs.referenceImagesMax;
  if (typeof max === "number") {
    if (max === 0) return `does not take reference images (needs ${needed})`;
    return max < needed ? `takes at most ${plural(max, "reference image")} (needs ${needed})` : null;
  }
  // One reference image is the plain image input.
  if (needed === 1 && inputs.image === true) return null;
  if (max === null) return `reference-image limit not documented (needs ${needed})`;
  return `does not take reference images (needs ${needed})`;
}

/** Reasons that depend only on the model's inputs (apply whatever the capability). */
function inputReasons(im: IndexedModel, constraints: ResolveConstraints): string[] {
  const reasons: string[] = [];
  const inputs = im.model.inputs;
  for (const name of constraints.requiredInputs ?? []) {
    if (!takesInput(inputs, name)) reasons.push(`does not take ${INPUT_LABELS[name] ?? `"${name}"`}`);
  }
  const refs = referenceReason(inputs, constraints.minReferenceImages ?? 0);
  if (refs) reasons.push(refs);
  if (constraints.durationSec !== undefined) {
    const d = durationReason(inputs, constraints.durationSec);
    if (d) reasons.push(d);
  }
  return reasons;
}

function capReasons(entry: CapabilityEntry, constraints: ResolveConstraints): string[] {
  const reasons: string[] = [];
  const { metrics } = entry;
  if (constraints.maxCostCU !== undefined) {
    const cap = formatNumber(constraints.maxCostCU);
    if (metrics.p50CostCU === null) reasons.push(`no p50 cost figure to check against the ${cap} CU cap`);
    else if (metrics.p50CostCU > constraints.maxCostCU)
      reasons.push(`p50 cost ${formatFigure("p50CostCU", metrics)} is over the ${cap} CU cap`);
  }
  if (constraints.maxLatencySec !== undefined) {
    const cap = formatNumber(constraints.maxLatencySec);
    if (metrics.p50LatencySec === null) reasons.push(`no p50 latency figure to check against the ${cap} s cap`);
    else if (metrics.p50LatencySec > constraints.maxLatencySec)
      reasons.push(`p50 latency ${formatFigure("p50LatencySec", metrics)} is over the ${cap} s cap`);
  }
  return reasons;
}

export interface FilterResult {
  candidates: CapabilityEntry[];
  /** Models with the capability that failed a constraint, with every reason. */
  excluded: ExcludedModel[];
  /** Models without the capability ("no inpaint capability", plus any input reasons). */
  lacking: ExcludedModel[];
}

/**
 * Keeps the models of `capability` that meet every constraint.
 * @throws UnknownCapabilityError when no model of the catalog has `capability`.
 */
export function filterModels(index: CatalogIndex, capability: string, constraints: ResolveConstraints = {}): FilterResult {
  const entries = index.byCapability.get(capability);
  if (!entries) throw new UnknownCapabilityError(capability, index.capabilities);
  const candidates: CapabilityEntry[] = [];
  const excluded: ExcludedModel[] = [];
  const lacking: ExcludedModel[] = [];
  for (const entry of entries) {
    const reasons = [...inputReasons(entry.im, constraints), ...capReasons(entry, constraints)];
    if (reasons.length === 0) candidates.push(entry);
    else excluded.push({ modelId: entry.im.model.id, name: entry.im.model.name, reasons });
  }
  for (const im of index.lacking.get(capability) ?? []) {
    lacking.push({ modelId: im.model.id, name: im.model.name, reasons: [`no ${capability} capability`, ...inputReasons(im, constraints)] });
  }
  return { candidates, excluded, lacking };
}
