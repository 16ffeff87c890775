"use client";
import { useQuery } from "@tanstack/react-query";
import { runQueryOptions } from "./run-query";
import { useRunViewStore } from "./run-view-store";
import type { NodeRun } from "./types";

/** This node's state in the run on display (live or picked from history), or undefined. */
export function useNodeRunState(nodeId: string): NodeRun | undefined {
  const runId = useRunViewStore((s) => s.viewedRunId);
  const { data } = useQuery({
    ...runQueryOptions(runId ?? ""),
    enabled: !!runId,
    select: (run) => run.nodes.find((n) => n.nodeId === nodeId),
  });
  return runId ? data : undefined;
}
