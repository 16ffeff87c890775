"use client";
import { useQuery } from "@tanstack/react-query";
import { api } from "./api-client";
import { queryKeys } from "./query-keys";

const POLL_MS = 10_000;

/** "Waiting for you": the runs paused at a Pick that the signed-in person may choose for (polled every 10 s). */
export function useWaitingRuns() {
  return useQuery({
    queryKey: queryKeys.waitingRuns(),
    queryFn: async () => (await api.listWaitingRuns()).runs,
    refetchInterval: POLL_MS,
  });
}
