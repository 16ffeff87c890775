import { unzipSync } from "fflate";
import sharp from "sharp";
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
const { updateWorkflow, getWorkflow } = await import("@/lib/db/repositories/workflows");
const { getRunWithNodes } = await import("@/lib/db/repositories/runs");
const { loadRunGraph } = await import("@/lib/runs/run-graph");
const { canReadRun } = await import("@/lib/apps/access");
const { catalogCost, getCatalog } = await import("@/lib/intelligence");

type Team = Awaited<ReturnType<typeof setUpTeams>>;
let team: Team;
let chelsea = "";

const as = (account: { cookie: string }) => ({ cookie: account.cookie });

async function publish(account: { cookie: string }, workflowId: string, body: Record<string, unknown>) {
  return call(publishRoute.POST, { method: "POST", params: { id: workflowId }, headers: as(account), json: body });
}

async function startRuns(account: { cookie: string }, slug: string, items: Array<Record<string, unknown>>) {
  return call(appRunsRoute.POST, {
    method: "POST",
    params: { slug },
    headers: as(account),
    json: { items: items.map((inputs) => ({ inputs })) },
  });
}

async function myRuns(account: { cookie: string }, slug: string, query = "?mine=1") {
  return (await call(appRunsRoute.GET, { params: { slug }, url: `http://localhost/api/apps/${slug}/runs${query}`, headers: as(account) }))
    .body.runs;
}

async function runCount() {
  return (await getServerContext()).db.run.count();
}

beforeAll(async () => {
  team = await setUpTeams();
  chelsea = await uploadTeamImage(team.member);
}, 120_000);

