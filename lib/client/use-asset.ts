"use client";
import { useQuery } from "@tanstack/react-query";
import { api } from "./api-client";
import { queryKeys } from "./query-keys";

/** An asset's metadata (size, type); assets never change, so it is cached for good. */
export function useAsset(id: string | null | undefined) {
  return useQuery({
    queryKey: queryKeys.asset(id ?? ""),
    queryFn: () => api.getAsset(id!),
    enabled: !!id,
    staleTime: Infinity,
    select: (data) => data.asset,
  });
}
