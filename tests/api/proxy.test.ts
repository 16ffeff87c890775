import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const at = (path: string, cookie?: string) => proxy(new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} }));

describe("proxy", () => {
  it("answers 400 for a path that is not valid UTF-8 or encodes NUL, on pages and the API", async () => {
    for (const path of ["/workflows/%FF", "/workflows/%E0%A4%A", "/apps/%00"]) {
      const res = at(path, "better-auth.session_token=x");
      expect(res.status, path).toBe(400);
      expect(await res.text()).toContain("This address is not valid");
    }
    const api = at("/api/runs/%C3%28");
    expect(api.status).toBe(400);
    expect((await api.json()).error.code).toBe("bad_request");
  });

  it("sends a signed-out page request to sign-in and lets the API answer for itself", () => {
    const page = at("/workflows/abc");
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toBe("http://localhost:3000/sign-in?next=%2Fworkflows%2Fabc");
    expect(at("/api/workflows").headers.get("x-middleware-next")).toBe("1");
    expect(at("/workflows/%C3%A9t%C3%A9", "better-auth.session_token=x").headers.get("x-middleware-next")).toBe("1");
  });
});
