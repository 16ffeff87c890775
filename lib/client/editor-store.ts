"use client";
/**
 * The editor's document store (zustand, actions beside state, like xyflow's own store).
 *
 * The document is the workflow's name, nodes (id, type, position, data = parameters) and
 * edges. Canvas edits arrive as React Flow changes and go through `applyNodeChanges` /
 * `applyEdgeChanges`. Each document change bumps `revision`; autosave compares it with
 * `savedRevision`. Selection, measurement and in-drag positions are applied but are not
 * document changes, so they neither dirty the workflow nor enter the undo history.
 *
 * Undo keeps snapshots of the document with marks (after tldraw's HistoryManager): a drag is
 * marked at its start and is one step; bursts of edits to one field coalesce into one step.
 */
import { applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange, type XYPosition } from "@xyflow/react";
import { create } from "zustand";
import { copyIdRecord, idRecord } from "@/lib/graph/id-record";
import { issuesByNode, type GraphIssue, type GraphWarning } from "@/lib/graph/issues";
import { getNodeDefinition } from "@/lib/nodes";
import { checkConnection } from "./connection-check";
import { decorateEdge, edgeId, fromGraph, nextNodeId, type StudioEdge, type StudioNode } from "./graph-doc";
import { DEFAULT_ANNOTATION_SIZE, annotationToNode, frameAround, groupMembers, isGroupNode, nextAnnotationId } from "./annotations";
import { layoutLeftToRight } from "./auto-layout";
import { estimatedNodeSize } from "./free-space";
import { prepareGraphPaste } from "./graph-clipboard";
import { placeDraftedGraph } from "./place-drafted-graph";
import { placeImportedGraph } from "./place-imported-graph";
import type { Workflow } from "./types";
import type { GraphAnnotation, WorkflowGraph } from "@/lib/graph/schema";

interface Snapshot {
  nodes: StudioNode[];
  edges: StudioEdge[];
  annotations: StudioNode[];
}

/** While a group is dragged: where it and each item it carries started. */
interface GroupDrag {
  groups: Record<string, XYPosition>;
  /** Group id → carried item id → start position. */
  members: Record<string, Record<string, XYPosition>>;
}

const HISTORY_LIMIT = 100;

export interface SaveState {
  saving: boolean;
  /** Last save's failure, shown with a retry button. */
  error: string | null;
  /** The server holds a newer version (409): never overwrite it silently. */
  conflict: boolean;
}

interface EditorState {
  workflowId: string | null;
  name: string;
  /** The server version the document is based on (sent with each PUT). */
  version: number;
  nodes: StudioNode[];
  edges: StudioEdge[];
  /** Sticky notes and groups (lib/client/annotations.ts), as React Flow nodes; never in `nodes`. */
  annotations: StudioNode[];
  groupDrag: GroupDrag | null;
  revision: number;
  savedRevision: number;
  save: SaveState;
  past: Snapshot[];
  future: Snapshot[];
  lastMark: { key: string; at: number } | null;
  dragging: boolean;
  /** Validation issues from the server (save or run), by node id (a record without a prototype: lib/graph/id-record.ts). */
  issues: Record<string, GraphIssue[]>;
  /** Issues that name no node (an empty graph…). */
  graphIssues: GraphIssue[];
  /** Model warnings of the last save (what a run would refuse or leave out), by node id. */
  warnings: Record<string, GraphWarning[]>;

