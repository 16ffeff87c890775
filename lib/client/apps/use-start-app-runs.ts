"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { appQueryKeys } from "./app-query-keys";
import { appsApi } from "./apps-api";
import type { AppRunInputs } from "./types";

/** Starts one run per item (a batch); a 429 rejects with the quota message and `details.resetsAt`. */
export function useStartAppRuns(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: AppRunInputs[]) => appsApi.startRuns(slug, items),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: appQueryKeys.app(slug), exact: true }),
        queryClient.invalidateQueries({ queryKey: appQueryKeys.myRuns(slug) }),
      ]),
  });
}
