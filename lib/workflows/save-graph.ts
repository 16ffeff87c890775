/**
 * The check a graph passes before it is stored (lib/graph/validate.ts, mode "save").
 */
import { AppError } from "../api/errors";
import { validateGraph } from "../graph/validate";
import type { WorkflowGraph } from "../graph/schema";
import type { GraphWarning } from "../graph/issues";
import type { Provider } from "../providers/types";
import { findModelWarnings } from "./model-warnings";

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
 * Never throws: a graph whose warnings cannot be computed gets [].
 */
export async function savedGraphWarnings(provider: Pick<Provider, "getModelSchema">, graph: WorkflowGraph): Promise<GraphWarning[]> {
  const result = validateGraph(graph, "save");
  if (!result.ok) return [];
  try {
    return await findModelWarnings(provider, result.plan!);
  } catch {
    return [];
  }
}
