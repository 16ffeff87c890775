"use client";
import { useQuery } from "@tanstack/react-query";
import { appQueryKeys } from "./app-query-keys";
import { appsApi } from "./apps-api";

/** The team's Apps, most recently updated first. */
export function useApps() {
  return useQuery({
    queryKey: appQueryKeys.list,
    queryFn: appsApi.listApps,
    select: (data) => [...data.apps].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt)),
  });
}
