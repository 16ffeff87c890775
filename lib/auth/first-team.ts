/**
 * "The first account created on a fresh installation owns the first team": called when a
 * user is created. When no team exists yet, it creates "<name>'s team" with that user as
 * owner, hands it every workflow, run and asset made before accounts existed (teamId null),
 * and makes it the active team of the user's sessions. Later accounts get nothing here: they
 * join a team through an invitation.
 *
 * Server-only.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../db/generated/client";

export interface FirstTeam {
  id: string;
  name: string;
  slug: string;
}

/** Arbitrary constant key of the advisory lock that serialises concurrent first sign-ups. */
const FIRST_TEAM_LOCK = 4_104_202_611;

/** "Ada Lovelace" → "ada-lovelace-team"; "" → "team". */
export function teamSlugFor(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return base ? `${base}-team` : "team";
}

/** "Ada" → "Ada's team". */
export function teamNameFor(name: string): string {
  const trimmed = name.trim();
  return trimmed ? `${trimmed}'s team` : "My team";
}

/**
 * Creates the first team with `user` as owner when the installation has no team yet.
 * Atomic: the check, the team, the membership and the adoption of older rows happen in one
 * transaction behind an advisory lock, so two simultaneous first sign-ups make one team.
 * @returns the team created, or null when a team already existed.
 */
export async function claimFirstTeam(prisma: PrismaClient, user: { id: string; name: string }): Promise<FirstTeam | null> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${FIRST_TEAM_LOCK})`);
    if (await tx.organization.findFirst({ select: { id: true } })) return null;

    const now = new Date();
    const team = await tx.organization.create({
      data: { id: randomUUID(), name: teamNameFor(user.name), slug: teamSlugFor(user.name), createdAt: now },
      select: { id: true, name: true, slug: true },
    });
    await tx.member.create({ data: { id: randomUUID(), organizationId: team.id, userId: user.id, role: "owner", createdAt: now } });

    // Rows made before accounts existed belong to this installation's first team; the first
    // account is the one who made them.
    await tx.$executeRaw`UPDATE "Workflow" SET "teamId" = ${team.id}, "createdById" = COALESCE("createdById", ${user.id}) WHERE "teamId" IS NULL`;
    await tx.$executeRaw`UPDATE "Run" SET "teamId" = ${team.id}, "createdById" = COALESCE("createdById", ${user.id}) WHERE "teamId" IS NULL`;
    await tx.$executeRaw`UPDATE "Asset" SET "teamId" = ${team.id} WHERE "teamId" IS NULL`;

    // The sign-up's session was created before this hook ran: point it at the new team.
    await tx.session.updateMany({ where: { userId: user.id, activeOrganizationId: null }, data: { activeOrganizationId: team.id } });
    return team;
  });
}
