/**
 * The role matrix of the studio's own routes (workflows, assets, runs, model intelligence):
 * for each route and each caller (anonymous, member, editor, owner, another team's owner) the
 * status code, and nothing changed in the database by a refused request. Members run Apps only;
 * another team's ids read as 404.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, fixture, uploadForm, useFreshDataDir } from "./harness";

useFreshDataDir();
const { setUpTeams, createTeamWorkflow, uploadTeamImage, storyGraph, runsSettle } = await import("./apps-harness");
const workflows = await import("@/app/api/workflows/route");
const workflow = await import("@/app/api/workflows/[id]/route");
const workflowRuns = await import("@/app/api/workflows/[id]/runs/route");
const assets = await import("@/app/api/assets/route");
const asset = await import("@/app/api/assets/[id]/route");
const assetFile = await import("@/app/api/assets/[id]/file/route");
const run = await import("@/app/api/runs/[id]/route");
const runCancel = await import("@/app/api/runs/[id]/cancel/route");
const recommend = await import("@/app/api/recommend/route");
const plan = await import("@/app/api/plan/route");
const training = await import("@/app/api/recommend-training/route");
const catalog = await import("@/app/api/catalog/route");
const engine = await import("@/app/api/engine/route");
const { getServerContext } = await import("@/lib/server/context");

type Caller = "anonymous" | "member" | "editor" | "owner" | "outsider";
const CALLERS: Caller[] = ["anonymous", "member", "editor", "owner", "outsider"];
let team: Awaited<ReturnType<typeof setUpTeams>>;
let workflowId = "";
let imageId = "";
let runId = "";

const cookieOf = (caller: Caller) => (caller === "anonymous" ? null : team[caller].cookie);

async function snapshot() {
  const { db } = await getServerContext();
  const rows = await db.workflow.findMany({ orderBy: { id: "asc" } });
  return {
    workflows: rows.map((w) => ({ id: w.id, name: w.name, version: w.version, deletedAt: w.deletedAt, graph: w.graph })),
    runs: await db.run.count(),
    runStatuses: (await db.run.findMany({ orderBy: { id: "asc" } })).map((r) => r.status),
    assets: await db.asset.count(),
  };
}

async function matrix(expected: Record<Caller, number>, send: (cookie: string | null) => Promise<{ status: number; body: any }>) {
  const seen: Partial<Record<Caller, number>> = {};
  for (const caller of CALLERS) {
    const before = await snapshot();
    const answer = await send(cookieOf(caller));
    seen[caller] = answer.status;
    if (answer.status >= 400) {
      expect(answer.body?.error?.code, `${caller}: ${JSON.stringify(answer.body)}`).toBeTruthy();
      expect(await snapshot(), `${caller} changed something with a refused request`).toEqual(before);
    }
    await runsSettle();
  }
  expect(seen).toEqual(expected);
}

beforeAll(async () => {
  team = await setUpTeams();
  imageId = await uploadTeamImage(team.owner);
  workflowId = (await createTeamWorkflow(team.owner, storyGraph(imageId))).id;
  const started = await call(workflowRuns.POST, { method: "POST", params: { id: workflowId }, json: {}, cookie: team.editor.cookie });
  expect(started.status).toBe(202);
  runId = started.body.run.id;
  await runsSettle();
}, 120_000);

const BUILDERS_ONLY = { anonymous: 401, member: 403, editor: 200, owner: 200, outsider: 404 } as const;

describe("workflows", () => {
  it("GET /api/workflows lists only the caller's team's workflows, for owners and editors", async () => {
    await matrix({ anonymous: 401, member: 403, editor: 200, owner: 200, outsider: 200 }, (cookie) => call(workflows.GET, { cookie }));
    const outsiders = await call(workflows.GET, { cookie: team.outsider.cookie });
    expect(outsiders.body.workflows).toEqual([]);
    const owners = await call(workflows.GET, { cookie: team.owner.cookie });
    expect(owners.body.workflows.map((w: any) => w.id)).toContain(workflowId);
  });

  it("POST /api/workflows: owners and editors create in their team", async () => {
    await matrix({ anonymous: 401, member: 403, editor: 201, owner: 201, outsider: 201 }, (cookie) =>
      call(workflows.POST, { method: "POST", json: { name: "New", graph: { nodes: [], edges: [] } }, cookie }),
    );
  });

  it("GET, PUT and DELETE /api/workflows/:id: another team's owner gets 404", async () => {
    await matrix(BUILDERS_ONLY, (cookie) => call(workflow.GET, { params: { id: workflowId }, cookie }));
    const current = async () => (await call(workflow.GET, { params: { id: workflowId }, cookie: team.owner.cookie })).body.workflow;
    await matrix(BUILDERS_ONLY, async (cookie) => {
      const { version, graph } = await current();
      return call(workflow.PUT, { method: "PUT", params: { id: workflowId }, json: { name: "Renamed", graph, version }, cookie });
    });
    const doomed = (await createTeamWorkflow(team.owner, { nodes: [], edges: [] }, "Doomed")).id;
    await matrix({ anonymous: 401, member: 403, editor: 204, owner: 404, outsider: 404 }, (cookie) =>
      call(workflow.DELETE, { method: "DELETE", params: { id: doomed }, cookie }),
    );
  });

  it("runs of a workflow: start and history for owners and editors only", async () => {
    await matrix({ anonymous: 401, member: 403, editor: 202, owner: 202, outsider: 404 }, (cookie) =>
      call(workflowRuns.POST, { method: "POST", params: { id: workflowId }, json: {}, cookie }),
    );
    await matrix(BUILDERS_ONLY, (cookie) => call(workflowRuns.GET, { params: { id: workflowId }, cookie }));
  });
});

describe("runs and assets", () => {
  it("GET /api/runs/:id: the team's owners and editors; a member only their own; others 404", async () => {
    await matrix({ anonymous: 401, member: 404, editor: 200, owner: 200, outsider: 404 }, (cookie) =>
      call(run.GET, { params: { id: runId }, cookie }),
    );
    await matrix({ anonymous: 401, member: 404, editor: 200, owner: 200, outsider: 404 }, (cookie) =>
      call(runCancel.POST, { method: "POST", params: { id: runId }, cookie }),
    );
  });

  it("assets: every role uploads into its team; another team's asset reads as 404", async () => {
    await matrix({ anonymous: 401, member: 201, editor: 201, owner: 201, outsider: 201 }, (cookie) =>
      call(assets.POST, { method: "POST", body: uploadForm(fixture("chelsea.png"), "chelsea.png"), cookie }),
    );
    await matrix({ anonymous: 401, member: 200, editor: 200, owner: 200, outsider: 404 }, (cookie) =>
      call(asset.GET, { params: { id: imageId }, cookie }),
    );
    await matrix({ anonymous: 401, member: 200, editor: 200, owner: 200, outsider: 404 }, (cookie) =>
      call(assetFile.GET, { params: { id: imageId }, cookie }),
    );
  });

  it("a graph cannot read another team's image: the run fails saying the asset does not exist", async () => {
    const stolen = (await createTeamWorkflow(team.outsider, storyGraph(imageId), "Borrowed")).id;
    const started = await call(workflowRuns.POST, { method: "POST", params: { id: stolen }, json: {}, cookie: team.outsider.cookie });
    await runsSettle();
    const result = (await call(run.GET, { params: { id: started.body.run.id }, cookie: team.outsider.cookie })).body.run;
    expect(result.status).toBe("failed");
    expect(result.nodes.find((n: any) => n.nodeId === "in").error).toMatch(/does not exist/);
  });
});

describe("model intelligence and engine", () => {
  it("recommend, plan and training are for owners and editors; catalog and engine for every role", async () => {
    const everyone = { anonymous: 401, member: 200, editor: 200, owner: 200, outsider: 200 } as const;
    const builders = { anonymous: 401, member: 403, editor: 200, owner: 200, outsider: 200 } as const;
    await matrix(builders, (cookie) => call(recommend.POST, { method: "POST", json: { capability: "txt2img", prompt: "a fox" }, cookie }));
    await matrix(builders, (cookie) =>
      call(plan.POST, { method: "POST", json: { description: "character sheet of a fox knight" }, cookie }),
    );
    await matrix(builders, (cookie) => call(training.POST, { method: "POST", json: { description: "30 photos of our mascot" }, cookie }));
    await matrix(everyone, (cookie) => call(catalog.GET, { cookie }));
    await matrix(everyone, (cookie) => call(engine.GET, { cookie }));
  });
});