describe("publishing an App", () => {
  it("freezes the saved graph: editing the workflow afterwards does not change what the App runs", async () => {
    const workflow = await createTeamWorkflow(team.editor, storyGraph(null));
    const published = await publish(team.editor, workflow.id, {
      name: "Story maker",
      slug: "story-maker",
      description: "Your photo, ready for stories",
      inputs: storyInputs,
    });
    expect(published.status).toBe(201);
    expect(published.body.app).toMatchObject({ slug: "story-maker", name: "Story maker", version: 1, workflowId: workflow.id });
    expect(published.body.version).toMatchObject({ version: 1, workflowVersion: 1, outputs: [{ nodeId: "out", label: "Story" }] });

    // The designer keeps editing: 4x and a square canvas, saved.
    const edited = storyGraph(null);
    edited.nodes[1].data = { aspectRatio: "1:1" };
    edited.nodes[2].data = { factor: 4, preset: "creative" };
    const saved = await updateWorkflow((await getServerContext()).db, workflow.id, { graph: edited, version: workflow.version });
    expect(saved.ok).toBe(true);

    const detail = (await call(appRoute.GET, { params: { slug: "story-maker" }, headers: as(team.member) })).body.app;
    expect(detail.currentVersion.version).toBe(1);
    expect(detail.currentVersion.inputs).toEqual([
      { key: "image", nodeId: "in", field: "assetId", label: "Photo", required: true, kind: "image" },
      expect.objectContaining({ key: "platform", kind: "select", default: "instagram_story", help: "Where the picture goes" }),
    ]);
    expect(detail.currentVersion.inputs[1].options).toContainEqual(expect.objectContaining({ value: "instagram_story" }));
    expect(detail).toMatchObject({ canManage: false, dailyRunQuota: 50, runsToday: 0 });
    expect(detail.versions).toBeUndefined();

    const started = await startRuns(team.member, "story-maker", [{ image: chelsea, platform: "instagram_story" }]);
    expect(started.status).toBe(202);
    expect(started.body.runs).toEqual([{ id: expect.any(String), status: "queued" }]);
    await runsSettle();

    const ctx = await getServerContext();
    const run = (await getRunWithNodes(ctx.db, started.body.runs[0].id))!;
    expect(run.status).toBe("succeeded");
    expect(run).toMatchObject({
      teamId: team.member.teamId,
      createdById: team.member.userId,
      appInputs: { image: chelsea, platform: "instagram_story" },
    });
    // The executed graph is the published one with the form applied, not the edited workflow.
    const executed = (await loadRunGraph(ctx.db, run)) as { nodes: Array<{ id: string; data: Record<string, unknown> }> };
    expect(executed.nodes.find((n) => n.id === "exp")!.data).toEqual({ aspectRatio: "16:9", platform: "instagram_story" });
    expect(executed.nodes.find((n) => n.id === "up")!.data).toEqual({ factor: 2, preset: "balanced" });
    expect(run.nodeRuns.find((n) => n.nodeId === "exp")!.request).toMatchObject({
      bodies: [expect.objectContaining({ width: 1080, height: 1920 })],
    });
    expect(run.nodeRuns.find((n) => n.nodeId === "up")!.request).toMatchObject({
      bodies: [expect.objectContaining({ upscaleFactor: 2, preset: "balanced" })],
    });
    // chelsea.png 451×300 → Instagram story 1080×1920 → 2x = 2160×3840.
    expect(run.outputs).toEqual([expect.objectContaining({ nodeId: "out", label: "Story", width: 2160, height: 3840 })]);
    expect((await getWorkflow(ctx.db, workflow.id))!.graph.nodes[2]).toMatchObject({ data: { factor: 4 } });
  });

  it("publishes a new version, runs it, and rolls back to the older one", async () => {
    const workflow = await createTeamWorkflow(team.editor, storyGraph(null));
    const slug = "avatar-maker";
    const inputs = [storyInputs[0], { ...storyInputs[1], default: "avatar" }];
    expect((await publish(team.editor, workflow.id, { name: "Avatar", slug, inputs })).status).toBe(201);

    const edited = storyGraph(null);
    edited.nodes[2].data = { factor: 4, preset: "balanced" };
    await updateWorkflow((await getServerContext()).db, workflow.id, { graph: edited, version: 1 });
    const second = await publish(team.owner, workflow.id, { appSlug: slug, name: "Avatar 4x", slug, inputs });
    expect(second.status).toBe(201);
    expect(second.body.version).toMatchObject({ version: 2, workflowVersion: 2 });

    const detail = (await call(appRoute.GET, { params: { slug }, headers: as(team.editor) })).body.app;
    expect(detail).toMatchObject({ name: "Avatar 4x", canManage: true, currentVersion: { version: 2 } });
    expect(detail.versions.map((v: any) => [v.version, v.publishedBy.name])).toEqual([
      [2, "Olga Owner"],
      [1, "Eddie Editor"],
    ]);

    // chelsea 451×300 → avatar 512×512 → 4x (version 2) or 2x (version 1).
    const v2 = await startRuns(team.member, slug, [{ image: chelsea }]);
    await runsSettle();
    const rolled = await call(rollbackRoute.POST, { method: "POST", params: { slug }, headers: as(team.editor), json: { version: 1 } });
    expect(rolled.status).toBe(200);
    expect(rolled.body.app.currentVersion.version).toBe(1);
    const v1 = await startRuns(team.member, slug, [{ image: chelsea }]);
    await runsSettle();

    const runs = await myRuns(team.member, slug);
    const byId = new Map(runs.map((r: any) => [r.id, r]));
    expect(byId.get(v2.body.runs[0].id)).toMatchObject({
      status: "succeeded",
      appVersion: 2,
      outputs: [expect.objectContaining({ width: 2048, height: 2048 })],
    });
    expect(byId.get(v1.body.runs[0].id)).toMatchObject({
      status: "succeeded",
      appVersion: 1,
      outputs: [expect.objectContaining({ width: 1024, height: 1024 })],
    });
    expect(
      (await call(rollbackRoute.POST, { method: "POST", params: { slug }, headers: as(team.editor), json: { version: 9 } })).status,
    ).toBe(404);
  });

  describe("refusals, each saying which rule failed, creating nothing", () => {
    const refused = async (graph: unknown, body: Record<string, unknown>) => {
      const workflow = await createTeamWorkflow(team.editor, graph);
      const before = await (await getServerContext()).db.app.count();
      const answer = await publish(team.editor, workflow.id, {
        name: "Refused",
        slug: `refused-${workflow.id.slice(0, 8)}`,
        inputs: storyInputs,
        ...body,
      });
      expect(await (await getServerContext()).db.app.count()).toBe(before);
      return answer;
    };

    it("a graph that cannot run once the form is filled, naming the node and port", async () => {
      const graph = storyGraph(null);
      graph.edges = graph.edges.filter((e) => e.id !== "b"); // Upscale's image input left unconnected
      const answer = await refused(graph, {});
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe("invalid_graph");
      expect(answer.body.error.message).toBe('The workflow cannot be published: Upscale node "up": input "image" is not connected');
    });

    it("an image that is exposed but neither required nor uploaded", async () => {
      const answer = await refused(storyGraph(null), { inputs: [{ ...storyInputs[0], required: false }] });
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(/No image uploaded.*\(it is exposed as "image": mark it required, or give it a default\)/);
    });

    it("no Output node", async () => {
      const graph = storyGraph(null);
      graph.nodes = graph.nodes.filter((n) => n.id !== "out");
      graph.edges = graph.edges.filter((e) => e.id !== "c");
      const answer = await refused(graph, {});
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toBe("Add an Output node: it marks what the App returns");
    });

    it("no exposed input", async () => {
      const answer = await refused(storyGraph(chelsea), { inputs: [] });
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(/^Expose at least one input: /);
    });

    it("a duplicate or malformed key", async () => {
      const duplicate = await refused(storyGraph(null), { inputs: [storyInputs[0], { ...storyInputs[1], key: "image" }] });
      expect(duplicate.status).toBe(400);
      expect(duplicate.body.error.message).toBe('inputs[1].key: "image" is already the key of inputs[0]; each input needs its own key');
      const malformed = await refused(storyGraph(null), { inputs: [{ ...storyInputs[0], key: "My image" }] });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toMatch(/^body\.inputs\.0\.key: must start with a lower-case letter/);
    });

    it("a slug another App has (409)", async () => {
      const answer = await refused(storyGraph(null), { slug: "story-maker" });
      expect(answer.status).toBe(409);
      expect(answer.body.error.message).toBe('The slug "story-maker" is taken by another App: choose another');
    });
  });
});

