"use client";
/**
 * The cost preview of the graph on screen (POST /api/workflows/:id/estimate), recomputed when
 * what a run depends on changes (nodes, their settings, connections: not positions), 600 ms after
 * the last edit. Unsaved edits are priced too. The previous figure stays while the next loads.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import type { WorkflowGraph } from "@/lib/graph/schema";
import { api } from "./api-client";
import { useDebouncedValue } from "./use-debounced-value";
import { useEditorStore } from "./editor-store";
import type { StudioNode } from "./graph-doc";
import { queryKeys } from "./query-keys";

/** Quiet time after an edit before the estimate is asked again (ms). */
const ESTIMATE_DEBOUNCE_MS = 600;

/**
 * What a run depends on, flat ([id, type, data, id, type, data, …]): compared item by item
 * (useShallow), so a drag, which replaces the moved nodes but keeps their `data` objects, changes
 * nothing here and the graph is not serialised again on each pointer move.
 */
const runInputs = (nodes: readonly StudioNode[]): unknown[] => nodes.flatMap((n) => [n.id, n.type, n.data]);

export function useWorkflowEstimate() {
  const workflowId = useEditorStore((s) => s.workflowId);
  const inputs = useEditorStore(useShallow((s) => runInputs(s.nodes)));
  const edges = useEditorStore((s) => s.edges);
  const graphKey = useMemo(() => {
    const nodes: WorkflowGraph["nodes"] = [];
    for (let i = 0; i < inputs.length; i += 3) {
      nodes.push({
        id: inputs[i] as string,
        type: (inputs[i + 1] as string) ?? "",
        position: { x: 0, y: 0 },
        data: inputs[i + 2] as Record<string, unknown>,
      });
    }
    const graph: WorkflowGraph = {
      nodes,
      edges: edges.map((e) => ({
        id: e.id,
        source: e.source,
        sourceHandle: e.sourceHandle ?? null,
        target: e.target,
        targetHandle: e.targetHandle ?? null,
      })),
    };
    return JSON.stringify(graph);
  }, [inputs, edges]);
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
