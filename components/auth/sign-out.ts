"use client";
import { authClient } from "@/lib/client/auth-client";

/**
 * Signs out, then loads `then` (the sign-in page) in full, so that nothing of this user stays in the
 * tab's caches. Resolves with null once leaving, or with why signing out failed.
 */
export async function signOutAndLeave(then = "/sign-in"): Promise<string | null> {
  const { error } = await authClient.signOut();
  if (error) return error.message || "Could not sign out. Try again.";
  window.location.assign(then);
  return null;
}
