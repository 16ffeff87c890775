/**
 * What every route refuses before doing anything (issue 8): requests from another site
 * (cross-site request forgery), bodies that are not JSON, text the database cannot store,
 * oversized bodies; and the sign-up of a teammate who opened the studio on 127.0.0.1.
 * Each refusal is checked to change nothing.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { call as callAs, fixture, uploadForm, useFreshDataDir } from "./harness";

const dataDir = useFreshDataDir();
const { setUpTeams, createTeamWorkflow, storyGraph, storyInputs, uploadTeamImage } = await import("./apps-harness");
const workflows = await import("@/app/api/workflows/route");
const workflowRoute = await import("@/app/api/workflows/[id]/route");
const workflowRuns = await import("@/app/api/workflows/[id]/runs/route");
const publishRoute = await import("@/app/api/workflows/[id]/publish/route");
const appRoute = await import("@/app/api/apps/[slug]/route");
const appRuns = await import("@/app/api/apps/[slug]/runs/route");
const upload = await import("@/app/api/assets/route");
const { authHandler } = await import("@/lib/auth/auth");
const { getServerContext } = await import("@/lib/server/context");
const { db } = await getServerContext();
const team = await setUpTeams();
const owner = { cookie: team.owner.cookie };
/** Calls a route as the team's owner unless `cookie` says otherwise. */
const call: typeof callAs = (handler, options = {}) => callAs(handler, { cookie: owner.cookie, ...options });

/** The studio as Next.js sees it: `request.url` says localhost:3000 whatever the browser typed. */
const STUDIO = "http://localhost:3000";

async function counts() {
  return { workflows: await db.workflow.count(), runs: await db.run.count(), assets: await db.asset.count(), users: await db.user.count() };
}

function filesUnder(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, name.name);
    n += name.isDirectory() ? filesUnder(full) : statSync(full).isFile() ? 1 : 0;
  }
  return n;
}
const assetFiles = () => {
  try {
    return filesUnder(path.join(dataDir, "assets"));
  } catch {
    return 0;
  }
};