  load(workflow: Workflow): void;
  onNodesChange(changes: NodeChange<StudioNode>[]): void;
  onEdgesChange(changes: EdgeChange<StudioEdge>[]): void;
  connect(connection: Connection): boolean;
  addNode(type: string, position: XYPosition, data?: Record<string, unknown>): string;
  /**
   * Adds a whole graph (a drafted plan) as one undo step: below the existing nodes, re-ided on
   * collision (see place-drafted-graph.ts), selected. Returns the ids of the added nodes.
   */
  addGraph(graph: WorkflowGraph): string[];
  /**
   * Pastes a copied graph (lib/client/graph-clipboard.ts) as one undo step: nodes get fresh ids
   * and copies of their settings, the block's top-left corner lands on `at`, the edges between
   * them come along, sticky notes and groups too, and the pasted items become the selection.
   * Returns the new node and annotation ids.
   */
  pasteGraph(graph: WorkflowGraph, at: XYPosition): string[];
  /**
   * Adds an imported workflow file's graph (lib/interop) as one undo step: its layout kept, placed
   * in free space below the canvas's content (place-imported-graph.ts), sticky notes included, the
   * new nodes selected. Returns the ids of the added nodes.
   */
  addImportedGraph(graph: WorkflowGraph): string[];
  /** Adds a node of `type` at `position` and wires it to an existing port, as one undo step. Returns the new id, or null when the wire is refused. */
  addNodeConnected(
    type: string,
    position: XYPosition,
    link: { nodeId: string; handleId: string; side: "source" | "target"; port: string },
  ): string | null;
  /** Selects every node (not a document change). */
  selectAll(): void;
  /** Selects exactly `ids` (not a document change). */
  selectOnly(ids: readonly string[]): void;
  /** Deletes the given nodes and every edge touching them, as one undo step. */
  deleteNodes(ids: readonly string[]): void;
  /** Arranges all nodes left to right along their edges (lib/client/auto-layout.ts), as one undo step. */
  autoLayout(): void;
  updateNodeData(nodeId: string, patch: Record<string, unknown>, coalesceKey?: string): void;
  setName(name: string): void;
  /** Marks the start of a drag or resize (one undo step); `dragged` lists dragged items, so a dragged group carries the items inside it. */
  markDragStart(dragged?: readonly StudioNode[]): void;
  /** Adds a sticky note or a group at `position` (a group given `around` ids frames those items), selected, as one undo step. Returns its id. */
  addAnnotation(kind: GraphAnnotation["kind"], position: XYPosition, around?: readonly string[]): string;
  /** A note's text or a group's title; typing bursts coalesce into one undo step. */
  setAnnotationText(id: string, text: string): void;
  undo(): void;
  redo(): void;
  setSave(patch: Partial<SaveState>): void;
  markSaved(revision: number, version: number): void;
  setIssues(issues: readonly GraphIssue[]): void;
  clearIssues(): void;
  /** Replaces the model warnings with the ones the server answered for the saved graph. */
  setWarnings(warnings: readonly GraphWarning[]): void;
}

function docNode(n: StudioNode): StudioNode {
  return { id: n.id, type: n.type, position: n.position, data: n.data };
}

function docAnnotation(n: StudioNode): StudioNode {
  return { id: n.id, type: n.type, position: n.position, data: n.data, width: n.width, height: n.height, zIndex: n.zIndex };
}

function snapshot(s: Pick<EditorState, "nodes" | "edges" | "annotations">): Snapshot {
  return {
    nodes: s.nodes.map(docNode),
    edges: s.edges.map((e) => ({ ...e, selected: false })),
    annotations: s.annotations.map(docAnnotation),
  };
}

const deselect = <T extends { selected?: boolean }>(items: readonly T[]): T[] =>
  items.map((n) => (n.selected ? { ...n, selected: false } : n));

const changeTargetId = (c: NodeChange<StudioNode>) => (c.type === "add" ? c.item.id : c.id);

/** Puts a snapshot back, keeping the UI fields (selection, measured size) of nodes that still exist. */
function restore(target: Snapshot, current: Pick<EditorState, "nodes" | "annotations">): Snapshot {
  const byId = new Map(current.nodes.map((n) => [n.id, n]));
  const annotationsById = new Map(current.annotations.map((n) => [n.id, n]));
  return {
    nodes: target.nodes.map((n) => {
      const existing = byId.get(n.id);
      return existing ? { ...existing, type: n.type, position: n.position, data: n.data } : n;
    }),
    edges: target.edges,
    annotations: target.annotations.map((n) => {
      const existing = annotationsById.get(n.id);
      return existing ? { ...existing, ...n, measured: { width: n.width, height: n.height } } : n;
    }),
  };
}

