"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "./api-client";
import { queryKeys } from "./query-keys";
import type { WorkflowSummary } from "./types";

/** Deletes a workflow; the list drops it at once and is refetched after. */
export function useDeleteWorkflow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteWorkflow(id),
    onSuccess: (_data, id) => {
      queryClient.setQueryData<{ workflows: WorkflowSummary[] }>(queryKeys.workflows, (old) =>
        old ? { workflows: old.workflows.filter((w) => w.id !== id) } : old,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.workflows }),
  });
}
