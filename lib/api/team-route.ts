/**
 * The wrapper for routes that act inside a team (STYLE.md §7, after dub's withWorkspace):
 * `route()`'s error mapping plus the session and role check, done once here. The handler gets
 * the caller's TeamSession; 401 without a session, 403 for a role not in `roles` (or no team).
 * Another team's resources are then looked up with the session's team id and read as 404.
 */
import { requireTeamSession, type TeamRole, type TeamSession } from "../auth/session";
import { route } from "./route";

/** Every role: owner, editor and member. */
export const ANY_ROLE: readonly TeamRole[] = ["owner", "editor", "member"];
/** Designers: who builds, runs and publishes workflows. */
export const BUILDERS: readonly TeamRole[] = ["owner", "editor"];

type Params = Record<string, string>;

/** `export const GET = teamRoute(BUILDERS, async (req, { id }, session) => …)`. */
export function teamRoute<P extends Params = Params>(
  roles: readonly TeamRole[],
  handler: (request: Request, params: P, session: TeamSession) => Promise<Response>,
) {
  return route<P>(async (request, params) => handler(request, params, await requireTeamSession(request, roles)));
}
