/**
 * How the strict Scenario mock checks a `POST /generate/custom/{modelId}` body against the
 * model's own `inputs[]` (shared/reference/scenario-models/SOURCES.md; contract §2, §5): the real
 * API answers 400 `{reason}` for a field the model does not list, a wrong type, an off-step or
 * out-of-range number, a value outside `allowedValues`, a string or array over `maxLength`, a
 * missing required input, and 404 for a model it does not know.
 *
 * Reasons follow the recorded ones (contracts.json): "Input loras must be at most 6 items long",
 * "Input lorasScale must be at most 2", "Model model_X not found", "Invalid model(s): …\nAllowed
 * model types: …", "Custom models only are supported for this endpoint"; conditional rules use
 * the record's own message ("A reference image is required when a mask is provided.").
 *
 * Two deliberate choices, both recorded or documented:
 * - `number_array` items are checked against `max` but not `min` (contracts.json:
 *   `check_scale_below_min` with lorasScale -0.5 was accepted, `check_scale_above_max` refused).
 * - A scalar sent to a `file_array` is refused here, although the real API drops it silently and
 *   still bills the job (contract §2): a test must see that mistake rather than lose the input.
 *
 * Pure module: no I/O.
 */
import type { ModelInput } from "../model-schema";
import type { MockModelRecord } from "./mock-fixtures";

/** What the mock knows of an asset a body points at. */
export interface MockAssetFacts {
  /** `image`, `video`, `audio`, `3d`, … */
  kind: string;
  /** Bytes. */
  size: number;
  /** Pixels, for images. */
  width?: number;
  height?: number;
  hasAlpha?: boolean;
}

export interface ValidationContext {
  asset(id: string): MockAssetFacts | undefined;
  model(id: string): MockModelRecord | undefined;
}

/** A refusal as the API sends it: HTTP status and `{reason}`. */
export interface Refusal {
  status: 400 | 404;
  reason: string;
}

/** Floating-point slack for step checks (0.1 steps on values like 0.3). */
const STEP_EPSILON = 1e-9;

/**
 * Checks `body` against `record`. Returns the first refusal, or null when the API would accept it.
 * Order: the model's type, unknown fields, each input's value in `inputs[]` order, then the
 * `required` rules.
 */
export function validateGenerateBody(record: MockModelRecord, body: Record<string, unknown>, context: ValidationContext): Refusal | null {
  if (record.type !== "custom") return { status: 400, reason: "Custom models only are supported for this endpoint" };
  const inputs = new Map(record.inputs.map((input) => [input.name, input]));
  for (const key of Object.keys(body)) {
    if (!inputs.has(key)) return { status: 400, reason: `Unknown input ${key}` };
  }
  const modelTypes = [...new Set(record.inputs.flatMap((input) => input.modelTypes ?? []))];
  for (const input of record.inputs) {
    const value = body[input.name];
    if (value === undefined) continue;
    const refusal = checkValue(input, value, { ...context, modelTypes });
    if (refusal) return refusal;
  }
  for (const input of record.inputs) {
    const refusal = checkRequired(input, body);
    if (refusal) return refusal;
  }
  return checkMask(record, body, context);
}

/** The context plus every model type any model input of the record takes. */
type InputContext = ValidationContext & { modelTypes: string[] };

function checkValue(input: ModelInput, value: unknown, context: InputContext): Refusal | null {
  const name = input.name;
  switch (input.type) {
    case "string":
      if (typeof value !== "string") return bad(`Input ${name} must be a string`);
      return checkAllowed(input, value) ?? checkLength(input, value.length, "characters");
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return bad(`Input ${name} must be a number`);
      return checkAllowed(input, value) ?? checkNumber(input, value, true);
    case "boolean":
      return typeof value === "boolean" ? null : bad(`Input ${name} must be a boolean`);
    case "file":
      if (Array.isArray(value)) return bad(`Input ${name} must be a single asset id, not an array`);
      if (typeof value !== "string" || !value) return bad(`Input ${name} must be an asset id`);
      return checkAsset(input, value, context);
    case "file_array": {
      if (!Array.isArray(value)) return bad(`Input ${name} must be an array of asset ids`);
      const length = checkLength(input, value.length, "items");
      if (length) return length;
      for (const item of value) {
        if (typeof item !== "string" || !item) return bad(`Input ${name} must be an array of asset ids`);
        const refusal = checkAsset(input, item, context);
        if (refusal) return refusal;
      }
      return null;
    }
    case "string_array":
      if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) return bad(`Input ${name} must be an array of strings`);
      return checkLength(input, value.length, "items") ?? firstOf(value.map((item) => checkAllowed(input, item as string)));
    case "number_array":
      if (!Array.isArray(value) || value.some((item) => typeof item !== "number" || !Number.isFinite(item))) {
        return bad(`Input ${name} must be an array of numbers`);
      }
      return checkLength(input, value.length, "items") ?? firstOf(value.map((item) => checkNumber(input, item as number, false)));
    case "model":
      if (typeof value !== "string") return bad(`Input ${name} must be a model id`);
      return value === "" ? null : checkModels(input, [value], context);
    case "model_array":
      if (!Array.isArray(value) || value.some((item) => typeof item !== "string"))
        return bad(`Input ${name} must be an array of model ids`);
      return checkLength(input, value.length, "items") ?? checkModels(input, value as string[], context);
    default:
      return null; // an input type the mock does not know: the enum is open (contract §5)
  }
}

