/**
 * Checks a built body against the model's schema before anything is submitted, with the rules
 * the real API enforces (shared/reference/scenario-models/SOURCES.md: an unknown field, an
 * off-step or out-of-range number, a value outside `allowedValues`, a too-long string or list and
 * a missing required input are refused with HTTP 400): type, `min`/`max`/`step`, `allowedValues`,
 * `maxLength`, and every `required` rule (`always`, `ifDefined`, `ifNotDefined`). Pure module.
 */
import type { ModelInput, ModelSchema } from "../../providers/model-schema";
import { inputLabel, isFileInput, valueLabel } from "./schema-inputs";
import type { RequestRefusal } from "./types";

const present = (value: unknown) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0) && value !== "";

/** What the designer does to give a missing input. */
function howToGive(input: ModelInput): string {
  if (isFileInput(input)) return input.kind && input.kind !== "image" ? `connect a ${input.kind}` : "connect an image";
  if (input.prompt || input.name === "prompt") return "connect a Prompt node or type a prompt";
  return "set it in the model settings";
}

function refuse(message: string, input: ModelInput, details: Record<string, unknown>): RequestRefusal {
  return { message, field: input.name, details: { input: input.name, ...details } };
}

/** One value against its input; null when it passes. */
function checkValue(schema: ModelSchema, input: ModelInput, value: unknown, modelName: string): RequestRefusal | null {
  const label = inputLabel(input);
  switch (input.type) {
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value))
        return refuse(`${label} must be a number for ${modelName}`, input, { value });
      if ((input.min !== undefined && value < input.min) || (input.max !== undefined && value > input.max)) {
        return refuse(`${label} ${value} is outside what ${modelName} accepts (${input.min ?? "−∞"} to ${input.max ?? "∞"})`, input, {
          value,
          min: input.min,
          max: input.max,
        });
      }
      if (input.step && input.step > 0) {
        const base = input.min !== undefined && input.min % input.step !== 0 ? input.min : 0;
        const steps = (value - base) / input.step;
        if (Math.abs(steps - Math.round(steps)) > 1e-6)
          return refuse(`${label} must be a multiple of ${input.step} for ${modelName}, got ${value}`, input, { value, step: input.step });
      }
      break;
    }
    case "string":
      if (typeof value !== "string") return refuse(`${label} must be text for ${modelName}`, input, { value });
      if (input.maxLength !== undefined && value.length > input.maxLength) {
        return refuse(`${label} is ${value.length} characters; ${modelName} accepts at most ${input.maxLength}`, input, {
          length: value.length,
          maxLength: input.maxLength,
        });
      }
      break;
    case "boolean":
      if (typeof value !== "boolean") return refuse(`${label} must be on or off for ${modelName}`, input, { value });
      break;
    case "file":
      if (typeof value !== "string") return refuse(`${label} must be one file for ${modelName}`, input, { value });
      break;
    case "file_array":
    case "string_array":
    case "number_array":
    case "model_array":
      if (!Array.isArray(value)) return refuse(`${label} must be a list for ${modelName}`, input, { value });
      if (input.maxLength !== undefined && value.length > input.maxLength) {
        return refuse(`${modelName} takes at most ${input.maxLength} ${label.toLowerCase()}, got ${value.length}`, input, {
          count: value.length,
          maxLength: input.maxLength,
        });
      }
      break;
    default:
      break;
  }
  if (input.allowedValues && !Array.isArray(value) && !input.allowedValues.includes(value as string | number | boolean)) {
    const offered = input.allowedValues.map((v) => valueLabel(schema, input, v)).join(", ");
    return refuse(`${modelName} does not offer ${label} "${String(value)}": choose one of ${offered}`, input, {
      value,
      allowedValues: input.allowedValues,
    });
  }
  return null;
}

/**
 * @returns null when `body` is what the model accepts; else the first refusal, in schema order.
 * Inputs required with a `default` and absent are filled with that default in `body` (the value the
 * model would take), so `body` may be changed.
 */
export function checkBody(schema: ModelSchema, body: Record<string, unknown>, modelName: string): RequestRefusal | null {
  const known = new Map(schema.inputs.map((input) => [input.name, input]));
  for (const name of Object.keys(body)) {
    if (!known.has(name))
      return {
        message: `${modelName} has no input ${name}: it cannot be sent`,
        field: name,
        details: { input: name, reason: `Unknown input ${name}` },
      };
  }
  for (const input of schema.inputs) {
    const rule = input.required;
    if (rule?.always && !present(body[input.name]) && input.default !== undefined && present(input.default))
      body[input.name] = input.default;
  }
  for (const input of schema.inputs) {
    const value = body[input.name];
    if (present(value)) {
      const refusal = checkValue(schema, input, value, modelName);
      if (refusal) return refusal;
      continue;
    }
    const rule = input.required;
    if (!rule) continue;
    const label = inputLabel(input);
    if (rule.always) {
      const what = input.prompt || input.name === "prompt" ? "a prompt" : label.toLowerCase();
      return refuse(`${modelName} needs ${what}, which this node does not give: ${howToGive(input)}`, input, { rule: "always" });
    }
    for (const [other, { message }] of Object.entries(rule.ifDefined ?? {})) {
      if (present(body[other]))
        return refuse(`${modelName}: ${message ?? `${label} is required when ${other} is given`}`, input, { rule: "ifDefined", other });
    }
    for (const [other, { message }] of Object.entries(rule.ifNotDefined ?? {})) {
      if (!present(body[other])) {
        return refuse(
          `${modelName}: ${message ?? `${label} is required when ${known.get(other) ? inputLabel(known.get(other)!).toLowerCase() : other} is not given`}: ${howToGive(input)}`,
          input,
          { rule: "ifNotDefined", other },
        );
      }
    }
  }
  return null;
}
