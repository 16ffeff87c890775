"use client";
import { useQuery } from "@tanstack/react-query";
import { isTerminalRunStatus } from "../types";
import { appQueryKeys } from "./app-query-keys";
import { appsApi } from "./apps-api";

/** The viewer's own runs of this App, newest first; refreshed every 2 s while one is unfinished. */
export function useMyAppRuns(slug: string) {
  return useQuery({
    queryKey: appQueryKeys.myRuns(slug),
    queryFn: () => appsApi.listMyRuns(slug),
    select: (data) => data.runs,
    refetchInterval: (query) => (query.state.data?.runs.some((r) => !isTerminalRunStatus(r.status)) ? 2000 : false),
  });
}
