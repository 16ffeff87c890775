"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "./api-client";
import { queryKeys } from "./query-keys";

/** Asks the server to cancel a run; the returned run replaces the cached one. */
export function useCancelRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.cancelRun(id),
    onSuccess: ({ run }) => queryClient.setQueryData(queryKeys.run(run.id), run),
  });
}
