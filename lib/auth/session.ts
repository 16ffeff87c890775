/**
 * Who is asking: the signed-in user, their active team and their role in it. Every route
 * calls `requireTeamSession(request, roles?)` (or `getSessionContext` when signing in is
 * optional); pages use lib/auth/page-session.ts, which wraps the same lookup.
 *
 * Cost: one better-auth session lookup (session and user) plus one membership query per
 * request, memoised per `Request` object so that several calls in one handler share it.
 * Anonymous requests (no session cookie) touch neither.
 *
 * Server-only: never import this from a client component.
 */
import { getSessionCookie } from "better-auth/cookies";
import { AppError } from "../api/errors";
import { getDb } from "../db/client";
import { getAuth } from "./auth";
import { parseTeamRole, ROLE_LABELS, type TeamRole } from "./roles";

export type { TeamRole } from "./roles";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

export interface SessionTeam {
  id: string;
  name: string;
  slug: string;
}

/** A signed-in user acting in a team. */
export interface TeamSession {
  user: SessionUser;
  team: SessionTeam;
  role: TeamRole;
}

/** A signed-in user; `team` and `role` are null for someone who has not joined a team. */
export type SessionContext = TeamSession | { user: SessionUser; team: null; role: null };

const memo = new WeakMap<Request, Promise<SessionContext | null>>();

/**
 * The signed-in user's session and active team, or null when not signed in (no, invalid or
 * expired cookie). A signed-in user without a team → `{ user, team: null, role: null }`.
 *
 * The active team is the session's `activeOrganizationId` when the user is still a member
 * there; otherwise their oldest membership, which then becomes the session's active team.
 */
export function getSessionContext(request: Request): Promise<SessionContext | null> {
  let pending = memo.get(request);
  if (!pending) {
    pending = getSessionContextFromHeaders(request.headers);
    memo.set(request, pending);
  }
  return pending;
}

/** `getSessionContext` for code that has headers rather than a Request (server components). */
export async function getSessionContextFromHeaders(headers: Headers): Promise<SessionContext | null> {
  if (!getSessionCookie(headers)) return null;
  const auth = await getAuth();
  const found = await auth.api.getSession({ headers });
  if (!found) return null;
  const user: SessionUser = { id: found.user.id, name: found.user.name, email: found.user.email };

  const { prisma } = await getDb();
  const select = { organizationId: true, role: true, organization: { select: { id: true, name: true, slug: true } } } as const;
  const activeId = found.session.activeOrganizationId ?? null;
  let membership = activeId ? await prisma.member.findFirst({ where: { userId: user.id, organizationId: activeId }, select }) : null;
  if (!membership) {
    membership = await prisma.member.findFirst({ where: { userId: user.id }, orderBy: { createdAt: "asc" }, select });
    if (membership || activeId) {
      // Keep the session pointing at a team the user belongs to (or at none).
      await prisma.session.update({
        where: { id: found.session.id },
        data: { activeOrganizationId: membership?.organizationId ?? null },
      });
    }
  }
  const role = parseTeamRole(membership?.role);
  if (!membership || !role) return { user, team: null, role: null };
  return { user, team: membership.organization, role };
}

/**
 * The signed-in user's team session, for routes.
 * @throws AppError unauthorized (401) without a session; forbidden (403) without a team or
 *   with a role not in `roles` (every role when omitted).
 */
export async function requireTeamSession(request: Request, roles?: readonly TeamRole[]): Promise<TeamSession> {
  return assertTeamSession(await getSessionContext(request), roles);
}

/** The checks of `requireTeamSession` on an already looked-up context. */
export function assertTeamSession(context: SessionContext | null, roles?: readonly TeamRole[]): TeamSession {
  if (!context) throw new AppError("unauthorized", "Sign in to continue");
  if (!context.team) throw new AppError("forbidden", "You are not in a team yet: ask a team owner for an invitation link");
  if (roles && !roles.includes(context.role)) {
    throw new AppError(
      "forbidden",
      `This needs the ${roles.map((role) => ROLE_LABELS[role].toLowerCase()).join(" or ")} role (you are ${ROLE_LABELS[context.role].toLowerCase()})`,
    );
  }
  return context;
}
