/**
 * The one request builder (ARCHITECTURE.md, "Requests come from the model's own schema"):
 * `prepareNodeRequest({ intent, schema, modelName })` maps what a model node means onto what the
 * chosen model accepts, from its `inputs[]` alone (no per-model code), or refuses with a sentence
 * a designer understands before anything is spent. The executor, every cost estimate, the save-time
 * check and the inspector call it; nothing else builds a body.
 *
 * Steps: the model's kind against the node's (model-kind.ts) → files (references.ts) → size (size.ts) → scalars and model settings (scalars.ts) →
 * expected output size and the 50-megapixel limit → the schema's own rules (check-body.ts).
 * Pure module.
 */
import { mapFiles } from "./references";
import { mapScalars } from "./scalars";
import { mapSize, overPixelLimit } from "./size";
import { checkBody } from "./check-body";
import { checkModelKind } from "./model-kind";
import { MAX_OUTPUT_PIXELS, type PrepareInput, type PrepareResult } from "./types";

/**
 * @returns `{ ok: true, body, files, notes, output }`: `body` uses the model's field names with
 *   studio asset ids in file fields (the executor uploads `files`, converting them first, and puts
 *   the remote ids in); `output` is the expected size in pixels, or null when the model chooses it.
 *   `{ ok: false, refusal }` when the model cannot express the node or a value breaks its schema.
 */
export function prepareNodeRequest({ intent, schema, modelName, kind }: PrepareInput): PrepareResult {
  const wrongKind = kind ? checkModelKind({ ...kind, task: intent.task, modelName }) : null;
  if (wrongKind) return { ok: false, refusal: wrongKind };
  const files = mapFiles(intent, schema, modelName);
  if ("refusal" in files) return { ok: false, refusal: files.refusal };
  const size = mapSize(intent, schema, modelName);
  if ("refusal" in size) return { ok: false, refusal: size.refusal };
  const taken = new Set([...Object.keys(files.fields), ...Object.keys(size.fields)]);
  const scalars = mapScalars(intent, schema, modelName, taken);
  if ("refusal" in scalars) return { ok: false, refusal: scalars.refusal };

  let output = size.output;
  if (intent.upscale && intent.image && intent.image.width > 0) {
    const factor = scalars.factor ?? intent.upscale.factor;
    output = { width: intent.image.width * factor, height: intent.image.height * factor };
  } else if (!output && intent.image && intent.image.width > 0 && !intent.size) {
    output = { width: intent.image.width, height: intent.image.height };
  }
  if (output && output.width * output.height > MAX_OUTPUT_PIXELS)
    return { ok: false, refusal: overPixelLimit(output.width, output.height, intent.verb) };

  const body: Record<string, unknown> = { ...files.fields, ...size.fields, ...scalars.fields };
  const refusal = checkBody(schema, body, modelName);
  if (refusal) return { ok: false, refusal };
  return { ok: true, body, files: files.files, notes: [...size.notes, ...scalars.notes], output };
}

export type * from "./types";
export { capabilityKind, checkModelKind } from "./model-kind";
export { modelSettingInputs, inputLabel, valueLabel } from "./schema-inputs";
