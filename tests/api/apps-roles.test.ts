/**
 * The role matrix of the Apps routes: for each route and each caller (anonymous, member,
 * editor, owner, another team's owner) the status code, and nothing changed by a refused request.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, useFreshDataDir } from "./harness";

useFreshDataDir();
const { setUpTeams, createTeamWorkflow, uploadTeamImage, storyGraph, storyInputs, runsSettle } = await import("./apps-harness");
const publishRoute = await import("@/app/api/workflows/[id]/publish/route");
const appsRoute = await import("@/app/api/apps/route");
const appRoute = await import("@/app/api/apps/[slug]/route");
const rollbackRoute = await import("@/app/api/apps/[slug]/rollback/route");
const estimateRoute = await import("@/app/api/apps/[slug]/estimate/route");
const appRunsRoute = await import("@/app/api/apps/[slug]/runs/route");
const downloadRoute = await import("@/app/api/apps/[slug]/download/route");
const { getServerContext } = await import("@/lib/server/context");

type Caller = "anonymous" | "member" | "editor" | "owner" | "outsider";
const CALLERS: Caller[] = ["anonymous", "member", "editor", "owner", "outsider"];

let team: Awaited<ReturnType<typeof setUpTeams>>;
let workflowId = "";
let image = "";
const slug = "roles-app";

const headers = (caller: Caller): Record<string, string> => (caller === "anonymous" ? {} : { cookie: team[caller].cookie });

/** What the database holds about Apps and runs: equal before and after a refused request. */
async function snapshot() {
  const { db } = await getServerContext();
  const apps = await db.app.findMany({ orderBy: { slug: "asc" } });
  return {
    apps: apps.map(({ updatedAt: _u, ...rest }) => rest),
    versions: await db.appVersion.count(),
    workflowVersions: await db.workflowVersion.count(),
    runs: await db.run.count(),
  };
}

/** Calls `send` as each caller and checks the statuses; refused calls must change nothing. */
async function matrix(expected: Record<Caller, number>, send: (caller: Caller) => Promise<{ status: number; body: any }>) {
  const seen: Partial<Record<Caller, number>> = {};
  for (const caller of CALLERS) {
    const before = await snapshot();
    const answer = await send(caller);
    seen[caller] = answer.status;
    if (answer.status >= 400) {
      expect(answer.body?.error?.code, `${caller}: ${JSON.stringify(answer.body)}`).toBeTruthy();
      expect(await snapshot(), `${caller} changed something with a refused request`).toEqual(before);
    }
  }
  expect(seen).toEqual(expected);
}

beforeAll(async () => {
  team = await setUpTeams();
  workflowId = (await createTeamWorkflow(team.editor, storyGraph(null))).id;
  image = await uploadTeamImage(team.member);
  const published = await call(publishRoute.POST, {
    method: "POST",
    params: { id: workflowId },
    headers: headers("editor"),
    json: { name: "Roles", slug, inputs: storyInputs },
  });
  expect(published.status).toBe(201);
}, 120_000);

