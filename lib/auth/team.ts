/**
 * What the Team page (`/team`) shows: the team's members with their roles and its pending
 * invitations. Changes go through better-auth's organization endpoints from the browser
 * (lib/client/auth-client.ts), which check the roles; this only reads.
 *
 * Server-only.
 */
import { getDb } from "../db/client";
import { invitationState } from "./invitations";
import { parseTeamRole, type TeamRole } from "./roles";

export interface TeamMemberView {
  /** The membership id (what role changes and removals name). */
  id: string;
  userId: string;
  name: string;
  email: string;
  role: TeamRole;
  joinedAt: string;
}

export interface TeamInvitationView {
  id: string;
  email: string;
  role: TeamRole;
  inviterName: string;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
}

export interface TeamPageData {
  members: TeamMemberView[];
  /** Pending invitations, newest first (expired ones included, flagged). */
  invitations: TeamInvitationView[];
}

export async function loadTeamPageData(teamId: string): Promise<TeamPageData> {
  const { prisma } = await getDb();
  const [members, invitations] = await Promise.all([
    prisma.member.findMany({
      where: { organizationId: teamId },
      orderBy: { createdAt: "asc" },
      select: { id: true, userId: true, role: true, createdAt: true, user: { select: { name: true, email: true } } },
    }),
    prisma.invitation.findMany({
      where: { organizationId: teamId, status: "pending" },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, createdAt: true, expiresAt: true, status: true, inviter: { select: { name: true } } },
    }),
  ]);
  return {
    members: members.flatMap((row) => {
      const role = parseTeamRole(row.role);
      if (!role) return [];
      return [{ id: row.id, userId: row.userId, name: row.user.name, email: row.user.email, role, joinedAt: row.createdAt.toISOString() }];
    }),
    invitations: invitations.flatMap((row) => {
      const role = parseTeamRole(row.role);
      if (!role) return [];
      return [
        {
          id: row.id,
          email: row.email,
          role,
          inviterName: row.inviter.name,
          createdAt: row.createdAt.toISOString(),
          expiresAt: row.expiresAt.toISOString(),
          expired: invitationState(row.status, row.expiresAt) === "expired",
        },
      ];
    }),
  };
}
