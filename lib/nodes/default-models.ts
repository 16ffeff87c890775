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
 * The fixed "Auto" choice for a capability: what the executor uses when no resolver is
 * injected (engine tests, benchmark). Explicit model ids never reach this: the executor uses
 * them as they are.
 * @throws Error when the capability has no default.
 */
export function defaultModelChoice(capability: Capability): { modelId: string; reason: string } {
  const modelId = DEFAULT_MODEL_BY_CAPABILITY[capability];
  if (!modelId) throw new Error(`No default model for capability "${capability}"`);
  return { modelId, reason: `default model for ${capability} (Auto)` };
}
