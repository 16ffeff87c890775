/**
 * A model's `inputs[]` (scenario-api-contract.md §5: `name`, `type`, `required`, `default`, `min`,
 * `max`, `allowedValues`, `maxLength`, `kind`, `maskFrom`, …) summarised into the catalog's
 * `inputs` object (`prompt`, `promptMaxLength`, `image`, `mask`, `referenceImagesMax`, `seed`,
 * `numOutputsMax`, `aspectRatios`, `durationsSec`, …). Pure module: no I/O.
 */
import type { ScenarioModelInput } from "../../providers/scenario/client";

/** `ALWAYS_KEYS` a known model gets only when its snapshot has the field or the API says yes (true / more than 0). */
const QUIET_KEYS = new Set(["seed", "negativePrompt", "referenceImagesMax"]);
/** Flags a summary carries only when true; a known model that had one and lost the input gets `false`. */
export const PRESENCE_KEYS = ["endImage", "video", "audio", "controlImage"] as const;

/** The result of `summariseInputs`. */
export interface InputsSummary {
  /** Feature fields of the catalog vocabulary (see `summariseInputs`). */
  core: Record<string, unknown>;
  /** Other inputs: file arrays as `<name>Max`, enums (`allowedValues`) and booleans under the API's input name. */
  extras: Record<string, unknown>;
  /** `[min, max]` of other numeric inputs, keyed by name (used only to refresh a snapshot key of that name). */
  ranges: Record<string, [number, number]>;
  /** Names of the inputs that fed `core`. */
  consumed: string[];
}

const isImageKind = (input: ScenarioModelInput) => input.kind === "image" || (!input.kind && /image|img/i.test(input.name));
const isFile = (input: ScenarioModelInput) => input.type === "file";
const isFileArray = (input: ScenarioModelInput) => input.type === "file_array";
const isMask = (input: ScenarioModelInput) => isFile(input) && (/^mask/i.test(input.name) || typeof input.maskFrom === "string");
const isEndFrame = (input: ScenarioModelInput) =>
  isFile(input) && /^(end|last|tail|final)[_-]?(frame)?[_-]?image$|^(end|last|tail)[_-]?frame$/i.test(input.name);
const isControlImage = (input: ScenarioModelInput) => /^control[_-]?image$/i.test(input.name);

/** An array input's item limit: `maxLength` (what the API sends for `file_array`), else `max`. */
function arrayMax(input: ScenarioModelInput): number | null {
  const value = typeof input.maxLength === "number" ? input.maxLength : typeof input.max === "number" ? input.max : null;
  return value !== null && Number.isFinite(value) ? value : null;
}

