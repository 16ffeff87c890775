/**
 * Paths of the sign-in flow, shared by the proxy, server pages and client forms (no
 * server-only imports).
 */

/** `/sign-in`, with `?next=` when a path to come back to is given. */
export function signInPath(nextPath?: string): string {
  return nextPath && nextPath !== "/" ? `/sign-in?next=${encodeURIComponent(nextPath)}` : "/sign-in";
}

/** A base no real request uses: a `next` that parses to another origin is leaving the site. */
const PARSE_BASE = "http://studio.invalid";

/**
 * A `next` redirect target taken from a URL, when it is a path on this site, else `fallback`.
 * It is parsed with `URL` the way the browser will follow it, so every spelling that leaves the
 * site is refused: `//x`, `/\x`, `https://…`, and those with tabs or new lines that the URL
 * parser drops (`/\t/example.org` is `//example.org`). Returns the normalised
 * `pathname + search + hash`.
 */
export function safeNextPath(next: string | string[] | null | undefined, fallback = "/"): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/") || value.length > 2000) return fallback;
  let url: URL;
  try {
    url = new URL(value, PARSE_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== PARSE_BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The normalised path must itself stay on the site when followed again.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}

/** The invitation id when `path` is an invitation page (`/invite/<id>`), else null. */
export function invitationIdFromPath(path: string): string | null {
  const match = /^\/invite\/([^/?#]+)$/.exec(path);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null; // a malformed %-escape names no invitation
  }
}
