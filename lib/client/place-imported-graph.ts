/**
 * Where an imported workflow file (lib/interop) lands in the open workflow: its nodes keep their
 * layout and move as one block into free space below what is on the canvas, re-ided on collision
 * (place-drafted-graph.ts); its sticky notes and groups move with them and get free ids too.
 * Pure module.
 */
import type { GraphAnnotation, GraphEdge, GraphNode, WorkflowGraph } from "@/lib/graph/schema";
import { DRAFT_GAP, UNMEASURED_NODE_HEIGHT, freshId, placeDraftedGraph } from "./place-drafted-graph";

interface ExistingItem {
  id: string;
  position: { x: number; y: number };
  measured?: { width?: number; height?: number };
  height?: number;
}

export interface PlacedImport {
  nodes: GraphNode[];
  edges: GraphEdge[];
  annotations: GraphAnnotation[];
}

/**
 * @param existing everything on the canvas: nodes, sticky notes and groups (their ids are taken), and edges.
 * @returns the imported nodes, edges and annotations in document coordinates (px), with ids free in the document.
 */
export function placeImportedGraph(
  existing: { nodes: readonly ExistingItem[]; edges: readonly { id: string }[] },
  graph: WorkflowGraph,
): PlacedImport {
  const annotations = graph.annotations ?? [];
  // Annotations travel with the nodes: place them all as one block, then split it again.
  const asNodes: GraphNode[] = annotations.map((a) => ({ id: `\u0000${a.id}`, type: "annotation", position: a.position, data: {} }));
  const existingNodes = existing.nodes.map((n) => ({
    ...n,
    measured: { height: n.measured?.height ?? n.height ?? UNMEASURED_NODE_HEIGHT },
  }));
  const placed = placeDraftedGraph(
    { nodes: existingNodes, edges: existing.edges },
    { nodes: [...graph.nodes, ...asNodes], edges: graph.edges },
    DRAFT_GAP,
  );
  const taken = new Set([...existing.nodes.map((n) => n.id), ...placed.nodes.map((n) => n.id)]);
  const placedAnnotations = annotations.map((annotation): GraphAnnotation => {
    const at = placed.nodes.find(
      (n) => n.id === `\u0000${annotation.id}` || placed.renamed.get(`\u0000${annotation.id}`) === n.id,
    )!.position;
    let id = annotation.id;
    if (taken.has(id)) id = freshId(id, taken);
    taken.add(id);
    return { ...annotation, id, position: { ...at } };
  });
  return { nodes: placed.nodes.filter((n) => n.type !== "annotation"), edges: placed.edges, annotations: placedAnnotations };
}
