"use client";
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useConnection,
  useReactFlow,
  useStore,
  type Connection,
  type DefaultEdgeOptions,
  type Edge,
  type EdgeTypes,
  type MiniMapNodeProps,
  type Node as FlowNode,
  type NodeMouseHandler,
  type NodeTypes,
  type OnConnectEnd,
  type Viewport,
  type XYPosition,
} from "@xyflow/react";
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type MouseEvent as ReactMouseEvent,
} from "react";
import { useShallow } from "zustand/react/shallow";
import { NODE_DEFINITIONS, getNodeDefinition, type AnyNodeDefinition } from "@/lib/nodes";
import { checkConnection } from "@/lib/client/connection-check";
import { useEditorStore } from "@/lib/client/editor-store";
import type { StudioNode } from "@/lib/client/graph-doc";
import { toast } from "@/lib/client/toast-store";
import { isImageFile } from "@/lib/client/upload-asset";
import { useUploadToNode } from "@/lib/client/use-upload-to-node";
import { compatibleNodeChoices, type WireEnd } from "@/lib/client/compatible-nodes";
import { copiedOrigin, parseClipboard, serializeNodes } from "@/lib/client/graph-clipboard";
import { CopyIcon, LayersIcon, LayoutIcon, PlayIcon, PlusIcon, SparklesIcon, TextIcon, TrashIcon, UploadIcon } from "../ui/icons";
import { ContextMenu, type MenuItem } from "./context-menu";
import { assetFieldOf, categoryTone } from "./node-appearance";
import { NODE_DRAG_TYPE } from "./palette";
import { initialFit } from "@/lib/client/initial-view";
import { PendingWire } from "./pending-wire";
import { QuickAdd, type QuickAddChoice } from "./quick-add";
import { LAYOUT_SHORTCUT_LABEL, shortcutLabel } from "./shortcuts";
import { DEFAULT_ANNOTATION_SIZE, GROUP_NODE_TYPE, NOTE_NODE_TYPE, nodeToAnnotation } from "@/lib/client/annotations";
import { findFreeSpot } from "@/lib/client/free-space";
import { isWorkflowFile, useImportWorkflowFile } from "@/lib/client/import-workflow-file";
import { openingViewport } from "@/lib/client/opening-viewport";
import { useRevealWaitingGate } from "@/lib/client/use-reveal-waiting-gate";
import { GroupNodeComponent, NoteNodeComponent } from "./annotation-node";
import { StudioNodeComponent } from "./studio-node";
import { StudioEdge } from "./studio-edge";
import { COMPACT_ZOOM, selectCompact } from "./compact-zoom";
import { estimatedGeometry } from "./node-geometry";

const definitions = NODE_DEFINITIONS as unknown as readonly AnyNodeDefinition[];

/** Every kind renders with the same component; React Flow adds `.react-flow__node-<type>`. Module scope: a new object each render would remount nodes. */
const nodeTypes: NodeTypes = {
  ...Object.fromEntries(definitions.map((d) => [d.type, StudioNodeComponent])),
  [NOTE_NODE_TYPE]: NoteNodeComponent,
  [GROUP_NODE_TYPE]: GroupNodeComponent,
};

/** Edges carry no type: all of them draw as the default kind, our wire. */
const edgeTypes: EdgeTypes = { default: StudioEdge };

/** The kind a dropped image file becomes: the first with an uploaded-image field (Image input). */
const imageDropDefinition = definitions.find((d) => d.category === "input" && assetFieldOf(d));

