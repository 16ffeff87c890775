/**
 * The model each capability uses when a node's model is "auto", until the resolver
 * (lib/intelligence) picks per request. Ids are from shared/data/model-catalog.json and
 * shared/reference/scenario-api-contract.md §5–§6; each is the catalog's quality pick or the
 * model whose inputs match the request the node builds (Smart Reframe takes exact width/height).
 */
import type { Capability } from "../providers/types";

export const DEFAULT_MODEL_BY_CAPABILITY: Readonly<Record<string, string>> = {
  txt2img: "model_google-gemini-3-1-flash",
  img2img: "model_google-gemini-3-1-flash",
  inpaint: "model_openai-gpt-image-2",
  outpaint: "model_scenario-smart-reframe",
  upscale: "model_upscale-v3",
  "background-removal": "model_photoroom-background-removal",
};

/**
 * The model id a node runs: its own `model` parameter unless it is "auto" or empty.
 * @throws Error when "auto" is asked for a capability with no default.
 */
export function resolveModelId(model: string | undefined, capability: Capability): { modelId: string; reason: string } {
  if (model && model !== "auto") return { modelId: model, reason: "chosen on the node" };
  const modelId = DEFAULT_MODEL_BY_CAPABILITY[capability];
  if (!modelId) throw new Error(`No default model for capability "${capability}"`);
  return { modelId, reason: `default model for ${capability} (Auto)` };
}
