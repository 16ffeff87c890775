"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { appQueryKeys } from "./app-query-keys";
import { appsApi } from "./apps-api";
import type { PublishAppBody } from "./types";

/** Publishes the saved workflow as a new App, or as a new version of an existing one (`appSlug`). */
export function usePublishApp(workflowId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishAppBody) => appsApi.publish(workflowId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appQueryKeys.all }),
  });
}
