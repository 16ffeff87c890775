/**
 * Where a node card's box and handles will be before React Flow has measured it (flow pixels,
 * relative to the card's top-left corner), from its definition and the layout of studio-node.tsx
 * (full card) or its compact card (below COMPACT_ZOOM). React Flow 12 takes these as a node's
 * `initialWidth` / `initialHeight` and `handles` (its "server-side rendering" fields): a node that
 * has them counts as initialised, so with `onlyRenderVisibleElements` the canvas renders only
 * the cards in view instead of rendering every card once to measure it, and the wires of cards
 * not yet drawn have ends. A card that renders is measured as usual and its real handles replace
 * these estimates.
 */
import { Position, type NodeHandle } from "@xyflow/react";
import type { AnyNodeDefinition } from "@/lib/nodes";
import { DEFAULT_NODE_SIZE, estimatedNodeSize } from "@/lib/client/free-space";
import { modelFieldOf } from "./node-appearance";

/** Card width (studio-node.tsx: `w-[248px]`, both cards). */
const CARD_WIDTH = DEFAULT_NODE_SIZE.width;

// Full card (studio-node.tsx), px: a 1 px border; header `pt-2.5 pb-2` around a 24 px chip; the
// summary and model lines (`-mt-1 … pb-1.5`, 11.5 / 10.5 px type at line-height 1.45); the port
// rows (`border-t py-1`, `h-6` each) with 12 px handles centred on each row's edge.
const FULL = { border: 1, header: 42, summary: 18.7, model: 17.2, rowsInset: 5, row: 24, handle: 12 };
// Compact card: a 3 px border, `py-4` around a 56 px chip or two 33 px title lines (94–104 px; taller
// is safer: a card is drawn once its estimated box meets the view); 24 px handles (globals.css
// `.port-compact`) centred on the node box's sides, spread evenly (style top: (i + 1) / (count + 1)).
const COMPACT = { height: 110, handle: 24 };

export interface NodeGeometry {
  width: number;
  height: number;
  handles: NodeHandle[];
}

/** The estimated box and handles of a `definition` card, full or compact (flow px). */
export function estimatedGeometry(definition: AnyNodeDefinition, compact: boolean): NodeGeometry {
  return compact ? compactGeometry(definition) : fullGeometry(definition);
}

function fullGeometry(definition: AnyNodeDefinition): NodeGeometry {
  const top =
    FULL.border + FULL.header + (definition.summarize ? FULL.summary : 0) + (modelFieldOf(definition) ? FULL.model : 0) + FULL.rowsInset;
  const half = FULL.handle / 2;
  const rowCentre = (i: number) => top + i * FULL.row + FULL.row / 2;
  const handles: NodeHandle[] = [
    ...definition.inputs.map((port, i) => ({
      id: port.name,
      type: "target" as const,
      position: Position.Left,
      x: FULL.border - half,
      y: rowCentre(i) - half,
      width: FULL.handle,
      height: FULL.handle,
    })),
    ...definition.outputs.map((port, i) => ({
      id: port.name,
      type: "source" as const,
      position: Position.Right,
      x: CARD_WIDTH - FULL.border - half,
      y: rowCentre(i) - half,
      width: FULL.handle,
      height: FULL.handle,
    })),
  ];
  return { width: CARD_WIDTH, height: estimatedNodeSize(definition).height, handles };
}

function compactGeometry(definition: AnyNodeDefinition): NodeGeometry {
  const half = COMPACT.handle / 2;
  const spread = (i: number, count: number) => ((i + 1) / (count + 1)) * COMPACT.height - half;
  const handles: NodeHandle[] = [
    ...definition.inputs.map((port, i) => ({
      id: port.name,
      type: "target" as const,
      position: Position.Left,
      x: -half,
      y: spread(i, definition.inputs.length),
      width: COMPACT.handle,
      height: COMPACT.handle,
    })),
    ...definition.outputs.map((port, i) => ({
      id: port.name,
      type: "source" as const,
      position: Position.Right,
      x: CARD_WIDTH - half,
      y: spread(i, definition.outputs.length),
      width: COMPACT.handle,
      height: COMPACT.handle,
    })),
  ];
  return { width: CARD_WIDTH, height: COMPACT.height, handles };
}