const DELETE_KEYS = ["Delete", "Backspace"];
/** Shift-click (like Ctrl/⌘-click) adds a node to the selection. */
const MULTI_SELECT_KEYS = ["Shift", "Meta", "Control"];
const MIN_ZOOM = 0.2;
const FIT_VIEW_OPTIONS = { padding: 0.25, maxZoom: 1 };
const PRO_OPTIONS = { hideAttribution: true };
// Props React Flow compares by identity: module constants, so a re-render of the canvas (each drag step) hands it the same objects.
const SNAP_GRID: [number, number] = [8, 8];
const DEFAULT_EDGE_OPTIONS: DefaultEdgeOptions = { interactionWidth: 24 };
const MINIMAP_STYLE = { width: 168, height: 112 };
const minimapNodeColor = (node: FlowNode) => {
  const definition = node.type ? getNodeDefinition(node.type) : undefined;
  return definition ? categoryTone(definition.category).minimap : "#596274";
};
/** A minimap node as a plain rectangle (no rounded corners, stroke or class): hundreds of them repaint while the view pans. */
function MinimapNode({ x, y, width, height, color }: MiniMapNodeProps) {
  return <rect x={x} y={y} width={width} height={height} fill={color} data-testid="minimap-node" />;
}
/** Half a node card's width (studio-node.tsx: 248 px), to centre a placed node on the pointer. */
const HALF_NODE_WIDTH = 124;

const DEFAULT_VIEWPORT: Viewport = { x: 0, y: 0, zoom: 1 };

/**
 * The dot grid, left out below COMPACT_ZOOM: there its dots are under a third of a screen pixel
 * (1.2 px × zoom), invisible, yet the pattern would be painted again over the whole canvas on
 * every frame of a pan.
 */
function CanvasBackground() {
  const compact = useStore(selectCompact);
  return compact ? null : <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />;
}

/** Store node → the same node with its estimated box and handles (node-geometry.ts), one per card look: the same object while the node is unchanged. */
const withEstimates = { full: new WeakMap<StudioNode, StudioNode>(), compact: new WeakMap<StudioNode, StudioNode>() };

/**
 * A node React Flow has not measured yet, with the box and handles its card will have (full, or
 * compact when the canvas opens below COMPACT_ZOOM): React Flow then counts it as initialised,
 * renders it only when it is in view and draws its wires, instead of rendering every card of a
 * big graph once to measure it; `fitView` (which waits until every node has a size) fits at once.
 * The estimated height is half a pixel off whole: a measured size (whole pixels) never equals it,
 * so a card's first real measurement always reaches the store, and from then on the node passes
 * unchanged (its real handles replace the estimate). Kinds without a definition pass unchanged.
 */
function estimated(node: StudioNode, compact: boolean): StudioNode {
  if (node.measured) return node;
  const cache = compact ? withEstimates.compact : withEstimates.full;
  let out = cache.get(node);
  if (!out) {
    const definition = node.type ? getNodeDefinition(node.type) : undefined;
    if (definition) {
      const geometry = estimatedGeometry(definition, compact);
      out = { ...node, measured: { width: geometry.width, height: geometry.height + 0.5 }, handles: geometry.handles };
    } else {
      // Sticky notes and groups carry their own size (their card is drawn at it) and have no handles.
      out =
        node.width !== undefined && node.height !== undefined
          ? { ...node, measured: { width: node.width, height: node.height }, handles: [] }
          : node;
    }
    cache.set(node, out);
  }
  return out;
}

const ALL_CHOICES: readonly QuickAddChoice[] = definitions.filter((d) => d.inPalette !== false).map((definition) => ({ definition }));

/** The last graph copied in this tab: the paste menu item's fallback when the browser will not let the page read the clipboard. */
let lastCopied: string | null = null;

type Wire = WireEnd & { nodeId: string; handleId: string };
type Overlay =
  { kind: "menu"; x: number; y: number; label: string; items: MenuItem[] } | { kind: "quick"; x: number; y: number; wire?: Wire };

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** True when the page has text selected (a copy of that text must stay a text copy). */
const hasTextSelection = () => (window.getSelection()?.toString().length ?? 0) > 0;

const selectedIds = () =>
  new Set(
    useEditorStore
      .getState()
      .nodes.concat(useEditorStore.getState().annotations)
      .filter((n) => n.selected)
      .map((n) => n.id),
  );

/**
 * The workflow canvas. Besides React Flow's own gestures: Ctrl/⌘+C, X, V (at the pointer) and D
 * copy, cut, paste and duplicate nodes through the system clipboard (lib/client/graph-clipboard.ts);
 * Ctrl/⌘+A selects all; Ctrl/⌘+Shift+L lays the graph out; Space or a double-click opens quick
 * add; a wire dropped on empty space opens quick add for the kinds it can connect to; right-click
 * opens a menu on nodes and on the canvas. `onRunFrom` re-runs a node and what it feeds.
 */
