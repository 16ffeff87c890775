"use client";
/**
 * The canvas's wire (React Flow's default edge type, replaced in canvas.tsx): the usual bezier
 * curve, and below COMPACT_ZOOM a straight line, which is cheaper to draw when hundreds of wires
 * repaint on each frame of a pan over a zoomed-out graph. Colour by port type stays on the
 * edge's class (app/globals.css).
 */
import { BaseEdge, getBezierPath, getStraightPath, useStore, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { selectCompact } from "./compact-zoom";

function StudioEdgeView({
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  style,
  markerStart,
  markerEnd,
  interactionWidth,
}: EdgeProps) {
  const compact = useStore(selectCompact);
  const [path] = compact
    ? getStraightPath({ sourceX, sourceY, targetX, targetY })
    : getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  return <BaseEdge path={path} style={style} markerStart={markerStart} markerEnd={markerEnd} interactionWidth={interactionWidth} />;
}

export const StudioEdge = memo(StudioEdgeView);
