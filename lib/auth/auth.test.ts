/**
 * Accounts, teams and roles on a real embedded database: the first sign-up owns the first
 * team, later sign-ups have none until invited, invitations and role changes follow the
 * roles, and `requireTeamSession` answers 401/403 or the right team and role.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDataDir } from "@/tests/api/harness";

const dataDir = useFreshDataDir();
delete process.env.BETTER_AUTH_SECRET;
delete process.env.BETTER_AUTH_URL;

const { getDb } = await import("@/lib/db/client");
const { AppError } = await import("@/lib/api/errors");
const { getSessionContext, requireTeamSession } = await import("./session");
const { callAuth, createMemberWithRole, signUp, signUpAndGetCookie } = await import("./testing");
const me = await import("@/app/api/auth/me/route");
const { findInvitationView } = await import("./invitations");
const { loadTeamPageData } = await import("./team");

const PASSWORD = "correct-horse-1";

function requestWith(cookie?: string): Request {
  return new Request("http://localhost/api/anything", { headers: cookie ? { cookie } : {} });
}

async function rejection(promise: Promise<unknown>): Promise<{ code: string; status: number }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, status: error.status };
    throw error;
  }
  throw new Error("expected a rejection");
}

let ownerCookie: string;
let ownerId: string;
let teamId: string;
const legacy = { workflowId: "", runId: "", assetId: "" };

beforeAll(async () => {
  const { prisma } = await getDb();
  // Rows made before accounts existed (teamId null).
  const workflow = await prisma.workflow.create({ data: { name: "Before accounts", graph: { nodes: [], edges: [] } } });
  const version = await prisma.workflowVersion.create({ data: { workflowId: workflow.id, version: 1, graph: { nodes: [], edges: [] } } });
  const run = await prisma.run.create({ data: { workflowId: workflow.id, workflowVersionId: version.id, status: "succeeded" } });
  const asset = await prisma.asset.create({
    data: {
      storageKey: "aa/bb/x.png",
      mimeType: "image/png",
      width: 1,
      height: 1,
      sizeBytes: 10,
      sha256: "x".repeat(64),
      origin: "upload",
    },
  });
  Object.assign(legacy, { workflowId: workflow.id, runId: run.id, assetId: asset.id });
}, 60_000);

describe("the first account", () => {
  it("owns a new team that adopts the rows made before accounts existed", async () => {
    ({ cookie: ownerCookie, userId: ownerId } = await signUp({ name: "Ada Lovelace", email: "Ada@Example.test", password: PASSWORD }));
    expect(ownerCookie).toMatch(/^better-auth\.session_token=/);

    const { prisma } = await getDb();
    const teams = await prisma.organization.findMany({ include: { members: true } });
    expect(teams).toHaveLength(1);
    expect(teams[0]).toMatchObject({ name: "Ada Lovelace's team", slug: "ada-lovelace-team" });
    expect(teams[0].members).toEqual([expect.objectContaining({ userId: ownerId, role: "owner" })]);
    teamId = teams[0].id;

    expect(await prisma.workflow.findUnique({ where: { id: legacy.workflowId } })).toMatchObject({ teamId, createdById: ownerId });
    expect(await prisma.run.findUnique({ where: { id: legacy.runId } })).toMatchObject({ teamId, createdById: ownerId });
    expect(await prisma.asset.findUnique({ where: { id: legacy.assetId } })).toMatchObject({ teamId });

    const session = await prisma.session.findFirst({ where: { userId: ownerId } });
    expect(session?.activeOrganizationId).toBe(teamId);
  });

  it("gets the owner's team session from the cookie, and from /api/auth/me", async () => {
    const context = await requireTeamSession(requestWith(ownerCookie));
    expect(context).toEqual({
      user: { id: ownerId, name: "Ada Lovelace", email: "ada@example.test" },
      team: { id: teamId, name: "Ada Lovelace's team", slug: "ada-lovelace-team" },
      role: "owner",
    });
    const res = await me.GET(requestWith(ownerCookie), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ role: "owner", team: { id: teamId } });
    expect((await me.GET(requestWith(), { params: Promise.resolve({}) })).status).toBe(401);
  });

  it("keeps the secret in <DATA_DIR>/auth-secret when BETTER_AUTH_SECRET is not set", () => {
    const file = path.join(dataDir, "auth-secret");
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, "utf8").trim().length).toBeGreaterThanOrEqual(32);
  });

  it("signs in again with the right password only", async () => {
    const wrong = await callAuth("sign-in/email", { json: { email: "ada@example.test", password: "wrong-password" } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: "INVALID_EMAIL_OR_PASSWORD" });
    const right = await callAuth("sign-in/email", { json: { email: "ada@example.test", password: PASSWORD } });
    expect(right.status).toBe(200);
    expect(right.headers.getSetCookie().join("\n")).toMatch(/better-auth\.session_token=.*HttpOnly/i);
  });

  it("refuses a second account with the same email, and short passwords", async () => {
    const again = await callAuth("sign-up/email", { json: { name: "Ada", email: "ada@example.test", password: PASSWORD } });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL" });
    const short = await callAuth("sign-up/email", { json: { name: "Bo", email: "bo@example.test", password: "1234567" } });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ code: "PASSWORD_TOO_SHORT" });
  });
});

describe("later accounts", () => {
  it("belong to no team until invited", async () => {
    const cookie = await signUpAndGetCookie({ name: "Loner", email: "loner@example.test", password: PASSWORD });
    const { prisma } = await getDb();
    expect(await prisma.organization.count()).toBe(1);
    expect(await getSessionContext(requestWith(cookie))).toMatchObject({ user: { email: "loner@example.test" }, team: null, role: null });
    expect(await rejection(requireTeamSession(requestWith(cookie)))).toEqual({ code: "forbidden", status: 403 });
  });

  it("cannot create a team of their own", async () => {
    const cookie = await signUpAndGetCookie({ name: "Founder", email: "founder@example.test", password: PASSWORD });
    const created = await callAuth("organization/create", { cookie, json: { name: "Mine", slug: "mine" } });
    expect(created.status).toBe(403);
    const { prisma } = await getDb();
    expect(await prisma.organization.count()).toBe(1);
  });
});

describe("requireTeamSession", () => {
  it("answers 401 without a cookie, or with one that is not a session", async () => {
    expect(await getSessionContext(requestWith())).toBeNull();
    expect(await rejection(requireTeamSession(requestWith()))).toEqual({ code: "unauthorized", status: 401 });
    const forged = "better-auth.session_token=abc.def";
    expect(await rejection(requireTeamSession(requestWith(forged)))).toEqual({ code: "unauthorized", status: 401 });
  });

  it("answers 401 after sign-out", async () => {
    const cookie = await signUpAndGetCookie({ name: "Brief", email: "brief@example.test", password: PASSWORD });
    expect((await callAuth("sign-out", { cookie, json: {} })).status).toBe(200);
    expect(await rejection(requireTeamSession(requestWith(cookie)))).toEqual({ code: "unauthorized", status: 401 });
  });

  it("answers 403 for a role that is not allowed, and the team session otherwise", async () => {
    const member = await createMemberWithRole(ownerCookie, "member");
    expect(await rejection(requireTeamSession(requestWith(member.cookie), ["owner", "editor"]))).toEqual({
      code: "forbidden",
      status: 403,
    });
    const context = await requireTeamSession(requestWith(member.cookie), ["member"]);
    expect(context).toMatchObject({ user: { id: member.userId }, team: { id: teamId }, role: "member" });
    expect(await requireTeamSession(requestWith(ownerCookie), ["owner", "editor"])).toMatchObject({ role: "owner" });
  });
});

describe("invitations", () => {
  it("lets the owner invite; the invited user accepts and joins with that role, the team active", async () => {
    const invited = await callAuth("organization/invite-member", {
      cookie: ownerCookie,
      json: { email: "Eve@Example.test", role: "editor" },
    });
    expect(invited.status).toBe(200);
    expect(invited.body).toMatchObject({ email: "eve@example.test", role: "editor", status: "pending", organizationId: teamId });
    const days = (new Date(invited.body.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const { cookie, userId } = await signUp({ name: "Eve", email: "eve@example.test", password: PASSWORD });
    expect((await getSessionContext(requestWith(cookie)))?.team).toBeNull();
    const accepted = await callAuth("organization/accept-invitation", { cookie, json: { invitationId: invited.body.id } });
    expect(accepted.status).toBe(200);

    expect(await requireTeamSession(requestWith(cookie))).toMatchObject({ user: { id: userId }, team: { id: teamId }, role: "editor" });
    const { prisma } = await getDb();
    expect((await prisma.session.findFirst({ where: { userId } }))?.activeOrganizationId).toBe(teamId);
    expect((await prisma.invitation.findUnique({ where: { id: invited.body.id } }))?.status).toBe("accepted");

    // Used once.
    const again = await callAuth("organization/accept-invitation", { cookie, json: { invitationId: invited.body.id } });
    expect(again.status).toBe(400);
  });

  it("refuses invitations from editors and members (403), changing nothing", async () => {
    const { prisma } = await getDb();
    const before = await prisma.invitation.count();
    for (const role of ["editor", "member"] as const) {
      const { cookie } = await createMemberWithRole(ownerCookie, role);
      const countAfterSetup = await prisma.invitation.count();
      const refused = await callAuth("organization/invite-member", { cookie, json: { email: `x-${role}@example.test`, role: "member" } });
      expect(refused.status).toBe(403);
      expect(await prisma.invitation.count()).toBe(countAfterSetup);
    }
    expect(await prisma.invitation.count()).toBe(before + 2);
  });

  it("shows the team's invitations (their links) to owners only", async () => {
    const editor = await createMemberWithRole(ownerCookie, "editor");
    const member = await createMemberWithRole(ownerCookie, "member");
    expect((await callAuth("organization/list-invitations", { cookie: ownerCookie })).status).toBe(200);
    expect((await callAuth("organization/get-full-organization", { cookie: ownerCookie })).status).toBe(200);
    for (const cookie of [editor.cookie, member.cookie]) {
      expect((await callAuth("organization/list-invitations", { cookie })).status).toBe(403);
      expect((await callAuth(`organization/list-invitations?organizationId=${teamId}`, { cookie })).status).toBe(403);
      expect((await callAuth("organization/get-full-organization", { cookie })).status).toBe(403);
    }
    // Nor to whoever registers an invited address (accounts are not email-verified).
    await callAuth("organization/invite-member", { cookie: ownerCookie, json: { email: "boss@example.test", role: "owner" } });
    const squatter = await signUpAndGetCookie({ name: "Squatter", email: "boss@example.test", password: PASSWORD });
    expect((await callAuth("organization/list-user-invitations", { cookie: squatter })).status).toBe(404);
  });

  it("refuses roles other than owner, editor and member", async () => {
    const refused = await callAuth("organization/invite-member", {
      cookie: ownerCookie,
      json: { email: "admin@example.test", role: "admin" },
    });
    expect(refused.status).toBe(400);
  });

  it("can only be accepted by the invited email", async () => {
    const invited = await callAuth("organization/invite-member", {
      cookie: ownerCookie,
      json: { email: "right@example.test", role: "member" },
    });
    const cookie = await signUpAndGetCookie({ name: "Wrong", email: "wrong@example.test", password: PASSWORD });
    const refused = await callAuth("organization/accept-invitation", { cookie, json: { invitationId: invited.body.id } });
    expect(refused.status).toBe(403);
    expect((await getSessionContext(requestWith(cookie)))?.team).toBeNull();
  });

  it("cannot be accepted once revoked by the owner", async () => {
    const invited = await callAuth("organization/invite-member", {
      cookie: ownerCookie,
      json: { email: "revoked@example.test", role: "member" },
    });
    expect(
      (await callAuth("organization/cancel-invitation", { cookie: ownerCookie, json: { invitationId: invited.body.id } })).status,
    ).toBe(200);
    const cookie = await signUpAndGetCookie({ name: "Revoked", email: "revoked@example.test", password: PASSWORD });
    const refused = await callAuth("organization/accept-invitation", { cookie, json: { invitationId: invited.body.id } });
    expect(refused.status).toBe(400);
  });
});

describe("roles", () => {
  it("the owner changes a member's role", async () => {
    const editor = await createMemberWithRole(ownerCookie, "editor");
    const { prisma } = await getDb();
    const row = await prisma.member.findFirstOrThrow({ where: { userId: editor.userId } });
    const changed = await callAuth("organization/update-member-role", { cookie: ownerCookie, json: { memberId: row.id, role: "member" } });
    expect(changed.status).toBe(200);
    expect(await requireTeamSession(requestWith(editor.cookie))).toMatchObject({ role: "member" });
    expect(await rejection(requireTeamSession(requestWith(editor.cookie), ["owner", "editor"]))).toEqual({
      code: "forbidden",
      status: 403,
    });
  });

  it("editors cannot change roles", async () => {
    const editor = await createMemberWithRole(ownerCookie, "editor");
    const member = await createMemberWithRole(ownerCookie, "member");
    const { prisma } = await getDb();
    const row = await prisma.member.findFirstOrThrow({ where: { userId: member.userId } });
    const refused = await callAuth("organization/update-member-role", {
      cookie: editor.cookie,
      json: { memberId: row.id, role: "editor" },
    });
    expect(refused.status).toBe(403);
    expect((await prisma.member.findUniqueOrThrow({ where: { id: row.id } })).role).toBe("member");
  });

  it("refuses unknown roles, and demoting the last owner", async () => {
    const member = await createMemberWithRole(ownerCookie, "member");
    const { prisma } = await getDb();
    const row = await prisma.member.findFirstOrThrow({ where: { userId: member.userId } });
    const admin = await callAuth("organization/update-member-role", { cookie: ownerCookie, json: { memberId: row.id, role: "admin" } });
    expect(admin.status).toBe(400);

    const ownerRow = await prisma.member.findFirstOrThrow({ where: { userId: ownerId } });
    const demoted = await callAuth("organization/update-member-role", {
      cookie: ownerCookie,
      json: { memberId: ownerRow.id, role: "editor" },
    });
    expect(demoted.status).toBe(400);
    expect((await prisma.member.findUniqueOrThrow({ where: { id: ownerRow.id } })).role).toBe("owner");
  });

  it("a second owner can be made, and then the first may step down", async () => {
    const second = await createMemberWithRole(ownerCookie, "owner");
    expect(await requireTeamSession(requestWith(second.cookie), ["owner"])).toMatchObject({ role: "owner" });
    const { prisma } = await getDb();
    const secondRow = await prisma.member.findFirstOrThrow({ where: { userId: second.userId } });
    const ownerRow = await prisma.member.findFirstOrThrow({ where: { userId: ownerId } });
    // The new owner demotes the first owner, then promotes them back.
    expect(
      (await callAuth("organization/update-member-role", { cookie: second.cookie, json: { memberId: ownerRow.id, role: "editor" } }))
        .status,
    ).toBe(200);
    expect(await requireTeamSession(requestWith(ownerCookie))).toMatchObject({ role: "editor" });
    expect(
      (await callAuth("organization/update-member-role", { cookie: second.cookie, json: { memberId: ownerRow.id, role: "owner" } })).status,
    ).toBe(200);
    expect((await callAuth("organization/remove-member", { cookie: ownerCookie, json: { memberIdOrEmail: secondRow.id } })).status).toBe(
      200,
    );
    expect(await rejection(requireTeamSession(requestWith(second.cookie)))).toEqual({ code: "forbidden", status: 403 });
  });
});

describe("invitation pages' data", () => {
  it("tells pending, accepted, revoked and expired invitations apart", async () => {
    const pending = await callAuth("organization/invite-member", {
      cookie: ownerCookie,
      json: { email: "view@example.test", role: "editor" },
    });
    expect(await findInvitationView(pending.body.id)).toMatchObject({
      email: "view@example.test",
      role: "editor",
      state: "pending",
      team: { id: teamId, name: "Ada Lovelace's team" },
      inviterName: "Ada Lovelace",
    });

    const { prisma } = await getDb();
    await prisma.invitation.update({ where: { id: pending.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await findInvitationView(pending.body.id))?.state).toBe("expired");
    const cookie = await signUpAndGetCookie({ name: "Late", email: "view@example.test", password: PASSWORD });
    expect((await callAuth("organization/accept-invitation", { cookie, json: { invitationId: pending.body.id } })).status).toBe(400);

    await prisma.invitation.update({ where: { id: pending.body.id }, data: { status: "canceled" } });
    expect((await findInvitationView(pending.body.id))?.state).toBe("revoked");
    await prisma.invitation.update({ where: { id: pending.body.id }, data: { status: "accepted" } });
    expect((await findInvitationView(pending.body.id))?.state).toBe("accepted");
    expect(await findInvitationView("no-such-invitation")).toBeNull();
  });

  it("lists the team's members and pending invitations for the Team page", async () => {
    const data = await loadTeamPageData(teamId);
    expect(data.members[0]).toMatchObject({ userId: ownerId, name: "Ada Lovelace", email: "ada@example.test", role: "owner" });
    expect(data.members.every((member) => ["owner", "editor", "member"].includes(member.role))).toBe(true);
    expect(data.invitations.some((invitation) => invitation.email === "right@example.test" && !invitation.expired)).toBe(true);
    expect(data.invitations.some((invitation) => invitation.email === "revoked@example.test")).toBe(false);
  });
});

describe("the active team", () => {
  it("falls back to a team the user still belongs to, or to none", async () => {
    const member = await createMemberWithRole(ownerCookie, "member");
    const { prisma } = await getDb();
    await prisma.session.updateMany({ where: { userId: member.userId }, data: { activeOrganizationId: "gone" } });
    expect(await requireTeamSession(requestWith(member.cookie))).toMatchObject({ team: { id: teamId }, role: "member" });
    expect((await prisma.session.findFirst({ where: { userId: member.userId } }))?.activeOrganizationId).toBe(teamId);

    await prisma.member.deleteMany({ where: { userId: member.userId } });
    expect(await getSessionContext(requestWith(member.cookie))).toMatchObject({ team: null, role: null });
    expect((await prisma.session.findFirst({ where: { userId: member.userId } }))?.activeOrganizationId).toBeNull();
  });

  it("starts a new session in the user's team", async () => {
    const member = await createMemberWithRole(ownerCookie, "editor", { email: "again@example.test" });
    const signedIn = await callAuth("sign-in/email", { json: { email: "again@example.test", password: "password-123" } });
    const { prisma } = await getDb();
    const sessions = await prisma.session.findMany({ where: { userId: member.userId }, orderBy: { createdAt: "asc" } });
    expect(sessions).toHaveLength(2);
    expect(sessions[1].activeOrganizationId).toBe(teamId);
    expect(signedIn.status).toBe(200);
  });
});