function finiteNumber(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Sorted whole numbers, each one more than the previous. */
function isIntegerRun(values: readonly number[]): boolean {
  return values.every((v, i) => Number.isInteger(v) && (i === 0 || v === values[i - 1] + 1));
}

function stringValues(values: unknown[] | undefined): string[] {
  return (values ?? []).filter((v): v is string | number => typeof v === "string" || typeof v === "number").map(String);
}

/**
 * Summarises `inputs[]` into catalog fields.
 *
 * `core` always has `prompt`, `image`, `mask`, `seed`, `negativePrompt` (booleans) and
 * `referenceImagesMax` (0 without a reference array), and, when the API gives them:
 * - `promptMaxLength`: the prompt input's `maxLength` (the prompt is the input named `prompt` or flagged `prompt: true`);
 * - `image`: any image file or file array other than the mask and an end frame;
 * - `mask`: a `file` input named `mask…` or carrying `maskFrom`;
 * - `endImage`: a last/end/tail-frame image (`lastFrameImage`, `endImage`, …); `video`/`audio`: a single
 *   file input of that kind; `controlImage`: an input named `controlImage` (these four only when true);
 * - `referenceImagesMax` / `referenceVideosMax` / `referenceAudioMax`: the item limit (`maxLength`, else
 *   `max`) of the image / video / audio reference `file_array` (`referenceImages`, else `images` /
 *   `inputImages`, else another `reference…` array of that kind; a `styleImages` array is not one);
 * - `numOutputsMax`: `max` of `numOutputs` (or `numSamples`, `numImages`);
 * - `aspectRatios` / `resolution`: `allowedValues` of `aspectRatio` / `resolution`, as strings;
 * - `durationsSec`: positive `allowedValues` of `duration` (an "auto" −1 is left out), written as
 *   `[min, max]` when they are every whole second of a range (Seedance's 4…15 → `[4, 15]`), as the
 *   catalog schema reads a two-element array as a range and a longer one as a set (so a set of
 *   exactly two non-adjacent values, e.g. `[5, 10]`, reads as the range 5–10); without an enum,
 *   `durationSec: [min, max]`;
 * - `maxWidth`: `max` of `width` (or `outputWidth`, `targetWidth`); `sizing`: "width/height <min>-<max> px,
 *   step <step>" when width and height are both numeric inputs;
 * - `loras`: item limit of a `loras` model array.
 * Everything else goes to `extras` (another file array as `<name>Max` = its item limit, e.g.
 * `styleImagesMax`; enums as their `allowedValues`; booleans as `true`) or `ranges` (`[min, max]`).
 *
 * @param inputs `model.inputs` of `GET /models/{id}`; items need a string `name` and `type`.
 */
export function summariseInputs(inputs: readonly ScenarioModelInput[]): InputsSummary {
  const consumed = new Set<string>();
  const use = (input: ScenarioModelInput | undefined) => {
    if (input) consumed.add(input.name);
    return input;
  };
  const byName = (pattern: RegExp) => inputs.find((input) => pattern.test(input.name));
  const core: Record<string, unknown> = {};

  const prompt = use(
    inputs.find((input) => input.name === "prompt") ?? inputs.find((input) => input.prompt === true && input.type === "string"),
  );
  core.prompt = Boolean(prompt);
  const promptMax = finiteNumber(prompt?.maxLength);
  if (promptMax !== null) core.promptMaxLength = promptMax;

  const masks = inputs.filter(isMask);
  masks.forEach(use);
  const endFrames = inputs.filter((input) => isEndFrame(input) && isImageKind(input));
  endFrames.forEach(use);
  const imageInputs = inputs.filter(
    (input) => (isFile(input) || isFileArray(input)) && isImageKind(input) && !masks.includes(input) && !endFrames.includes(input),
  );
  core.image = imageInputs.length > 0;
  core.mask = masks.length > 0;
  if (endFrames.length) core.endImage = true;
  inputs.filter((input) => input.name === "image").forEach(use);

  const singleOfKind = (kind: string) => inputs.find((input) => isFile(input) && input.kind === kind);
  if (use(singleOfKind("video"))) core.video = true;
  if (use(singleOfKind("audio"))) core.audio = true;
  if (use(inputs.find(isControlImage))) core.controlImage = true;

  /** The reference array of a kind: named `reference<Kind>s`, else `<kind>s`/`input<Kind>s`, else any `reference…` array of that kind. */
  const arrayOfKind = (kind: string, preferred: RegExp) => {
    const arrays = inputs.filter((input) => isFileArray(input) && (kind === "image" ? isImageKind(input) : input.kind === kind));
    return (
      arrays.find((input) => preferred.test(input.name)) ??
      arrays.find((input) => new RegExp(`^(input[_-]?)?${kind}s?$`, "i").test(input.name)) ??
      arrays.find((input) => /^reference/i.test(input.name))
    );
  };
  const refImages = use(arrayOfKind("image", /^reference[_-]?images?$/i));
  core.referenceImagesMax = refImages ? (arrayMax(refImages) ?? 0) : 0;
  const refVideos = use(arrayOfKind("video", /^reference[_-]?videos?$/i));
  if (refVideos && arrayMax(refVideos) !== null) core.referenceVideosMax = arrayMax(refVideos);
  const refAudio = use(arrayOfKind("audio", /^reference[_-]?audios?$/i));
  if (refAudio && arrayMax(refAudio) !== null) core.referenceAudioMax = arrayMax(refAudio);

  core.seed = Boolean(use(byName(/^seed$/i)));
  core.negativePrompt = Boolean(use(byName(/^negative[_-]?prompt$/i)));

  const numOutputs = use(byName(/^num(Outputs|Samples|Images)$/i));
  const numOutputsMax = finiteNumber(numOutputs?.max);
  if (numOutputsMax !== null && Number.isInteger(numOutputsMax) && numOutputsMax > 0) core.numOutputsMax = numOutputsMax;

  const aspect = byName(/^aspect[_-]?ratio$/i);
  if (aspect?.allowedValues?.length) core.aspectRatios = stringValues(use(aspect)?.allowedValues);
  const resolution = byName(/^resolution$/i);
  if (resolution?.allowedValues?.length) core.resolution = stringValues(use(resolution)?.allowedValues);

  const duration = byName(/^duration(Sec|Seconds)?$/i);
  if (duration) {
    const allowed = (duration.allowedValues ?? []).filter((v): v is number => typeof v === "number" && Number.isFinite(v) && v > 0);
    const min = finiteNumber(duration.min);
    const max = finiteNumber(duration.max);
    if (allowed.length) {
      core.durationsSec = isIntegerRun(allowed) && allowed.length > 2 ? [allowed[0], allowed[allowed.length - 1]] : allowed;
      use(duration);
    } else if (min !== null && max !== null) {
      core.durationSec = [min, max];
      use(duration);
    }
  }

  const width = byName(/^(output|target)?[_-]?width$/i);
  const height = byName(/^(output|target)?[_-]?height$/i);
  const maxWidth = finiteNumber(width?.max);
  if (maxWidth !== null) {
    core.maxWidth = maxWidth;
    use(width);
  }
  if (width && height && finiteNumber(width.min) !== null && finiteNumber(height.max) !== null) {
    const sameRange = width.min === height.min && width.max === height.max;
    const step = finiteNumber(width.step);
    core.sizing = sameRange
      ? `width/height ${width.min}-${width.max} px${step && step > 1 ? `, step ${step}` : ""}`
      : `width ${width.min}-${width.max} x height ${height.min}-${height.max} px`;
    use(width);
    use(height);
  }

  const loras = byName(/^loras$/i);
  if (loras && (loras.type === "model_array" || loras.type === "string_array") && arrayMax(loras) !== null) {
    core.loras = arrayMax(use(loras)!);
  }

  const extras: Record<string, unknown> = {};
  const ranges: Record<string, [number, number]> = {};
  for (const input of inputs) {
    if (consumed.has(input.name)) continue;
    if (isFileArray(input) && arrayMax(input) !== null) {
      extras[`${input.name}Max`] = arrayMax(input);
    } else if (input.allowedValues?.length) {
      extras[input.name] = [...input.allowedValues];
    } else if (input.type === "boolean") {
      extras[input.name] = true;
    } else if (input.type === "number" && finiteNumber(input.min) !== null && finiteNumber(input.max) !== null) {
      ranges[input.name] = [input.min as number, input.max as number];
    }
  }
  return { core, extras, ranges, consumed: [...consumed] };
}

/** The catalog `inputs` object of a model the snapshot does not know: `core` plus `extras`. */
export function inputsForNewModel(summary: InputsSummary): Record<string, unknown> {
  return { ...summary.core, ...withoutKeys(summary.extras, Object.keys(summary.core)) };
}

/**
 * The refreshed `inputs` of a known model: the snapshot's object, with
 * - every `core` field the API answers for overwritten (`prompt`, `image`, `mask` always; `seed`,
 *   `negativePrompt`, `referenceImagesMax` when the snapshot has them or the API says yes; a list or
 *   limit only when the API gives one, so curated values such as a `maxWidth` derived from
 *   `resolution` survive when the API has no `width` input; a curated `sizing` text is kept);
 * - `PRESENCE_KEYS` flags the snapshot had set to `false` when the input is gone;
 * - a snapshot field named like an API input refreshed from it (enum → `allowedValues`, boolean →
 *   `true`, `[min, max]` pair → the input's range); other curated fields kept as they are.
 * Key order: the snapshot's, then new keys in summary order.
 */
export function inputsForKnownModel(snapshotInputs: Record<string, unknown>, summary: InputsSummary): Record<string, unknown> {
  const result: Record<string, unknown> = { ...snapshotInputs };
  for (const [key, value] of Object.entries(summary.core)) {
    if (key === "sizing" && typeof snapshotInputs.sizing === "string") continue;
    if (QUIET_KEYS.has(key) && !(key in snapshotInputs) && (value === false || value === 0)) continue;
    result[key] = value;
  }
  for (const key of PRESENCE_KEYS) {
    if (key in snapshotInputs && !(key in summary.core)) result[key] = false;
  }
  for (const [key, value] of Object.entries(summary.extras)) {
    if (key in snapshotInputs && !(key in summary.core)) result[key] = value;
  }
  for (const [key, range] of Object.entries(summary.ranges)) {
    const before = snapshotInputs[key];
    if (Array.isArray(before) && before.length === 2 && before.every((v) => typeof v === "number") && !(key in summary.core)) {
      result[key] = range;
    }
  }
  return result;
}

function withoutKeys(record: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
}
