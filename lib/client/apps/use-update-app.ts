"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { appQueryKeys } from "./app-query-keys";
import { appsApi } from "./apps-api";
import type { UpdateAppBody } from "./types";

/** Changes an App's name, description, cover or (owners) daily run quota. */
export function useUpdateApp(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAppBody) => appsApi.updateApp(slug, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appQueryKeys.all }),
  });
}
