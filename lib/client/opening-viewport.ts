/**
 * The viewport a loaded graph opens at, computed before React Flow has measured any card: the
 * same fit as React Flow's `fitView` (padding, zoom limits) over the cards' estimated sizes
 * (lib/client/free-space.ts). Opening at the final zoom means the first render already draws
 * the cards as they will be seen (compact ones for a big graph, studio-node.tsx) instead of
 * drawing every card in full at zoom 1 and redrawing it once the fit lands.
 */
import { getViewportForBounds, type Viewport } from "@xyflow/react";
import { getNodeDefinition } from "@/lib/nodes";
import { DEFAULT_NODE_SIZE, estimatedNodeSize } from "./free-space";
import type { StudioNode } from "./graph-doc";

export interface FitOptions {
  /** Fraction of the canvas left around the graph, as React Flow's fitView `padding`. */
  padding: number;
  minZoom: number;
  maxZoom: number;
}

/** A card's estimated box: measured or declared size first, else its kind's estimate (annotations carry their own size). */
function estimatedBox(node: StudioNode) {
  const definition = node.type ? getNodeDefinition(node.type) : undefined;
  const estimate = definition ? estimatedNodeSize(definition) : DEFAULT_NODE_SIZE;
  return {
    x: node.position.x,
    y: node.position.y,
    width: node.measured?.width ?? node.width ?? estimate.width,
    height: node.measured?.height ?? node.height ?? estimate.height,
  };
}

/**
 * The viewport (x, y in screen pixels, zoom) that fits `items` into a canvas of `width` × `height`
 * screen pixels; null when there is nothing to fit or the canvas has no size yet.
 */
export function openingViewport(items: readonly StudioNode[], width: number, height: number, options: FitOptions): Viewport | null {
  if (items.length === 0 || width <= 0 || height <= 0) return null;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const item of items) {
    const box = estimatedBox(item);
    left = Math.min(left, box.x);
    top = Math.min(top, box.y);
    right = Math.max(right, box.x + box.width);
    bottom = Math.max(bottom, box.y + box.height);
  }
  return getViewportForBounds(
    { x: left, y: top, width: right - left, height: bottom - top },
    width,
    height,
    options.minZoom,
    options.maxZoom,
    options.padding,
  );
}
