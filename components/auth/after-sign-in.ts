"use client";
import { homePathForRole, type TeamRole } from "@/lib/auth/roles";

/**
 * Where to go once signed in: `next` when the page was opened with one, else the home of
 * the user's role (members `/apps`, editors and owners `/`, no team `/no-team`).
 * A full page load, so the new session's pages render fresh.
 */
export async function goAfterSignIn(next: string | null): Promise<void> {
  let target = next;
  if (!target) {
    try {
      const response = await fetch("/api/auth/me", { headers: { Accept: "application/json" }, cache: "no-store" });
      const body = response.ok ? ((await response.json()) as { role: TeamRole | null }) : null;
      target = body ? homePathForRole(body.role) : "/";
    } catch {
      target = "/";
    }
  }
  // A full page load, so the server renders the next page with the new session cookie.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(target);
}
