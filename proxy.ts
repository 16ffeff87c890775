/**
 * Next.js 16 proxy (formerly middleware): pages need a session cookie. A page request
 * without one is sent to `/sign-in?next=<where it was going>`.
 *
 * Deliberately cheap: it only looks for the cookie, never at the database. Whether the
 * session is still valid, and what the role may see, is checked by the pages
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

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isPublicPage(pathname) || getSessionCookie(request)) return NextResponse.next();
  return NextResponse.redirect(new URL(signInPath(`${pathname}${search}`), request.url));
}

export const config = {
  // Pages only: not the API (it answers 401 itself), Next's assets, or files with an extension.
  matcher: ["/((?!api/|_next/|.*\\.[^/]+$).*)"],
};
