/**
 * Paths of the sign-in flow, shared by the proxy, server pages and client forms (no
 * server-only imports).
 */

/** `/sign-in`, with `?next=` when a path to come back to is given. */
export function signInPath(nextPath?: string): string {
  return nextPath && nextPath !== "/" ? `/sign-in?next=${encodeURIComponent(nextPath)}` : "/sign-in";
}

/**
 * A `next` redirect target taken from a URL, when it is a path on this site ("/x"; not
 * "//x", "/\x" or "https://…", which would leave it), else `fallback`.
 */
export function safeNextPath(next: string | string[] | null | undefined, fallback = "/"): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}

/** The invitation id when `path` is an invitation page (`/invite/<id>`), else null. */
export function invitationIdFromPath(path: string): string | null {
  const match = /^\/invite\/([^/?#]+)$/.exec(path);
  return match ? decodeURIComponent(match[1]) : null;
}