describe("cross-site requests are refused before anything changes", () => {
  it("refuses a workflow created from another site, from another port of the same host, or with Sec-Fetch-Site cross-site", async () => {
    const before = await counts();
    const attempts: Array<Record<string, string>> = [
      { origin: "http://evil.example", host: "localhost:3000" },
      { origin: "http://localhost:3001", host: "localhost:3000" },
      { origin: "null", host: "localhost:3000" },
      { "sec-fetch-site": "cross-site", host: "localhost:3000" },
      { "sec-fetch-site": "same-site", host: "localhost:3000" },
    ];
    for (const headers of attempts) {
      const res = await call(workflows.POST, { method: "POST", url: `${STUDIO}/api/workflows`, headers, json: { name: "Forged" } });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    expect(await counts()).toEqual(before);
  });

  it("accepts the same request from the studio's own page, also when it was opened on 127.0.0.1", async () => {
    const onLocalhost = await call(workflows.POST, {
      method: "POST",
      url: `${STUDIO}/api/workflows`,
      headers: { origin: STUDIO, host: "localhost:3000", "sec-fetch-site": "same-origin" },
      json: { name: "Mine" },
    });
    expect(onLocalhost.status).toBe(201);
    const onIp = await call(workflows.POST, {
      method: "POST",
      url: `${STUDIO}/api/workflows`,
      headers: { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", "sec-fetch-site": "same-origin" },
      json: { name: "Mine too" },
    });
    expect(onIp.status).toBe(201);
  });

  it("refuses a text/plain body (a cross-site form can send one without asking) even when it is JSON", async () => {
    const before = await counts();
    const res = await call(workflows.POST, {
      method: "POST",
      body: JSON.stringify({ name: "Plain" }),
      headers: { "content-type": "text/plain" },
    });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe("unsupported_media_type");
    const form = await call(workflows.POST, {
      method: "POST",
      body: "name=Form",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    expect(await counts()).toEqual(before);
  });

  it("refuses an App quota change and an App run from another origin", async () => {
    const workflow = await createTeamWorkflow(team.owner, storyGraph());
    const published = await call(publishRoute.POST, {
      method: "POST",
      params: { id: workflow.id },
      json: { name: "Story", slug: "story", inputs: storyInputs },
    });
    expect(published.status).toBe(201);
    const patched = await call(appRoute.PATCH, {
      method: "PATCH",
      params: { slug: "story" },
      headers: { origin: "http://evil.example" },
      json: { dailyRunQuota: 9999 },
    });
    expect(patched.status).toBe(403);
    expect((await call(appRoute.GET, { params: { slug: "story" } })).body.app.dailyRunQuota).toBe(50);

    const image = await uploadTeamImage(team.owner);
    const before = await counts();
    const run = await call(appRuns.POST, {
      method: "POST",
      params: { slug: "story" },
      headers: { origin: "http://localhost:5173" },
      json: { items: [{ inputs: { image } }] },
    });
    expect(run.status).toBe(403);
    expect(await counts()).toEqual(before);
  });
});

describe("sign-up and sign-in on the address the browser used", () => {
  async function auth(pathname: string, json: unknown, headers: Record<string, string>, body?: string) {
    const res = await authHandler(
      new Request(`${STUDIO}/api/auth/${pathname}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: body ?? JSON.stringify(json),
      }),
    );
    const text = await res.text();
    return { status: res.status, text, body: text.startsWith("{") ? JSON.parse(text) : null };
  }

  it("signs up a teammate who opened the studio as http://127.0.0.1:3000 (Next reports the URL as localhost)", async () => {
    // better-auth checks the Origin of requests that carry cookies; a browser that has been on
    // the studio before (a stale session, the theme) sends some.
    const res = await auth(
      "sign-up/email",
      { name: "Ivy IP", email: "ivy@example.test", password: "password-123" },
      { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", cookie: "better-auth.session_token=stale" },
    );
    expect(res.status, res.text).toBe(200);
    const signIn = await auth(
      "sign-in/email",
      { email: "ivy@example.test", password: "password-123" },
      { origin: "http://192.168.1.20:3000", host: "192.168.1.20:3000", cookie: "better-auth.session_token=stale" },
    );
    expect(signIn.status, signIn.text).toBe(200);
  });

  it("refuses a sign-up posted by another site", async () => {
    const before = await counts();
    const res = await auth(
      "sign-up/email",
      { name: "Eve", email: "eve@example.test", password: "password-123" },
      { origin: "http://evil.example", host: "127.0.0.1:3000", cookie: "better-auth.session_token=stale" },
    );
    expect(res.status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("answers malformed JSON and NUL characters in auth fields with a 400 naming the problem", async () => {
    const before = await counts();
    const malformed = await auth("sign-in/email", null, {}, '{"email": "olga@example.test", "password": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("invalid_json");
    const nul = await auth("sign-up/email", { name: "N\u0000ul", email: "nul@example.test", password: "password-123" }, {});
    expect(nul.status).toBe(400);
    expect(nul.body.error.message).toContain("body.name");
    const surrogate = await auth("sign-in/email", { email: "olga@example.test", password: "pass\ud800word" }, {});
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.error.message).toContain("body.password");
    const empty = await auth("sign-in/email", null, {}, "");
    expect(empty.status).toBe(400);
    const plain = await auth(
      "sign-in/email",
      null,
      { "content-type": "text/plain" },
      JSON.stringify({ email: "olga@example.test", password: "password-123" }),
    );
    expect(plain.status).toBe(415);
    expect(await counts()).toEqual(before);
  });
});

describe("text the database cannot store and numbers it cannot hold", () => {
  it("refuses %00 in an id, NUL in a name, a lone surrogate in the graph and version 2147483648, naming each, saving nothing", async () => {
    const saved = (await call(workflows.POST, { method: "POST", json: { name: "Keep me" } })).body.workflow;
    const before = await counts();

    const nulId = await call(workflowRoute.GET, { params: { id: "abc\u0000def" } });
    expect(nulId.status).toBe(400);
    expect(nulId.body.error.message).toMatch(/^id: /);

    const nulName = await call(workflows.POST, { method: "POST", json: { name: "Bad\u0000name" } });
    expect(nulName.status).toBe(400);
    expect(nulName.body.error.message).toContain("body.name");

    const lone = await call(workflows.POST, {
      method: "POST",
      json: '{"name":"Lone","graph":{"nodes":[{"id":"p","type":"prompt","position":{"x":0,"y":0},"data":{"text":"half \\ud83d emoji"}}],"edges":[]}}',
    });
    expect(lone.status).toBe(400);
    expect(lone.body.error.message).toContain("body.graph.nodes.0.data.text");

    const huge = await call(workflowRoute.PUT, {
      method: "PUT",
      params: { id: saved.id },
      json: { graph: saved.graph, version: 2147483648 },
    });
    expect(huge.status).toBe(400);
    expect(huge.body.error.message).toContain("body.version");

    expect(await counts()).toEqual(before);
    expect((await call(workflowRoute.GET, { params: { id: saved.id } })).body.workflow).toMatchObject({ name: "Keep me", version: 1 });
  });

  it("refuses an upload whose file name has a NUL character, leaving no file behind", async () => {
    const before = { rows: await counts(), files: assetFiles() };
    const res = await call(upload.POST, { method: "POST", body: uploadForm(fixture("chelsea.png"), "evil\u0000.png") });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("file name");
    expect({ rows: await counts(), files: assetFiles() }).toEqual(before);
  });
});

describe("body size", () => {
  const bigGraph = () =>
    JSON.stringify({
      name: "Big",
      graph: { nodes: [{ id: "p", type: "prompt", position: { x: 0, y: 0 }, data: { text: "x".repeat(1024 * 1024) } }], edges: [] },
    });

  it("refuses a JSON body over 1 MB with 413 from its Content-Length, before reading any of it", async () => {
    const before = await counts();
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const request = new Request(`${STUDIO}/api/workflows`, {
      method: "POST",
      headers: { cookie: owner.cookie, "content-type": "application/json", "content-length": String(3 * 1024 * 1024) },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const res = await workflows.POST(request, { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
    expect(pulled).toBeLessThanOrEqual(1); // the stream may prime one chunk; nothing is read
    expect(await counts()).toEqual(before);
  });

  it("refuses a body that turns out over 1 MB while it is read (no Content-Length)", async () => {
    const before = await counts();
    const res = await call(workflows.POST, { method: "POST", body: bigGraph(), headers: { "content-type": "application/json" } });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toContain("1 MB");
    expect(await counts()).toEqual(before);
  });
});

describe("starting runs: Idempotency-Key and the per-person limit", () => {
  it("returns the same run for a retry with the same Idempotency-Key, and refuses the key for another workflow", async () => {
    const graph = {
      nodes: [
        { id: "p", type: "prompt", position: { x: 0, y: 0 }, data: { text: "A mug" } },
        { id: "gen", type: "generation", position: { x: 1, y: 0 }, data: {} },
        { id: "out", type: "output", position: { x: 2, y: 0 }, data: { label: "Mug" } },
      ],
      edges: [
        { id: "a", source: "p", sourceHandle: "text", target: "gen", targetHandle: "prompt" },
        { id: "b", source: "gen", sourceHandle: "image", target: "out", targetHandle: "image" },
      ],
    };
    const workflow = (await call(workflows.POST, { method: "POST", json: { name: "Mug", graph } })).body.workflow;
    const key = "3f0c9a52-7d1e-4c3b-9a55-2b9d7e1c0a11";
    const first = await call(workflowRuns.POST, {
      method: "POST",
      params: { id: workflow.id },
      headers: { "idempotency-key": key },
      json: {},
    });
    expect(first.status).toBe(202);
    const runsAfterFirst = await db.run.count();
    const retry = await call(workflowRuns.POST, {
      method: "POST",
      params: { id: workflow.id },
      headers: { "idempotency-key": key },
      json: {},
    });
    expect(retry.status).toBe(202);
    expect(retry.body.run.id).toBe(first.body.run.id);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.run.count()).toBe(runsAfterFirst);

    // The same key from another person is theirs: it starts their own run.
    const editorRun = await call(workflowRuns.POST, {
      method: "POST",
      params: { id: workflow.id },
      cookie: team.editor.cookie,
      headers: { "idempotency-key": key },
      json: {},
    });
    expect(editorRun.status).toBe(202);
    expect(editorRun.body.run.id).not.toBe(first.body.run.id);

    const other = (await call(workflows.POST, { method: "POST", json: { name: "Other", graph } })).body.workflow;
    const reused = await call(workflowRuns.POST, {
      method: "POST",
      params: { id: other.id },
      headers: { "idempotency-key": key },
      json: {},
    });
    expect(reused.status).toBe(409);
    const bad = await call(workflowRuns.POST, {
      method: "POST",
      params: { id: other.id },
      headers: { "idempotency-key": "has space" },
      json: {},
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("Idempotency-Key");
  });

  it("returns the same App runs for a retry of a batch with the same Idempotency-Key", async () => {
    const image = await uploadTeamImage(team.owner);
    const items = [{ inputs: { image } }, { inputs: { image, platform: "instagram_post" } }];
    const first = await call(appRuns.POST, {
      method: "POST",
      params: { slug: "story" },
      headers: { "idempotency-key": "batch-1" },
      json: { items },
    });
    expect(first.status).toBe(202);
    expect(first.body.runs).toHaveLength(2);
    const before = await db.run.count();
    const retry = await call(appRuns.POST, {
      method: "POST",
      params: { slug: "story" },
      headers: { "idempotency-key": "batch-1" },
      json: { items },
    });
    expect(retry.status).toBe(202);
    expect(retry.body.runs.map((r: any) => r.id)).toEqual(first.body.runs.map((r: any) => r.id));
    expect(await db.run.count()).toBe(before);
  });

  it("answers 429 with Retry-After once a person starts too many runs in a minute, starting nothing", async () => {
    const { createSlidingWindowLimiter, setRunStartLimiter, runStartLimiter } = await import("@/lib/api/rate-limit");
    const previous = runStartLimiter();
    setRunStartLimiter(createSlidingWindowLimiter({ limit: 2, windowMs: 60_000 }));
    try {
      const image = await uploadTeamImage(team.owner);
      const workflow = await createTeamWorkflow(team.owner, storyGraph(image));
      expect((await call(workflowRuns.POST, { method: "POST", params: { id: workflow.id }, json: {} })).status).toBe(202);
      expect(
        (await call(appRuns.POST, { method: "POST", params: { slug: "story" }, json: { items: [{ inputs: { image } }] } })).status,
      ).toBe(202);
      const before = await db.run.count();
      const limited = await call(workflowRuns.POST, { method: "POST", params: { id: workflow.id }, json: {} });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      const limitedApp = await call(appRuns.POST, { method: "POST", params: { slug: "story" }, json: { items: [{ inputs: { image } }] } });
      expect(limitedApp.status).toBe(429);
      expect(limitedApp.headers.get("retry-after")).toBeTruthy();
      expect(await db.run.count()).toBe(before);
      // Another person is not limited by the first one's runs.
      expect(
        (
          await call(appRuns.POST, {
            method: "POST",
            params: { slug: "story" },
            cookie: team.member.cookie,
            json: { items: [{ inputs: { image: await uploadTeamImage(team.member) } }] },
          })
        ).status,
      ).toBe(202);
    } finally {
      setRunStartLimiter(previous);
    }
  });
});
