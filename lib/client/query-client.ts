import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-client";

/** One QueryClient per browser tab; 4xx answers are not retried (they will not change). */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
    },
  });
}
