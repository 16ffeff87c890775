"use client";
import { useQuery } from "@tanstack/react-query";
import { appQueryKeys } from "./app-query-keys";
import { appsApi } from "./apps-api";

/** One App with the version it runs, the viewer's quota and, for managers, its versions. */
export function useApp(slug: string | null) {
  return useQuery({
    queryKey: appQueryKeys.app(slug ?? ""),
    queryFn: () => appsApi.getApp(slug!),
    enabled: !!slug,
    select: (data) => data.app,
  });
}
