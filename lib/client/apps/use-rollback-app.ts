"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { appQueryKeys } from "./app-query-keys";
import { appsApi } from "./apps-api";

/** Points the App at an earlier published version. */
export function useRollbackApp(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => appsApi.rollback(slug, version),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appQueryKeys.all }),
  });
}
