"use client";
import { useTeamSession } from "@/lib/client/use-team-session";
import { can, type TeamRole } from "@/lib/auth/roles";

/**
 * The viewer's role in the active team (`GET /api/auth/me`, shared with the header's user
 * menu): undefined while loading, null when signed out or without a team. Only decides what the
 * UI shows: the server refuses anyway.
 */
export function useViewerRole(): TeamRole | null | undefined {
  const session = useTeamSession();
  if (session.isPending) return undefined;
  return session.data?.role ?? null;
}

/** Owners and editors build workflows and publish Apps. */
export function canEdit(role: TeamRole | null | undefined): boolean {
  return can(role, { workflow: ["update"] });
}

/** Owners manage an App's settings such as its daily run quota. */
export function canSetQuota(role: TeamRole | null | undefined): boolean {
  return can(role, { app: ["manage"] });
}
