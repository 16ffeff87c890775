"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "./api-client";
import { queryKeys } from "./query-keys";
import type { Priority } from "./types";
import { useDebouncedValue } from "./use-debounced-value";

/** Prompt edits wait this long before the ranking is asked again. */
export const RECOMMEND_DEBOUNCE_MS = 400;

/** The picker lists every qualifying model (the API's maximum), not just the top few. */
export const PICKER_RANK_LIMIT = 50;

/**
 * Models ranked for a capability and prompt (POST /api/recommend), best first. The prompt is
 * debounced; while a new ranking loads the previous one stays on screen (`isPlaceholderData`).
 * `capability` undefined disables the query.
 */
export function useRecommendations(capability: string | undefined, prompt: string, priority: Priority) {
  const debouncedPrompt = useDebouncedValue(prompt, RECOMMEND_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: queryKeys.recommend(capability ?? "", debouncedPrompt, priority),
    queryFn: ({ signal }) =>
      api.recommend({ capability: capability!, prompt: debouncedPrompt, priority, limit: PICKER_RANK_LIMIT }, signal),
    enabled: !!capability,
    staleTime: 5 * 60_000,
    placeholderData: (previous, previousQuery) =>
      // Keep the list while the prompt or priority changes, not across capabilities.
      previousQuery?.queryKey[1] === capability ? keepPreviousData(previous) : undefined,
  });
  return { ...query, debouncing: prompt !== debouncedPrompt };
}
