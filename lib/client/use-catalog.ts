"use client";
import { useQuery } from "@tanstack/react-query";
import { api } from "./api-client";
import { queryKeys } from "./query-keys";

/** The model catalog snapshot the server ranks with (its date and capabilities). */
export function useCatalog() {
  return useQuery({ queryKey: queryKeys.catalog, queryFn: api.getCatalog, staleTime: Infinity });
}
