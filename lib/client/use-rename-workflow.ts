"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "./api-client";
import { queryKeys } from "./query-keys";

/** Renames a workflow from the list: PUT needs the graph and version, so read them first. */
export function useRenameWorkflow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, name }: { id: string; name: string }) => {
      const { workflow } = await api.getWorkflow(id);
      return api.updateWorkflow(id, { name, graph: workflow.graph, version: workflow.version });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.workflows }),
  });
}
