import { describe, expect, it } from "vitest";
import { call, useFreshDataDir } from "./harness";

useFreshDataDir();
const { setUpTeams, createTeamWorkflow } = await import("./apps-harness");
const workflowRuns = await import("@/app/api/workflows/[id]/runs/route");
const runRoute = await import("@/app/api/runs/[id]/route");
const pickRoute = await import("@/app/api/runs/[id]/pick/route");
const runsRoute = await import("@/app/api/runs/route");
const cancelRoute = await import("@/app/api/runs/[id]/cancel/route");
const { getServerContext } = await import("@/lib/server/context");
const { createServicesFromEnv, createRunQueue } = await import("@/lib/server/create-services");
const team = await setUpTeams();

/** Prompt → Generation (4 candidates, 256 px) → Pick (1) → Upscale 2x → Output. */
const pickGraph = {
  nodes: [
    { id: "p", type: "prompt", position: { x: 0, y: 0 }, data: { text: "a blue teapot" } },
    {
      id: "gen",
      type: "generation",
      position: { x: 1, y: 0 },
      data: { numOutputs: 4, seed: 5, aspectRatio: "1:1", width: 256, height: 256 },
    },
    { id: "pick", type: "pick", position: { x: 2, y: 0 }, data: { message: "Which teapot?" } },
    { id: "up", type: "upscale", position: { x: 3, y: 0 }, data: { factor: 2, preset: "precise" } },
    { id: "out", type: "output", position: { x: 4, y: 0 }, data: { label: "Teapot" } },
  ],
  edges: [
    { id: "a", source: "p", sourceHandle: "text", target: "gen", targetHandle: "prompt" },
    { id: "b", source: "gen", sourceHandle: "image", target: "pick", targetHandle: "images" },
    { id: "c", source: "pick", sourceHandle: "image", target: "up", targetHandle: "image" },
    { id: "d", source: "up", sourceHandle: "image", target: "out", targetHandle: "image" },
  ],
};

const getRun = async (id: string, cookie = team.owner.cookie) => (await call(runRoute.GET, { params: { id }, cookie })).body.run;

/** Starts a run of the Pick workflow as `cookie` and waits until it is paused (the queue holds nothing then). */
async function startWaitingRun(cookie = team.owner.cookie) {
  const workflow = await createTeamWorkflow(team.owner, pickGraph, "Teapots");
  const started = await call(workflowRuns.POST, { method: "POST", params: { id: workflow.id }, json: {}, cookie });
  expect(started.status).toBe(202);
  await (await getServerContext()).queue.whenIdle();
  return getRun(started.body.run.id, team.owner.cookie);
}

const pick = (id: string, json: unknown, cookie: string | null = team.owner.cookie) =>
  call(pickRoute.POST, { method: "POST", params: { id }, json, cookie });

