/**
 * The studio's answer to "which model for this Auto node?": the resolver of lib/intelligence
 * (filter → enrich → score) with the routing inputs the node gives (shared/reference/
 * model-routing-image-models.txt): continuity with the model that made the input image,
 * candidates versus final by the outputs count, and the input features the request carries.
 */
import type { ModelChoice, ModelChoiceRequest } from "../engine/model-choice";
import { explainPick, resolveModels } from "../intelligence";

/**
 * @returns the top-ranked model and the resolver's sentence on why.
 * @throws Error naming the capability and why every model was excluded, when none qualifies.
 */
export function chooseModelWithResolver(request: ModelChoiceRequest): ModelChoice {
  const result = resolveModels({
    capability: request.capability,
    prompt: request.prompt,
    constraints: request.requiredInputs.length ? { requiredInputs: request.requiredInputs } : undefined,
    routing: {
      continuityModelId: request.upstreamModels[0],
      wantsConsistency: request.upstreamModels.length > 0,
      outputCount: request.outputCount,
    },
  });
  const top = result.ranked[0];
  if (!top) {
    const why = result.excluded.slice(0, 3).map((e) => `${e.name}: ${e.reasons.join(", ")}`).join("; ");
    throw new Error(`No model in the catalog can run ${request.capability} for this node${why ? ` (${why})` : ""}`);
  }
  return { modelId: top.modelId, reason: explainPick(top, result) };
}
