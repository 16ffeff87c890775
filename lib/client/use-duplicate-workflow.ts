"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "./api-client";
import { queryKeys } from "./query-keys";

/** Copies a workflow: reads its graph and creates "Copy of <name>". */
export function useDuplicateWorkflow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const { workflow } = await api.getWorkflow(id);
      return api.createWorkflow({ name: `Copy of ${workflow.name}`.slice(0, 200), graph: workflow.graph });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.workflows }),
  });
}
