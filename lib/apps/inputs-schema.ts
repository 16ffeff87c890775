/**
 * The zod schema of an App's form, built from its published inputs: the browser's form
 * (react-hook-form's zod resolver) and the server (estimate, runs) check values with the same
 * schema, so the form shows exactly the errors the server would give.
 *
 * Values, by input kind (form terms):
 * - `text`, `textarea`: a string, at most 4,000 characters;
 * - `image`, `mask`: a studio asset id (an upload; a mask is the PNG painted in the form);
 * - `select`: one of the option values (a number is taken as its string, `2` → `"2"`);
 * - `number`: a number within the field's bounds (whole when the step is).
 * A missing value (absent, null, or "" except where "" is a select option) takes the input's
 * `default`; still missing, it fails with "required" when the input is required, and is left
 * out otherwise (the node keeps the published value).
 *
 * Pure module: zod only.
 */
import { idRecord } from "../graph/id-record";
import { z } from "zod";
import type { PublishedInput } from "./exposable-inputs";

/** Parsed form values by input key: strings and numbers; keys without a value are absent. */
export type AppInputValues = Record<string, string | number>;

const MAX_TEXT = 4000;
const MAX_ASSET_ID = 100;

/** True when `value` counts as "not given" for an input of `input`'s kind. */
export function isEmptyInputValue(input: Pick<PublishedInput, "kind" | "options">, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "number") return Number.isNaN(value);
  if (value === "") return !(input.kind === "select" && input.options?.some((o) => o.value === ""));
  return false;
}

function valueSchema(input: PublishedInput): z.ZodType<string | number> {
  switch (input.kind) {
    case "text":
    case "textarea":
      return z.string({ error: "must be text" }).max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`);
    case "image":
    case "mask":
      return z.string({ error: "must be the id of an uploaded image" }).min(1).max(MAX_ASSET_ID, "is not an asset id");
    case "select": {
      const values = (input.options ?? []).map((o) => o.value);
      const listed = values.length <= 8 ? `: ${values.map((v) => (v === "" ? '""' : v)).join(", ")}` : ` (${values.length} options)`;
      return z
        .union([z.string(), z.number()], { error: `must be one of the options${listed}` })
        .transform((v) => String(v))
        .refine((v) => values.includes(v), `must be one of the options${listed}`);
    }
    case "number": {
      let schema = z.number({ error: "must be a number" });
      if (input.min !== undefined) schema = schema.min(input.min, `must be at least ${input.min}`);
      if (input.max !== undefined) schema = schema.max(input.max, `must be at most ${input.max}`);
      if (input.step === undefined || Number.isInteger(input.step)) schema = schema.int("must be a whole number");
      return schema;
    }
  }
}

/**
 * The form schema of `inputs`: a zod object keyed by input key whose output is
 * {@link AppInputValues} (defaults applied, missing optional values left out). Unknown keys are
 * dropped. Issues carry the key as path and a short message (`image: required`).
 *
 * @param options.partial when true, required inputs may be missing (cost previews of a form
 *   not yet filled in).
 */
export function buildInputsSchema(
  inputs: readonly PublishedInput[],
  options: { partial?: boolean } = {},
): z.ZodType<AppInputValues, Record<string, unknown>> {
  const shape: Record<string, z.ZodType<string | number | undefined>> = {};
  for (const input of inputs) {
    const schema = valueSchema(input);
    shape[input.key] = z.unknown().transform((raw, ctx) => {
      const value = isEmptyInputValue(input, raw) ? input.default : raw;
      if (isEmptyInputValue(input, value)) {
        if (input.required && !options.partial) {
          ctx.addIssue({ code: "custom", message: "required" });
          return z.NEVER;
        }
        return undefined;
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
        return z.NEVER;
      }
      return parsed.data;
    });
  }
  // Only the values sent count: an input keyed `constructor` must not read Object.prototype's.
  const ownValues = (raw: unknown) => (raw && typeof raw === "object" && !Array.isArray(raw) ? idRecord(Object.entries(raw)) : raw);
  return z.preprocess(ownValues, z.object(shape)).transform((values) => {
    const result: AppInputValues = {};
    for (const [key, value] of Object.entries(values)) if (value !== undefined) result[key] = value;
    return result;
  }) as unknown as z.ZodType<AppInputValues, Record<string, unknown>>;
}
