/**
 * Maps a node's size (a ratio, or exact pixels) onto whichever size family the model has
 * (scenario-api-contract.md §2, "names vary per model"):
 * - `width`/`height` numbers: exact pixels snapped to `step`, inside `min`/`max`, ratio kept;
 *   a ratio alone takes the model's own preset at that ratio (`uiConfig.resolutionComponent`),
 *   else a 1024 px long side;
 * - `aspectRatio` from `allowedValues`: the nearest allowed ratio;
 * - `resolution` from `allowedValues` (1K/2K/4K, 720p…): the smallest at least as large as asked;
 * - none of these: the model picks its own size (noted, or refused when the node needs a size).
 * Outputs over 50 megapixels, or that the model's maximum would cut, are refused.
 * Pure module.
 */
import type { ModelInput, ModelSchema } from "../../providers/model-schema";
import { inputNamed, sizeInputs } from "./schema-inputs";
import { MAX_OUTPUT_PIXELS, type RequestIntent, type RequestNote, type RequestRefusal, type SizeIntent } from "./types";

export interface SizeResult {
  fields: Record<string, unknown>;
  notes: RequestNote[];
  output: { width: number; height: number } | null;
}

const px = (n: number) => n.toLocaleString("en-US");

/** "16:9" → 1.777…; null for "auto", "adaptive" or anything that is not two positive numbers. */
export function parseRatio(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const match = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(value.trim());
  if (!match) return null;
  const a = Number(match[1]);
  const b = Number(match[2]);
  return a > 0 && b > 0 ? a / b : null;
}

/** Long side in pixels a `resolution` value stands for: "2K" → 2048, "720p" → 1280, "512" → 512; null when unknown. */
export function resolutionLongSide(value: unknown): number | null {
  const text = String(value).trim();
  let match = /^(\d+(?:\.\d+)?)k$/i.exec(text);
  if (match) return Math.round(Number(match[1]) * 1024);
  match = /^(\d+)p$/i.exec(text);
  if (match) return Math.round((Number(match[1]) * 16) / 9);
  return /^\d+$/.test(text) ? Number(text) : null;
}

/**
 * Rounds to the input's step (counted from `min` when `min` is not itself a multiple of it) and
 * clamps into its range; an input without `step` is only clamped.
 */
export function snapToInput(value: number, input: ModelInput): number {
  if (!(input.step && input.step > 0)) return Math.min(Math.max(value, input.min ?? -Infinity), input.max ?? Infinity);
  const step = input.step;
  const min = input.min ?? step;
  const base = min % step === 0 ? 0 : min;
  let snapped = base + Math.round((value - base) / step) * step;
  if (input.max !== undefined && snapped > input.max) snapped = input.max - ((input.max - base) % step);
  if (snapped < min) snapped = min;
  return Math.round(snapped * 1e6) / 1e6;
}

/** Ratio distance on a log scale (16:9 vs 9:16 are far apart, 3:2 vs 1216×832 close). */
const ratioDistance = (a: number, b: number) => Math.abs(Math.log(a) - Math.log(b));

function ratioOf(size: SizeIntent): number {
  return size.kind === "ratio" ? (parseRatio(size.ratio) ?? 1) : size.width / size.height;
}

/** The size a ratio stands for when the model chooses the pixels: long side `longSide` px. */
function sizeAtRatio(ratio: number, longSide = 1024): { width: number; height: number } {
  return ratio >= 1 ? { width: longSide, height: Math.round(longSide / ratio) } : { width: Math.round(longSide * ratio), height: longSide };
}

/**
 * Maps `intent.size` onto the model's size inputs.
 * @returns the body fields, notes and expected output size, or a refusal (over 50 MP, cut by the model's maximum, no size input while one is needed).
 */
