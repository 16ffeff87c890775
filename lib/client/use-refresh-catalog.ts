"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "./api-client";
import { queryKeys } from "./query-keys";

/**
 * `POST /api/catalog/refresh` (owners): re-reads the models and their input schemas from
 * Scenario on the server. On success the catalog and every ranking are fetched again.
 */
export function useRefreshCatalog() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.refreshCatalog,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.catalog }),
        queryClient.invalidateQueries({ queryKey: ["recommend"] }),
      ]);
    },
  });
}
