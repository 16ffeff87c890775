"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { EMPTY_GRAPH, type WorkflowGraph } from "@/lib/graph/schema";
import { api } from "./api-client";
import { queryKeys } from "./query-keys";

/** Creates a workflow (an empty graph unless one is given). */
export function useCreateWorkflow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, graph = EMPTY_GRAPH }: { name: string; graph?: WorkflowGraph }) => api.createWorkflow({ name, graph }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.workflows }),
  });
}
