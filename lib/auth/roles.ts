/**
 * Team roles and what each may do: one access-control definition shared by the server's
 * organization plugin (lib/auth/auth.ts), the browser's auth client
 * (lib/client/auth-client.ts) and any UI that hides what a role cannot do.
 *
 * Safe to import from client components: it imports nothing server-only.
 *
 * - owner: everything, including inviting people and changing roles;
 * - editor (designers): build, run and publish workflows;
 * - member (teammates): see and run the team's Apps and their own runs.
 */
import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements } from "better-auth/plugins/organization/access";

export type TeamRole = "owner" | "editor" | "member";

/** Every role, most powerful first. */
export const TEAM_ROLES = ["owner", "editor", "member"] as const satisfies readonly TeamRole[];

export const ROLE_LABELS: Record<TeamRole, string> = { owner: "Owner", editor: "Editor", member: "Member" };

export const ROLE_DESCRIPTIONS: Record<TeamRole, string> = {
  owner: "Everything, including inviting people and changing roles",
  editor: "Builds, runs and publishes workflows",
  member: "Runs the team's Apps",
};

/**
 * The organization plugin's own resources (organization, member, invitation, team, ac) plus
 * the studio's: workflows (graphs, their runs and assets) and Apps.
 */
export const statements = {
  ...defaultStatements,
  workflow: ["create", "read", "update", "delete", "run"],
  app: ["read", "run", "publish", "manage"],
} as const;

export const ac = createAccessControl(statements);

export const roles = {
  owner: ac.newRole({
    organization: ["update"],
    member: ["create", "update", "delete"],
    invitation: ["create", "cancel"],
    ac: ["read"],
    workflow: ["create", "read", "update", "delete", "run"],
    app: ["read", "run", "publish", "manage"],
  }),
  editor: ac.newRole({
    ac: ["read"],
    workflow: ["create", "read", "update", "delete", "run"],
    app: ["read", "run", "publish"],
  }),
  member: ac.newRole({
    ac: ["read"],
    app: ["read", "run"],
  }),
};

export type TeamPermissions = { [K in keyof typeof statements]?: readonly (typeof statements)[K][number][] };

/** True when `role` may do every action listed, e.g. `can("editor", { workflow: ["update"] })`. */
export function can(role: TeamRole | null | undefined, permissions: TeamPermissions): boolean {
  if (!role) return false;
  // Each role's `authorize` is typed on its own statements; they all take this shape.
  const authorize = roles[role].authorize as unknown as (request: TeamPermissions) => { success: boolean };
  return authorize(permissions).success;
}

export function isTeamRole(value: unknown): value is TeamRole {
  return value === "owner" || value === "editor" || value === "member";
}

/**
 * The role a member row stands for. better-auth stores roles as a comma-separated list; the
 * studio gives one role each, but should a list appear, the most powerful known role wins.
 * Unknown roles give null (no access).
 */
export function parseTeamRole(stored: string | null | undefined): TeamRole | null {
  if (!stored) return null;
  const parts = stored.split(",").map((part) => part.trim());
  return TEAM_ROLES.find((role) => parts.includes(role)) ?? null;
}

/** Where a role lands after signing in: members only ever see Apps. */
export function homePathForRole(role: TeamRole | null): string {
  if (role === null) return "/no-team";
  return role === "member" ? "/apps" : "/";
}
