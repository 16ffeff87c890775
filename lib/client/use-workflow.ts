"use client";
import { useQuery } from "@tanstack/react-query";
import { api } from "./api-client";
import { queryKeys } from "./query-keys";

/**
 * One workflow, fetched once for the editor. After loading, the editor store is the source of
 * truth, so this query never refetches by itself (a refetch is an explicit "Reload").
 */
export function useWorkflow(id: string) {
  return useQuery({
    queryKey: queryKeys.workflow(id),
    queryFn: () => api.getWorkflow(id),
    select: (data) => data.workflow,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnReconnect: false,
  });
}
