/**
 * Auto-layout: arranges nodes left to right along their edges with dagre (layered graph
 * drawing, @dagrejs/dagre). Pure module.
 *
 * Each node keeps its size (measured by React Flow, or `DEFAULT_NODE_SIZE`); columns are
 * `rankGap` px apart and nodes in a column `nodeGap` px apart. The laid-out block keeps the
 * top-left corner the nodes had before, so the view does not jump far away.
 */
import dagre from "@dagrejs/dagre";
import { nodeRect } from "./free-space";

interface NodeLike {
  id: string;
  position: { x: number; y: number };
  measured?: { width?: number; height?: number };
}

export interface LayoutOptions {
  rankGap?: number;
  nodeGap?: number;
}

/** New top-left positions (flow coordinates, rounded) for `nodes`, by id. Edges to nodes outside `nodes` are ignored. */
export function layoutLeftToRight(
  nodes: readonly NodeLike[],
  edges: readonly { source: string; target: string }[],
  { rankGap = 96, nodeGap = 48 }: LayoutOptions = {},
): Map<string, { x: number; y: number }> {
  const result = new Map<string, { x: number; y: number }>();
  if (nodes.length === 0) return result;
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "LR", ranksep: rankGap, nodesep: nodeGap, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const rects = new Map(nodes.map((n) => [n.id, nodeRect(n)]));
  for (const [id, rect] of rects) g.setNode(id, { width: rect.width, height: rect.height });
  for (const edge of edges) if (rects.has(edge.source) && rects.has(edge.target)) g.setEdge(edge.source, edge.target);
  dagre.layout(g);

  const left = Math.min(...nodes.map((n) => n.position.x));
  const top = Math.min(...nodes.map((n) => n.position.y));
  const laid = nodes.map((n) => {
    const p = g.node(n.id);
    const rect = rects.get(n.id)!;
    return { id: n.id, x: p.x - rect.width / 2, y: p.y - rect.height / 2 };
  });
  const minX = Math.min(...laid.map((p) => p.x));
  const minY = Math.min(...laid.map((p) => p.y));
  for (const p of laid) result.set(p.id, { x: Math.round(left + p.x - minX), y: Math.round(top + p.y - minY) });
  return result;
}
