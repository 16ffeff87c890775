"use client";
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useConnection,
  useReactFlow,
  type Connection,
  type Edge,
  type NodeTypes,
  type OnConnectEnd,
} from "@xyflow/react";
import { useCallback, useState, type DragEvent } from "react";
import { useShallow } from "zustand/react/shallow";
import { NODE_DEFINITIONS, getNodeDefinition, type AnyNodeDefinition } from "@/lib/nodes";
import { checkConnection } from "@/lib/client/connection-check";
import { useEditorStore } from "@/lib/client/editor-store";
import type { StudioNode } from "@/lib/client/graph-doc";
import { toast } from "@/lib/client/toast-store";
import { isImageFile } from "@/lib/client/upload-asset";
import { useUploadToNode } from "@/lib/client/use-upload-to-node";
import { SparklesIcon, UploadIcon } from "../ui/icons";
import { assetFieldOf, categoryTone } from "./node-appearance";
import { NODE_DRAG_TYPE } from "./palette";
import { shortcutLabel } from "./shortcuts";
import { StudioNodeComponent } from "./studio-node";

const definitions = NODE_DEFINITIONS as unknown as readonly AnyNodeDefinition[];

/** Every kind renders with the same component; React Flow adds `.react-flow__node-<type>`. Module scope: a new object each render would remount nodes. */
const nodeTypes: NodeTypes = Object.fromEntries(definitions.map((d) => [d.type, StudioNodeComponent]));

/** The kind a dropped image file becomes: the first with an uploaded-image field (Image input). */
const imageDropDefinition = definitions.find((d) => d.category === "input" && assetFieldOf(d));

const DELETE_KEYS = ["Delete", "Backspace"];
const FIT_VIEW_OPTIONS = { padding: 0.25, maxZoom: 1 };

export function Canvas({ onDraft }: { onDraft?: () => void }) {
  const { nodes, edges, onNodesChange, onEdgesChange, connect, addNode, markDragStart } = useEditorStore(
    useShallow((s) => ({
      nodes: s.nodes,
      edges: s.edges,
      onNodesChange: s.onNodesChange,
      onEdgesChange: s.onEdgesChange,
      connect: s.connect,
      addNode: s.addNode,
      markDragStart: s.markDragStart,
    })),
  );
  const { screenToFlowPosition } = useReactFlow();
  const uploadToNode = useUploadToNode();
  const connectingInvalid = useConnection((c) => c.inProgress && c.isValid === false);
  const [fileOver, setFileOver] = useState(false);
  // Fit the view to a loaded graph only: on an empty one React Flow would wait and fit when the first node is dropped, jumping the view.
  const [fitOnLoad] = useState(() => useEditorStore.getState().nodes.length > 0);

  const isValidConnection = useCallback((connection: Connection | Edge) => {
    const { nodes, edges } = useEditorStore.getState();
    return checkConnection(connection, nodes, edges).ok;
  }, []);

  // A refused drop onto a handle says why (type mismatch, input taken, loop).
  const onConnectEnd: OnConnectEnd = useCallback((_event, state) => {
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
  }, []);

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
        const images = files.filter(isImageFile);
        if (images.length === 0) {
          toast.error("Not an image", "Only PNG, JPEG or WebP images can be uploaded.");
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
    [addNode, screenToFlowPosition, uploadToNode],
  );

  return (
    <div
      className={`relative h-full w-full ${connectingInvalid ? "connecting-invalid" : ""}`}
      data-testid="canvas"
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFileOver(false);
      }}
    >
      <ReactFlow<StudioNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={connect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDragStart={markDragStart}
        onDragOver={onDragOver}
        onDrop={onDrop}
        deleteKeyCode={DELETE_KEYS}
        colorMode="dark"
        fitView={fitOnLoad}
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.2}
        maxZoom={2}
        snapToGrid
        snapGrid={[8, 8]}
        defaultEdgeOptions={{ interactionWidth: 24 }}
        aria-label="Workflow canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        <Controls position="bottom-left" />
        <MiniMap
          position="bottom-right"
          pannable
          zoomable
          ariaLabel="Canvas overview"
          style={{ width: 168, height: 112 }}
          nodeBorderRadius={6}
          nodeColor={(node) => {
            const definition = node.type ? getNodeDefinition(node.type) : undefined;
            return definition ? categoryTone(definition.category).minimap : "#596274";
          }}
        />
      </ReactFlow>
      {nodes.length === 0 && (
        <div className="pointer-events-none absolute inset-0 grid place-items-center">
          <div className="max-w-[340px] rounded-xl border border-dashed border-line-strong bg-panel/70 px-6 py-5 text-center backdrop-blur-sm">
            <p className="text-[14px] font-medium">Start your workflow</p>
            <p className="mt-1 text-[12.5px] text-muted">
              Drag a node from the palette, click one to add it here, or drop an image file to start from a photo.
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
      {fileOver && (
        <div className="pointer-events-none absolute inset-2 grid place-items-center rounded-xl border-2 border-dashed border-accent bg-accent-soft">
          <p className="flex items-center gap-2 rounded-lg bg-panel px-4 py-2 text-[13px] font-medium shadow-lg">
            <UploadIcon size={16} /> Drop to add as an image input
          </p>
        </div>
      )}
    </div>
  );
}
