"use client";
/**
 * The wire a designer dropped on empty canvas, drawn while quick add is open: a curve from the
 * handle it left to where the list opened, in the colour of the port's type, so it is clear what
 * the chosen node will be connected to. Screen coordinates; it follows the handle if the view moves.
 */
import { useStore } from "@xyflow/react";
import { useLayoutEffect, useState } from "react";

export interface PendingWireProps {
  nodeId: string;
  handleId: string;
  /** Which end the wire left from: an output ("source") or an input ("target"). */
  side: "source" | "target";
  /** The port's type ("text", "image", "asset"), for the colour. */
  type: string;
  /** Where the wire was dropped (screen px). */
  x: number;
  y: number;
}

function handleCentre(nodeId: string, handleId: string, side: string): { x: number; y: number } | null {
  const selector = `.react-flow__handle[data-nodeid="${CSS.escape(nodeId)}"][data-handleid="${CSS.escape(handleId)}"].${side}`;
  const rect = document.querySelector(selector)?.getBoundingClientRect();
  return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
}

export function PendingWire({ nodeId, handleId, side, type, x, y }: PendingWireProps) {
  const transform = useStore((s) => s.transform.join(","));
  const [from, setFrom] = useState<{ x: number; y: number } | null>(null);

  useLayoutEffect(() => setFrom(handleCentre(nodeId, handleId, side)), [nodeId, handleId, side, transform]);

  if (!from) return null;
  // A wire leaves an output to the right and enters an input from the left.
  const bend = Math.max(40, Math.abs(x - from.x) / 2);
  const out = side === "source" ? 1 : -1;
  const path = `M ${from.x} ${from.y} C ${from.x + out * bend} ${from.y}, ${x - out * bend} ${y}, ${x} ${y}`;
  const colour = `var(--color-port-${type === "text" || type === "image" ? type : "asset"})`;
  return (
    <svg className="pointer-events-none fixed inset-0 z-40 h-full w-full" aria-hidden="true" data-testid="pending-wire">
      <path d={path} fill="none" stroke={colour} strokeWidth={2} strokeDasharray="6 4" />
      <circle cx={x} cy={y} r={4} fill={colour} />
    </svg>
  );
}
