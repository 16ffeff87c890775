/**
 * Save-time model warnings: each model node's requests prepared exactly as a run would prepare
 * them (lib/apps/model-requests.ts → lib/engine/model-node-request.ts: inputs, Auto choice,
 * request built from the chosen model's schema), without sending anything. Refusals and builder
 * notes become GraphWarnings on the node.
 */
import { createSchemaSource, catalogSchemaSource, type SchemaSource } from "../engine/model-schemas";
import type { GraphWarning } from "../graph/issues";
import type { ExecutionPlan } from "../graph/validate";
import { planModelRequests } from "../apps/model-requests";
import type { Provider } from "../providers/types";
import { rankModelsWithResolver } from "../runs/choose-model";

/** The provider's schemas, falling back to the catalog when the provider cannot answer now. */
function forgivingSource(provider: Pick<Provider, "getModelSchema">): SchemaSource {
  const primary = createSchemaSource(provider);
  return async (modelId) => {
    try {
      return await primary(modelId);
    } catch {
      return catalogSchemaSource(modelId);
    }
  };
}

/**
 * @param plan the saved graph's plan (validateGraph(graph, "save").plan).
 * @param imageSize pixel size of a studio asset, when known (unknown images count as 1024 × 1024).
 * @returns refusals first, then notes, in execution order; [] when every node can run as set.
 */
export async function findModelWarnings(
  provider: Pick<Provider, "getModelSchema">,
  plan: ExecutionPlan,
  imageSize: (assetId: string) => { width: number; height: number } | undefined = () => undefined,
): Promise<GraphWarning[]> {
  const planned = await planModelRequests(plan, imageSize, rankModelsWithResolver, forgivingSource(provider));
  const refusals: GraphWarning[] = [];
  const notes: GraphWarning[] = [];
  for (const entry of planned) {
    if (entry.refusal) {
      refusals.push({
        code: "model_refusal",
        nodeId: entry.nodeId,
        modelId: entry.modelId,
        message: entry.refusal.message,
        field: entry.refusal.field,
        details: entry.refusal.details,
      });
    }
    for (const note of entry.notes)
      notes.push({ code: "model_note", nodeId: entry.nodeId, modelId: entry.modelId, message: note.message, field: note.field });
  }
  return [...refusals, ...notes];
}
