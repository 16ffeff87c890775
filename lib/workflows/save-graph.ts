/**
 * The check a graph passes before it is stored (lib/graph/validate.ts, mode "save").
 */
import { AppError } from "../api/errors";
import { validateGraph } from "../graph/validate";
import type { WorkflowGraph } from "../graph/schema";
import type { GraphWarning } from "../graph/issues";
import type { Provider } from "../providers/types";
import { paramAssetIds } from "../engine/model-node-request";
import { findModelWarnings } from "./model-warnings";

/** Pixel sizes of studio assets by id (unknown ids left out). */
export type AssetSizeLookup = (
  assetIds: readonly string[],
) => Promise<ReadonlyArray<{ id: string; width: number | null; height: number | null }>>;

/**
 * @returns the parsed graph.
 * @throws AppError invalid_graph (400) with `details.issues`, each naming the node, port or field.
 */
export function assertSavableGraph(graph: unknown): WorkflowGraph {
  const result = validateGraph(graph, "save");
  if (!result.ok) {
    const first = result.issues[0]?.message ?? "the graph is invalid";
    const more = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more)` : "";
    throw new AppError("invalid_graph", `The graph cannot be saved: ${first}${more}`, { issues: result.issues });
  }
  // The canonical React Flow shape: UI-only keys (selected, measured, dragging…) are dropped.
  return result.plan!.graph;
}

/**
 * The model warnings of a graph that passed assertSavableGraph (save response `warnings`): what a
 * run would refuse before spending anything, and what it would leave out or change, per node.
 * Uploaded images count at their real size (`assetSizes`, e.g. the assets repository), so an
 * image too large for a node's model is flagged as soon as it is chosen, not when it runs.
 * Never throws: a graph whose warnings cannot be computed gets [].
 */
export async function savedGraphWarnings(
  provider: Pick<Provider, "getModelSchema">,
  graph: WorkflowGraph,
  assetSizes?: AssetSizeLookup,
): Promise<GraphWarning[]> {
  const result = validateGraph(graph, "save");
  if (!result.ok) return [];
  try {
    const plan = result.plan!;
    const ids = [...plan.nodes.values()].flatMap((resolved) => [
      ...(typeof resolved.params.assetId === "string" ? [resolved.params.assetId] : []),
      ...paramAssetIds(resolved),
    ]);
    const sizes = new Map<string, { width: number; height: number }>();
    if (assetSizes && ids.length > 0) {
      for (const asset of await assetSizes(ids))
        if (asset.width && asset.height) sizes.set(asset.id, { width: asset.width, height: asset.height });
    }
    return await findModelWarnings(provider, plan, (assetId) => sizes.get(assetId));
  } catch {
    return [];
  }
}