export function Canvas({ onDraft, onRunFrom }: { onDraft?: () => void; onRunFrom?: (nodeId: string) => void }) {
  const { nodes, annotations, edges, onNodesChange, onEdgesChange, connect, addNode, markDragStart } = useEditorStore(
    useShallow((s) => ({
      nodes: s.nodes,
      annotations: s.annotations,
      edges: s.edges,
      onNodesChange: s.onNodesChange,
      onEdgesChange: s.onEdgesChange,
      connect: s.connect,
      addNode: s.addNode,
      markDragStart: s.markDragStart,
    })),
  );
  const { screenToFlowPosition, fitView, setCenter, getZoom } = useReactFlow();
  useRevealWaitingGate();
  const importFile = useImportWorkflowFile();
  const wrapper = useRef<HTMLDivElement>(null);
  // Groups come first in `annotations`, so they render behind notes and nodes.
  const pointer = useRef<XYPosition | null>(null);
  const [overlay, setOverlay] = useState<Overlay | null>(null);
  const closeOverlay = useCallback(() => setOverlay(null), []);
  const openQuickAdd = useCallback((at: XYPosition, wire?: Wire) => setOverlay({ kind: "quick", x: at.x, y: at.y, wire }), []);
  const uploadToNode = useUploadToNode();
  const connectingInvalid = useConnection((c) => c.inProgress && c.isValid === false);
  const [fileOver, setFileOver] = useState(false);
  // Fit the view to a loaded graph only: on an empty one React Flow would wait and fit when the first node is dropped, jumping the view.
  const [fitOnLoad] = useState(() => useEditorStore.getState().nodes.length > 0);
  // A phone opens on the first nodes at a readable zoom (lib/client/initial-view.ts); the opening viewport is
  // computed from the canvas size before React Flow first renders (lib/client/opening-viewport.ts).
  const [loadFit] = useState(() => initialFit(useEditorStore.getState().nodes, typeof window === "undefined" ? 1440 : window.innerWidth));
  const [opening, setOpening] = useState<Viewport | "pending">("pending");
  useLayoutEffect(() => {
    const rect = wrapper.current?.getBoundingClientRect();
    const { nodes, annotations } = useEditorStore.getState();
    const fitIds = loadFit.nodes ? new Set(loadFit.nodes.map((n) => n.id)) : null;
    const items = fitIds ? nodes.filter((n) => fitIds.has(n.id)) : [...annotations, ...nodes];
    const fit = { padding: loadFit.padding, maxZoom: loadFit.maxZoom, minZoom: loadFit.minZoom ?? MIN_ZOOM };
    setOpening(openingViewport(items, rect?.width ?? 0, rect?.height ?? 0, fit) ?? DEFAULT_VIEWPORT);
  }, [loadFit]);
  // Cards not yet measured are estimated at the look they open with (compact below COMPACT_ZOOM).
  const openCompact = opening !== "pending" && opening.zoom < COMPACT_ZOOM;
  const canvasNodes = useMemo(
    () => [...annotations, ...nodes].map((node) => estimated(node, openCompact)),
    [annotations, nodes, openCompact],
  );

  const isValidConnection = useCallback((connection: Connection | Edge) => {
    const { nodes, edges } = useEditorStore.getState();
    return checkConnection(connection, nodes, edges).ok;
  }, []);

  // A refused drop onto a handle says why (type mismatch, input taken, loop).
  // A wire dropped on empty space opens quick add for the kinds it can connect to.
  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state) => {
      if (!state.toHandle && state.fromHandle && state.fromNode) {
        const point = "changedTouches" in event ? event.changedTouches[0] : event;
        const onPane = (document.elementFromPoint(point.clientX, point.clientY) as HTMLElement | null)?.closest(".react-flow__pane");
        const definition = state.fromNode.type ? getNodeDefinition(state.fromNode.type) : undefined;
        const side = state.fromHandle.type;
        const port = (side === "source" ? definition?.outputs : definition?.inputs)?.find((p) => p.name === state.fromHandle?.id);
        if (onPane && port && state.fromHandle.id) {
          openQuickAdd(
            { x: point.clientX, y: point.clientY },
            { side, type: port.type, nodeId: state.fromNode.id, handleId: state.fromHandle.id },
          );
        }
        return;
      }
      if (state.isValid !== false || !state.toHandle || !state.fromHandle) return;
      const fromSource = state.fromHandle.type === "source";
      const source = fromSource ? state.fromHandle : state.toHandle;
      const target = fromSource ? state.toHandle : state.fromHandle;
      const { nodes, edges } = useEditorStore.getState();
      const verdict = checkConnection(
        { source: source.nodeId, sourceHandle: source.id ?? null, target: target.nodeId, targetHandle: target.id ?? null },
        nodes,
        edges,
      );
      if (!verdict.ok) toast.error("Can't connect", verdict.reason);
    },
    [openQuickAdd],
  );

  /** Where a paste or quick add lands: the pointer if it is over the canvas, else the middle of the view (screen px). */
  const landingPoint = useCallback((): XYPosition => {
    if (pointer.current) return pointer.current;
    const rect = wrapper.current?.getBoundingClientRect() ?? { left: 0, top: 0, width: window.innerWidth, height: window.innerHeight };
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, []);

  const copyText = useCallback((ids: ReadonlySet<string> = selectedIds()) => {
    const { nodes, edges, annotations } = useEditorStore.getState();
    const text = serializeNodes(ids, nodes, edges, annotations.map(nodeToAnnotation));
    if (text) lastCopied = text;
    return text;
  }, []);

  /** Pastes clipboard text at a screen point; false (and nothing changes) when it holds no copied nodes. */
  const pasteText = useCallback(
    (text: string, at: XYPosition = landingPoint()) => {
      const graph = parseClipboard(text);
      if (!graph) return false;
      useEditorStore.getState().pasteGraph(graph, screenToFlowPosition(at));
      return true;
    },
    [landingPoint, screenToFlowPosition],
  );

  const pasteFromMenu = useCallback(
    async (at: XYPosition) => {
      let text: string | null = null;
      try {
        text = await navigator.clipboard.readText();
      } catch {
        // The browser refused to let the page read the clipboard: use this tab's last copy.
      }
      if (!(text && pasteText(text, at)) && !(lastCopied && pasteText(lastCopied, at))) {
        toast.info("Nothing to paste", "Copy nodes first (select them and press " + shortcutLabel("C") + ").");
      }
    },
    [pasteText],
  );

  const duplicate = useCallback((ids: ReadonlySet<string> = selectedIds()) => {
    const { nodes, edges, annotations, pasteGraph } = useEditorStore.getState();
    const graph = parseClipboard(serializeNodes(ids, nodes, edges, annotations.map(nodeToAnnotation)) ?? "");
    if (!graph) return;
    const origin = copiedOrigin(graph);
    pasteGraph(graph, { x: origin.x + 40, y: origin.y + 40 });
  }, []);

  const layout = useCallback(() => {
    useEditorStore.getState().autoLayout();
    requestAnimationFrame(() => void fitView({ ...FIT_VIEW_OPTIONS, duration: 300 }));
  }, [fitView]);

  const pick = useCallback(
    (choice: QuickAddChoice) => {
      if (overlay?.kind !== "quick") return;
      const at = screenToFlowPosition({ x: overlay.x, y: overlay.y });
      const store = useEditorStore.getState();
      if (overlay.wire && choice.port) {
        // The new node's input sits at the drop point (or, for a wire pulled back from an input, its output does).
        const position = overlay.wire.side === "source" ? { x: at.x, y: at.y - 40 } : { x: at.x - 2 * HALF_NODE_WIDTH, y: at.y - 40 };
        const id = store.addNodeConnected(choice.definition.type, position, { ...overlay.wire, port: choice.port });
        if (!id) toast.error("Can't connect", "That node cannot take this connection.");
      } else {
        store.addNode(choice.definition.type, { x: at.x - HALF_NODE_WIDTH, y: at.y - 30 });
      }
      setOverlay(null);
    },
    [overlay, screenToFlowPosition],
  );

  const quickChoices = overlay?.kind === "quick" && overlay.wire ? compatibleNodeChoices(overlay.wire, definitions) : ALL_CHOICES;

  // Keyboard: Ctrl/⌘+A, D, Shift+L and Space; the clipboard events carry copy, cut and paste.
  useEffect(() => {
    const blocked = (event: Event) => isEditable(event.target) || Boolean(document.querySelector("dialog[open]"));
    const onKeyDown = (event: KeyboardEvent) => {
      if (blocked(event) || event.altKey) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === "a" && !event.shiftKey) {
        event.preventDefault();
        useEditorStore.getState().selectAll();
      } else if (mod && key === "d" && !event.shiftKey) {
        event.preventDefault();
        duplicate();
      } else if (mod && event.shiftKey && key === "l") {
        event.preventDefault();
        layout();
      } else if (!mod && !event.shiftKey && event.key === " " && !event.repeat) {
        const target = event.target as HTMLElement | null;
        if (target?.closest("button, a, [role=menuitem], [role=option]")) return;
        event.preventDefault();
        openQuickAdd(landingPoint());
      }
    };
    const onCopy = (event: ClipboardEvent) => {
      if (blocked(event) || hasTextSelection()) return;
      const text = copyText();
      if (!text || !event.clipboardData) return;
      event.clipboardData.setData("text/plain", text);
      event.preventDefault();
    };
    const onCut = (event: ClipboardEvent) => {
      if (blocked(event) || hasTextSelection()) return;
      const ids = selectedIds();
      const text = copyText(ids);
      if (!text || !event.clipboardData) return;
      event.clipboardData.setData("text/plain", text);
      event.preventDefault();
      useEditorStore.getState().deleteNodes([...ids]);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (blocked(event)) return;
      const text = event.clipboardData?.getData("text/plain") ?? "";
      if (pasteText(text)) event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    document.addEventListener("copy", onCopy);
    document.addEventListener("cut", onCut);
    document.addEventListener("paste", onPaste);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("copy", onCopy);
      document.removeEventListener("cut", onCut);
      document.removeEventListener("paste", onPaste);
    };
  }, [copyText, duplicate, landingPoint, layout, openQuickAdd, pasteText]);

  /** Adds a note or group at a screen point, or (no point: from the toolbar) in free space near the middle of the view. A group frames the selected nodes, if any. */
  const addAnnotation = useCallback(
    (kind: "note" | "group", at?: XYPosition) => {
      const store = useEditorStore.getState();
      const selection = kind === "group" ? [...selectedIds()] : undefined;
      let position: XYPosition;
      if (at) {
        const flow = screenToFlowPosition(at);
        position = { x: flow.x - 40, y: flow.y - 20 };
      } else {
        const rect = wrapper.current?.getBoundingClientRect() ?? { left: 0, top: 0, width: window.innerWidth, height: window.innerHeight };
        const centre = screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
        const size = DEFAULT_ANNOTATION_SIZE[kind];
        // Groups are frames meant to hold things: only nodes and notes count as taken space.
        const taken = [...store.nodes, ...store.annotations.filter((a) => a.type !== GROUP_NODE_TYPE)];
        position = findFreeSpot(taken, { x: centre.x - size.width / 2, y: centre.y - size.height / 2 }, size);
      }
      store.addAnnotation(kind, position, selection);
    },
    [screenToFlowPosition],
  );

  const nodeMenu = useCallback(
    (event: ReactMouseEvent, nodeId: string) => {
      event.preventDefault();
      const store = useEditorStore.getState();
      const annotation = store.annotations.find((n) => n.id === nodeId);
      if (annotation) {
        const label = annotation.type === GROUP_NODE_TYPE ? "group" : "note";
        const items: MenuItem[] = [
          {
            label: `Duplicate ${label}`,
            shortcut: shortcutLabel("D"),
            icon: <CopyIcon size={14} />,
            testId: "menu-duplicate",
            onSelect: () => duplicate(new Set([nodeId])),
          },
          {
            label: `Delete ${label}`,
            shortcut: "Del",
            icon: <TrashIcon size={14} />,
            danger: true,
            testId: "menu-delete",
            onSelect: () => store.deleteNodes([nodeId]),
          },
        ];
        setOverlay({ kind: "menu", x: event.clientX, y: event.clientY, label: `${label} actions`, items });
        return;
      }
      if (!store.nodes.find((n) => n.id === nodeId)?.selected) store.selectOnly([nodeId]);
      const ids = selectedIds();
      const many = ids.size > 1;
      const items: MenuItem[] = [
        {
          label: many ? `Duplicate ${ids.size} nodes` : "Duplicate",
          shortcut: shortcutLabel("D"),
          icon: <CopyIcon size={14} />,
          testId: "menu-duplicate",
          onSelect: () => duplicate(ids),
        },
        {
          label: many ? `Copy ${ids.size} nodes` : "Copy",
          shortcut: shortcutLabel("C"),
          testId: "menu-copy",
          onSelect: () => {
            const text = copyText(ids);
            if (text) void navigator.clipboard?.writeText(text).catch(() => undefined);
          },
        },
        ...(onRunFrom
          ? [{ label: "Run from here", icon: <PlayIcon size={12} />, testId: "menu-run-from", onSelect: () => onRunFrom(nodeId) }]
          : []),
        {
          label: many ? `Delete ${ids.size} nodes` : "Delete",
          shortcut: "Del",
          icon: <TrashIcon size={14} />,
          danger: true,
          testId: "menu-delete",
          onSelect: () => useEditorStore.getState().deleteNodes([...ids]),
        },
      ];
      setOverlay({ kind: "menu", x: event.clientX, y: event.clientY, label: "Node actions", items });
    },
    [copyText, duplicate, onRunFrom],
  );

  const onNodeContextMenu: NodeMouseHandler<StudioNode> = useCallback((event, node) => nodeMenu(event, node.id), [nodeMenu]);
  const onSelectionContextMenu = useCallback(
    (event: ReactMouseEvent, selection: StudioNode[]) => {
      if (selection[0]) nodeMenu(event, selection[0].id);
    },
    [nodeMenu],
  );

  const onNodeDragStart = useCallback(
    (_event: unknown, _node: StudioNode, dragged: StudioNode[]) => markDragStart(dragged),
    [markDragStart],
  );
  const onSelectionDragStart = useCallback((_event: unknown, dragged: StudioNode[]) => markDragStart(dragged), [markDragStart]);
  const onMinimapClick = useCallback(
    (_event: unknown, position: XYPosition) => void setCenter(position.x, position.y, { zoom: getZoom(), duration: 250 }),
    [getZoom, setCenter],
  );

  const onPaneContextMenu = useCallback(
    (event: ReactMouseEvent | MouseEvent) => {
      event.preventDefault();
      const at = { x: event.clientX, y: event.clientY };
      const empty = useEditorStore.getState().nodes.length === 0;
      const items: MenuItem[] = [
        { label: "Add node…", shortcut: "Space", icon: <PlusIcon size={14} />, testId: "menu-add-node", onSelect: () => openQuickAdd(at) },
        { label: "Paste", shortcut: shortcutLabel("V"), testId: "menu-paste", onSelect: () => void pasteFromMenu(at) },
        { label: "Add sticky note", icon: <TextIcon size={14} />, testId: "menu-add-note", onSelect: () => addAnnotation("note", at) },
        {
          label: selectedIds().size > 0 ? "Group selected nodes" : "Add group",
          icon: <LayersIcon size={14} />,
          testId: "menu-add-group",
          onSelect: () => addAnnotation("group", at),
        },
        {
          label: "Select all",
          shortcut: shortcutLabel("A"),
          disabled: empty,
          testId: "menu-select-all",
          onSelect: () => useEditorStore.getState().selectAll(),
        },
        {
          label: "Auto-layout",
          shortcut: LAYOUT_SHORTCUT_LABEL(),
          icon: <LayoutIcon size={14} />,
          disabled: empty,
          testId: "menu-layout",
          onSelect: layout,
        },
      ];
      setOverlay({ kind: "menu", x: at.x, y: at.y, label: "Canvas actions", items });
    },
    [addAnnotation, layout, openQuickAdd, pasteFromMenu],
  );

  const onDoubleClick = useCallback(
    (event: ReactMouseEvent) => {
      if (!(event.target as HTMLElement).classList.contains("react-flow__pane")) return;
      openQuickAdd({ x: event.clientX, y: event.clientY });
    },
    [openQuickAdd],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    const types = Array.from(event.dataTransfer.types);
    if (!types.includes(NODE_DRAG_TYPE) && !types.includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = types.includes("Files") ? "copy" : "move";
    if (types.includes("Files")) setFileOver(true);
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      setFileOver(false);
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const files = Array.from(event.dataTransfer.files);
      if (files.length > 0) {
        // A workflow file (Scenario, ComfyUI, studio JSON) is imported into this workflow.
        const workflowFile = files.find(isWorkflowFile);
        if (workflowFile) {
          void importFile(workflowFile);
          return;
        }
        const images = files.filter(isImageFile);
        if (images.length === 0) {
          toast.error(
            "Not an image or a workflow",
            "Drop PNG, JPEG or WebP images to upload them, or a workflow file (.json) to import it.",
          );
          return;
        }
        // Dropped on a node that holds an image: replace its image.
        const nodeElement = (event.target as HTMLElement).closest<HTMLElement>(".react-flow__node");
        const targetNode = nodeElement ? useEditorStore.getState().nodes.find((n) => n.id === nodeElement.dataset.id) : undefined;
        const targetField = targetNode?.type ? assetFieldOf(getNodeDefinition(targetNode.type)!) : undefined;
        if (targetNode && targetField) {
          void uploadToNode(targetNode.id, targetField.name, images[0]);
          return;
        }
        if (!imageDropDefinition) return;
        const field = assetFieldOf(imageDropDefinition)!;
        images.forEach((file, i) => {
          const nodeId = addNode(imageDropDefinition.type, { x: position.x - 124 + i * 32, y: position.y - 60 + i * 32 });
          void uploadToNode(nodeId, field.name, file);
        });
        return;
      }
      const type = event.dataTransfer.getData(NODE_DRAG_TYPE);
      if (type && getNodeDefinition(type)) addNode(type, { x: position.x - 124, y: position.y - 30 });
    },
    [addNode, screenToFlowPosition, uploadToNode, importFile],
  );

  return (
    <div
      ref={wrapper}
      className={`relative h-full w-full ${connectingInvalid ? "connecting-invalid" : ""}`}
      data-testid="canvas"
      data-node-count={nodes.length}
      data-edge-count={edges.length}
      onPointerMove={(event) => {
        pointer.current = { x: event.clientX, y: event.clientY };
      }}
      onPointerLeave={() => {
        pointer.current = null;
      }}
      onDoubleClick={onDoubleClick}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFileOver(false);
      }}
    >
      {opening !== "pending" && (
        <ReactFlow<StudioNode>
          nodes={canvasNodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={connect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onNodeDragStart={onNodeDragStart}
          onSelectionDragStart={onSelectionDragStart}
          onNodeContextMenu={onNodeContextMenu}
          onSelectionContextMenu={onSelectionContextMenu}
          onPaneContextMenu={onPaneContextMenu}
          onDragOver={onDragOver}
          onDrop={onDrop}
          deleteKeyCode={DELETE_KEYS}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          panActivationKeyCode={null}
          zoomOnDoubleClick={false}
          proOptions={PRO_OPTIONS}
          colorMode="dark"
          defaultViewport={opening}
          fitView={fitOnLoad}
          fitViewOptions={loadFit}
          minZoom={MIN_ZOOM}
          maxZoom={2}
          // Off-screen cards and edges leave the page (a big graph would otherwise lay out and paint every card on each frame).
          onlyRenderVisibleElements
          snapToGrid
          snapGrid={SNAP_GRID}
          defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
          aria-label="Workflow canvas"
        >
          <CanvasBackground />
          <Controls position="bottom-left" />
          <Panel
            position="top-left"
            className="flex gap-1 rounded-lg border border-line bg-panel/90 p-1 shadow-lg shadow-black/30 backdrop-blur-sm"
          >
            <button
              type="button"
              onClick={() => openQuickAdd(landingPoint())}
              data-testid="toolbar-add-node"
              title="Add a node (Space, or double-click the canvas)"
              className="inline-flex h-7 items-center gap-1.5 rounded-md px-2 text-[12.5px] font-medium text-muted hover:bg-panel-3 hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
            >
              <PlusIcon size={14} /> <span className="max-md:sr-only">Add node</span>
            </button>
            <button
              type="button"
              onClick={layout}
              disabled={nodes.length === 0}
              data-testid="toolbar-layout"
              title={`Arrange the nodes left to right (${LAYOUT_SHORTCUT_LABEL()})`}
              className="inline-flex h-7 items-center gap-1.5 rounded-md px-2 text-[12.5px] font-medium text-muted hover:bg-panel-3 hover:text-fg focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-40 disabled:hover:bg-transparent"
            >
              <LayoutIcon size={14} /> <span className="max-md:sr-only">Auto-layout</span>
            </button>
            <span className="mx-0.5 w-px self-stretch bg-line" aria-hidden="true" />
            <button
              type="button"
              onClick={() => addAnnotation("note")}
              data-testid="toolbar-note"
              title="Add a sticky note"
              className="inline-flex h-7 items-center gap-1.5 rounded-md px-2 text-[12.5px] font-medium text-muted hover:bg-panel-3 hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
            >
              <TextIcon size={14} /> <span className="max-md:sr-only">Note</span>
            </button>
            <button
              type="button"
              onClick={() => addAnnotation("group")}
              data-testid="toolbar-group"
              title="Add a group: a titled frame that moves the nodes inside it (frames the selected nodes, if any)"
              className="inline-flex h-7 items-center gap-1.5 rounded-md px-2 text-[12.5px] font-medium text-muted hover:bg-panel-3 hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
            >
              <LayersIcon size={14} /> <span className="max-md:sr-only">Group</span>
            </button>
          </Panel>
          <MiniMap
            position="bottom-right"
            pannable
            zoomable
            onClick={onMinimapClick}
            ariaLabel="Canvas overview"
            style={MINIMAP_STYLE}
            nodeColor={minimapNodeColor}
            nodeComponent={MinimapNode}
          />
        </ReactFlow>
      )}
      {nodes.length === 0 && (
        <div className="pointer-events-none absolute inset-0 grid place-items-center">
          <div className="max-w-[340px] rounded-xl border border-dashed border-line-strong bg-panel/70 px-6 py-5 text-center backdrop-blur-sm">
            <p className="text-[14px] font-medium">Start your workflow</p>
            <p className="mt-1 text-[12.5px] text-muted">
              Drag a node from the palette, double-click the canvas or press Space to search for one, or drop an image file to start from a
              photo.
            </p>
            {onDraft && (
              <button
                type="button"
                onClick={onDraft}
                data-testid="empty-draft"
                className="pointer-events-auto mt-3 inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-[12.5px] font-medium text-accent hover:bg-accent-soft focus-visible:outline-2 focus-visible:outline-accent"
              >
                <SparklesIcon size={13} /> Or draft it from a description ({shortcutLabel("K")})
              </button>
            )}
          </div>
        </div>
      )}
      {overlay?.kind === "menu" && (
        <ContextMenu x={overlay.x} y={overlay.y} label={overlay.label} items={overlay.items} onClose={closeOverlay} />
      )}
      {overlay?.kind === "quick" && overlay.wire && <PendingWire {...overlay.wire} x={overlay.x} y={overlay.y} />}
      {overlay?.kind === "quick" && (
        <QuickAdd
          x={overlay.x}
          y={overlay.y}
          choices={quickChoices}
          title={overlay.wire ? "Connect a new node" : "Add a node"}
          onPick={pick}
          onClose={closeOverlay}
        />
      )}
      {fileOver && (
        <div className="pointer-events-none absolute inset-2 grid place-items-center rounded-xl border-2 border-dashed border-accent bg-accent-soft">
          <p className="flex items-center gap-2 rounded-lg bg-panel px-4 py-2 text-[13px] font-medium shadow-lg">
            <UploadIcon size={16} /> Drop images to add them, or a workflow file (.json) to import it
          </p>
        </div>
      )}
    </div>
  );
}
