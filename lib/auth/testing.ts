/**
 * Test helpers: real accounts through the real `/api/auth` handler, so a test can act as
 * each role. They need the process-wide database (set DATA_DIR first, as
 * tests/api/harness.ts `useFreshDataDir()` does).
 *
 * ```ts
 * const owner = await signUpAndGetCookie({ name: "Olga", email: "olga@example.test", password: "password-1" });
 * const editor = await createMemberWithRole(owner, "editor");
 * await call(route.GET, { headers: { cookie: editor.cookie } });
 * ```
 * The first account signed up in a fresh data folder owns the first team.
 */
import { randomUUID } from "node:crypto";
import { authHandler } from "./auth";
import type { TeamRole } from "./roles";

const ORIGIN = "http://localhost";

export interface AuthCallResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls `/api/auth/<path>` as a browser on http://localhost would (Origin header, JSON body). */
export async function callAuth<T = any>(
  path: string,
  options: { method?: string; cookie?: string; json?: unknown } = {},
): Promise<AuthCallResult<T>> {
  const headers: Record<string, string> = { origin: ORIGIN };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.json !== undefined) headers["content-type"] = "application/json";
  const method = options.method ?? (options.json === undefined ? "GET" : "POST");
  const response = await authHandler(
    new Request(`${ORIGIN}/api/auth/${path.replace(/^\/+/, "")}`, {
      method,
      headers,
      body: options.json === undefined ? undefined : JSON.stringify(options.json),
    }),
  );
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

/** The `cookie` request header that sends back the cookies a response set (`name=value; …`). */
export function cookieHeaderFrom(response: { headers: Headers }): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";", 1)[0])
    .filter((pair) => !/=$/.test(pair)) // expired (deleted) cookies
    .join("; ");
}

/**
 * Signs up with email and password and returns the session cookie header.
 * @throws Error with the server's answer when the sign-up is refused.
 */
export async function signUpAndGetCookie(account: { name: string; email: string; password: string }): Promise<string> {
  const { cookie } = await signUp(account);
  return cookie;
}

/** `signUpAndGetCookie`, also returning the new user's id. */
export async function signUp(account: { name: string; email: string; password: string }): Promise<{ cookie: string; userId: string }> {
  const response = await callAuth<{ user?: { id: string } }>("sign-up/email", { json: account });
  const cookie = cookieHeaderFrom(response);
  if (response.status !== 200 || !cookie || !response.body?.user) {
    throw new Error(`sign-up of ${account.email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return { cookie, userId: response.body.user.id };
}

/**
 * A new account in the owner's active team with `role`: the owner invites a fresh email, the
 * new user signs up and accepts the invitation.
 * @throws Error when any of the three steps is refused.
 */
export async function createMemberWithRole(
  ownerCookie: string,
  role: TeamRole,
  account: { name?: string; email?: string; password?: string } = {},
): Promise<{ cookie: string; userId: string; email: string }> {
  const email = account.email ?? `${role}-${randomUUID().slice(0, 8)}@example.test`;
  const invited = await callAuth<{ id?: string }>("organization/invite-member", { cookie: ownerCookie, json: { email, role } });
  if (invited.status !== 200 || !invited.body?.id) {
    throw new Error(`invitation of ${email} as ${role} failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  }
  const { cookie, userId } = await signUp({ name: account.name ?? `Test ${role}`, email, password: account.password ?? "password-123" });
  const accepted = await callAuth("organization/accept-invitation", { cookie, json: { invitationId: invited.body.id } });
  if (accepted.status !== 200) {
    throw new Error(`${email} could not accept the invitation: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  }
  return { cookie, userId, email };
}