export function mapSize(intent: RequestIntent, schema: ModelSchema, modelName: string): SizeResult | { refusal: RequestRefusal } {
  const size = intent.size;
  if (!size) return { fields: {}, notes: [], output: null };
  const pixels = sizeInputs(schema);
  if (pixels) return mapToPixels(intent, size, pixels, schema);

  const ratioInput = inputNamed(schema, "aspectRatio");
  const resolutionInput = inputNamed(schema, "resolution");
  const fields: Record<string, unknown> = {};
  const notes: RequestNote[] = [];
  const wanted = ratioOf(size);
  let output: { width: number; height: number } | null = null;

  if (ratioInput && ratioInput.type === "string") {
    const allowed = (ratioInput.allowedValues ?? []).filter((v) => parseRatio(v) !== null);
    const asked = size.kind === "ratio" ? size.ratio : (size.ratio ?? null);
    if (allowed.length === 0) {
      fields[ratioInput.name] = asked ?? `${size.kind === "exact" ? size.width : 1}:${size.kind === "exact" ? size.height : 1}`;
    } else {
      const nearest = allowed.reduce((best, v) =>
        ratioDistance(parseRatio(v)!, wanted) < ratioDistance(parseRatio(best)!, wanted) ? v : best,
      );
      fields[ratioInput.name] = nearest;
      if (asked !== nearest && (asked !== null || ratioDistance(parseRatio(nearest)!, wanted) > 0.01)) {
        const what = asked ?? `${px((size as { width: number }).width)} × ${px((size as { height: number }).height)}`;
        notes.push({
          field: ratioInput.name,
          message: `${modelName} does not offer ${what}: it uses ${nearest}, the nearest ratio it offers`,
        });
      }
    }
    output = sizeAtRatio(parseRatio(fields[ratioInput.name]) ?? wanted);
  }

  if (size.kind === "exact" && resolutionInput && Array.isArray(resolutionInput.allowedValues)) {
    const longSide = Math.max(size.width, size.height);
    const options = resolutionInput.allowedValues
      .map((value) => ({ value, side: resolutionLongSide(value) }))
      .filter((o): o is { value: string | number | boolean; side: number } => o.side !== null)
      .sort((a, b) => a.side - b.side);
    if (options.length) {
      const pick = options.find((o) => o.side >= longSide) ?? options[options.length - 1];
      fields[resolutionInput.name] = pick.value;
      if (pick.side < longSide) {
        notes.push({
          field: resolutionInput.name,
          message: `${modelName} makes at most ${pick.value} (${px(pick.side)} px): the image will be smaller than ${px(size.width)} × ${px(size.height)}`,
        });
      }
      output = sizeAtRatio(parseRatio(fields[ratioInput?.name ?? ""]) ?? wanted, pick.side);
    }
  }

  if (Object.keys(fields).length === 0) {
    if (intent.sizeRequired) {
      return {
        refusal: {
          message: `${modelName} cannot ${intent.task} to a chosen size: pick a model that accepts a size`,
          field: "size",
          details: { size },
        },
      };
    }
    const what = size.kind === "ratio" ? size.ratio : `${px(size.width)} × ${px(size.height)}`;
    notes.push({ field: "size", message: `${modelName} chooses its own size: ${what} is not sent` });
    return { fields, notes, output: null };
  }
  if (size.kind === "exact" && !fields[resolutionInput?.name ?? ""] && !ratioInput) output = null;
  return { fields, notes, output };
}

function mapToPixels(
  intent: RequestIntent,
  size: SizeIntent,
  inputs: { width: ModelInput; height: ModelInput },
  schema: ModelSchema,
): SizeResult | { refusal: RequestRefusal } {
  const notes: RequestNote[] = [];
  let width: number;
  let height: number;
  if (size.kind === "ratio") {
    const ratio = parseRatio(size.ratio) ?? 1;
    const presets = (schema.uiConfig?.resolutionComponent?.presets ?? []).filter(
      (p): p is { width: number; height: number } => typeof p.width === "number" && typeof p.height === "number",
    );
    const near = presets.filter((p) => ratioDistance(p.width / p.height, ratio) <= 0.03);
    if (near.length) {
      const best = near.reduce((a, b) =>
        Math.abs(Math.log((b.width * b.height) / 1024 ** 2)) < Math.abs(Math.log((a.width * a.height) / 1024 ** 2)) ? b : a,
      );
      width = best.width;
      height = best.height;
    } else {
      ({ width, height } = sizeAtRatio(ratio));
    }
    width = snapToInput(Math.round(width), inputs.width);
    height = snapToInput(Math.round(height), inputs.height);
  } else {
    const scaleDown = Math.min(1, (inputs.width.max ?? Infinity) / size.width, (inputs.height.max ?? Infinity) / size.height);
    const scaleUp = Math.max(1, (inputs.width.min ?? 0) / size.width, (inputs.height.min ?? 0) / size.height);
    const scale = scaleDown < 1 ? scaleDown : scaleUp;
    width = snapToInput(Math.round(size.width * scale), inputs.width);
    height = snapToInput(Math.round(size.height * scale), inputs.height);
    if (size.contains && (width < size.contains.width || height < size.contains.height)) {
      const wide = size.width > (inputs.width.max ?? Infinity);
      const side = wide ? size.width : size.height;
      const max = wide ? inputs.width.max! : inputs.height.max!;
      return {
        refusal: {
          message: `The image is ${px(side)} px ${wide ? "wide" : "high"} after ${intent.verb}; the model allows at most ${px(max)} px. Use a smaller input or a lower target size.`,
          field: wide ? inputs.width.name : inputs.height.name,
          details: { requested: { width: size.width, height: size.height }, max: { width: inputs.width.max, height: inputs.height.max } },
        },
      };
    }
    if (width !== size.width || height !== size.height) {
      const from = `${size.label ? `${size.label} ` : ""}${size.width} × ${size.height}`;
      const why =
        scale < 1
          ? "the model's maximum"
          : scale > 1
            ? "the model's minimum"
            : `the model takes sizes in steps of ${inputs.width.step ?? 1} px`;
      notes.push({ field: inputs.width.name, message: `${from} → ${width} × ${height}, ${why}` });
    }
  }
  if (width * height > MAX_OUTPUT_PIXELS) return { refusal: overPixelLimit(width, height, intent.verb) };
  return { fields: { [inputs.width.name]: width, [inputs.height.name]: height }, notes, output: { width, height } };
}

/** The refusal for an output over 50 megapixels. */
export function overPixelLimit(width: number, height: number, verb: string): RequestRefusal {
  const mp = Math.round((width * height) / 1e5) / 10;
  return {
    message: `The image would be ${px(width)} × ${px(height)} px (${mp} megapixels) after ${verb}; the studio allows at most ${MAX_OUTPUT_PIXELS / 1e6} megapixels. Use a smaller input or a lower factor or size.`,
    field: "size",
    details: { width, height, maxPixels: MAX_OUTPUT_PIXELS },
  };
}
