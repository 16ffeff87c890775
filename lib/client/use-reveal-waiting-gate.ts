"use client";
/**
 * When the run on display pauses at a gate (a Pick waiting for a choice), the canvas moves to that
 * node once, so the designer sees the candidates without looking for them (a big graph renders
 * only the cards in view).
 */
import { useQuery } from "@tanstack/react-query";
import { useReactFlow } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { runQueryOptions } from "./run-query";
import { useRunViewStore } from "./run-view-store";

/** Zoom range the view settles in when it moves to a waiting gate: readable, never a jump to full size. */
const REVEAL_ZOOM = { minZoom: 0.6, maxZoom: 1 } as const;

/** Call inside the React Flow provider. Moves the view to the first waiting node of the viewed run, once per run and node. */
export function useRevealWaitingGate(): void {
  const runId = useRunViewStore((s) => s.viewedRunId);
  const { data: waitingNodeId } = useQuery({
    ...runQueryOptions(runId ?? ""),
    enabled: !!runId,
    select: (run) => (run.status === "waiting" ? (run.nodes.find((n) => n.status === "waiting")?.nodeId ?? null) : null),
  });
  const { fitView } = useReactFlow();
  const revealed = useRef<string | null>(null);
  useEffect(() => {
    if (!runId || !waitingNodeId) return;
    const key = `${runId}:${waitingNodeId}`;
    if (revealed.current === key) return;
    revealed.current = key;
    void fitView({ nodes: [{ id: waitingNodeId }], padding: 0.3, duration: 300, ...REVEAL_ZOOM });
  }, [runId, waitingNodeId, fitView]);
}
