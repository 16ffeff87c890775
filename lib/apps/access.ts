/**
 * Who may do what with Apps and the runs started from them (issue 4, "Accounts, teams, roles"):
 * - owners and editors publish, edit, roll back, and see every run of their team's Apps;
 * - members see and run their team's Apps, and only ever see their own runs;
 * - only owners set an App's daily run quota;
 * - anything of another team does not exist (404), so ids never leak across teams.
 *
 * Takes the session structurally (lib/auth/session.ts `TeamSession` fits) so services and
 * tests need no HTTP. Pure module.
 */

export type AppRole = "owner" | "editor" | "member";

/** The part of a team session these rules read. */
export interface AppActor {
  user: { id: string; name?: string };
  team: { id: string };
  role: AppRole;
}

/** Roles that publish, edit and roll back Apps. */
export const APP_MANAGER_ROLES: readonly AppRole[] = ["owner", "editor"];

/** Roles that set an App's daily run quota. */
export const APP_QUOTA_ROLES: readonly AppRole[] = ["owner"];

/** Whether `actor` may publish, edit and roll back the team's Apps and see all their runs. */
export function canManageApps(actor: Pick<AppActor, "role">): boolean {
  return APP_MANAGER_ROLES.includes(actor.role);
}

/** Whether `actor` may change an App's daily run quota. */
export function canSetAppQuota(actor: Pick<AppActor, "role">): boolean {
  return APP_QUOTA_ROLES.includes(actor.role);
}

/**
 * Whether `session` may read `run` (GET /api/runs/:id and its events): the run must belong to
 * the session's team, and a member may read only the runs they started. Runs made before
 * accounts existed (no team) are readable by no one through team routes.
 * Answer 404 (not 403) when false, so another team's run ids stay unknown.
 */
export function canReadRun(
  session: Pick<AppActor, "user" | "team" | "role">,
  run: { teamId: string | null; createdById: string | null },
): boolean {
  if (!run.teamId || run.teamId !== session.team.id) return false;
  return session.role !== "member" || run.createdById === session.user.id;
}
