/**
 * Helpers of the Apps API tests: a team with one account per role (plus the owner of another
 * team), workflows and uploads owned by a team, and the graph of the App
 * (Image input → Expand (platform chosen by the member) → Upscale → Output).
 *
 * Import after `useFreshDataDir()` (tests/api/harness.ts).
 */
import { randomUUID } from "node:crypto";
import { fixture } from "./harness";

const { createMemberWithRole, signUp } = await import("@/lib/auth/testing");
const { getSessionContextFromHeaders } = await import("@/lib/auth/session");
const { getServerContext } = await import("@/lib/server/context");
const { createWorkflow } = await import("@/lib/db/repositories/workflows");
const { storeImage } = await import("@/lib/assets/store-image");

export interface Account {
  cookie: string;
  userId: string;
  teamId: string;
}

export interface Team {
  owner: Account;
  editor: Account;
  member: Account;
  /** A second member of the same team. */
  member2: Account;
  /** The owner of another team. */
  outsider: Account;
}

async function teamOf(cookie: string): Promise<string> {
  const session = await getSessionContextFromHeaders(new Headers({ cookie }));
  if (!session?.team) throw new Error("the account has no team");
  return session.team.id;
}

/** Signs up the first account (owner of the first team), invites one account per role, and makes another team with its owner. */
export async function setUpTeams(): Promise<Team> {
  const first = await signUp({ name: "Olga Owner", email: "olga@example.test", password: "password-123" });
  const teamId = await teamOf(first.cookie);
  const owner = { ...first, teamId };
  const invite = async (role: "editor" | "member", name: string) => {
    const made = await createMemberWithRole(owner.cookie, role, { name });
    return { cookie: made.cookie, userId: made.userId, teamId };
  };
  const editor = await invite("editor", "Eddie Editor");
  const member = await invite("member", "Mia Member");
  const member2 = await invite("member", "Max Member");

  // Teams come from the first sign-up only; the other team is made directly in the database.
  const other = await signUp({ name: "Otto Outsider", email: "otto@example.test", password: "password-123" });
  const { db } = await getServerContext();
  const otherTeamId = randomUUID();
  await db.organization.create({ data: { id: otherTeamId, name: "Otto's team", slug: "otto-team", createdAt: new Date() } });
  await db.member.create({
    data: { id: randomUUID(), organizationId: otherTeamId, userId: other.userId, role: "owner", createdAt: new Date() },
  });
  const outsider = { ...other, teamId: await teamOf(other.cookie) };
  if (outsider.teamId !== otherTeamId) throw new Error("the outsider is not in the other team");
  return { owner, editor, member, member2, outsider };
}

/** A workflow of `account`'s team with `graph` saved (version 1). */
export async function createTeamWorkflow(account: Account, graph: unknown, name = "Story maker") {
  const { db } = await getServerContext();
  return createWorkflow(db, {
    name,
    graph: graph as { nodes: unknown[]; edges: unknown[] },
    teamId: account.teamId,
    createdById: account.userId,
  });
}

/** Stores an e2e fixture image as an upload of `account`'s team; returns its asset id. */
export async function uploadTeamImage(account: Account, name = "chelsea.png"): Promise<string> {
  const asset = await storeImage(await getServerContext(), { bytes: fixture(name), origin: "upload", name, teamId: account.teamId });
  return asset.id;
}

/** Image input → Expand (16:9 unless a platform is chosen) → Upscale 2x → Output "Story" (the unit tests' fixture). */
export { storyGraph } from "@/lib/apps/__tests__/fixtures";

/** The story App's form: the photo (required) and the platform (default Instagram story). */
export const storyInputs = [
  { key: "image", nodeId: "in", field: "assetId", label: "Photo", required: true },
  {
    key: "platform",
    nodeId: "exp",
    field: "platform",
    label: "Platform",
    help: "Where the picture goes",
    default: "instagram_story",
    required: false,
  },
];

/** Waits until every queued run has finished. */
export async function runsSettle(): Promise<void> {
  await (await getServerContext()).queue.whenIdle();
}
