"use client";
import { useQuery } from "@tanstack/react-query";
import { api } from "./api-client";
import { queryKeys } from "./query-keys";

/** A workflow's runs, newest first. */
export function useWorkflowRuns(workflowId: string) {
  return useQuery({
    queryKey: queryKeys.workflowRuns(workflowId),
    queryFn: () => api.listRuns(workflowId),
    select: (data) => data.runs,
  });
}
