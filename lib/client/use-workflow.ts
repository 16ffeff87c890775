"use client";
import { useQuery } from "@tanstack/react-query";
import { api } from "./api-client";
import { useEditorStore } from "./editor-store";
import { queryKeys } from "./query-keys";

/**
 * One workflow, fetched once for the editor. After loading, the editor store is the source of
 * truth, so this query never refetches by itself (a refetch is an explicit "Reload"). The saved
 * graph's model warnings go to the editor store for the node cards.
 */
export function useWorkflow(id: string) {
  return useQuery({
    queryKey: queryKeys.workflow(id),
    queryFn: async () => {
      const data = await api.getWorkflow(id);
      useEditorStore.getState().setWarnings(data.warnings ?? []);
      return data;
    },
    select: (data) => data.workflow,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnReconnect: false,
  });
}
