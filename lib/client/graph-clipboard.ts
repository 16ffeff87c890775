/**
 * Copy and paste of canvas nodes, sticky notes and groups through the system clipboard. Pure
 * module (zod only).
 *
 * The clipboard holds plain text: a versioned JSON envelope
 * `{ format: "workflow-studio/graph", version: 1, nodes, edges, annotations? }` whose nodes,
 * edges and annotations are the saved graph's own shapes (lib/graph/schema.ts), so a copy from
 * one workflow pastes into another (or another tab). Reading is defensive: anything that is not
 * such an envelope, or names node kinds this studio does not know, yields `null` and pasting
 * does nothing.
 */
import { z } from "zod";
import {
  GRAPH_LIMITS,
  graphAnnotationSchema,
  graphEdgeSchema,
  graphNodeSchema,
  type GraphAnnotation,
  type GraphEdge,
  type GraphNode,
  type WorkflowGraph,
} from "@/lib/graph/schema";
import { getNodeDefinition } from "@/lib/nodes";
import { nextAnnotationId } from "./annotations";
import { edgeId, nextNodeId } from "./graph-doc";

export const CLIPBOARD_FORMAT = "workflow-studio/graph";
export const CLIPBOARD_VERSION = 1;

const clipboardSchema = z.object({
  format: z.literal(CLIPBOARD_FORMAT),
  version: z.literal(CLIPBOARD_VERSION),
  nodes: z.array(graphNodeSchema).max(GRAPH_LIMITS.maxNodes),
  edges: z.array(graphEdgeSchema).max(GRAPH_LIMITS.maxEdges),
  annotations: z.array(graphAnnotationSchema).max(GRAPH_LIMITS.maxAnnotations).optional(),
});

interface NodeLike {
  id: string;
  type?: string;
  position: { x: number; y: number };
  data: Record<string, unknown>;
  selected?: boolean;
}

interface EdgeLike {
  id: string;
  source: string;
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
}

/**
 * The chosen nodes and annotations (`ids`) and the edges running between two chosen nodes, as
 * clipboard text. Edges to nodes left out are dropped. Returns null when nothing is chosen.
 * @param annotations the document's sticky notes and groups (saved shape); those in `ids` are copied.
 */
export function serializeNodes(
  ids: ReadonlySet<string>,
  nodes: readonly NodeLike[],
  edges: readonly EdgeLike[],
  annotations: readonly GraphAnnotation[] = [],
): string | null {
  const chosen = nodes.filter((n) => ids.has(n.id) && n.type);
  const notes = annotations.filter((a) => ids.has(a.id));
  if (chosen.length === 0 && notes.length === 0) return null;
  const kept = new Set(chosen.map((n) => n.id));
  return JSON.stringify({
    format: CLIPBOARD_FORMAT,
    version: CLIPBOARD_VERSION,
    nodes: chosen.map((n): GraphNode => ({
      id: n.id,
      type: n.type!,
      position: { x: Math.round(n.position.x), y: Math.round(n.position.y) },
      data: n.data,
    })),
    edges: edges
      .filter((e) => kept.has(e.source) && kept.has(e.target))
      .map((e): GraphEdge => ({
        id: e.id,
        source: e.source,
        sourceHandle: e.sourceHandle ?? null,
        target: e.target,
        targetHandle: e.targetHandle ?? null,
      })),
    ...(notes.length ? { annotations: notes.map((a) => structuredClone(a)) } : {}),
  });
}

/**
 * Clipboard text → the copied graph, or null when the text is not our envelope (any other
 * text, a newer version, invalid JSON). Nodes of unknown kinds are dropped, and with them
 * their edges; an edge between ports the node kinds do not have is dropped too.
 */
export function parseClipboard(text: string): WorkflowGraph | null {
  if (!text || text.length > 5_000_000 || !text.trimStart().startsWith("{")) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = clipboardSchema.safeParse(raw);
  if (!parsed.success) return null;
  const nodes = parsed.data.nodes.filter((n) => getNodeDefinition(n.type));
  const annotations = parsed.data.annotations ?? [];
  if (nodes.length === 0 && annotations.length === 0) return null;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = parsed.data.edges.filter((e) => {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (!source || !target) return false;
    return (
      getNodeDefinition(source.type)!.outputs.some((p) => p.name === e.sourceHandle) &&
      getNodeDefinition(target.type)!.inputs.some((p) => p.name === e.targetHandle)
    );
  });
  return annotations.length ? { nodes, edges, annotations } : { nodes, edges };
}

/** The top-left corner of a copied block: its nodes' and annotations' smallest x and y (flow px). */
export function copiedOrigin(graph: WorkflowGraph): { x: number; y: number } {
  const items = [...graph.nodes, ...(graph.annotations ?? [])];
  return { x: Math.min(...items.map((n) => n.position.x)), y: Math.min(...items.map((n) => n.position.y)) };
}

/**
 * The copied graph re-ided for a document that already holds `existing`: each node gets the
 * next free id of its kind ("generation-3"), a deep copy of its settings, and is moved so the
 * copied block's top-left corner ({@link copiedOrigin}) lands on `at` (flow coordinates). Edges
 * follow their nodes with fresh ids; sticky notes and groups get the next free "note-n" /
 * "group-n" id and keep their size and text.
 */
export function prepareGraphPaste(
  existing: { nodes: readonly { id: string }[]; annotations?: readonly { id: string }[] },
  graph: WorkflowGraph,
  at: { x: number; y: number },
): WorkflowGraph {
  const { x: left, y: top } = copiedOrigin(graph);
  const taken: { id: string }[] = [...existing.nodes];
  const renamed = new Map<string, string>();
  const nodes = graph.nodes.map((node): GraphNode => {
    const id = nextNodeId(node.type, taken);
    taken.push({ id });
    renamed.set(node.id, id);
    return {
      id,
      type: node.type,
      position: { x: Math.round(at.x + node.position.x - left), y: Math.round(at.y + node.position.y - top) },
      data: structuredClone(node.data ?? {}),
    };
  });
  const edges = graph.edges.map((edge): GraphEdge => {
    const source = renamed.get(edge.source)!;
    const target = renamed.get(edge.target)!;
    return {
      id: edgeId({ ...edge, source, target }),
      source,
      sourceHandle: edge.sourceHandle ?? null,
      target,
      targetHandle: edge.targetHandle ?? null,
    };
  });
  const takenAnnotations: { id: string }[] = [...(existing.annotations ?? [])];
  const annotations = (graph.annotations ?? []).map((annotation): GraphAnnotation => {
    const id = nextAnnotationId(annotation.kind, takenAnnotations);
    takenAnnotations.push({ id });
    return {
      ...structuredClone(annotation),
      id,
      position: { x: Math.round(at.x + annotation.position.x - left), y: Math.round(at.y + annotation.position.y - top) },
    };
  });
  return annotations.length ? { nodes, edges, annotations } : { nodes, edges };
}
