/**
 * Conversion between the saved workflow graph (lib/graph/schema.ts) and React Flow's
 * node/edge objects, which also carry UI-only fields (selected, measured, className).
 * Only `id, type, position, data` of nodes and the endpoints of edges are the document.
 */
import type { Edge, Node } from "@xyflow/react";
import { getNodeDefinition } from "@/lib/nodes";
import { nodeToAnnotation } from "./annotations";
import type { GraphEdge, GraphNode, WorkflowGraph } from "@/lib/graph/schema";

export type StudioNode = Node<Record<string, unknown>, string>;
export type StudioEdge = Edge;

/** The document part of the canvas, as the API stores it (`annotations`: the sticky notes and groups, lib/client/annotations.ts). */
export function toGraph(
  nodes: readonly StudioNode[],
  edges: readonly StudioEdge[],
  annotations: readonly StudioNode[] = [],
): WorkflowGraph {
  return {
    ...(annotations.length > 0 ? { annotations: annotations.map(nodeToAnnotation) } : {}),
    nodes: nodes.map((n): GraphNode => ({
      id: n.id,
      type: n.type ?? "",
      position: { x: Math.round(n.position.x), y: Math.round(n.position.y) },
      data: n.data,
    })),
    edges: edges.map((e): GraphEdge => ({
      id: e.id,
      source: e.source,
      sourceHandle: e.sourceHandle ?? null,
      target: e.target,
      targetHandle: e.targetHandle ?? null,
    })),
  };
}

/** The port type an edge carries, from its source port's definition. */
export function edgePortType(edge: Pick<StudioEdge, "sourceHandle">, sourceType: string | undefined): string | undefined {
  const definition = sourceType ? getNodeDefinition(sourceType) : undefined;
  const port =
    definition?.outputs.find((p) => p.name === edge.sourceHandle) ?? (definition?.outputs.length === 1 ? definition.outputs[0] : undefined);
  return port?.type;
}

/** UI fields added to a document edge: a class naming its port type for colour. */
export function decorateEdge(edge: GraphEdge, nodes: readonly Pick<StudioNode, "id" | "type">[]): StudioEdge {
  const sourceType = nodes.find((n) => n.id === edge.source)?.type;
  const portType = edgePortType(edge, sourceType);
  return {
    id: edge.id,
    source: edge.source,
    sourceHandle: edge.sourceHandle ?? null,
    target: edge.target,
    targetHandle: edge.targetHandle ?? null,
    className: portType ? `edge-${portType}` : undefined,
  };
}

export function fromGraph(graph: WorkflowGraph): { nodes: StudioNode[]; edges: StudioEdge[] } {
  const nodes: StudioNode[] = graph.nodes.map((n) => ({ id: n.id, type: n.type, position: n.position, data: { ...(n.data ?? {}) } }));
  return { nodes, edges: graph.edges.map((e) => decorateEdge(e, nodes)) };
}

/** A fresh id for a node of `type`: "generation-1", "generation-2", … readable in messages. */
export function nextNodeId(type: string, nodes: readonly Pick<StudioNode, "id">[]): string {
  const taken = new Set(nodes.map((n) => n.id));
  let n = 1;
  for (const node of nodes) {
    const match = node.id.startsWith(`${type}-`) ? Number(node.id.slice(type.length + 1)) : NaN;
    if (Number.isInteger(match) && match >= n) n = match + 1;
  }
  while (taken.has(`${type}-${n}`)) n++;
  return `${type}-${n}`;
}

/** A fresh edge id. */
export function edgeId(edge: { source: string; sourceHandle?: string | null; target: string; targetHandle?: string | null }): string {
  return `e-${edge.source}.${edge.sourceHandle ?? "out"}-${edge.target}.${edge.targetHandle ?? "in"}`;
}
