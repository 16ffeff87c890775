import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { actAsNewOwner, call, fixture, uploadForm, useFreshDataDir } from "./harness";

useFreshDataDir();
// Each offline job takes 150 ms, so a run can be caught while it is running.
process.env.LOCAL_ENGINE_LATENCY_MS = "150";
const upload = await import("@/app/api/assets/route");
const assetMeta = await import("@/app/api/assets/[id]/route");
const assetFile = await import("@/app/api/assets/[id]/file/route");
const workflows = await import("@/app/api/workflows/route");
const workflowRuns = await import("@/app/api/workflows/[id]/runs/route");
const runRoute = await import("@/app/api/runs/[id]/route");
const cancelRoute = await import("@/app/api/runs/[id]/cancel/route");
const eventsRoute = await import("@/app/api/runs/[id]/events/route");
const { getServerContext } = await import("@/lib/server/context");
const owner = await actAsNewOwner();

let photoId = "";
let maskId = "";

beforeAll(async () => {
  photoId = (await call(upload.POST, { method: "POST", body: uploadForm(fixture("coffee.png"), "coffee.png") })).body.asset.id;
  // A mask the size of the photo: white square in the middle = regenerate.
  const mask = await sharp({ create: { width: 600, height: 400, channels: 3, background: "#000" } })
    .composite([
      {
        input: await sharp({ create: { width: 120, height: 100, channels: 3, background: "#fff" } })
          .png()
          .toBuffer(),
        left: 240,
        top: 150,
      },
    ])
    .png()
    .toBuffer();
  maskId = (await call(upload.POST, { method: "POST", body: uploadForm(mask, "mask.png") })).body.asset.id;
}, 60_000);

function editGraph(assetId: string | null = photoId) {
  return {
    nodes: [
      { id: "in", type: "imageInput", position: { x: 0, y: 0 }, data: { assetId } },
      { id: "retouch", type: "retouch", position: { x: 1, y: 0 }, data: { maskAssetId: maskId, prompt: "latte art" } },
      { id: "expand", type: "expand", position: { x: 2, y: 0 }, data: { aspectRatio: "16:9" } },
      { id: "upscale", type: "upscale", position: { x: 3, y: 0 }, data: { factor: 2 } },
      { id: "out", type: "output", position: { x: 4, y: 0 }, data: { label: "Hero" } },
    ],
    edges: [
      { id: "a", source: "in", sourceHandle: "image", target: "retouch", targetHandle: "image" },
      { id: "b", source: "retouch", sourceHandle: "image", target: "expand", targetHandle: "image" },
      { id: "c", source: "expand", sourceHandle: "image", target: "upscale", targetHandle: "image" },
      { id: "d", source: "upscale", sourceHandle: "image", target: "out", targetHandle: "image" },
    ],
  };
}

async function createWorkflow(graph: unknown) {
  return (await call(workflows.POST, { method: "POST", json: { name: "Coffee", graph } })).body.workflow;
}

async function runToEnd(workflowId: string, body: unknown = {}) {
  const started = await call(workflowRuns.POST, { method: "POST", params: { id: workflowId }, json: body });
  expect(started.status).toBe(202);
  expect(started.body.run.status).toBe("queued");
  await (await getServerContext()).queue.whenIdle();
  return (await call(runRoute.GET, { params: { id: started.body.run.id } })).body.run;
}

