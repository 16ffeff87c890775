/**
 * Whole-workflow cost before running, and per-run credit limits (issue 11): the estimate route
 * prices the saved graph or the one on screen; a run over its workflow's or App's limit is
 * refused before anything is recorded or spent; only owners set limits.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { workflow } from "@/tests/support/workflow-builder";
import { call, useFreshDataDir } from "./harness";

useFreshDataDir();
const { setUpTeams, createTeamWorkflow, uploadTeamImage, storyGraph, storyInputs, runsSettle } = await import("./apps-harness");
const estimateRoute = await import("@/app/api/workflows/[id]/estimate/route");
const limitRoute = await import("@/app/api/workflows/[id]/credit-limit/route");
const runsRoute = await import("@/app/api/workflows/[id]/runs/route");
const workflowRoute = await import("@/app/api/workflows/[id]/route");
const publishRoute = await import("@/app/api/workflows/[id]/publish/route");
const appRoute = await import("@/app/api/apps/[slug]/route");
const appEstimateRoute = await import("@/app/api/apps/[slug]/estimate/route");
const appRunsRoute = await import("@/app/api/apps/[slug]/runs/route");
const { getServerContext } = await import("@/lib/server/context");
const { catalogCost, getCatalog } = await import("@/lib/intelligence");

type Team = Awaited<ReturnType<typeof setUpTeams>>;
let team: Team;
let photo = "";
const as = (account: { cookie: string }) => ({ cookie: account.cookie });
const runCount = async () => (await getServerContext()).db.run.count();
const perOutput = (model: string, capability: string) => catalogCost(getCatalog(), model, capability)!.creditsPerOutput;

/** Prompt → Generation (2 images, FLUX) → Upscale → Output: 2 images, then 2 upscales. */
const genUpscale = (numOutputs = 2) =>
  workflow()
    .prompt("p", "a ceramic cup on a table")
    .node("gen", "generation", { model: "model_imagen4-fast", numOutputs, aspectRatio: "1:1" }, { prompt: "p" })
    .node("up", "upscale", { model: "model_upscale-v3", factor: 2 }, { image: "gen" })
    .output("out", "up")
    .graph();

const estimate = (account: { cookie: string }, id: string, json: unknown = {}) =>
  call(estimateRoute.POST, { method: "POST", params: { id }, headers: as(account), json });
const setLimit = (account: { cookie: string }, id: string, creditLimitPerRun: unknown) =>
  call(limitRoute.PUT, { method: "PUT", params: { id }, headers: as(account), json: { creditLimitPerRun } });
const startRun = (account: { cookie: string }, id: string) =>
  call(runsRoute.POST, { method: "POST", params: { id }, headers: as(account), json: {} });

beforeAll(async () => {
  team = await setUpTeams();
  photo = await uploadTeamImage(team.owner);
}, 120_000);

afterEach(() => {
  vi.restoreAllMocks();
});

