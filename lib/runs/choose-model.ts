/**
 * The studio's ranking for "which model for this Auto node?": the resolver of lib/intelligence
 * (filter → enrich → score) with the routing inputs the node gives (shared/reference/
 * model-routing-image-models.txt): continuity with the model that made the input image,
 * candidates versus final by the outputs count, and the input features the request carries.
 * The engine then takes the first ranked model whose schema can express the node
 * (lib/engine/model-node-request.ts).
 */
import type { ModelChoice, ModelChoiceRequest } from "../engine/model-choice";
import { explainPick, resolveModels } from "../intelligence";

/**
 * @returns the ranked models, best first, each with the resolver's sentence on why.
 * @throws Error naming the capability and why every model was excluded, when none qualifies.
 */
export function rankModelsWithResolver(request: ModelChoiceRequest): ModelChoice[] {
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
  if (result.ranked.length === 0) {
    const why = result.excluded
      .slice(0, 3)
      .map((e) => `${e.name}: ${e.reasons.join(", ")}`)
      .join("; ");
    throw new Error(`No model in the catalog can run ${request.capability} for this node${why ? ` (${why})` : ""}`);
  }
  return result.ranked.map((pick) => ({ modelId: pick.modelId, reason: explainPick(pick, result) }));
}
