/**
 * How plan_generation asks for a model per step: an injected `pick` function, so the plan
 * logic is testable without the resolver and the resolver stays the one place models are
 * ranked (reference, "How model picking works": every plan step calls the same resolver).
 *
 * `defaultPick` delegates to the shared resolver's `pickModel` (lib/intelligence/resolver).
 * Pure module.
 */
import { pickModel } from "../resolver/resolve";

/** Hints for one pick: the description (for intent/style boosts) and hard input features. */
export interface PickHints {
  prompt?: string;
  /** Catalog `inputs` field names the model must accept ("image", "endImage", "audio", …). */
  requiredInputs?: string[];
}

/** The model a step resolves to. */
export interface PickedModel {
  modelId: string;
  name: string;
}

/** Picks the model for one capability, or null when no model qualifies. */
export type PickFn = (capability: string, hints?: PickHints) => PickedModel | null;

/**
 * The default `pick`: the shared resolver's top pick (`pickModel`, lib/intelligence/resolver),
 * with the description as the prompt (intent boosts) and the step's required inputs as a hard
 * constraint; priority is the resolver's default ("quality").
 */
export const defaultPick: PickFn = (capability, hints = {}) => {
  const picked = pickModel(capability, {
    prompt: hints.prompt,
    constraints: hints.requiredInputs?.length ? { requiredInputs: hints.requiredInputs } : undefined,
  });
  return picked ? { modelId: picked.modelId, name: picked.name } : null;
};