describe("POST /api/workflows/:id/estimate", () => {
  it("prices the saved graph per node, one request per image, in credits", async () => {
    const saved = await createTeamWorkflow(team.editor, genUpscale(2));
    const answer = await estimate(team.editor, saved.id);
    expect(answer.status).toBe(200);
    const gen = perOutput("model_imagen4-fast", "txt2img");
    const up = perOutput("model_upscale-v3", "upscale");
    expect(answer.body).toEqual({
      credits: 2 * gen + 2 * up,
      nodes: [
        { nodeId: "gen", label: "Generation", model: "model_imagen4-fast", credits: 2 * gen, requests: 1 },
        { nodeId: "up", label: "Upscale", model: "model_upscale-v3", credits: 2 * up, requests: 2 },
      ],
      estimated: true,
      creditLimitPerRun: null,
    });
  });

  it("prices the unsaved graph on screen when one is sent, and saves nothing", async () => {
    const saved = await createTeamWorkflow(team.editor, genUpscale(1));
    const onScreen = await estimate(team.editor, saved.id, { graph: genUpscale(4) });
    const stored = await estimate(team.editor, saved.id);
    expect(onScreen.body.nodes[1].requests).toBe(4);
    expect(stored.body.nodes[1].requests).toBe(1);
    expect(onScreen.body.credits).toBeGreaterThan(stored.body.credits);
    const reread = await call(workflowRoute.GET, { params: { id: saved.id }, headers: as(team.editor) });
    expect(reread.body.workflow.version).toBe(1);
  });

  it("an empty graph costs nothing; a half-built one is priced as if an image came in", async () => {
    const saved = await createTeamWorkflow(team.editor, { nodes: [], edges: [] });
    const half = workflow().node("up", "upscale", { model: "model_upscale-v3" }).graph();
    const priced = await estimate(team.editor, saved.id, { graph: half });
    expect(priced.status).toBe(200);
    expect(priced.body.nodes).toEqual([expect.objectContaining({ nodeId: "up", requests: 1 })]);
    const onlyPrompt = await estimate(team.editor, saved.id, { graph: workflow().prompt("p", "x").graph() });
    expect(onlyPrompt.body).toMatchObject({ credits: 0, nodes: [] });
  });

  it("refuses a graph that cannot be read with 400 and the issues, and other teams' or members' calls", async () => {
    const saved = await createTeamWorkflow(team.editor, genUpscale(1));
    const cyclic = genUpscale(1);
    cyclic.edges.push({ id: "loop", source: "up", sourceHandle: "image", target: "gen", targetHandle: "image" });
    const bad = await estimate(team.editor, saved.id, { graph: cyclic });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_graph");
    expect(bad.body.error.message).toMatch(/^The workflow cannot be priced: /);
    expect(bad.body.error.details.issues.length).toBeGreaterThan(0);
    expect((await estimate(team.editor, saved.id, { graph: "nope" })).status).toBe(400);
    expect((await estimate(team.editor, saved.id, { graph: genUpscale(1), extra: 1 })).status).toBe(400);
    expect((await estimate(team.member, saved.id)).status).toBe(403);
    expect((await estimate(team.outsider, saved.id)).status).toBe(404);
    expect((await estimate(team.editor, "no-such-workflow")).status).toBe(404);
  });
});

