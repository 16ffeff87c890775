/**
 * Maps the node's prompt, count, seed, strength, upscale factor and preset, and the designer's
 * model settings onto inputs the model has, under the model's own names; a node setting the
 * model lacks is left out with a note (never sent). Pure module.
 */
import type { ModelInput, ModelSchema } from "../../providers/model-schema";
import { resolutionLongSide, snapToInput } from "./size";
import { inputNamed, promptInput, valueLabel } from "./schema-inputs";
import type { RequestIntent, RequestNote, RequestRefusal } from "./types";

export interface ScalarFields {
  fields: Record<string, unknown>;
  notes: RequestNote[];
  /** Upscale factor actually asked for (for the output size), when the model takes one. */
  factor: number | null;
}

const UPSCALE_NAMES = ["upscaleFactor", "scaleFactor", "scale", "factor"];

/** @param taken body fields already set by the file and size mappers (settings never override them). */
export function mapScalars(
  intent: RequestIntent,
  schema: ModelSchema,
  modelName: string,
  taken: ReadonlySet<string>,
): ScalarFields | { refusal: RequestRefusal } {
  const fields: Record<string, unknown> = {};
  const notes: RequestNote[] = [];
  let factor: number | null = null;

  if (intent.prompt && intent.prompt.trim()) {
    const input = promptInput(schema);
    if (input) {
      if (input.maxLength !== undefined && intent.prompt.length > input.maxLength) {
        return {
          refusal: {
            message: `The prompt is ${intent.prompt.length.toLocaleString("en-US")} characters; ${modelName} accepts at most ${input.maxLength.toLocaleString("en-US")}`,
            field: input.name,
            details: { length: intent.prompt.length, maxLength: input.maxLength },
          },
        };
      }
      fields[input.name] = intent.prompt;
    } else notes.push({ field: "prompt", message: `${modelName} takes no prompt: the prompt is not sent` });
  }

  if (intent.numOutputs !== undefined) {
    const input = inputNamed(schema, "numOutputs");
    if (input && input.type === "number") {
      if (input.max !== undefined && intent.numOutputs > input.max) {
        return {
          refusal: {
            message: `${modelName} makes at most ${input.max} image${input.max === 1 ? "" : "s"} per run: set Outputs to ${input.max} or fewer`,
            field: "numOutputs",
            details: { requested: intent.numOutputs, max: input.max },
          },
        };
      }
      fields[input.name] = intent.numOutputs;
    } else if (intent.numOutputs > 1) {
      notes.push({ field: "numOutputs", message: `${modelName} makes one result per run: Outputs ${intent.numOutputs} is not sent` });
    }
  }

  if (intent.seed) {
    const input = inputNamed(schema, "seed");
    if (input && input.type === "number")
      fields[input.name] = Math.min(Math.max(intent.seed.value, input.min ?? 0), input.max ?? intent.seed.value);
    else if (intent.seed.fixed) notes.push({ field: "seed", message: `${modelName} takes no seed: results vary between runs` });
  }

  if (intent.strength !== undefined) {
    const input = inputNamed(schema, "strength");
    if (input && input.type === "number") {
      const value = snapToInput(intent.strength, { ...input, min: input.min ?? 0 });
      fields[input.name] = value;
      if (Math.abs(value - intent.strength) > 1e-9)
        notes.push({
          field: "strength",
          message: `Strength ${intent.strength} → ${value}, inside ${modelName}'s range ${input.min ?? 0} to ${input.max ?? 1}`,
        });
    } else notes.push({ field: "strength", message: `${modelName} takes no strength: it is not sent` });
  }

  if (intent.upscale) {
    const input = inputNamed(schema, ...UPSCALE_NAMES);
    if (input) {
      const mapped = mapFactor(input, intent.upscale.factor);
      if (mapped === null) {
        const offered = (input.allowedValues ?? []).map((v) => valueLabel(schema, input, v)).join(", ");
        return {
          refusal: {
            message: `${modelName} cannot upscale ${intent.upscale.factor}x${offered ? `: it offers ${offered}` : ""}`,
            field: input.name,
            details: { factor: intent.upscale.factor, allowedValues: input.allowedValues, min: input.min, max: input.max },
          },
        };
      }
      fields[input.name] = mapped.value;
      factor = mapped.factor;
    } else notes.push({ field: "factor", message: `${modelName} has its own scale: ${intent.upscale.factor}x is not sent` });
    if (intent.upscale.preset) {
      const preset = inputNamed(schema, "preset");
      if (preset && (!preset.allowedValues || preset.allowedValues.includes(intent.upscale.preset)))
        fields[preset.name] = intent.upscale.preset;
      else notes.push({ field: "preset", message: `${modelName} has no ${intent.upscale.preset} preset: it is not sent` });
    }
  }

  for (const [name, value] of Object.entries(intent.settings ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    const input = inputNamed(schema, name);
    if (!input || taken.has(name) || name in fields) {
      if (!input) notes.push({ field: name, message: `The setting ${name} belongs to another model: it is not sent to ${modelName}` });
      continue;
    }
    fields[name] = value;
  }
  return { fields, notes, factor };
}

/** The value for an upscale input: the factor itself, "2x"/"x2", or a resolution step ("4k") large enough. */
function mapFactor(input: ModelInput, factor: number): { value: unknown; factor: number | null } | null {
  const allowed = input.allowedValues;
  if (input.type === "number") {
    if (allowed && !allowed.includes(factor)) return null;
    if ((input.min !== undefined && factor < input.min) || (input.max !== undefined && factor > input.max)) return null;
    return { value: factor, factor };
  }
  if (!allowed) return { value: String(factor), factor };
  for (const form of [String(factor), `${factor}x`, `x${factor}`]) {
    const hit = allowed.find((v) => String(v).toLowerCase() === form);
    if (hit !== undefined) return { value: hit, factor };
  }
  const sized = allowed.filter((v) => resolutionLongSide(v) !== null);
  return sized.length ? { value: sized[sized.length - 1], factor: null } : null;
}
