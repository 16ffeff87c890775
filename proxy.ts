/**
 * Next.js 16 proxy (formerly middleware), in front of pages and the API:
 * - an address that is not valid percent-encoded UTF-8, or that encodes a NUL character
 *   (`/workflows/%FF`, `/api/runs/%00`), is answered 400 before any page or route reads it;
 * - a page request without a session cookie is sent to `/sign-in?next=<where it was going>`.
 *
 * Deliberately cheap: it only looks at the path and for the cookie, never at the database.
 * Whether the session is still valid, and what the role may see, is checked by the pages
 * (lib/auth/page-session.ts `redirectByRole`) and by every API route
 * (lib/auth/session.ts `requireTeamSession`), which answer 401 rather than redirecting.
 */
import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { signInPath } from "@/lib/auth/paths";

/** Pages anyone may open signed out. */
function isPublicPage(pathname: string): boolean {
  return pathname === "/sign-in" || pathname === "/sign-up" || pathname.startsWith("/invite/");
}

/** Why the (still percent-encoded) `pathname` cannot be served, or null when it can. */
export function pathProblem(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return "it has a malformed %-escape (not UTF-8)";
  }
  return decoded.includes("\u0000") ? "it contains a NUL character (%00)" : null;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const problem = pathProblem(pathname);
  if (problem) {
    const message = `This address is not valid: ${problem}`;
    return pathname.startsWith("/api/")
      ? NextResponse.json({ error: { code: "bad_request", message } }, { status: 400 })
      : new NextResponse(message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  if (pathname.startsWith("/api/") || isPublicPage(pathname) || getSessionCookie(request)) return NextResponse.next();
  return NextResponse.redirect(new URL(signInPath(`${pathname}${search}`), request.url));
}

export const config = {
  // Pages and the API; not Next's assets or files with an extension.
  matcher: ["/((?!_next/|.*\\.[^/]+$).*)"],
};
