/**
 * The check a graph passes before it is stored (lib/graph/validate.ts, mode "save").
 */
import { AppError } from "../api/errors";
import { validateGraph } from "../graph/validate";
import type { WorkflowGraph } from "../graph/schema";

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
