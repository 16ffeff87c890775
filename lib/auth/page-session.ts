/**
 * Session helpers for server components (pages and layouts): the same lookup as
 * lib/auth/session.ts, read from the incoming request's headers, memoised per render with
 * React's `cache`, plus redirects for who may see a page.
 *
 * ```tsx
 * // app/page.tsx: editors and owners only; members go to /apps
 * export default async function HomePage() {
 *   await redirectByRole(["owner", "editor"], "/");
 *   return <WorkflowList />;
 * }
 * ```
 *
 * Server-only: never import this from a client component.
 */
import { headers } from "next/headers";
import { studioOriginFromHeaders } from "../api/origin";
import { redirect } from "next/navigation";
import { cache } from "react";
import { signInPath } from "./paths";
import { homePathForRole, type TeamRole } from "./roles";
import { getSessionContextFromHeaders, type SessionContext, type TeamSession } from "./session";

/** The signed-in user and their team for this render, or null when signed out. */
export const getPageSessionContext = cache(async (): Promise<SessionContext | null> => {
  return getSessionContextFromHeaders(new Headers(await headers()));
});

/**
 * The signed-in user (with or without a team).
 * Redirects to `/sign-in?next=<nextPath>` when signed out (expired or revoked session: the
 * proxy only checks that a cookie is present).
 */
export async function requirePageSession(nextPath?: string): Promise<SessionContext> {
  const context = await getPageSessionContext();
  if (!context) redirect(signInPath(nextPath));
  return context;
}

/**
 * Lets through a signed-in user whose role is in `allowed`, and sends everyone else where
 * they belong: signed out → `/sign-in?next=<nextPath>`; no team → `/no-team`; another role →
 * its home (members `/apps`, editors and owners `/`).
 * @returns the team session of a user who may see the page.
 */
export async function redirectByRole(allowed: readonly TeamRole[], nextPath?: string): Promise<TeamSession> {
  const context = await requirePageSession(nextPath);
  if (!context.team) redirect("/no-team");
  if (!allowed.includes(context.role)) redirect(homePathForRole(context.role));
  return context;
}

/**
 * This site's public origin for links people copy (invitation links): the same origin sign-in
 * trusts (lib/api/origin.ts): `BETTER_AUTH_URL` when set, else the Host the browser used
 * (X-Forwarded-Host/-Proto only with `TRUST_PROXY=1`).
 */
export async function siteOrigin(): Promise<string> {
  return studioOriginFromHeaders(new Headers(await headers()), "http://localhost/");
}
