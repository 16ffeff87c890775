import { describe, expect, it } from "vitest";
import { invitationIdFromPath, safeNextPath, signInPath } from "./paths";
import { can, homePathForRole, parseTeamRole } from "./roles";
import { teamNameFor, teamSlugFor } from "./first-team";

describe("roles", () => {
  it("owners do everything, editors build and publish, members run Apps", () => {
    expect(can("owner", { invitation: ["create"], member: ["update"] })).toBe(true);
    expect(can("editor", { workflow: ["create", "update", "run"], app: ["publish"] })).toBe(true);
    expect(can("editor", { invitation: ["create"] })).toBe(false);
    expect(can("editor", { app: ["manage"] })).toBe(false);
    expect(can("member", { app: ["read", "run"] })).toBe(true);
    expect(can("member", { workflow: ["read"] })).toBe(false);
    expect(can(null, { app: ["read"] })).toBe(false);
  });

  it("reads stored roles, the most powerful first, unknown ones as none", () => {
    expect(parseTeamRole("editor")).toBe("editor");
    expect(parseTeamRole("member,owner")).toBe("owner");
    expect(parseTeamRole("admin")).toBeNull();
    expect(parseTeamRole(null)).toBeNull();
  });

  it("sends members to Apps and the others to workflows", () => {
    expect(homePathForRole("member")).toBe("/apps");
    expect(homePathForRole("editor")).toBe("/");
    expect(homePathForRole("owner")).toBe("/");
    expect(homePathForRole(null)).toBe("/no-team");
  });
});

describe("paths", () => {
  it("keeps next targets on this site", () => {
    expect(safeNextPath("/workflows/1?x=2")).toBe("/workflows/1?x=2");
    expect(safeNextPath("//evil.example")).toBe("/");
    expect(safeNextPath("/\\evil.example")).toBe("/");
    expect(safeNextPath("https://evil.example")).toBe("/");
    expect(safeNextPath(undefined, "/apps")).toBe("/apps");
    expect(signInPath("/team")).toBe("/sign-in?next=%2Fteam");
    expect(signInPath("/")).toBe("/sign-in");
    expect(invitationIdFromPath("/invite/abc")).toBe("abc");
    expect(invitationIdFromPath("/invite/abc/x")).toBeNull();
  });

  it("names the first team after its owner", () => {
    expect(teamNameFor("Ada")).toBe("Ada's team");
    expect(teamSlugFor("Zoë  O'Brien")).toBe("zoe-o-brien-team");
    expect(teamSlugFor("北京")).toBe("team");
  });
});
