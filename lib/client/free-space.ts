/**
 * Where a new node goes so that it covers no other node. Pure module.
 *
 * Rule: try the wanted spot first; then spots on growing rings around it (one node-step apart,
 * nearest first), and take the first whose rectangle, grown by `gap` on every side, overlaps
 * no existing node. Sizes are React Flow's measured sizes, or `DEFAULT_NODE_SIZE` for nodes the
 * canvas has not measured yet.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Canvas node cards are 248 px wide (studio-node.tsx); 180 px is a typical height with a preview. */
export const DEFAULT_NODE_SIZE = { width: 248, height: 180 } as const;

/**
 * The size a node card will have before React Flow has measured it: 248 px wide; tall when it
 * shows media (header, ports and the fixed 148 px preview frame of studio-node.tsx, plus room
 * for a model line and a warning), short for text-only kinds.
 */
export function estimatedNodeSize(definition: {
  role: string;
  inputs: readonly { type: string }[];
  outputs: readonly { type: string }[];
}): {
  width: number;
  height: number;
} {
  const rows = Math.max(definition.inputs.length, definition.outputs.length);
  // A node that shows images keeps a preview frame (studio-node.tsx); texts and lists do not.
  const media =
    definition.role !== "source" && [...definition.inputs, ...definition.outputs].some((p) => p.type === "image" || p.type === "asset");
  return { width: DEFAULT_NODE_SIZE.width, height: (media ? 250 : 90) + rows * 24 };
}

interface NodeLike {
  position: { x: number; y: number };
  measured?: { width?: number; height?: number };
  width?: number;
  height?: number;
}

/** A node's rectangle in flow coordinates. */
export function nodeRect(node: NodeLike): Rect {
  return {
    x: node.position.x,
    y: node.position.y,
    width: node.measured?.width ?? node.width ?? DEFAULT_NODE_SIZE.width,
    height: node.measured?.height ?? node.height ?? DEFAULT_NODE_SIZE.height,
  };
}

const overlaps = (a: Rect, b: Rect, gap: number) =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

/**
 * The top-left corner nearest `wanted` (a top-left corner, flow coordinates) where a node of
 * `size` overlaps none of `nodes` with `gap` px to spare. Gives up after 12 rings and returns
 * the wanted spot.
 */
export function findFreeSpot(
  nodes: readonly NodeLike[],
  wanted: { x: number; y: number },
  size: { width: number; height: number } = DEFAULT_NODE_SIZE,
  gap = 24,
): { x: number; y: number } {
  const rects = nodes.map(nodeRect);
  const free = (x: number, y: number) => !rects.some((r) => overlaps({ x, y, ...size }, r, gap));
  if (free(wanted.x, wanted.y)) return wanted;
  const stepX = size.width + gap;
  const stepY = size.height + gap;
  for (let ring = 1; ring <= 12; ring++) {
    const candidates: { x: number; y: number; d: number }[] = [];
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
        const x = wanted.x + i * stepX;
        const y = wanted.y + j * stepY;
        candidates.push({ x, y, d: Math.hypot(i * stepX, j * stepY) });
      }
    }
    candidates.sort((a, b) => a.d - b.d);
    const hit = candidates.find((c) => free(c.x, c.y));
    if (hit) return { x: hit.x, y: hit.y };
  }
  return wanted;
}
