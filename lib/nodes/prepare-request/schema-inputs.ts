/**
 * Which of a model's inputs play which part, read from the schema alone (no table of models):
 * the prompt, the image the node works on, the mask, the size family, and named scalars.
 * Field names and flags follow Scenario's `inputs[]` (scenario-api-contract.md §2, §5). Pure module.
 */
import type { ModelInput, ModelSchema } from "../../providers/model-schema";

export const isFileInput = (input: ModelInput) => input.type === "file" || input.type === "file_array";

/** An input by one of several names, in the order given (names are Scenario's common field names, §2). */
export function inputNamed(schema: ModelSchema, ...names: string[]): ModelInput | undefined {
  for (const name of names) {
    const found = schema.inputs.find((input) => input.name === name);
    if (found) return found;
  }
  return undefined;
}

/** The main prompt: the input flagged `prompt: true`, else a string input named `prompt`. */
export function promptInput(schema: ModelSchema): ModelInput | undefined {
  return schema.inputs.find((input) => input.prompt === true && input.type === "string") ?? inputNamed(schema, "prompt");
}

/** The mask input: a file input with `maskFrom`, else a file input named `mask`. */
export function maskInput(schema: ModelSchema): ModelInput | undefined {
  return (
    schema.inputs.find((input) => isFileInput(input) && input.maskFrom !== undefined) ??
    schema.inputs.find((input) => isFileInput(input) && input.name === "mask")
  );
}

/**
 * The input that takes the image a node works on: the mask's `maskFrom` input when there is a
 * mask, else the first image file input in schema order that is not the mask (`image` for
 * FLUX.1 and Seedance, `referenceImages` for GPT Image 2 and Gemini).
 */
export function imageInput(schema: ModelSchema, withMask: boolean): ModelInput | undefined {
  const mask = maskInput(schema);
  if (withMask && mask?.maskFrom) {
    const target = schema.inputs.find((input) => input.name === mask.maskFrom);
    if (target) return target;
  }
  return schema.inputs.find((input) => isFileInput(input) && input !== mask && (input.kind ?? "image") === "image");
}

/** The first file input of `kind` ("video", "audio"), not the image or mask inputs. */
export function mediaInput(schema: ModelSchema, kind: string): ModelInput | undefined {
  return schema.inputs.find((input) => isFileInput(input) && input.kind === kind);
}

/** The width and height inputs: `uiConfig.resolutionComponent`'s, else inputs named width/height (or output-/target-). */
export function sizeInputs(schema: ModelSchema): { width: ModelInput; height: ModelInput } | undefined {
  const component = schema.uiConfig?.resolutionComponent;
  const pairs: Array<[string | undefined, string | undefined]> = [
    [component?.widthInput, component?.heightInput],
    ["width", "height"],
    ["outputWidth", "outputHeight"],
    ["targetWidth", "targetHeight"],
  ];
  for (const [w, h] of pairs) {
    if (!w || !h) continue;
    const width = inputNamed(schema, w);
    const height = inputNamed(schema, h);
    if (width?.type === "number" && height?.type === "number") return { width, height };
  }
  return undefined;
}

/** A label for sentences: the input's `label`, else its name in words ("referenceImages" → "Reference images"). */
export function inputLabel(input: ModelInput): string {
  if (input.label) return input.label;
  const words = input.name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Display label of an allowed value (`uiConfig.selects`), else the value itself. */
export function valueLabel(schema: ModelSchema, input: ModelInput, value: unknown): string {
  return schema.uiConfig?.selects?.[input.name]?.[String(value)] ?? String(value);
}

/**
 * The inputs the request builder fills from the node itself (prompt, files, size, count, seed,
 * strength, upscale factor and preset): the inspector hides them from "Model settings", which
 * lists the rest (GPT Image 2's quality and background, FLUX's guidance and steps).
 */
export function nodeMappedInputNames(schema: ModelSchema): Set<string> {
  const names = new Set<string>([
    "numOutputs",
    "seed",
    "strength",
    "preset",
    "aspectRatio",
    "resolution",
    "upscaleFactor",
    "scaleFactor",
    "scale",
    "factor",
  ]);
  const prompt = promptInput(schema);
  if (prompt) names.add(prompt.name);
  const size = sizeInputs(schema);
  if (size) names.add(size.width.name).add(size.height.name);
  for (const input of schema.inputs) if (isFileInput(input)) names.add(input.name);
  return names;
}

/** The model's own settings a designer may set: scalar inputs the node does not map itself, in schema order. */
export function modelSettingInputs(schema: ModelSchema): ModelInput[] {
  const mapped = nodeMappedInputNames(schema);
  return schema.inputs.filter(
    (input) => !mapped.has(input.name) && (input.type === "string" || input.type === "number" || input.type === "boolean"),
  );
}
