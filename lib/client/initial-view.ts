/**
 * How the editor fits its canvas when a workflow opens. On a wide screen: every node, at most
 * 100 %. On a phone (narrower than 640 px) fitting every node would shrink the cards below
 * legibility (about 0.4 for three nodes at 390 px), so the view fits the leftmost nodes (where a
 * workflow starts) at no less than 60 %, and the rest is a pan away. Pure module.
 */

/** Widths below this (CSS px) count as a phone. */
const NARROW_WIDTH = 640;
/** The smallest zoom a phone opens at: node titles stay readable. */
export const PHONE_MIN_ZOOM = 0.6;
/** A node card's width when not yet measured (px). */
const CARD_WIDTH = 248;

export interface InitialFit {
  padding: number;
  maxZoom: number;
  minZoom?: number;
  /** The nodes to fit; all when absent. */
  nodes?: Array<{ id: string }>;
}

/**
 * @param nodes the workflow's nodes (flow px positions, measured width when known).
 * @param viewportWidth the window's width in CSS px.
 * @returns React Flow `fitViewOptions`.
 */
export function initialFit(
  nodes: ReadonlyArray<{ id: string; position: { x: number }; measured?: { width?: number } }>,
  viewportWidth: number,
): InitialFit {
  if (viewportWidth >= NARROW_WIDTH || nodes.length === 0) return { padding: 0.25, maxZoom: 1 };
  const padding = 0.1;
  // The flow width that fits on screen at the smallest zoom, inside the padding.
  const room = (viewportWidth * (1 - 2 * padding)) / PHONE_MIN_ZOOM;
  const left = Math.min(...nodes.map((n) => n.position.x));
  const first = nodes.filter((n) => n.position.x + (n.measured?.width ?? CARD_WIDTH) - left <= room);
  const leftmost = first.length > 0 ? first : nodes.filter((n) => n.position.x === left);
  return { padding, maxZoom: 1, minZoom: PHONE_MIN_ZOOM, nodes: leftmost.map((n) => ({ id: n.id })) };
}
