/**
 * Where a drafted graph (POST /api/plan's `graph`) lands in a document that may already hold
 * nodes. Pure module.
 *
 * 1. On an empty canvas the drafted layout is kept as it is.
 * 2. Otherwise the drafted nodes move as one block: their top-left corner goes `gap` pixels
 *    below the lowest existing node, aligned with the leftmost one.
 * 3. A drafted node whose id is already taken gets the next free id with the same stem
 *    ("draft-1" → "draft-3" when draft-1 and draft-2 exist, counting the other drafted ids too).
 * 4. Edges follow their renamed nodes; an edge whose endpoints changed, or whose id is taken,
 *    gets a fresh id. Edges naming a node outside the drafted graph are dropped.
 */
import type { GraphEdge, GraphNode, WorkflowGraph } from "@/lib/graph/schema";
import { edgeId } from "./graph-doc";

interface ExistingNode {
  id: string;
  position: { x: number; y: number };
  measured?: { width?: number; height?: number };
}

/** Height assumed for a node the canvas has not measured yet. */
export const UNMEASURED_NODE_HEIGHT = 160;
export const DRAFT_GAP = 96;

export interface PlacedGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Drafted id → id in the document (only for renamed nodes). */
  renamed: Map<string, string>;
}

/** The next id with `id`'s stem that is not in `taken`: "draft-1" → "draft-2", "prompt" → "prompt-2". */
export function freshId(id: string, taken: ReadonlySet<string>): string {
  const match = /^(.*?)(?:-(\d+))?$/.exec(id);
  const stem = match?.[1] || id;
  let n = match?.[2] ? Number(match[2]) + 1 : 2;
  while (taken.has(`${stem}-${n}`)) n++;
  return `${stem}-${n}`;
}

export function placeDraftedGraph(
  existing: { nodes: readonly ExistingNode[]; edges: readonly { id: string }[] },
  graph: WorkflowGraph,
  gap = DRAFT_GAP,
): PlacedGraph {
  let dx = 0;
  let dy = 0;
  if (existing.nodes.length > 0 && graph.nodes.length > 0) {
    const bottom = Math.max(...existing.nodes.map((n) => n.position.y + (n.measured?.height ?? UNMEASURED_NODE_HEIGHT)));
    const left = Math.min(...existing.nodes.map((n) => n.position.x));
    dx = left - Math.min(...graph.nodes.map((n) => n.position.x));
    dy = bottom + gap - Math.min(...graph.nodes.map((n) => n.position.y));
  }

  const existingIds = new Set(existing.nodes.map((n) => n.id));
  const taken = new Set([...existingIds, ...graph.nodes.map((n) => n.id)]);
  const renamed = new Map<string, string>();
  const nodes = graph.nodes.map((node): GraphNode => {
    let id = node.id;
    if (existingIds.has(id)) {
      id = freshId(id, taken);
      taken.add(id);
      renamed.set(node.id, id);
    }
    return {
      id,
      type: node.type,
      position: { x: Math.round(node.position.x + dx), y: Math.round(node.position.y + dy) },
      data: { ...(node.data ?? {}) },
    };
  });

  const draftedIds = new Set(graph.nodes.map((n) => n.id));
  const edgeIds = new Set(existing.edges.map((e) => e.id));
  const edges: GraphEdge[] = [];
  for (const edge of graph.edges) {
    if (!draftedIds.has(edge.source) || !draftedIds.has(edge.target)) continue;
    const source = renamed.get(edge.source) ?? edge.source;
    const target = renamed.get(edge.target) ?? edge.target;
    const moved = source !== edge.source || target !== edge.target;
    let id = moved || edgeIds.has(edge.id) ? edgeId({ ...edge, source, target }) : edge.id;
    for (let n = 2; edgeIds.has(id); n++) id = `${edgeId({ ...edge, source, target })}-${n}`;
    edgeIds.add(id);
    edges.push({ id, source, sourceHandle: edge.sourceHandle ?? null, target, targetHandle: edge.targetHandle ?? null });
  }
  return { nodes, edges, renamed };
}
