/**
 * Invitations as the pages show them (`/invite/[id]`, `/sign-in`, `/sign-up`): read with
 * Prisma on the server, because better-auth's own `get-invitation` answers only the invited
 * user once signed in, and the page must also speak to someone who is signed out.
 * The invitation id is the secret of the link (32 random characters).
 *
 * Server-only.
 */
import { getDb } from "../db/client";
import { parseTeamRole, type TeamRole } from "./roles";

export type InvitationState = "pending" | "accepted" | "revoked" | "expired";

export interface InvitationView {
  id: string;
  email: string;
  role: TeamRole;
  team: { id: string; name: string };
  inviterName: string;
  state: InvitationState;
  expiresAt: string;
}

/** better-auth's status ("pending" | "accepted" | "rejected" | "canceled") and the expiry, as one state. */
export function invitationState(status: string, expiresAt: Date, now = new Date()): InvitationState {
  if (status === "accepted") return "accepted";
  if (status !== "pending") return "revoked";
  return expiresAt.getTime() <= now.getTime() ? "expired" : "pending";
}

/** The invitation behind `/invite/<id>`, or null when there is none (or its role is unknown). */
export async function findInvitationView(id: string): Promise<InvitationView | null> {
  if (!id || id.length > 200) return null;
  const { prisma } = await getDb();
  const row = await prisma.invitation.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      role: true,
      status: true,
      expiresAt: true,
      organization: { select: { id: true, name: true } },
      inviter: { select: { name: true } },
    },
  });
  const role = parseTeamRole(row?.role);
  if (!row || !role) return null;
  return {
    id: row.id,
    email: row.email,
    role,
    team: row.organization,
    inviterName: row.inviter.name,
    state: invitationState(row.status, row.expiresAt),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/** True until the first account (and with it the first team) exists. */
export async function isFreshInstallation(): Promise<boolean> {
  const { prisma } = await getDb();
  return (await prisma.organization.count()) === 0;
}

/** True when `userId` already belongs to `teamId`. */
export async function isTeamMember(userId: string, teamId: string): Promise<boolean> {
  const { prisma } = await getDb();
  return (await prisma.member.count({ where: { userId, organizationId: teamId } })) > 0;
}
