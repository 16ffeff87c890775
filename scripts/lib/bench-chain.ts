/**
 * The benchmark's chain workflow (scripts/bench.ts, sections 1, 2 and 2b): Image input →
 * (length − 2) × Remove background → Output, on a zero-latency provider each node is pure
 * executor and persistence work.
 */
import type { WorkflowGraph } from "../../lib/graph/schema";
import { validateGraph } from "../../lib/graph/validate";

/** The chain of `length` nodes starting from asset `assetId`. */
export function chainGraph(assetId: string, length: number): WorkflowGraph {
  const graph: WorkflowGraph = { nodes: [{ id: "n0", type: "imageInput", position: { x: 0, y: 0 }, data: { assetId } }], edges: [] };
  for (let i = 1; i < length - 1; i++) {
    graph.nodes.push({ id: `n${i}`, type: "removeBackground", position: { x: i * 10, y: 0 }, data: {} });
    graph.edges.push({ id: `e${i}`, source: `n${i - 1}`, sourceHandle: "image", target: `n${i}`, targetHandle: "image" });
  }
  graph.nodes.push({ id: `n${length - 1}`, type: "output", position: { x: length * 10, y: 0 }, data: {} });
  graph.edges.push({
    id: `e${length - 1}`,
    source: `n${length - 2}`,
    sourceHandle: "image",
    target: `n${length - 1}`,
    targetHandle: "image",
  });
  return graph;
}

/** The execution plan of `graph`. @throws Error listing the graph's issues when it is not runnable. */
export function plan(graph: WorkflowGraph) {
  const result = validateGraph(graph, "run");
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("; "));
  return result.plan!;
}
