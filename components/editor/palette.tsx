"use client";
import { useReactFlow } from "@xyflow/react";
import { useCallback, type DragEvent } from "react";
import type { PortType } from "@/lib/graph/ports";
import { NODE_DEFINITIONS, type AnyNodeDefinition } from "@/lib/nodes";
import { useEditorStore } from "@/lib/client/editor-store";
import { isGroupNode } from "@/lib/client/annotations";
import { DEFAULT_NODE_SIZE, estimatedNodeSize, findFreeSpot } from "@/lib/client/free-space";
import { CATEGORY_ORDER, NodeChip, categoryTone } from "./node-appearance";

/** The dataTransfer type carrying a node kind from the palette to the canvas. */
export const NODE_DRAG_TYPE = "application/x-studio-node";

const definitions = NODE_DEFINITIONS as unknown as readonly AnyNodeDefinition[];

/** Port colours (app/globals.css `--color-port-*`), one per port type of lib/graph/ports.ts. */
const PORT_LEGEND: ReadonlyArray<{ type: PortType; className: string; title: string }> = [
  { type: "text", className: "bg-port-text", title: "Text: a prompt" },
  { type: "image", className: "bg-port-image", title: "Image: feeds image and asset inputs" },
  { type: "asset", className: "bg-port-asset", title: "Asset: any media (video, audio, 3D, image); cannot feed an image input" },
  { type: "list", className: "bg-port-list", title: "List: several texts, one per item; a text feeds a list input as one item" },
];

/** Node kinds by category: drag one onto the canvas, or click it to add it in the middle of the view (in free space). */
export function Palette() {
  const { screenToFlowPosition } = useReactFlow();
  const addNode = useEditorStore((s) => s.addNode);

  const addAtCentre = useCallback(
    (type: string) => {
      const pane = document.querySelector<HTMLElement>("[data-testid=canvas]");
      const rect = pane?.getBoundingClientRect() ?? { left: 0, top: 0, width: window.innerWidth, height: window.innerHeight };
      const centre = screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
      // Centred on the view when that spot is free, else the nearest spot where it covers no node.
      const definition = definitions.find((d) => d.type === type);
      const size = definition ? estimatedNodeSize(definition) : DEFAULT_NODE_SIZE;
      const wanted = { x: Math.round(centre.x - size.width / 2), y: Math.round(centre.y - size.height / 2) };
      const { nodes, annotations } = useEditorStore.getState();
      // Groups are frames meant to hold nodes; only nodes and notes count as taken space.
      // Nodes added a moment ago may not be measured yet: count them at their estimated size.
      const taken = [
        ...nodes.map((n) => {
          const d = n.measured?.height ? undefined : definitions.find((x) => x.type === n.type);
          return d ? { ...n, measured: estimatedNodeSize(d) } : n;
        }),
        ...annotations.filter((a) => !isGroupNode(a)),
      ];
      addNode(type, findFreeSpot(taken, wanted, size));
    },
    [addNode, screenToFlowPosition],
  );

  return (
    <nav aria-label="Node palette" className="flex w-[232px] shrink-0 flex-col border-r border-line bg-panel">
      <div className="border-b border-line px-4 py-3">
        <h2 className="text-[12px] font-semibold tracking-wide text-muted uppercase">Nodes</h2>
        <p className="mt-0.5 text-[12px] text-faint">Drag onto the canvas or click to add.</p>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-2 py-2">
        {CATEGORY_ORDER.map((category) => {
          const items = definitions.filter((d) => d.category === category && d.inPalette !== false);
          if (items.length === 0) return null;
          return (
            <section key={category} className="mb-3" aria-labelledby={`palette-${category}`}>
              <h3 id={`palette-${category}`} className="px-2 pt-1 pb-1.5 text-[11px] font-medium tracking-wide text-faint uppercase">
                {categoryTone(category).label}
              </h3>
              <ul className="space-y-0.5">
                {items.map((definition) => (
                  <li key={definition.type}>
                    <PaletteItem definition={definition} onAdd={addAtCentre} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      <div className="space-y-1.5 border-t border-line px-4 py-3 text-[11.5px] text-faint">
        <ul className="flex flex-wrap items-center gap-x-3 gap-y-1" aria-label="Port colours" data-testid="port-legend">
          {PORT_LEGEND.map(({ type, className, title }) => (
            <li key={type} className="flex items-center gap-1.5" title={title}>
              <span className={`h-2.5 w-2.5 rounded-full ${className}`} aria-hidden="true" /> {type}
            </li>
          ))}
        </ul>
        <p>Drop an image file on the canvas to add it as an input.</p>
      </div>
    </nav>
  );
}

function PaletteItem({ definition, onAdd }: { definition: AnyNodeDefinition; onAdd: (type: string) => void }) {
  const onDragStart = (event: DragEvent<HTMLButtonElement>) => {
    event.dataTransfer.setData(NODE_DRAG_TYPE, definition.type);
    event.dataTransfer.setData("text/plain", definition.type);
    event.dataTransfer.effectAllowed = "copyMove";
  };
  return (
    <button
      type="button"
      draggable
      onDragStart={onDragStart}
      onClick={() => onAdd(definition.type)}
      data-testid={`palette-${definition.type}`}
      title={definition.description}
      aria-label={`Add ${definition.label} node`}
      className="group flex w-full cursor-grab items-center gap-2.5 rounded-md px-2 py-1.5 text-left hover:bg-panel-3 focus-visible:outline-2 focus-visible:outline-accent active:cursor-grabbing"
    >
      <NodeChip definition={definition} size="sm" />
      <span className="min-w-0 flex-1">
        <span className="block truncate text-[13px] font-medium text-fg">{definition.label}</span>
        <span className="block truncate text-[11.5px] text-faint group-hover:text-muted">{definition.description}</span>
      </span>
    </button>
  );
}
