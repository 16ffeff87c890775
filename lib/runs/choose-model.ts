/**
 * The studio's ranking for "which model for this Auto node?": the resolver of lib/intelligence
 * (filter → enrich → score) with the routing inputs the node gives (shared/reference/
 * model-routing-image-models.txt): continuity with the model that made the input image,
 * candidates versus final by the outputs count, or by the graph's shape around a Pick (upstream of
 * it: candidates, a fast model; downstream: the final, the quality model; lib/engine/gate-node.ts),
 * and the input features the request carries.
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
  const purpose = request.purpose?.purpose;
  // The resolver reads "candidates versus final" from the outputs count: a gate's purpose stands in for it.
  const outputCount = purpose === "candidates" ? Math.max(2, request.outputCount) : purpose === "final" ? 1 : request.outputCount;
  const result = resolveModels({
    capability: request.capability,
    prompt: request.prompt,
    constraints: request.requiredInputs.length ? { requiredInputs: request.requiredInputs } : undefined,
    routing: {
      continuityModelId: request.upstreamModels[0],
      wantsConsistency: request.upstreamModels.length > 0,
      outputCount,
    },
  });
  if (result.ranked.length === 0) {
    const why = result.excluded
      .slice(0, 3)
      .map((e) => `${e.name}: ${e.reasons.join(", ")}`)
      .join("; ");
    throw new Error(`No model in the catalog can run ${request.capability} for this node${why ? ` (${why})` : ""}`);
  }
  const why = request.purpose
    ? purpose === "candidates"
      ? `Candidates for ${request.purpose.gateLabel}, so a fast model. `
      : `After ${request.purpose.gateLabel}, so the quality model. `
    : "";
  return result.ranked.map((pick) => ({ modelId: pick.modelId, reason: `${why}${explainPick(pick, result)}` }));
}
