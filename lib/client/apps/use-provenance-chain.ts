"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api-client";
import { queryKeys } from "../query-keys";
import { provenanceStep, type ProvenanceStep } from "./provenance";

const MAX_STEPS = 8;

/**
 * The steps that made an output image, last step first: its own provenance, then its parent
 * image's, back to the uploaded source (`GET /api/assets/:id` for each; assets never change).
 */
export function useProvenanceChain(assetId: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ["apps", "provenance", assetId ?? ""],
    enabled: !!assetId,
    staleTime: Infinity,
    queryFn: async (): Promise<ProvenanceStep[]> => {
      const steps: ProvenanceStep[] = [];
      let next: string | null = assetId;
      while (next && steps.length < MAX_STEPS) {
        const id: string = next;
        const { asset } = await queryClient.fetchQuery({
          queryKey: queryKeys.asset(id),
          queryFn: () => api.getAsset(id),
          staleTime: Infinity,
        });
        const step = provenanceStep(asset);
        steps.push(step);
        next = step.parentAssetId;
      }
      return steps;
    },
  });
}
