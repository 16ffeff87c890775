/**
 * The browser's better-auth client: sign-up, sign-in, sign-out and the team actions of the
 * organization plugin (invite, accept, change roles, remove, revoke), with the same roles and
 * permissions as the server (lib/auth/roles.ts). Calls go to this site's `/api/auth`.
 *
 * Every action resolves with `{ data, error }`; `authErrorMessage(error)` turns the error
 * into a sentence for people.
 */
import { organizationClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";
import { ac, roles } from "@/lib/auth/roles";

export const authClient = createAuthClient({
  plugins: [organizationClient({ ac, roles })],
});

/** The error better-auth's client resolves with (`{ data: null, error }`). */
export interface AuthClientError {
  code?: string | undefined;
  message?: string | undefined;
  status: number;
  statusText?: string;
}

const MESSAGES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: "Wrong email or password",
  INVALID_EMAIL: "Enter a valid email address",
  INVALID_PASSWORD: "Wrong email or password",
  PASSWORD_TOO_SHORT: "Password must be at least 8 characters",
  PASSWORD_TOO_LONG: "Password must be at most 128 characters",
  USER_ALREADY_EXISTS: "An account with this email already exists",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "An account with this email already exists",
  INVITATION_NOT_FOUND: "This invitation is no longer valid: it was used, revoked or has expired",
  YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION: "This invitation was sent to another email address",
  USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION: "This person is already in the team",
  USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION: "This email already has a pending invitation: copy its link below, or revoke it first",
  YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION: "Only owners can invite people",
  YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE: "Only owners can invite owners",
  YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER: "Only owners can change roles",
  YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER: "Only owners can remove people",
  YOU_ARE_NOT_ALLOWED_TO_CANCEL_THIS_INVITATION: "Only owners can revoke invitations",
  YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER: "A team needs at least one owner: make someone else owner first",
  YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER: "A team needs at least one owner: make someone else owner first",
  ORGANIZATION_MEMBERSHIP_LIMIT_REACHED: "This team is full",
  INVITATION_LIMIT_REACHED: "Too many pending invitations: revoke some first",
};

/** A sentence for an auth error; `fallback` when there is nothing better to say. */
export function authErrorMessage(error: AuthClientError | null | undefined, fallback = "Something went wrong. Try again."): string {
  if (!error) return fallback;
  if (error.code && MESSAGES[error.code]) return MESSAGES[error.code];
  if (error.status === 429) return "Too many attempts. Wait a few seconds and try again.";
  if (error.status === 0 || error.status >= 500) return "The server could not be reached or failed. Try again.";
  return error.message || fallback;
}

/** The technical side of an auth error (code, HTTP status, the server's message) for a "Details" disclosure; null when there is none. */
export function authErrorDetails(error: AuthClientError | null | undefined): string | null {
  if (!error) return null;
  const parts = [error.code, error.status ? `HTTP ${error.status}${error.statusText ? ` ${error.statusText}` : ""}` : null, error.message];
  const text = parts.filter(Boolean).join(" · ");
  return text || null;
}
