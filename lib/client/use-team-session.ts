"use client";
import { useQuery } from "@tanstack/react-query";
import type { SessionContext } from "@/lib/auth/session";

/** `GET /api/auth/me`: the server's SessionContext (type-only import: no server code in the bundle). */
export type ClientTeamSession = SessionContext;

export const teamSessionQueryKey = ["auth", "me"] as const;

/**
 * The signed-in user, active team and role (`GET /api/auth/me`), or null when signed out.
 * For showing and hiding things only: the server checks every request itself.
 */
export function useTeamSession() {
  return useQuery({
    queryKey: teamSessionQueryKey,
    queryFn: async (): Promise<ClientTeamSession | null> => {
      const response = await fetch("/api/auth/me", { headers: { Accept: "application/json" }, cache: "no-store" });
      if (response.status === 401) return null;
      if (!response.ok) throw new Error(`Could not load your session (${response.status})`);
      return (await response.json()) as ClientTeamSession;
    },
    staleTime: 60_000,
    retry: 1,
  });
}