/** Records the document before a change, unless the change continues the previous one (same key, within `windowMs`). */
function withHistory(s: EditorState, key?: string, windowMs = 1000): Pick<EditorState, "past" | "future" | "lastMark"> {
  const now = Date.now();
  if (key && s.lastMark?.key === key && now - s.lastMark.at < windowMs) {
    return { past: s.past, future: [], lastMark: { key, at: now } };
  }
  return { past: [...s.past.slice(-(HISTORY_LIMIT - 1)), snapshot(s)], future: [], lastMark: key ? { key, at: now } : null };
}

function withoutNodeIssues(issues: Record<string, GraphIssue[]>, nodeIds: readonly string[]): Record<string, GraphIssue[]> {
  if (!nodeIds.some((id) => Object.hasOwn(issues, id))) return issues;
  const next = copyIdRecord(issues);
  for (const id of nodeIds) delete next[id];
  return next;
}

const samePositions = (a: readonly StudioNode[], b: readonly StudioNode[]) =>
  a.length === b.length && a.every((n, i) => n.id === b[i].id && n.position.x === b[i].position.x && n.position.y === b[i].position.y);

const sameFrames = (a: readonly StudioNode[], b: readonly StudioNode[]) =>
  samePositions(a, b) && a.every((n, i) => n.width === b[i].width && n.height === b[i].height);