describe("runs API", () => {
  it("runs the saved Image input → Retouch → Expand → Upscale → Output graph on the offline engine", async () => {
    const workflow = await createWorkflow(editGraph());
    const run = await runToEnd(workflow.id);
    expect(run.status).toBe("succeeded");
    expect(run.workflowVersion).toBe(1);
    expect(run.nodes.map((n: any) => [n.nodeId, n.status])).toEqual([
      ["in", "succeeded"],
      ["retouch", "succeeded"],
      ["expand", "succeeded"],
      ["upscale", "succeeded"],
      ["out", "succeeded"],
    ]);
    // 600×400 → 16:9 canvas 720×405 → 2x = 1440×810.
    expect(run.outputs).toHaveLength(1);
    expect(run.outputs[0]).toMatchObject({ nodeId: "out", label: "Hero", width: 1440, height: 810 });
    const bytes = (await call(assetFile.GET, { params: { id: run.outputs[0].assetId } })).body as Buffer;
    const meta = await sharp(bytes).metadata();
    expect([meta.width, meta.height]).toEqual([1440, 810]);
    // "Auto" is resolved by the model resolver, among models that take the body Upscale sends (a preset).
    expect(run.nodes.find((n: any) => n.nodeId === "upscale")).toMatchObject({ model: "model_upscale-v3", cached: false });
    expect(run.nodes.find((n: any) => n.nodeId === "upscale").modelReason).toMatch(/^Auto: Scenario Upscale V3/);
    expect(run.nodes.find((n: any) => n.nodeId === "retouch")).toMatchObject({ model: "model_openai-gpt-image-2" });

    const provenance = (await call(assetMeta.GET, { params: { id: run.outputs[0].assetId } })).body.asset.provenance;
    expect(provenance).toMatchObject({
      runId: run.id,
      nodeId: "upscale",
      model: "model_upscale-v3",
      capability: "upscale",
      provider: "local",
    });

    const history = await call(workflowRuns.GET, { params: { id: workflow.id } });
    expect(history.body.runs[0]).toMatchObject({ id: run.id, status: "succeeded" });
  });

  it("serves the second identical run from the cache, and re-runs a forced node", async () => {
    const workflow = await createWorkflow(editGraph());
    const first = await runToEnd(workflow.id);
    const second = await runToEnd(workflow.id);
    expect(second.nodes.filter((n: any) => n.cached).map((n: any) => n.nodeId)).toEqual(["retouch", "expand", "upscale"]);
    expect(second.outputs[0].assetId).toBe(first.outputs[0].assetId);
    const forced = await runToEnd(workflow.id, { force: ["upscale"] });
    expect(forced.nodes.find((n: any) => n.nodeId === "upscale").cached).toBe(false);
    expect(forced.nodes.find((n: any) => n.nodeId === "expand").cached).toBe(true);
  });

  it("refuses to run a graph that cannot run, naming node and field, and creates no run", async () => {
    const workflow = await createWorkflow(editGraph(null));
    const refused = await call(workflowRuns.POST, { method: "POST", params: { id: workflow.id }, json: {} });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("invalid_graph");
    expect(refused.body.error.details.issues).toContainEqual(expect.objectContaining({ nodeId: "in", field: "assetId" }));
    expect((await call(workflowRuns.GET, { params: { id: workflow.id } })).body.runs).toEqual([]);
  });

  it("refuses at start a node whose chosen model would refuse it, in the designer's words, creating no run and spending nothing", async () => {
    const workflow = await createWorkflow({
      nodes: [
        { id: "idea", type: "prompt", position: { x: 0, y: 0 }, data: { text: "a red bicycle" } },
        { id: "gen", type: "generation", position: { x: 1, y: 0 }, data: { model: "model_upscale-v3" } },
        { id: "out", type: "output", position: { x: 2, y: 0 }, data: {} },
      ],
      edges: [
        { id: "a", source: "idea", sourceHandle: "text", target: "gen", targetHandle: "prompt" },
        { id: "b", source: "gen", sourceHandle: "image", target: "out", targetHandle: "image" },
      ],
    });
    const ctx = await getServerContext();
    const submitted: unknown[] = [];
    const originalSubmit = ctx.provider.submit.bind(ctx.provider);
    ctx.provider.submit = async (request) => {
      submitted.push(request);
      return originalSubmit(request);
    };
    try {
      const refused = await call(workflowRuns.POST, { method: "POST", params: { id: workflow.id }, json: {} });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe("invalid_graph");
      expect(refused.body.error.message).toMatch(
        /only upscales images, so it cannot generate an image from a prompt: pick a model that generates images/,
      );
      expect(refused.body.error.message).not.toMatch(/"gen"|model_upscale-v3/);
      expect(refused.body.error.details.issues).toEqual([expect.objectContaining({ code: "model_refusal", nodeId: "gen" })]);
      await ctx.queue.whenIdle();
      expect((await call(workflowRuns.GET, { params: { id: workflow.id } })).body.runs).toEqual([]);
      expect(submitted).toEqual([]);
    } finally {
      ctx.provider.submit = originalSubmit;
    }
  });

  it("fails a node with the engine's message and skips what depends on it", async () => {
    const graph = editGraph();
    graph.nodes[2].data = { aspectRatio: null, width: 300, height: 300 } as any; // smaller than the image
    const workflow = await createWorkflow(graph);
    const run = await runToEnd(workflow.id);
    expect(run.status).toBe("failed");
    const expand = run.nodes.find((n: any) => n.nodeId === "expand");
    expect(expand.status).toBe("failed");
    expect(expand.error).toMatch(/width 300 px is smaller than the image \(600 px\)/);
    expect(run.nodes.find((n: any) => n.nodeId === "upscale").status).toBe("skipped");
    expect(run.error).toMatch(/^Expand node "expand" failed/);
  });

  it("fails a Run model node for video on the offline engine with a clear message", async () => {
    const workflow = await createWorkflow({
      nodes: [
        { id: "in", type: "imageInput", position: { x: 0, y: 0 }, data: { assetId: photoId } },
        { id: "video", type: "runModel", position: { x: 1, y: 0 }, data: { capability: "img2video", prompt: "slow push-in" } },
        { id: "out", type: "output", position: { x: 2, y: 0 }, data: {} },
      ],
      edges: [
        { id: "a", source: "in", sourceHandle: "image", target: "video", targetHandle: "image" },
        { id: "b", source: "video", sourceHandle: "asset", target: "out", targetHandle: "image" },
      ],
    });
    const run = await runToEnd(workflow.id);
    expect(run.status).toBe("failed");
    const video = run.nodes.find((n: any) => n.nodeId === "video");
    expect(video.status).toBe("failed");
    expect(video.error).toMatch(/img2video is not available offline/);
    expect(run.nodes.find((n: any) => n.nodeId === "out").status).toBe("skipped");
  });

  it("streams run snapshots as Server-Sent Events until the run ends", async () => {
    const workflow = await createWorkflow(editGraph());
    const started = await call(workflowRuns.POST, {
      method: "POST",
      params: { id: workflow.id },
      json: { force: ["retouch", "expand", "upscale"] },
    });
    const response = await eventsRoute.GET(new Request("http://localhost/api/runs/x/events", { headers: { cookie: owner.cookie } }), {
      params: Promise.resolve({ id: started.body.run.id }),
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const text = await new Response(response.body).text(); // the stream closes after the terminal status
    const events = text.split("\n\n").filter((chunk) => chunk.startsWith("event: run"));
    expect(events.length).toBeGreaterThanOrEqual(1);
    const last = JSON.parse(events.at(-1)!.split("\ndata: ")[1]);
    expect(last.run.status).toBe("succeeded");
    expect(last.run.nodes.every((n: any) => n.status === "succeeded")).toBe(true);
  });

  it("resumes a run left running by a dead process: polls its recorded job, never submits it again", async () => {
    const ctx = await getServerContext();
    const { createRun, updateNodeRun, updateRun } = await import("@/lib/db/repositories/runs");
    const { snapshotVersion, getWorkflow } = await import("@/lib/db/repositories/workflows");
    const workflow = await createWorkflow(editGraph());
    const version = await snapshotVersion(ctx.db, (await getWorkflow(ctx.db, workflow.id))!);
    const run = await createRun(ctx.db, {
      teamId: owner.teamId,
      createdById: owner.userId,
      workflowId: workflow.id,
      workflowVersionId: version.id,
      nodes: ["in", "retouch", "expand", "upscale", "out"].map((nodeId, i) => ({ nodeId, nodeType: editGraph().nodes[i].type })),
    });
    // What the previous process had done before it died: Retouch's job submitted and recorded.
    const { createStudioAssetStore } = await import("@/lib/assets/studio-asset-store");
    const studioAssets = createStudioAssetStore(ctx, { teamId: owner.teamId });
    const photo = await studioAssets.read(photoId);
    const mask = await studioAssets.read(maskId);
    const remotePhoto = await ctx.provider.uploadAsset({ bytes: photo.bytes, mimeType: photo.mimeType, name: "photo" });
    const remoteMask = await ctx.provider.uploadAsset({ bytes: mask.bytes, mimeType: mask.mimeType, name: "mask" });
    const job = await ctx.provider.submit({
      modelId: "model_openai-gpt-image-2",
      capability: "inpaint",
      body: { image: remotePhoto, mask: remoteMask, prompt: "latte art", strength: 0.85 },
    });
    await updateRun(ctx.db, run.id, { status: "running", startedAt: new Date() });
    await updateNodeRun(ctx.db, run.id, "in", { status: "succeeded" });
    await updateNodeRun(ctx.db, run.id, "retouch", { status: "running", providerJobIds: [job.jobId], request: { seed: null } });

    const submitted: string[] = [];
    const originalSubmit = ctx.provider.submit.bind(ctx.provider);
    ctx.provider.submit = async (request) => {
      submitted.push(request.capability);
      return originalSubmit(request);
    };
    try {
      expect(await ctx.queue.resumeUnfinished()).toBe(1);
      await ctx.queue.whenIdle();
    } finally {
      ctx.provider.submit = originalSubmit;
    }
    const resumed = (await call(runRoute.GET, { params: { id: run.id } })).body.run;
    expect(resumed.status).toBe("succeeded");
    expect(submitted).toEqual(["outpaint", "upscale"]); // no second inpaint job
    expect(resumed.nodes.find((n: any) => n.nodeId === "retouch")).toMatchObject({ status: "succeeded", attempts: 1 });
    expect(resumed.outputs[0]).toMatchObject({ width: 1440, height: 810 });
  });

  it("cancels a run and answers 404 for unknown runs and workflows", async () => {
    const workflow = await createWorkflow(editGraph());
    const started = await call(workflowRuns.POST, {
      method: "POST",
      params: { id: workflow.id },
      json: { force: ["retouch", "expand", "upscale"] },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const canceled = await call(cancelRoute.POST, { method: "POST", params: { id: started.body.run.id } });
    expect(canceled.status).toBe(200);
    await (await getServerContext()).queue.whenIdle();
    const run = (await call(runRoute.GET, { params: { id: started.body.run.id } })).body.run;
    expect(run.status).toBe("canceled");
    expect(run.nodes.find((n: any) => n.nodeId === "upscale").status).toBe("canceled");
    expect(run.outputs).toEqual([]);
    expect((await call(runRoute.GET, { params: { id: "nope" } })).status).toBe(404);
    expect((await call(cancelRoute.POST, { method: "POST", params: { id: "nope" } })).status).toBe(404);
    expect((await call(workflowRuns.POST, { method: "POST", params: { id: "nope" }, json: {} })).status).toBe(404);
    expect((await call(workflowRuns.GET, { params: { id: "nope" } })).status).toBe(404);
  });
});