describe("Apps routes by role", () => {
  it("POST /api/workflows/:id/publish: owners and editors", async () => {
    let n = 0;
    await matrix({ anonymous: 401, member: 403, editor: 201, owner: 201, outsider: 404 }, (caller) =>
      call(publishRoute.POST, {
        method: "POST",
        params: { id: workflowId },
        headers: headers(caller),
        json: { name: "Published", slug: `published-${++n}`, inputs: storyInputs },
      }),
    );
  });

  it("GET /api/apps: every role of the team, only the team's Apps", async () => {
    await matrix({ anonymous: 401, member: 200, editor: 200, owner: 200, outsider: 200 }, (caller) =>
      call(appsRoute.GET, { headers: headers(caller) }),
    );
    expect((await call(appsRoute.GET, { headers: headers("outsider") })).body.apps).toEqual([]);
  });

  it("GET /api/apps/:slug: every role of the team; the history and management for owners and editors", async () => {
    await matrix({ anonymous: 401, member: 200, editor: 200, owner: 200, outsider: 404 }, (caller) =>
      call(appRoute.GET, { params: { slug }, headers: headers(caller) }),
    );
    const view = async (caller: Caller) => (await call(appRoute.GET, { params: { slug }, headers: headers(caller) })).body.app;
    expect(await view("member")).toMatchObject({ canManage: false, canSetQuota: false });
    expect((await view("member")).versions).toBeUndefined();
    expect(await view("editor")).toMatchObject({
      canManage: true,
      canSetQuota: false,
      versions: [expect.objectContaining({ version: 1 })],
    });
    expect(await view("owner")).toMatchObject({ canManage: true, canSetQuota: true });
  });

  it("PATCH /api/apps/:slug: owners and editors; the quota owners only", async () => {
    await matrix({ anonymous: 401, member: 403, editor: 200, owner: 200, outsider: 404 }, (caller) =>
      call(appRoute.PATCH, { method: "PATCH", params: { slug }, headers: headers(caller), json: { description: `by ${caller}` } }),
    );
    await matrix({ anonymous: 401, member: 403, editor: 403, owner: 200, outsider: 404 }, (caller) =>
      call(appRoute.PATCH, { method: "PATCH", params: { slug }, headers: headers(caller), json: { dailyRunQuota: 40 } }),
    );
    const editorQuota = await call(appRoute.PATCH, {
      method: "PATCH",
      params: { slug },
      headers: headers("editor"),
      json: { dailyRunQuota: 7 },
    });
    expect(editorQuota.body.error.message).toBe("Only the team's owners set an App's daily run quota");
    const app = (await call(appRoute.GET, { params: { slug }, headers: headers("member") })).body.app;
    expect(app).toMatchObject({ description: "by owner", dailyRunQuota: 40 });
    const bad = await call(appRoute.PATCH, { method: "PATCH", params: { slug }, headers: headers("owner"), json: { dailyRunQuota: 0 } });
    expect(bad.status).toBe(400);
  });

  it("POST /api/apps/:slug/rollback: owners and editors", async () => {
    // The publish matrix made new Apps; give this one a second version to roll back from.
    const second = await call(publishRoute.POST, {
      method: "POST",
      params: { id: workflowId },
      headers: headers("owner"),
      json: { appSlug: slug, name: "Roles", slug, inputs: storyInputs },
    });
    expect(second.body.version.version).toBe(2);
    await matrix({ anonymous: 401, member: 403, editor: 200, owner: 200, outsider: 404 }, (caller) =>
      call(rollbackRoute.POST, { method: "POST", params: { slug }, headers: headers(caller), json: { version: 1 } }),
    );
  });

  it("POST /api/apps/:slug/estimate: every role of the team", async () => {
    await matrix({ anonymous: 401, member: 200, editor: 200, owner: 200, outsider: 404 }, (caller) =>
      call(estimateRoute.POST, { method: "POST", params: { slug }, headers: headers(caller), json: { inputs: {} } }),
    );
  });

  it("POST and GET /api/apps/:slug/runs, GET download: every role of the team, members their own runs only", async () => {
    const ids: Partial<Record<Caller, string>> = {};
    await matrix({ anonymous: 401, member: 202, editor: 202, owner: 202, outsider: 404 }, async (caller) => {
      const answer = await call(appRunsRoute.POST, {
        method: "POST",
        params: { slug },
        headers: headers(caller),
        json: { items: [{ inputs: { image } }] },
      });
      if (answer.status === 202) ids[caller] = answer.body.runs[0].id;
      return answer;
    });
    await runsSettle();
    const list = (caller: Caller) =>
      call(appRunsRoute.GET, { params: { slug }, url: `http://localhost/api/apps/${slug}/runs`, headers: headers(caller) });
    await matrix({ anonymous: 401, member: 200, editor: 200, owner: 200, outsider: 404 }, list);
    expect((await list("member")).body.runs.map((r: any) => r.id)).toEqual([ids.member]);
    expect((await list("owner")).body.runs).toHaveLength(3);

    const download = (caller: Caller, runId: string) =>
      call(downloadRoute.GET, {
        params: { slug },
        url: `http://localhost/api/apps/${slug}/download?runs=${runId}`,
        headers: headers(caller),
      });
    await matrix({ anonymous: 401, member: 200, editor: 200, owner: 200, outsider: 404 }, (caller) => download(caller, ids.member!));
    expect((await download("member", ids.editor!)).status).toBe(404);
  });
});