export const useEditorStore = create<EditorState>()((set, get) => ({
  workflowId: null,
  name: "",
  version: 0,
  nodes: [],
  edges: [],
  annotations: [],
  groupDrag: null,
  revision: 0,
  savedRevision: 0,
  save: { saving: false, error: null, conflict: false },
  past: [],
  future: [],
  lastMark: null,
  dragging: false,
  issues: idRecord(),
  warnings: idRecord(),
  graphIssues: [],

  load(workflow) {
    const { nodes, edges } = fromGraph(workflow.graph);
    set({
      workflowId: workflow.id,
      name: workflow.name,
      version: workflow.version,
      nodes,
      edges,
      annotations: (workflow.graph.annotations ?? []).map(annotationToNode),
      groupDrag: null,
      revision: 0,
      savedRevision: 0,
      save: { saving: false, error: null, conflict: false },
      past: [],
      future: [],
      lastMark: null,
      dragging: false,
      issues: idRecord(),
      graphIssues: [],
    });
  },

  onNodesChange(changes) {
    const s = get();
    const annotationIds = new Set(s.annotations.map((n) => n.id));
    let annotationChanges = changes.filter((c) => annotationIds.has(changeTargetId(c)));
    let nodeChanges = changes.filter((c) => !annotationIds.has(changeTargetId(c)));
    // A dragged group carries the items that lay inside it when the drag started.
    if (s.groupDrag) {
      const carried: NodeChange<StudioNode>[] = [];
      for (const c of annotationChanges) {
        const origin = c.type === "position" && c.position ? s.groupDrag.groups[c.id] : undefined;
        if (c.type !== "position" || !c.position || !origin) continue;
        const dx = c.position.x - origin.x;
        const dy = c.position.y - origin.y;
        for (const [id, start] of Object.entries(s.groupDrag.members[c.id] ?? {})) {
          carried.push({ type: "position", id, position: { x: start.x + dx, y: start.y + dy }, dragging: c.dragging });
        }
      }
      annotationChanges = [...annotationChanges, ...carried.filter((c) => annotationIds.has(changeTargetId(c)))];
      nodeChanges = [...nodeChanges, ...carried.filter((c) => !annotationIds.has(changeTargetId(c)))];
    }
    const nodes = nodeChanges.length ? applyNodeChanges(nodeChanges, s.nodes) : s.nodes;
    const annotations = annotationChanges.length ? applyNodeChanges(annotationChanges, s.annotations) : s.annotations;
    const all = [...nodeChanges, ...annotationChanges];
    const removed = all.filter((c) => c.type === "remove").map((c) => c.id);
    // A resize moves and sizes the item at each step; the step that ends it (resizing: false) is the document change.
    const resizing = annotationChanges.some((c) => c.type === "dimensions" && c.resizing === true);
    const resizeEnd = annotationChanges.some((c) => c.type === "dimensions" && c.resizing === false);
    const isDoc =
      !resizing &&
      (resizeEnd ||
        all.some((c) => c.type === "remove" || c.type === "add" || c.type === "replace" || (c.type === "position" && !c.dragging)));
    if (!isDoc) {
      set({ nodes, annotations });
      return;
    }
    const gestureEnd = s.dragging && all.every((c) => c.type === "position" || c.type === "dimensions" || c.type === "select");
    if (gestureEnd) {
      // The snapshot was taken at the gesture's start; one that changed nothing is no step at all.
      const start = s.past[s.past.length - 1];
      if (start && samePositions(start.nodes, nodes) && sameFrames(start.annotations, annotations)) {
        set({ nodes, annotations, dragging: false, groupDrag: null, past: s.past.slice(0, -1) });
        return;
      }
      set({ nodes, annotations, dragging: false, groupDrag: null, revision: s.revision + 1 });
      return;
    }
    set({
      nodes,
      annotations,
      ...withHistory(s, removed.length ? "delete" : undefined, 150),
      revision: s.revision + 1,
      issues: withoutNodeIssues(s.issues, removed),
    });
  },

  onEdgesChange(changes) {
    const s = get();
    const edges = applyEdgeChanges(changes, s.edges);
    const isDoc = changes.some((c) => c.type === "remove" || c.type === "add" || c.type === "replace");
    if (!isDoc) {
      set({ edges });
      return;
    }
    set({ edges, ...withHistory(s, "delete", 150), revision: s.revision + 1 });
  },

  connect(connection) {
    const s = get();
    if (!checkConnection(connection, s.nodes, s.edges).ok) return false;
    const edge = decorateEdge({ ...connection, id: edgeId(connection) }, s.nodes);
    set({
      edges: [...s.edges, edge],
      ...withHistory(s),
      revision: s.revision + 1,
      issues: withoutNodeIssues(s.issues, [connection.target]),
    });
    return true;
  },

  addNode(type, position, data) {
    const s = get();
    const definition = getNodeDefinition(type);
    if (!definition) throw new Error(`Unknown node type "${type}"`);
    const id = nextNodeId(type, s.nodes);
    const node: StudioNode = { id, type, position, data: { ...structuredClone(definition.defaults), ...data }, selected: true };
    set({
      nodes: [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node],
      edges: s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
      ...withHistory(s),
      revision: s.revision + 1,
      graphIssues: [],
    });
    return id;
  },

  addGraph(graph) {
    const s = get();
    if (graph.nodes.length === 0) return [];
    // Drafted positions overlap; lay the plan out left to right before placing it.
    // Not on the canvas yet, so not measured: lay out at the size each kind's card will have.
    const sized = graph.nodes.map((n) => {
      const definition = getNodeDefinition(n.type);
      return definition ? { ...n, measured: estimatedNodeSize(definition) } : n;
    });
    const positions = layoutLeftToRight(sized, graph.edges);
    const laidOut = { ...graph, nodes: graph.nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })) };
    const placed = placeDraftedGraph(s, laidOut);
    const added: StudioNode[] = placed.nodes.map((n) => ({ id: n.id, type: n.type, position: n.position, data: n.data, selected: true }));
    const nodes = [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...added];
    set({
      nodes,
      edges: [...s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...placed.edges.map((e) => decorateEdge(e, nodes))],
      ...withHistory(s),
      revision: s.revision + 1,
      graphIssues: [],
    });
    return added.map((n) => n.id);
  },

  pasteGraph(graph, at) {
    const s = get();
    const copiedAnnotations = graph.annotations ?? [];
    if (graph.nodes.length + copiedAnnotations.length === 0 || s.nodes.length + graph.nodes.length > 500) return [];
    const pasted = prepareGraphPaste(s, graph, at);
    const added: StudioNode[] = pasted.nodes.map((n) => ({ id: n.id, type: n.type, position: n.position, data: n.data, selected: true }));
    const nodes = [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...added];
    const addedAnnotations = (pasted.annotations ?? []).map((a) => ({ ...annotationToNode(a), selected: true }));
    // Groups go first: behind the nodes and notes they frame.
    const annotations = [
      ...addedAnnotations.filter(isGroupNode),
      ...deselect(s.annotations),
      ...addedAnnotations.filter((n) => !isGroupNode(n)),
    ];
    set({
      nodes,
      edges: [...s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...pasted.edges.map((e) => decorateEdge(e, nodes))],
      annotations,
      ...withHistory(s),
      revision: s.revision + 1,
      graphIssues: [],
    });
    return [...added, ...addedAnnotations].map((n) => n.id);
  },

  addImportedGraph(graph) {
    const s = get();
    if (graph.nodes.length === 0 && !graph.annotations?.length) return [];
    const placed = placeImportedGraph({ nodes: [...s.nodes, ...s.annotations], edges: s.edges }, graph);
    const added: StudioNode[] = placed.nodes.map((n) => ({ id: n.id, type: n.type, position: n.position, data: n.data, selected: true }));
    const nodes = [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...added];
    set({
      nodes,
      edges: [...s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...placed.edges.map((e) => decorateEdge(e, nodes))],
      annotations: [...s.annotations, ...placed.annotations.map(annotationToNode)],
      ...withHistory(s),
      revision: s.revision + 1,
      graphIssues: [],
    });
    return added.map((n) => n.id);
  },

  addNodeConnected(type, position, link) {
    const s = get();
    const definition = getNodeDefinition(type);
    if (!definition) return null;
    const id = nextNodeId(type, s.nodes);
    const node: StudioNode = { id, type, position, data: structuredClone(definition.defaults), selected: true };
    const nodes = [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node];
    const connection: Connection =
      link.side === "source"
        ? { source: link.nodeId, sourceHandle: link.handleId, target: id, targetHandle: link.port }
        : { source: id, sourceHandle: link.port, target: link.nodeId, targetHandle: link.handleId };
    if (!checkConnection(connection, nodes, s.edges).ok) return null;
    set({
      nodes,
      edges: [
        ...s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
        decorateEdge({ ...connection, id: edgeId(connection) }, nodes),
      ],
      ...withHistory(s),
      revision: s.revision + 1,
      graphIssues: [],
      issues: withoutNodeIssues(s.issues, [connection.target]),
    });
    return id;
  },

  selectAll() {
    const s = get();
    set({
      nodes: s.nodes.map((n) => (n.selected ? n : { ...n, selected: true })),
      annotations: s.annotations.map((n) => (n.selected ? n : { ...n, selected: true })),
    });
  },

  selectOnly(ids) {
    const chosen = new Set(ids);
    const pick = (n: StudioNode) => (Boolean(n.selected) === chosen.has(n.id) ? n : { ...n, selected: chosen.has(n.id) });
    set({ nodes: get().nodes.map(pick), annotations: get().annotations.map(pick) });
  },

  deleteNodes(ids) {
    const s = get();
    const gone = new Set(ids);
    if (!s.nodes.some((n) => gone.has(n.id)) && !s.annotations.some((n) => gone.has(n.id))) return;
    set({
      nodes: s.nodes.filter((n) => !gone.has(n.id)),
      annotations: s.annotations.filter((n) => !gone.has(n.id)),
      edges: s.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
      ...withHistory(s),
      revision: s.revision + 1,
      issues: withoutNodeIssues(s.issues, ids),
    });
  },

  autoLayout() {
    const s = get();
    if (s.nodes.length === 0) return;
    const positions = layoutLeftToRight(s.nodes, s.edges);
    const nodes = s.nodes.map((n) => {
      const p = positions.get(n.id);
      return p && (p.x !== n.position.x || p.y !== n.position.y) ? { ...n, position: p } : n;
    });
    if (samePositions(nodes, s.nodes)) return;
    // A group keeps framing the nodes it held: its frame is fitted around their new places.
    const annotations = s.annotations.map((a) => {
      if (!isGroupNode(a)) return a;
      const members = new Set(groupMembers(a, s.nodes));
      if (members.size === 0) return a;
      const frame = frameAround(nodes.filter((n) => members.has(n.id)));
      return { ...a, position: frame.position, width: frame.width, height: frame.height };
    });
    set({ nodes, annotations, ...withHistory(s), revision: s.revision + 1 });
  },

  updateNodeData(nodeId, patch, coalesceKey) {
    const s = get();
    if (!s.nodes.some((n) => n.id === nodeId)) return;
    set({
      nodes: s.nodes.map((n) => (n.id === nodeId ? { ...n, data: { ...n.data, ...patch } } : n)),
      ...withHistory(s, coalesceKey ? `data:${nodeId}:${coalesceKey}` : undefined),
      revision: s.revision + 1,
      issues: withoutNodeIssues(s.issues, [nodeId]),
    });
  },

  setName(name) {
    const s = get();
    if (name === s.name) return;
    set({ name, revision: s.revision + 1 });
  },

  markDragStart(dragged) {
    const s = get();
    if (s.dragging) return;
    const draggedIds = new Set((dragged ?? []).map((n) => n.id));
    const groups = s.annotations.filter((n) => draggedIds.has(n.id) && isGroupNode(n));
    let groupDrag: GroupDrag | null = null;
    if (groups.length > 0) {
      groupDrag = { groups: {}, members: {} };
      const items = [...s.nodes, ...s.annotations];
      for (const group of groups) {
        groupDrag.groups[group.id] = { ...group.position };
        const members: Record<string, XYPosition> = {};
        for (const id of groupMembers(group, items)) {
          if (draggedIds.has(id)) continue;
          members[id] = { ...items.find((n) => n.id === id)!.position };
        }
        groupDrag.members[group.id] = members;
      }
    }
    set({ dragging: true, groupDrag, ...withHistory(s) });
  },

  addAnnotation(kind, position, around) {
    const s = get();
    const size: { width: number; height: number } = { ...DEFAULT_ANNOTATION_SIZE[kind] };
    let at = position;
    const framed = [...s.nodes, ...s.annotations].filter((n) => around?.includes(n.id));
    if (kind === "group" && framed.length > 0) {
      const frame = frameAround(framed);
      at = frame.position;
      size.width = frame.width;
      size.height = frame.height;
    }
    const id = nextAnnotationId(kind, s.annotations);
    const node = {
      ...annotationToNode({ id, kind, position: { x: Math.round(at.x), y: Math.round(at.y) }, size, text: "" }),
      selected: true,
    };
    // Groups go first: behind the nodes and notes they frame.
    const annotations = kind === "group" ? [node, ...deselect(s.annotations)] : [...deselect(s.annotations), node];
    set({ nodes: deselect(s.nodes), edges: deselect(s.edges), annotations, ...withHistory(s), revision: s.revision + 1 });
    return id;
  },

  setAnnotationText(id, text) {
    const s = get();
    if (!s.annotations.some((n) => n.id === id)) return;
    set({
      annotations: s.annotations.map((n) => (n.id === id ? { ...n, data: { ...n.data, text } } : n)),
      ...withHistory(s, `text:${id}`),
      revision: s.revision + 1,
    });
  },

  undo() {
    const s = get();
    const previous = s.past[s.past.length - 1];
    if (!previous) return;
    const restored = restore(previous, s);
    set({ ...restored, past: s.past.slice(0, -1), future: [snapshot(s), ...s.future], lastMark: null, revision: s.revision + 1 });
  },

  redo() {
    const s = get();
    const next = s.future[0];
    if (!next) return;
    const restored = restore(next, s);
    set({ ...restored, past: [...s.past, snapshot(s)], future: s.future.slice(1), lastMark: null, revision: s.revision + 1 });
  },

  setSave(patch) {
    set({ save: { ...get().save, ...patch } });
  },

  markSaved(revision, version) {
    set({ savedRevision: revision, version, save: { saving: false, error: null, conflict: false } });
  },

  setIssues(issues) {
    set({ issues: issuesByNode(issues), graphIssues: issues.filter((i) => !i.nodeId) });
  },

  clearIssues() {
    set({ issues: idRecord(), graphIssues: [] });
  },

  setWarnings(warnings) {
    const byNode = idRecord<GraphWarning[]>();
    for (const warning of warnings) (byNode[warning.nodeId] ??= []).push(warning);
    set({ warnings: byNode });
  },
}));

/** True while the document has changes the server does not have. */
export const selectDirty = (s: Pick<EditorState, "revision" | "savedRevision">) => s.revision !== s.savedRevision;
