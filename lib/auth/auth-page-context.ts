/**
 * What the sign-in and sign-up pages share: where to go afterwards (`?next=`, made safe), a
 * signed-in visitor sent straight there, and the pending invitation the visitor is joining
 * through, when `next` is an invitation link. Server-only.
 */
import { redirect } from "next/navigation";
import { findInvitationView } from "./invitations";
import { getPageSessionContext } from "./page-session";
import { invitationIdFromPath, safeNextPath } from "./paths";
import { homePathForRole } from "./roles";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * @returns `{ next, joining }`: the safe path to continue to (or null) and the pending
 *   invitation behind it (or null). Redirects a signed-in visitor to `next` or their role's home.
 */
export async function resolveAuthPageContext(searchParams: Promise<SearchParams>) {
  const params = await searchParams;
  const next = params.next ? safeNextPath(params.next) : null;
  const context = await getPageSessionContext();
  if (context) redirect(next ?? homePathForRole(context.role));

  const invitationId = next ? invitationIdFromPath(next) : null;
  const invitation = invitationId ? await findInvitationView(invitationId) : null;
  return { next, joining: invitation?.state === "pending" ? invitation : null };
}
