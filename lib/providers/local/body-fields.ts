/**
 * Readers for request body fields that throw Scenario-style 400 errors naming the field
 * (scenario-api-contract.md §1: invalid input answers 400 with a reason). Each reader returns the
 * normalised value (defaults applied) so that the job record can store a body that re-runs
 * identically.
 */
import { ProviderError } from "../types";

export type Body = Record<string, unknown>;

/** A 400 ProviderError with code "invalid_body"; `message` should start with `body.<field>`. */
export function invalidBody(message: string): ProviderError {
  return new ProviderError(message, { status: 400, code: "invalid_body" });
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null || typeof value !== "object") return String(value);
  return Array.isArray(value) ? "an array" : "an object";
}

/**
 * A string field. Absent (undefined or null) gives `fallback`, or a 400 when `required`.
 * @throws ProviderError 400 "body.<name> …" for a non-string, a missing required value or one
 *   longer than `maxLength` characters.
 */
export function readString(
  body: Body,
  name: string,
  options: { required?: boolean; fallback?: string; maxLength?: number } = {},
): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) {
    if (options.required) throw invalidBody(`body.${name} is required`);
    return options.fallback;
  }
  if (typeof value !== "string") throw invalidBody(`body.${name} must be a string, got ${describe(value)}`);
  if (options.required && value.trim() === "") throw invalidBody(`body.${name} must not be empty`);
  if (options.maxLength !== undefined && value.length > options.maxLength) {
    throw invalidBody(`body.${name} must be at most ${options.maxLength} characters, got ${value.length}`);
  }
  return value;
}

/**
 * A number field within [min, max] (integer when `integer` is set). Absent gives `fallback`,
 * or a 400 when there is none.
 * @throws ProviderError 400 "body.<name> must be …" otherwise.
 */
export function readNumber(
  body: Body,
  name: string,
  options: { min: number; max: number; integer?: boolean; fallback?: number; unit?: string },
): number {
  const value = body[name];
  if (value === undefined || value === null) {
    if (options.fallback === undefined) throw invalidBody(`body.${name} is required`);
    return options.fallback;
  }
  const kind = options.integer ? "an integer" : "a number";
  const unit = options.unit ? ` ${options.unit}` : "";
  if (typeof value !== "number" || !Number.isFinite(value) || (options.integer && !Number.isInteger(value))) {
    throw invalidBody(`body.${name} must be ${kind} between ${options.min} and ${options.max}${unit}, got ${describe(value)}`);
  }
  if (value < options.min || value > options.max) {
    throw invalidBody(`body.${name} must be ${kind} between ${options.min} and ${options.max}${unit}, got ${value}`);
  }
  return value;
}

/**
 * One of `allowed`. Absent gives `fallback` (or a 400 when there is none).
 * @throws ProviderError 400 "body.<name> must be one of …" otherwise.
 */
export function readChoice<T extends string | number>(body: Body, name: string, allowed: readonly T[], fallback?: T): T {
  const value = body[name];
  if (value === undefined || value === null) {
    if (fallback === undefined) throw invalidBody(`body.${name} is required`);
    return fallback;
  }
  if (!allowed.includes(value as T)) {
    throw invalidBody(`body.${name} must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}, got ${describe(value)}`);
  }
  return value as T;
}

/**
 * An asset id field that must name an asset the provider holds.
 * @throws ProviderError 400 "body.<name> is required" or "body.<name>: unknown asset id <id>".
 */
export async function readAssetId(body: Body, name: string, exists: (id: string) => Promise<boolean>): Promise<string> {
  const value = body[name];
  if (value === undefined || value === null || value === "") throw invalidBody(`body.${name} is required (an asset id)`);
  if (typeof value !== "string") throw invalidBody(`body.${name} must be an asset id string, got ${describe(value)}`);
  if (!(await exists(value))) throw invalidBody(`body.${name}: unknown asset id ${value}`);
  return value;
}
