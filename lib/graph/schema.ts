/**
 * The workflow graph as stored and sent over the API, in React Flow's own shape:
 * `{ nodes: [{ id, type, position: { x, y }, data }], edges: [{ id, source, sourceHandle, target, targetHandle }] }`.
 *
 * Handle ids are port names (`prompt`, `image`, `mask` in; `text`, `image` out), so an edge
 * says which port of which node feeds which port of which node. Pure module (zod only).
 */
import { z } from "zod";

/** Limits that keep a saved graph a reasonable size: 2,000 nodes (issue 14; a 2,000-node graph with default settings is well under the 1 MB body limit of lib/api/route.ts), four edges per node and 200 sticky notes or groups. */
export const GRAPH_LIMITS = { maxNodes: 2000, maxEdges: 8000, maxAnnotations: 200, maxIdLength: 100 } as const;

const idSchema = z.string().min(1, "must not be empty").max(GRAPH_LIMITS.maxIdLength);

export const graphNodeSchema = z.object({
  id: idSchema,
  type: z.string().min(1, "must not be empty"),
  position: z.object({ x: z.number().finite(), y: z.number().finite() }),
  data: z.record(z.string(), z.unknown()).default({}),
});

export const graphEdgeSchema = z.object({
  id: idSchema,
  source: idSchema,
  sourceHandle: z.string().min(1).nullable().optional(),
  target: idSchema,
  targetHandle: z.string().min(1).nullable().optional(),
});

/** Smallest size of a sticky note or group (px). */
export const ANNOTATION_MIN_SIZE = { width: 160, height: 80 } as const;

/**
 * A sticky note (`text` is its text) or a group (a titled frame; `text` is its title) on the
 * canvas. Annotations are not nodes: no kind in lib/nodes, no ports, no edges, so the executor,
 * validators, estimates and App forms (which read `nodes` and `edges`) never see them.
 */
export const graphAnnotationSchema = z.object({
  id: idSchema,
  kind: z.enum(["note", "group"]),
  position: z.object({ x: z.number().finite(), y: z.number().finite() }),
  size: z.object({
    width: z.number().finite().min(ANNOTATION_MIN_SIZE.width).max(20_000),
    height: z.number().finite().min(ANNOTATION_MIN_SIZE.height).max(20_000),
  }),
  text: z.string().max(4000).default(""),
});

export const workflowGraphSchema = z.object({
  nodes: z.array(graphNodeSchema).max(GRAPH_LIMITS.maxNodes),
  edges: z.array(graphEdgeSchema).max(GRAPH_LIMITS.maxEdges),
  /** Sticky notes and groups; absent in graphs saved before they existed. */
  annotations: z.array(graphAnnotationSchema).max(GRAPH_LIMITS.maxAnnotations).optional(),
});

export type GraphNode = z.infer<typeof graphNodeSchema>;
export type GraphEdge = z.infer<typeof graphEdgeSchema>;
export type GraphAnnotation = z.infer<typeof graphAnnotationSchema>;
export type WorkflowGraph = z.infer<typeof workflowGraphSchema>;

/** An empty graph: what a new workflow starts with. */
export const EMPTY_GRAPH: WorkflowGraph = { nodes: [], edges: [] };