describe("a workflow's per-run credit limit", () => {
  it("only owners set it; values are whole credits from 1, or null", async () => {
    const saved = await createTeamWorkflow(team.editor, genUpscale(1));
    expect((await setLimit(team.editor, saved.id, 30)).status).toBe(403);
    expect((await setLimit(team.member, saved.id, 30)).status).toBe(403);
    expect((await setLimit(team.outsider, saved.id, 30)).status).toBe(404);
    for (const bad of [0, -5, 2.5, "30", 2_000_000]) expect((await setLimit(team.owner, saved.id, bad)).status).toBe(400);
    const set = await setLimit(team.owner, saved.id, 30);
    expect(set).toMatchObject({ status: 200, body: { creditLimitPerRun: 30 } });
    // The graph's version is untouched (an editor's open copy does not conflict).
    const read = await call(workflowRoute.GET, { params: { id: saved.id }, headers: as(team.editor) });
    expect(read.body.workflow).toMatchObject({ version: 1, creditLimitPerRun: 30 });
    expect((await estimate(team.editor, saved.id)).body.creditLimitPerRun).toBe(30);
    expect((await setLimit(team.owner, saved.id, null)).body.creditLimitPerRun).toBeNull();
  });

  it("refuses a run over the limit before anything is recorded or spent, with a sentence", async () => {
    const saved = await createTeamWorkflow(team.editor, genUpscale(2));
    const cost = (await estimate(team.editor, saved.id)).body.credits as number;
    const limit = Math.floor(cost) - 1;
    await setLimit(team.owner, saved.id, limit);
    const ctx = await getServerContext();
    const submit = vi.spyOn(ctx.provider, "submit");
    const before = await runCount();

    const refused = await startRun(team.editor, saved.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({ reason: "credit_limit", credits: cost, limit });
    expect(refused.body.error.message).toBe(
      `This run would cost about ${cost} CU; the workflow's limit is ${limit} CU per run. Raise the limit or lower the image count.`,
    );
    await runsSettle();
    expect(submit).not.toHaveBeenCalled();
    expect(await runCount()).toBe(before);

    // At the limit (or without one), it runs.
    await setLimit(team.owner, saved.id, Math.ceil(cost));
    const started = await startRun(team.editor, saved.id);
    expect(started.status).toBe(202);
    await runsSettle();
    expect(submit).toHaveBeenCalled();
    expect(await runCount()).toBe(before + 1);
  });
  it("on Scenario, a limit that cannot be checked (the cost preview fails) refuses the run rather than risk it", async () => {
    const saved = await createTeamWorkflow(team.editor, genUpscale(1));
    await setLimit(team.owner, saved.id, 1000);
    const ctx = await getServerContext();
    const original = ctx.provider;
    const { ProviderError } = await import("@/lib/providers/types");
    let submitted = 0;
    ctx.provider = Object.assign(Object.create(original), {
      id: "scenario",
      async estimateCost(request: { capability: string }) {
        if (request.capability === "upscale") throw new ProviderError("Scenario API 503: unavailable", { status: 503, retryable: true });
        return { credits: 4 };
      },
      async submit() {
        submitted++;
        throw new Error("must not be called");
      },
    });
    const before = await runCount();
    try {
      const refused = await startRun(team.editor, saved.id);
      expect(refused.status).toBe(409);
      expect(refused.body.error.details.reason).toBe("estimate_refused");
      expect(refused.body.error.message).toBe(
        "The cost of this run cannot be previewed, so the workflow's limit of 1000 CU per run cannot be checked: Upscale: the provider did not answer the cost preview; try again in a moment",
      );
    } finally {
      ctx.provider = original;
    }
    expect(submitted).toBe(0);
    expect(await runCount()).toBe(before);
  });
});

describe("an App's per-run credit limit", () => {
  let slug = "";
  beforeAll(async () => {
    const saved = await createTeamWorkflow(team.editor, storyGraph(null));
    slug = "budget-story";
    const published = await call(publishRoute.POST, {
      method: "POST",
      params: { id: saved.id },
      headers: as(team.editor),
      json: { name: "Budget story", slug, description: "", inputs: storyInputs },
    });
    expect(published.status).toBe(201);
  });
  const patch = (account: { cookie: string }, json: unknown) =>
    call(appRoute.PATCH, { method: "PATCH", params: { slug }, headers: as(account), json });
  const runApp = (account: { cookie: string }, items: number) =>
    call(appRunsRoute.POST, {
      method: "POST",
      params: { slug },
      headers: as(account),
      json: { items: Array.from({ length: items }, () => ({ inputs: { image: photo } })) },
    });

  it("only owners set it; the App shows it and its estimate says it", async () => {
    expect((await patch(team.editor, { creditLimitPerRun: 30 })).status).toBe(403);
    expect((await patch(team.member, { creditLimitPerRun: 30 })).status).toBe(403);
    expect((await patch(team.owner, { creditLimitPerRun: 0 })).status).toBe(400);
    const set = await patch(team.owner, { creditLimitPerRun: 30 });
    expect(set.status).toBe(200);
    expect(set.body.app.creditLimitPerRun).toBe(30);
    const detail = await call(appRoute.GET, { params: { slug }, headers: as(team.member) });
    expect(detail.body.app.creditLimitPerRun).toBe(30);
    const priced = await call(appEstimateRoute.POST, {
      method: "POST",
      params: { slug },
      headers: as(team.member),
      json: { inputs: {}, runs: 2 },
    });
    expect(priced.body).toMatchObject({ creditLimitPerRun: 30, runs: 2, credits: priced.body.perRun * 2 });
  });

  it("refuses a batch whose runs cost more than the limit; nothing starts and nothing is spent", async () => {
    await patch(team.owner, { creditLimitPerRun: 30 });
    const ctx = await getServerContext();
    const submit = vi.spyOn(ctx.provider, "submit");
    const before = await runCount();
    const perRun = perOutput("model_scenario-smart-reframe", "outpaint") + perOutput("model_upscale-v3", "upscale");

    const one = await runApp(team.member, 1);
    expect(one.status).toBe(409);
    expect(one.body.error.message).toBe(
      `This run would cost about ${perRun} CU; the App's limit is 30 CU per run. Raise the limit or lower the image count.`,
    );
    const batch = await runApp(team.member, 3);
    expect(batch.status).toBe(409);
    expect(batch.body.error.message).toMatch(/^Run 1 of 3 would cost about/);
    await runsSettle();
    expect(submit).not.toHaveBeenCalled();
    expect(await runCount()).toBe(before);

    // Cleared by the owner: the member's run starts.
    await patch(team.owner, { creditLimitPerRun: null });
    expect((await runApp(team.member, 1)).status).toBe(202);
    await runsSettle();
    expect(await runCount()).toBe(before + 1);
  });
});
