"use client";
import { useQuery } from "@tanstack/react-query";
import { api } from "./api-client";
import { queryKeys } from "./query-keys";

/** Which generation engine the server runs (`local` offline preview, or `scenario`). */
export function useEngine() {
  return useQuery({ queryKey: queryKeys.engine, queryFn: api.getEngine, staleTime: Infinity, select: (data) => data.provider });
}
