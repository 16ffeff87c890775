/**
 * A model node's settings in Scenario's terms and back: `data.form` holds scalar settings keyed by
 * the model's input names (scenario-workflow-format.md, "Node type values"), wired inputs never.
 *
 * Export asks the one request builder (lib/nodes/prepare-request) what it would send for the
 * node, so the names and values are exactly those of the model's schema; files and the prompt of a
 * wired Prompt node are left out. Import reads the form back: the model's prompt, `seed`,
 * `strength`, `numOutputs`, `aspectRatio`, width and height, the upscale factor and preset become the
 * node's own parameters; any other scalar becomes a model setting. Pure module.
 */
import type { AnyNodeDefinition } from "../../nodes";
import { prepareNodeRequest } from "../../nodes/prepare-request";
import { inputNamed, isFileInput, promptInput, sizeInputs } from "../../nodes/prepare-request/schema-inputs";
import type { ModelSchema } from "../../providers/model-schema";

/** A form value: what Scenario's form holds (scalars). */
export type FormValue = string | number | boolean;

/** Names Scenario models use for an upscale factor (the request builder's own list, prepare-request/scalars.ts). */
const UPSCALE_NAMES = ["upscaleFactor", "scaleFactor", "scale", "factor"];

/** Stands in for a connected image while asking the request builder what it would send (its pixels only shape the size fields). */
const CONNECTED_IMAGE = { assetId: "connected", width: 1024, height: 1024, url: "" };

const isScalar = (value: unknown): value is FormValue =>
  typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));

/**
 * The `form` of a model node for model `schema` (null: a model without a recorded schema, whose
 * form is the node's prompt and model settings as they are).
 * @param connected the node's connected input ports (a wired prompt is not put in the form).
 * @returns scalars by model input name; never throws (a request the builder refuses falls back to the plain form).
 */
export function formFromParams(
  definition: AnyNodeDefinition,
  params: Record<string, unknown>,
  connected: ReadonlySet<string>,
  schema: ModelSchema | null,
  modelName: string,
): Record<string, FormValue> {
  const ownPrompt = typeof params.prompt === "string" && !connected.has("prompt") ? params.prompt : "";
  const plain = (): Record<string, FormValue> => {
    const form: Record<string, FormValue> = {};
    if (ownPrompt) form.prompt = ownPrompt;
    for (const [name, value] of Object.entries((params.settings as Record<string, unknown>) ?? {})) if (isScalar(value)) form[name] = value;
    return form;
  };
  if (!schema || !definition.describeRequest) return plain();
  const seed = typeof params.seed === "number" ? params.seed : null;
  // A wired prompt is not part of the form, but the model may require one to accept the request: a stand-in is left out below.
  const wiredPrompt = connected.has("prompt");
  const intent = definition.describeRequest({
    params,
    prompt: wiredPrompt ? "connected" : ownPrompt,
    image: connected.has("image") ? CONNECTED_IMAGE : undefined,
    mask: connected.has("mask") || params.maskAssetId ? CONNECTED_IMAGE : undefined,
    media: connected.has("media") ? CONNECTED_IMAGE : undefined,
    seed,
  });
  const prepared = prepareNodeRequest({ intent, schema, modelName });
  if (!prepared.ok) return plain();
  const form: Record<string, FormValue> = {};
  for (const [name, value] of Object.entries(prepared.body)) {
    const input = inputNamed(schema, name);
    if (input && isFileInput(input)) continue;
    if (wiredPrompt && name === promptInput(schema)?.name) continue;
    if (isScalar(value)) form[name] = value;
  }
  return form;
}

/**
 * The node parameters a Scenario `form` stands for, for a node of `definition` (only parameters
 * the kind has): see the module comment for which inputs map where. Values are not checked here;
 * the caller parses them with the kind's schema.
 */
export function paramsFromForm(
  definition: AnyNodeDefinition,
  form: Record<string, unknown>,
  schema: ModelSchema | null,
): Record<string, unknown> {
  const has = (param: string) => param in (definition.defaults as Record<string, unknown>);
  const roles = new Map<string, string>();
  roles.set(schema ? (promptInput(schema)?.name ?? "prompt") : "prompt", "prompt");
  for (const name of ["seed", "strength", "numOutputs", "aspectRatio", "preset"]) roles.set(name, name);
  const size = schema ? sizeInputs(schema) : undefined;
  roles.set(size?.width.name ?? "width", "width");
  roles.set(size?.height.name ?? "height", "height");
  for (const name of UPSCALE_NAMES) roles.set(name, "factor");
  // Fields the request builder derives from the size (a resolution preset): not settings of their own.
  const derived = new Set(["resolution"]);

  const params: Record<string, unknown> = {};
  const settings: Record<string, FormValue> = {};
  for (const [name, value] of Object.entries(form)) {
    if (!isScalar(value)) continue;
    const role = roles.get(name);
    if (role && has(role)) params[role] = role === "factor" ? factorOf(value) : value;
    else if (!derived.has(name)) settings[name] = value;
  }
  if (has("settings") && Object.keys(settings).length > 0) params.settings = settings;
  return params;
}

/** An upscale factor from a form value: 2, "2", "2x", "x4" → the number; anything else as it is. */
function factorOf(value: FormValue): unknown {
  if (typeof value === "number") return value;
  const digits = /(\d+(?:\.\d+)?)/.exec(String(value));
  return digits ? Number(digits[1]) : value;
}