describe("POST /api/runs/:id/pick", () => {
  it("pauses at the Pick holding no queue job, then continues with the one picked image", async () => {
    const run = await startWaitingRun();
    expect(run.status).toBe("waiting");
    expect(run.finishedAt).toBeNull();
    const node = run.nodes.find((n: any) => n.nodeId === "pick");
    expect(node.status).toBe("waiting");
    expect(node.pick).toMatchObject({ min: 1, max: 1, message: "Which teapot?" });
    expect(node.pick.candidates).toHaveLength(4);
    expect(node.pick.candidates[0]).toMatchObject({ width: 256, height: 256 });
    expect(run.nodes.find((n: any) => n.nodeId === "up").status).toBe("queued");

    // Listed as waiting for the owner.
    const listed = await call(runsRoute.GET, { url: "http://localhost/api/runs?status=waiting", cookie: team.owner.cookie });
    expect(listed.status).toBe(200);
    expect(listed.body.runs.find((r: any) => r.id === run.id)).toMatchObject({
      workflowName: "Teapots",
      waiting: [{ nodeId: "pick", label: "Pick", message: "Which teapot?", candidates: 4 }],
    });

    const chosen = node.pick.candidates[1].assetId;
    const answered = await pick(run.id, { nodeId: "pick", assetIds: [chosen] });
    expect(answered.status).toBe(200);
    expect(["queued", "running", "succeeded"]).toContain(answered.body.run.status);
    await (await getServerContext()).queue.whenIdle();
    const done = await getRun(run.id);
    expect(done.status).toBe("succeeded");
    expect(done.outputs).toHaveLength(1);
    expect(done.outputs[0]).toMatchObject({ nodeId: "out", width: 512, height: 512 });
    expect(done.nodes.find((n: any) => n.nodeId === "pick").outputs.map((o: any) => o.assetId)).toEqual([chosen]);
    expect(done.nodes.find((n: any) => n.nodeId === "gen")).toMatchObject({ status: "succeeded", cached: false, attempts: 1 });

    // A retry of the same pick is answered with the run as it is; another pick is refused.
    expect((await pick(run.id, { nodeId: "pick", assetIds: [chosen] })).status).toBe(200);
    const other = await pick(run.id, { nodeId: "pick", assetIds: [node.pick.candidates[0].assetId] });
    expect(other.status).toBe(409);
    expect(
      (await call(runsRoute.GET, { url: "http://localhost/api/runs?status=waiting", cookie: team.owner.cookie })).body.runs.map(
        (r: any) => r.id,
      ),
    ).not.toContain(run.id);
  }, 120_000);

  it("refuses ids that are not candidates, too many picks, a node that is not a Pick and bad bodies, changing nothing", async () => {
    const run = await startWaitingRun();
    const candidates = run.nodes.find((n: any) => n.nodeId === "pick").pick.candidates.map((c: any) => c.assetId);
    const stranger = await pick(run.id, { nodeId: "pick", assetIds: ["not-a-candidate"] });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.message).toBe("One picked image is not among the candidates of this Pick");
    const two = await pick(run.id, { nodeId: "pick", assetIds: candidates.slice(0, 2) });
    expect(two.status).toBe(400);
    expect(two.body.error.message).toBe("Pick 1 image (you picked 2)");
    expect((await pick(run.id, { nodeId: "gen", assetIds: [candidates[0]] })).status).toBe(409);
    expect((await pick(run.id, { nodeId: "nope", assetIds: [candidates[0]] })).status).toBe(404);
    expect((await pick(run.id, { nodeId: "pick" })).status).toBe(400);
    expect((await pick(run.id, { nodeId: "pick", assetIds: [] })).status).toBe(400);
    expect((await pick("no-such-run", { nodeId: "pick", reject: true })).status).toBe(404);
    expect((await getRun(run.id)).status).toBe("waiting");
  }, 120_000);

  it("rejecting ends the run canceled with the reason; a retry answers the same, a pick after it is a conflict", async () => {
    const run = await startWaitingRun();
    const rejected = await pick(run.id, { nodeId: "pick", reject: true });
    expect(rejected.status).toBe(200);
    expect(rejected.body.run).toMatchObject({ status: "canceled", error: "You rejected the candidates at Pick" });
    expect(rejected.body.run.nodes.find((n: any) => n.nodeId === "up").status).toBe("canceled");
    expect((await pick(run.id, { nodeId: "pick", reject: true })).status).toBe(200);
    const candidate = run.nodes.find((n: any) => n.nodeId === "pick").pick.candidates[0].assetId;
    expect((await pick(run.id, { nodeId: "pick", assetIds: [candidate] })).status).toBe(409);
  }, 120_000);

  it("lets whoever may read the run choose: another team and another member get 404; cancel works on a waiting run", async () => {
    const run = await startWaitingRun(team.editor.cookie);
    const candidate = run.nodes.find((n: any) => n.nodeId === "pick").pick.candidates[0].assetId;
    expect((await pick(run.id, { nodeId: "pick", assetIds: [candidate] }, team.outsider.cookie)).status).toBe(404);
    expect((await pick(run.id, { nodeId: "pick", assetIds: [candidate] }, team.member.cookie)).status).toBe(404);
    expect((await pick(run.id, { nodeId: "pick", assetIds: [candidate] }, null)).status).toBe(401);
    const memberList = await call(runsRoute.GET, { url: "http://localhost/api/runs?status=waiting", cookie: team.member.cookie });
    expect(memberList.body.runs).toEqual([]);
    expect((await call(runsRoute.GET, { url: "http://localhost/api/runs?status=running", cookie: team.owner.cookie })).status).toBe(400);
    const canceled = await call(cancelRoute.POST, { method: "POST", params: { id: run.id }, cookie: team.editor.cookie });
    expect(canceled.body.run.status).toBe("canceled");
    expect(canceled.body.run.nodes.find((n: any) => n.nodeId === "pick").status).toBe("canceled");
    expect((await pick(run.id, { nodeId: "pick", assetIds: [candidate] }, team.editor.cookie)).status).toBe(409);
  }, 120_000);

  it("a paused run survives a restart: a new services instance does not resume it, the pick finishes it without a second generation", async () => {
    const run = await startWaitingRun();
    // "Restart": new services and a new run queue over the same database and storage (nothing kept in memory).
    const services = await createServicesFromEnv(process.env);
    const queue = createRunQueue(services, process.env, { role: "web" });
    expect(await queue.resumeUnfinished()).toBe(0);
    const submitted: string[] = [];
    const submit = services.provider.submit.bind(services.provider);
    services.provider.submit = (request) => {
      submitted.push(request.capability);
      return submit(request);
    };
    const key = Symbol.for("workflow-studio.server-context");
    const g = globalThis as unknown as Record<symbol, unknown>;
    const before = g[key];
    g[key] = Promise.resolve({ ...services, queue });
    try {
      const candidate = run.nodes.find((n: any) => n.nodeId === "pick").pick.candidates[3].assetId;
      expect((await pick(run.id, { nodeId: "pick", assetIds: [candidate] })).status).toBe(200);
      await queue.whenIdle();
      const done = await getRun(run.id);
      expect(done.status).toBe("succeeded");
      expect(submitted).toEqual(["upscale"]);
      expect(done.outputs).toHaveLength(1);
      expect(done.outputs[0]).toMatchObject({ width: 512, height: 512 });
    } finally {
      g[key] = before;
    }
  }, 120_000);
});
