"use client";
import { useQuery } from "@tanstack/react-query";
import { api } from "./api-client";

/** The schema a run would use for `modelId` (null for Auto: no request is made), cached for 10 minutes. */
export function useModelSchema(modelId: string | null) {
  return useQuery({
    queryKey: ["model-schema", modelId],
    queryFn: () => api.getModelSchema(modelId!),
    enabled: Boolean(modelId && modelId !== "auto"),
    staleTime: 10 * 60_000,
  });
}
