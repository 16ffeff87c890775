"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ApiError } from "../api-client";
import { useDebouncedValue } from "../use-debounced-value";
import { appQueryKeys } from "./app-query-keys";
import { appsApi } from "./apps-api";
import type { AppRunInputs } from "./types";

export const ESTIMATE_DEBOUNCE_MS = 400;

/**
 * The estimated credits of running `items` (one run each), asked again 400 ms after the form
 * stops changing; the previous figure stays on screen meanwhile. `enabled` false (an invalid
 * form, no items) asks nothing. A refused estimate (409 on Scenario: which step cannot be priced,
 * and why) is shown as such, with no figure.
 */
export function useAppEstimate(slug: string, items: AppRunInputs[], enabled: boolean) {
  const key = JSON.stringify(items);
  const debouncedKey = useDebouncedValue(key, ESTIMATE_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: appQueryKeys.estimate(slug, debouncedKey),
    queryFn: ({ signal }) => appsApi.estimate(slug, JSON.parse(debouncedKey) as AppRunInputs[], signal),
    enabled: enabled && items.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    // A refusal (4xx: a step the model cannot price) is the answer; only a lost answer is asked again.
    retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
  });
  return { ...query, settling: key !== debouncedKey };
}