function checkAllowed(input: ModelInput, value: string | number): Refusal | null {
  if (!input.allowedValues?.length || input.allowedValues.includes(value)) return null;
  return bad(`Input ${input.name} must be one of ${input.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`);
}

function checkLength(input: ModelInput, length: number, unit: "characters" | "items"): Refusal | null {
  if (input.maxLength === undefined || length <= input.maxLength) return null;
  return bad(`Input ${input.name} must be at most ${input.maxLength} ${unit} long`);
}

/** `min` (scalars only, see the module note), `max` and `step` (multiples of `step`). */
function checkNumber(input: ModelInput, value: number, scalar: boolean): Refusal | null {
  if (scalar && input.min !== undefined && value < input.min) return bad(`Input ${input.name} must be at least ${input.min}`);
  if (input.max !== undefined && value > input.max) return bad(`Input ${input.name} must be at most ${input.max}`);
  if (scalar && input.step !== undefined && input.step > 0) {
    const ratio = value / input.step;
    if (Math.abs(ratio - Math.round(ratio)) > STEP_EPSILON * Math.max(1, Math.abs(ratio))) {
      return bad(`Input ${input.name} must be a multiple of ${input.step}`);
    }
  }
  return null;
}

function checkAsset(input: ModelInput, id: string, context: InputContext): Refusal | null {
  const asset = context.asset(id);
  if (!asset) return bad(`Asset ${id} not found (input ${input.name})`);
  if (input.kind && asset.kind !== input.kind) return bad(`Input ${input.name} takes ${input.kind} assets; ${id} is ${asset.kind}`);
  if (input.maxSize !== undefined && asset.size > input.maxSize) return bad(`Input ${input.name} must be at most ${input.maxSize} bytes`);
  return null;
}

/**
 * Recorded (contracts.json): an unknown model is 404 "Model X not found"; a model of a type no
 * model input of the record takes is refused naming all those types (a FLUX.2 LoRA in FLUX.1's
 * `loras`: "Allowed model types: flux.1-lora, flux.1-composition"); then one this input does not
 * take, naming its own (a composition in `loras`: "Allowed model types: flux.1-lora").
 */
function checkModels(input: ModelInput, ids: string[], context: InputContext): Refusal | null {
  const missing = ids.find((id) => !context.model(id));
  if (missing) return { status: 404, reason: `Model ${missing} not found` };
  for (const allowed of [context.modelTypes, input.modelTypes ?? []]) {
    if (!allowed.length) continue;
    const invalid = ids.filter((id) => !allowed.includes(context.model(id)!.type));
    if (invalid.length) return bad(`Invalid model(s): ${invalid.join(", ")}.\nAllowed model types: ${allowed.join(", ")}`);
  }
  return null;
}

/**
 * `{always}`: the input must be set. `{ifDefined: {other: {message}}}`: it must be set when `other`
 * is. `{ifNotDefined: {other: {message}}}`: it must be set when `other` is not.
 */
function checkRequired(input: ModelInput, body: Record<string, unknown>): Refusal | null {
  if (body[input.name] !== undefined) return null;
  const rule = input.required;
  if (!rule) return null;
  if (rule.always) return bad(`Input ${input.name} is required`);
  for (const [other, detail] of Object.entries(rule.ifDefined ?? {})) {
    if (body[other] !== undefined) return bad(messageOf(detail) ?? `Input ${input.name} is required when ${other} is set`);
  }
  for (const [other, detail] of Object.entries(rule.ifNotDefined ?? {})) {
    if (body[other] === undefined) return bad(messageOf(detail) ?? `Input ${input.name} is required when ${other} is not set`);
  }
  return null;
}

/**
 * A mask input (`maskFrom`) must match the image it applies to in size and carry an alpha channel
 * (GPT Image 2's record: "The image to edit and the mask must use the same format and dimensions.
 * The mask must include an alpha channel").
 */
function checkMask(record: MockModelRecord, body: Record<string, unknown>, context: ValidationContext): Refusal | null {
  for (const input of record.inputs) {
    if (!input.maskFrom || typeof body[input.name] !== "string") continue;
    const source = body[input.maskFrom];
    const sourceId = Array.isArray(source) ? source[0] : source;
    const mask = context.asset(body[input.name] as string);
    const image = typeof sourceId === "string" ? context.asset(sourceId) : undefined;
    if (!mask || !image) continue;
    if (mask.width !== image.width || mask.height !== image.height) {
      return bad(
        `The mask (${mask.width}x${mask.height}) must have the same dimensions as the image it edits (${image.width}x${image.height})`,
      );
    }
    if (mask.hasAlpha === false) return bad("The mask must include an alpha channel");
  }
  return null;
}

function messageOf(detail: unknown): string | undefined {
  const message = (detail as { message?: unknown } | null)?.message;
  return typeof message === "string" && message ? message : undefined;
}

function firstOf(refusals: (Refusal | null)[]): Refusal | null {
  return refusals.find((r) => r !== null) ?? null;
}

function bad(reason: string): Refusal {
  return { status: 400, reason };
}