describe("running an App", () => {
  let slug = "";
  beforeAll(async () => {
    const workflow = await createTeamWorkflow(team.editor, storyGraph(null), "Batch");
    slug = (await publish(team.owner, workflow.id, { name: "Batch stories", slug: "batch-stories", inputs: storyInputs })).body.app.slug;
  });

  it("estimates the cost from the provider's preview, per run and for the batch", async () => {
    const answer = await call(estimateRoute.POST, {
      method: "POST",
      params: { slug },
      headers: as(team.member),
      json: { inputs: { platform: "instagram_story" }, runs: 3 },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.perRun).toBeGreaterThan(0);
    expect(answer.body).toMatchObject({ runs: 3, credits: answer.body.perRun * 3, estimated: true });
    // The offline engine charges the catalog's p50CostCU (the model picker's figure) per output.
    expect(answer.body.details).toEqual([
      {
        nodeId: "exp",
        nodeLabel: "Expand",
        modelId: "model_scenario-smart-reframe",
        credits: catalogCost(getCatalog(), "model_scenario-smart-reframe", "outpaint")!.creditsPerOutput,
        requests: 1,
      },
      {
        nodeId: "up",
        nodeLabel: "Upscale",
        modelId: "model_upscale-v3",
        credits: catalogCost(getCatalog(), "model_upscale-v3", "upscale")!.creditsPerOutput,
        requests: 1,
      },
    ]);
    expect(answer.body.perRun).toBe(40 + 10);
    const bad = await call(estimateRoute.POST, {
      method: "POST",
      params: { slug },
      headers: as(team.member),
      json: { inputs: { platform: "myspace" } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^inputs\.platform: must be one of the options/);
  });

  it("on Scenario, a step whose cost preview is refused makes the estimate a refusal that says which step and why", async () => {
    const ctx = await getServerContext();
    const original = ctx.provider;
    const { ProviderError } = await import("@/lib/providers/types");
    // The offline engine's schemas and jobs, with Scenario's name and a dry run that refuses the Upscale body.
    ctx.provider = Object.assign(Object.create(original), {
      id: "scenario",
      async estimateCost(request: { modelId: string }) {
        if (request.modelId === "model_upscale-v3")
          throw new ProviderError("Scenario API 400: Unknown input preset (upscale with model_upscale-v3)", { status: 400 });
        return { credits: 12 };
      },
    });
    try {
      const answer = await call(estimateRoute.POST, {
        method: "POST",
        params: { slug },
        headers: as(team.member),
        json: { inputs: { platform: "instagram_story" }, runs: 2 },
      });
      expect(answer.status).toBe(409);
      expect(answer.body.error.message).toBe(
        "The cost cannot be previewed: Upscale: the model refused this request (Unknown input preset)",
      );
      expect(answer.body.error.details.refusals).toEqual([expect.objectContaining({ nodeId: "up", nodeLabel: "Upscale" })]);
      expect(answer.body.credits).toBeUndefined();
    } finally {
      ctx.provider = original;
    }
  });

  it("runs a batch of three images as three runs, lists them in My runs, and zips their outputs", async () => {
    const images = [chelsea, await uploadTeamImage(team.member, "coffee.png"), await uploadTeamImage(team.member, "astronaut.png")];
    const started = await startRuns(
      team.member,
      slug,
      images.map((image) => ({ image, platform: "instagram_story" })),
    );
    expect(started.status).toBe(202);
    expect(started.body.runs).toHaveLength(3);
    await runsSettle();

    const runs = await myRuns(team.member, slug);
    expect(runs.map((r: any) => r.id)).toEqual(started.body.runs.map((r: any) => r.id).reverse());
    for (const [index, run] of runs.reverse().entries()) {
      expect(run).toMatchObject({
        status: "succeeded",
        appVersion: 1,
        inputs: { image: images[index], platform: "instagram_story" },
        progress: { done: 4, total: 4, currentStep: null },
      });
      expect(run.credits).toBeGreaterThanOrEqual(0);
      expect(run.outputs).toEqual([
        expect.objectContaining({
          nodeId: "out",
          label: "Story",
          width: 2160,
          height: 3840,
          url: expect.stringMatching(/^\/api\/assets\//),
        }),
      ]);
    }

    const ids = started.body.runs.map((r: any) => r.id);
    const zip = await call(downloadRoute.GET, {
      params: { slug },
      url: `http://localhost/api/apps/${slug}/download?runs=${ids.join(",")}`,
      headers: as(team.member),
    });
    expect(zip.status).toBe(200);
    expect(zip.headers.get("content-type")).toBe("application/zip");
    expect(zip.headers.get("content-disposition")).toBe('attachment; filename="batch-stories-outputs.zip"');
    const files = unzipSync(new Uint8Array(zip.body as Buffer));
    expect(Object.keys(files)).toEqual([
      "batch-stories-1-story-2160x3840.png",
      "batch-stories-2-story-2160x3840.png",
      "batch-stories-3-story-2160x3840.png",
    ]);
    const meta = await sharp(Buffer.from(files["batch-stories-1-story-2160x3840.png"])).metadata();
    expect([meta.width, meta.height]).toEqual([2160, 3840]);

    // Another member neither lists nor downloads these runs; the editor sees everyone's.
    expect(await myRuns(team.member2, slug, "")).toEqual([]);
    expect(
      (
        await call(downloadRoute.GET, {
          params: { slug },
          url: `http://localhost/api/apps/${slug}/download?runs=${ids[0]}`,
          headers: as(team.member2),
        })
      ).status,
    ).toBe(404);
    expect((await myRuns(team.editor, slug, "")).length).toBe(3);
    expect(await myRuns(team.editor, slug, "?mine=1")).toEqual([]);
    const run = (await getRunWithNodes((await getServerContext()).db, ids[0]))!;
    const session = (account: typeof team.member, role: "owner" | "editor" | "member") => ({
      user: { id: account.userId },
      team: { id: account.teamId },
      role,
    });
    expect(canReadRun(session(team.member, "member"), run)).toBe(true);
    expect(canReadRun(session(team.member2, "member"), run)).toBe(false);
    expect(canReadRun(session(team.editor, "editor"), run)).toBe(true);
    expect(canReadRun(session(team.outsider, "owner"), run)).toBe(false);
  });

  it("refuses a bad item naming its index and key, and starts none of the batch", async () => {
    const before = await runCount();
    const answer = await startRuns(team.member, slug, [{ image: chelsea }, { platform: "tiktok" }, { image: "not-an-asset" }]);
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe("items[1].image: required");
    const foreign = await uploadTeamImage(team.outsider);
    const other = await startRuns(team.member, slug, [{ image: chelsea }, { image: foreign }]);
    expect(other.status).toBe(400);
    expect(other.body.error.message).toBe(`items[1].image: no uploaded image "${foreign}" in this team: upload it first`);
    expect(await runCount()).toBe(before);
  });

  it("enforces the daily quota per person and App with 429, saying when it resets, and starts nothing", async () => {
    const workflow = await createTeamWorkflow(team.editor, storyGraph(null), "Quota");
    const quotaSlug = (await publish(team.editor, workflow.id, { name: "Quota", slug: "quota-app", inputs: storyInputs })).body.app.slug;
    const set = await call(appRoute.PATCH, {
      method: "PATCH",
      params: { slug: quotaSlug },
      headers: as(team.owner),
      json: { dailyRunQuota: 2 },
    });
    expect(set.status).toBe(200);
    expect(set.body.app.dailyRunQuota).toBe(2);

    expect((await startRuns(team.member, quotaSlug, [{ image: chelsea }])).status).toBe(202);
    await runsSettle();
    const before = await runCount();
    const over = await startRuns(team.member, quotaSlug, [{ image: chelsea }, { image: chelsea }]);
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe("too_many_requests");
    expect(over.body.error.message).toMatch(
      /^Daily limit of 2 runs on this App reached: 1 used today, so 1 more can start, not 2; it resets at 00:00 UTC \(in (\d+ h( \d+ min)?|\d+ min|less than a minute)\)$/,
    );
    const midnight = new Date();
    midnight.setUTCHours(24, 0, 0, 0);
    expect(over.body.error.details).toEqual({ resetsAt: midnight.toISOString(), limit: 2, used: 1 });
    expect(await runCount()).toBe(before);

    expect((await startRuns(team.member, quotaSlug, [{ image: chelsea }])).status).toBe(202);
    const full = await startRuns(team.member, quotaSlug, [{ image: chelsea }]);
    expect(full.status).toBe(429);
    expect(full.body.error.message).toMatch(/^Daily limit of 2 runs on this App reached; it resets at 00:00 UTC \(in /);
    // The quota is per person: another member still runs.
    expect((await startRuns(team.member2, quotaSlug, [{ image: chelsea }])).status).toBe(202);
    await runsSettle();
    const detail = (await call(appRoute.GET, { params: { slug: quotaSlug }, headers: as(team.member) })).body.app;
    expect(detail).toMatchObject({ runsToday: 2, dailyRunQuota: 2, quotaResetsAt: midnight.toISOString() });
  });

  it("does not count a failed run that spent nothing against the daily quota, but counts one that spent credits", async () => {
    const workflow = await createTeamWorkflow(team.editor, storyGraph(null), "Quota refunds");
    const refundSlug = (await publish(team.editor, workflow.id, { name: "Quota refunds", slug: "quota-refunds", inputs: storyInputs })).body
      .app.slug;
    expect(
      (await call(appRoute.PATCH, { method: "PATCH", params: { slug: refundSlug }, headers: as(team.owner), json: { dailyRunQuota: 1 } }))
        .status,
    ).toBe(200);
    const { db } = await getServerContext();

    const first = await startRuns(team.member, refundSlug, [{ image: chelsea }]);
    expect(first.status).toBe(202);
    await runsSettle();
    expect((await startRuns(team.member, refundSlug, [{ image: chelsea }])).status).toBe(429);

    // The run failed before any model call (as a size the model refuses does): the slot comes back.
    await db.run.update({
      where: { id: first.body.runs[0].id },
      data: { status: "failed", credits: 0, error: "The image is too large for the model" },
    });
    expect((await call(appRoute.GET, { params: { slug: refundSlug }, headers: as(team.member) })).body.app.runsToday).toBe(0);
    const second = await startRuns(team.member, refundSlug, [{ image: chelsea }]);
    expect(second.status).toBe(202);
    await runsSettle();

    // A failed run that spent credits still counts.
    await db.run.update({ where: { id: second.body.runs[0].id }, data: { status: "failed", credits: 4 } });
    expect((await startRuns(team.member, refundSlug, [{ image: chelsea }])).status).toBe(429);
  });

  it("lists the team's Apps with their version", async () => {
    const list = await call(appsRoute.GET, { headers: as(team.member) });
    expect(list.status).toBe(200);
    expect(list.body.apps.map((a: any) => a.slug).sort()).toEqual([
      "avatar-maker",
      "batch-stories",
      "quota-app",
      "quota-refunds",
      "story-maker",
    ]);
    // No cover was chosen and the workflow never ran in the editor (only teammates' App runs, which stay theirs).
    expect(list.body.apps.find((a: any) => a.slug === "avatar-maker")).toMatchObject({ version: 1, name: "Avatar 4x", coverUrl: null });
    expect((await call(appsRoute.GET, { headers: as(team.outsider) })).body.apps).toEqual([]);
  });
});
