import { queryOptions } from "@tanstack/react-query";
import { api } from "./api-client";
import { queryKeys } from "./query-keys";

/**
 * The query for one run. It is fetched once; a live run is then kept current by its event
 * stream (see use-run-subscription.ts), and a finished run never changes.
 */
export function runQueryOptions(id: string) {
  return queryOptions({
    queryKey: queryKeys.run(id),
    queryFn: async () => (await api.getRun(id)).run,
    staleTime: Infinity,
  });
}
