import type { ReactFlowState } from "@xyflow/react";

/**
 * Below this zoom the canvas draws for overview: compact node cards (title and status only,
 * large type, no shadow; studio-node.tsx) and straight wires (studio-edge.tsx). The full card's
 * 11–13 px text is under 5 screen px there, and a big graph paints hundreds of cards on each
 * frame of a pan. Not higher: the phone view (390 px wide) opens a small graph near zoom 0.4,
 * which must show full cards.
 */
export const COMPACT_ZOOM = 0.35;

/** React Flow store selector: is the view zoomed out below COMPACT_ZOOM? (A boolean, so subscribers re-render only when it flips.) */
export const selectCompact = (s: ReactFlowState) => s.transform[2] < COMPACT_ZOOM;
