import { describe, expect, it } from "vitest";
import { invitationIdFromPath, safeNextPath } from "./paths";

describe("safeNextPath (where sign-in sends you)", () => {
  it("keeps paths on the site, normalised", () => {
    expect(safeNextPath("/workflows/abc?tab=runs#top")).toBe("/workflows/abc?tab=runs#top");
    expect(safeNextPath("/invite/xyz")).toBe("/invite/xyz");
    expect(safeNextPath("/a/../apps")).toBe("/apps");
  });

  it("refuses the audit's open redirect: /<TAB>/example.org/phish, which a browser follows to http://example.org/phish", () => {
    // The query string `next=%2F%09%2Fexample.org%2Fphish` decodes to this.
    const next = decodeURIComponent("%2F%09%2Fexample.org%2Fphish");
    expect(new URL(next, "http://localhost:3000").host).toBe("example.org"); // what the browser would do
    expect(safeNextPath(next)).toBe("/");
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example/x",
    "/ /evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "\t//evil.example",
    "/.//evil.example",
    "",
  ])("refuses %j", (next) => {
    const result = safeNextPath(next, "/home");
    expect(result === "/home" || new URL(result, "http://localhost:3000").origin === "http://localhost:3000").toBe(true);
    expect(new URL(result, "http://localhost:3000").host).toBe("localhost:3000");
  });

  it("reads a malformed invitation link as none instead of throwing", () => {
    expect(invitationIdFromPath("/invite/%E0%A4%A")).toBeNull();
    expect(invitationIdFromPath("/invite/abc")).toBe("abc");
  });
});
