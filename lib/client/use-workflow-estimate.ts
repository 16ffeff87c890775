"use client";
/**
 * The cost preview of the graph on screen (POST /api/workflows/:id/estimate), recomputed when
 * what a run depends on changes (nodes, their settings, connections: not positions), 600 ms after
 * the last edit. Unsaved edits are priced too. The previous figure stays while the next loads.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import type { WorkflowGraph } from "@/lib/graph/schema";
import { api } from "./api-client";
import { useDebouncedValue } from "./use-debounced-value";
import { useEditorStore } from "./editor-store";
import { queryKeys } from "./query-keys";

/** Quiet time after an edit before the estimate is asked again (ms). */
const ESTIMATE_DEBOUNCE_MS = 600;

export function useWorkflowEstimate() {
  const workflowId = useEditorStore((s) => s.workflowId);
  const nodes = useEditorStore((s) => s.nodes);
  const edges = useEditorStore((s) => s.edges);
  const graphKey = useMemo(() => {
    const graph: WorkflowGraph = {
      nodes: nodes.map((n) => ({ id: n.id, type: n.type ?? "", position: { x: 0, y: 0 }, data: n.data })),
      edges: edges.map((e) => ({
        id: e.id,
        source: e.source,
        sourceHandle: e.sourceHandle ?? null,
        target: e.target,
        targetHandle: e.targetHandle ?? null,
      })),
    };
    return JSON.stringify(graph);
  }, [nodes, edges]);
  const debounced = useDebouncedValue(graphKey, ESTIMATE_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: queryKeys.workflowEstimate(workflowId ?? "", debounced),
    queryFn: ({ signal }) => api.estimateWorkflow(workflowId!, JSON.parse(debounced) as WorkflowGraph, signal),
    enabled: !!workflowId,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
    refetchOnWindowFocus: false,
  });
  return { ...query, settling: debounced !== graphKey };
}

/** Owners: saves the workflow's per-run credit limit (null clears it), then asks the estimate again. */
export function useSetWorkflowCreditLimit() {
  const queryClient = useQueryClient();
  const workflowId = useEditorStore((s) => s.workflowId);
  return useMutation({
    mutationFn: (limit: number | null) => api.setWorkflowCreditLimit(workflowId!, limit),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["workflow", workflowId ?? "", "estimate"] }),
  });
}
