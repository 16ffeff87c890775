import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { editChain, generationChain } from "../../graph/__tests__/fixtures";
import type { WorkflowGraph } from "../../graph/schema";
import { validateGraph } from "../../graph/validate";
import { executeRun } from "../executor";
import { MemoryAssetStore, MemoryExecutionStore } from "../testing/memory-store";
import { FakeProvider } from "../testing/fake-provider";
import { createSchemaSource } from "../model-schemas";
import { LocalProvider } from "../../providers/local";
import { inlineTaskRunner } from "../../providers/local/pool/worker-pool";

const coffee = readFileSync(path.resolve("e2e/fixtures/coffee.png"));

function plan(graph: WorkflowGraph) {
  const result = validateGraph(graph, "run");
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("; "));
  return result.plan!;
}

async function setup(graphFor: (assetId: string, maskId: string) => WorkflowGraph, provider = new FakeProvider()) {
  const assets = new MemoryAssetStore();
  const photo = await assets.add(coffee);
  const mask = await assets.add(coffee);
  const store = new MemoryExecutionStore();
  return { assets, store, provider, photo, graph: graphFor(photo.assetId, mask.assetId) };
}

describe("executeRun", () => {
  it("runs Image input → Retouch → Expand → Upscale → Output and returns the final image at the expected size", async () => {
    const { assets, store, provider, graph } = await setup((a, m) => editChain(a, m));
    const result = await executeRun({ runId: "r1", plan: plan(graph), provider, store, assets });
    expect(result.status).toBe("succeeded");
    for (const id of ["in", "retouch", "expand", "upscale", "out"]) expect(store.node("r1", id)!.status).toBe("succeeded");
    // coffee.png is 600×400: expand to 16:9 → 720×405, upscale 2x → 1440×810.
    expect(result.outputs).toHaveLength(1);
    expect(result.outputs[0]).toMatchObject({ nodeId: "out", label: "Final", width: 1440, height: 810 });
    expect(provider.submitted.map((r) => r.capability)).toEqual(["inpaint", "outpaint", "upscale"]);
    expect(provider.submitted[1].body).toMatchObject({ width: 720, height: 405 });
    expect(store.node("r1", "upscale")!.model).toBe("model_upscale-v3");
    expect(result.credits).toBe(15);
  });

  it("marks as intermediate the requests whose outputs only feed further model nodes, never the last one", async () => {
    const { assets, store, provider, graph } = await setup((a, m) => editChain(a, m));
    await executeRun({ runId: "r1", plan: plan(graph), provider, store, assets });
    expect(provider.submitted.map((r) => [r.capability, r.intermediate === true])).toEqual([
      ["inpaint", true],
      ["outpaint", true],
      ["upscale", false],
    ]);
  });

  it("records provenance on generated assets", async () => {
    const { assets, store, provider, graph, photo } = await setup((a, m) => editChain(a, m));
    const result = await executeRun({ runId: "r1", plan: plan(graph), provider, store, assets });
    const retouched = store.node("r1", "retouch")!.outputs[0];
    const provenance = assets.assets.get(retouched.assetId)!.provenance!;
    expect(provenance).toMatchObject({
      runId: "r1",
      nodeId: "retouch",
      model: "model_openai-gpt-image-2",
      prompt: "steam",
      capability: "inpaint",
    });
    expect(provenance.parentAssetIds[0]).toBe(photo.assetId);
    expect(assets.assets.get(result.outputs[0].assetId)!.provenance!.nodeId).toBe("upscale");
  });

  it("runs independent branches concurrently", async () => {
    const provider = new FakeProvider({ latencyMs: 150 });
    const { assets, store, graph } = await setup((a) => {
      const g: WorkflowGraph = { nodes: [{ id: "in", type: "imageInput", position: { x: 0, y: 0 }, data: { assetId: a } }], edges: [] };
      for (let i = 0; i < 4; i++) {
        g.nodes.push({
          id: `up${i}`,
          type: "upscale",
          position: { x: 0, y: 0 },
          data: { factor: 2, preset: ["precise", "balanced", "creative", "balanced"][i] },
        });
        g.edges.push({ id: `e${i}`, source: "in", sourceHandle: "image", target: `up${i}`, targetHandle: "image" });
      }
      // make the 4th branch differ from the 2nd so neither is served from the other's cache
      g.nodes[4].data.factor = 4;
      return g;
    }, provider);
    const result = await executeRun({ runId: "r", plan: plan(graph), provider, store, assets });
    expect(result.status).toBe("succeeded");
    expect(provider.submitted).toHaveLength(4);
    // All four jobs were in flight at once (one at a time would never exceed 1).
    expect(provider.maxInFlight).toBe(4);
  });

  it("fails the node with the provider's message, skips its dependents, and ends the run failed", async () => {
    const provider = new FakeProvider({ failWhen: (r) => (r.capability === "outpaint" ? "NSFW content detected" : null) });
    const { assets, store, graph } = await setup((a, m) => editChain(a, m), provider);
    const result = await executeRun({ runId: "r", plan: plan(graph), provider, store, assets });
    expect(result.status).toBe("failed");
    expect(result.error).toBe('Expand node "expand" failed: NSFW content detected');
    expect(store.node("r", "retouch")!.status).toBe("succeeded");
    expect(store.node("r", "expand")).toMatchObject({ status: "failed", error: "NSFW content detected" });
    expect(store.node("r", "upscale")).toMatchObject({ status: "skipped", error: 'Skipped: upstream Expand node "expand" failed' });
    expect(store.node("r", "out")!.status).toBe("skipped");
    expect(provider.submitted.map((r) => r.capability)).toEqual(["inpaint", "outpaint"]);
  });

  it("reuses cached outputs on a second run without calling the provider, unless forced", async () => {
    const { assets, store, provider, graph } = await setup((a, m) => editChain(a, m));
    const first = await executeRun({ runId: "r1", plan: plan(graph), provider, store, assets });
    const second = await executeRun({ runId: "r2", plan: plan(graph), provider, store, assets });
    expect(provider.submitted).toHaveLength(3);
    expect(second.outputs[0].assetId).toBe(first.outputs[0].assetId);
    expect(store.node("r2", "upscale")).toMatchObject({ status: "succeeded", cached: true, credits: 0 });
    expect(second.credits).toBe(0);

    await executeRun({ runId: "r3", plan: plan(graph), provider, store, assets, force: new Set(["upscale"]) });
    expect(provider.submitted).toHaveLength(4);
    expect(store.node("r3", "upscale")!.cached).toBe(false);
    expect(store.node("r3", "expand")!.cached).toBe(true);
  });

  it("changing a parameter re-runs that node and everything downstream, not what is upstream", async () => {
    const { assets, store, provider, graph } = await setup((a, m) => editChain(a, m));
    await executeRun({ runId: "r1", plan: plan(graph), provider, store, assets });
    graph.nodes.find((n) => n.id === "expand")!.data.aspectRatio = "1:1";
    const result = await executeRun({ runId: "r2", plan: plan(graph), provider, store, assets });
    expect(store.node("r2", "retouch")!.cached).toBe(true);
    expect(store.node("r2", "expand")!.cached).toBe(false);
    expect(store.node("r2", "upscale")!.cached).toBe(false);
    expect(result.outputs[0]).toMatchObject({ width: 1200, height: 1200 });
  });

  it("makes numOutputs images from one Generation with a fixed seed, and a random seed is never cached", async () => {
    const { assets, store, provider } = await setup(() => generationChain());
    const fixed = await executeRun({ runId: "g1", plan: plan(generationChain(3, 42)), provider, store, assets });
    expect(fixed.outputs).toHaveLength(3);
    expect(fixed.outputs[0]).toMatchObject({ width: 1024, height: 576 });
    // The offline engine's schema takes width/height (no aspectRatio): 16:9 is sent as 1024 × 576.
    expect(provider.submitted[0].body).toEqual({ prompt: "a red fox in snow", width: 1024, height: 576, numOutputs: 3, seed: 42 });

    await executeRun({ runId: "g2", plan: plan(generationChain(1, null)), provider, store, assets, random: () => 0.25 });
    await executeRun({ runId: "g3", plan: plan(generationChain(1, null)), provider, store, assets, random: () => 0.5 });
    expect(store.node("g3", "gen")!.cached).toBe(false);
    expect(provider.submitted.map((r) => r.body.seed)).toEqual([42, Math.floor(0.25 * 2147483647), Math.floor(0.5 * 2147483647)]);
  });

  it("resumes a node whose job was submitted before a restart: polls the recorded job, never submits again", async () => {
    const provider = new FakeProvider({ latencyMs: 50 });
    const { assets, store, graph } = await setup((a, m) => editChain(a, m), provider);
    const runPlan = plan(graph);
    // First process: dies right after the Expand job is submitted (abort as soon as its job id is recorded).
    const controller = new AbortController();
    const original = store.updateNodeRun.bind(store);
    store.updateNodeRun = async (runId, nodeId, patch) => {
      await original(runId, nodeId, patch);
      if (nodeId === "expand" && patch.providerJobIds?.length) throw new Error("process killed");
    };
    await executeRun({ runId: "r", plan: runPlan, provider, store, assets, signal: controller.signal }).catch(() => undefined);
    store.updateNodeRun = original;
    // Simulate what the database holds after the crash: Expand still "running" with its job id.
    await store.updateNodeRun("r", "expand", { status: "running" });
    const submittedBefore = provider.submitted.length;
    const recordedJob = store.node("r", "expand")!.providerJobIds[0];
    expect(recordedJob).toBeTruthy();

    const result = await executeRun({ runId: "r", plan: runPlan, provider, store, assets });
    expect(result.status).toBe("succeeded");
    expect(store.node("r", "expand")!.providerJobIds).toEqual([recordedJob]);
    // Only Upscale is submitted after the restart: Retouch comes from its earlier outputs, Expand polls its job.
    expect(provider.submitted.slice(submittedBefore).map((r) => r.capability)).toEqual(["upscale"]);
    expect(result.outputs[0]).toMatchObject({ width: 1440, height: 810 });
  });

  it("cancels: running jobs stop and nothing downstream starts", async () => {
    const provider = new FakeProvider({ latencyMs: 300 });
    const { assets, store, graph } = await setup((a, m) => editChain(a, m), provider);
    const controller = new AbortController();
    // Cancel while the Retouch job runs: shortly after its job id is recorded (the job takes 300 ms).
    const original = store.updateNodeRun.bind(store);
    store.updateNodeRun = async (runId, nodeId, patch) => {
      await original(runId, nodeId, patch);
      if (nodeId === "retouch" && patch.providerJobIds?.length) setTimeout(() => controller.abort(), 20);
    };
    const result = await executeRun({ runId: "r", plan: plan(graph), provider, store, assets, signal: controller.signal });
    expect(result.status).toBe("canceled");
    expect(store.node("r", "retouch")!.status).toBe("canceled");
    expect(store.node("r", "upscale")!.status).toBe("canceled");
    expect(provider.submitted).toHaveLength(1);
    // The provider was asked to cancel the running job, and the job is canceled there (no work left running).
    const jobId = store.node("r", "retouch")!.providerJobIds[0];
    expect(provider.cancelRequests).toEqual([jobId]);
    expect((await provider.getJob(jobId)).status).toBe("canceled");
  });
});

describe("a provider's notes on how it did a job", () => {
  it("show on the node run: the offline engine's Upscale says it used Lanczos instead of the neural model", async () => {
    // The tests' setting turns the neural upscaler off (vitest.config.ts), as a small machine's limit would.
    const provider = new LocalProvider({ tasks: inlineTaskRunner });
    const assets = new MemoryAssetStore();
    const photo = await assets.add(coffee);
    const store = new MemoryExecutionStore();
    const graph: WorkflowGraph = {
      nodes: [
        { id: "in", type: "imageInput", position: { x: 0, y: 0 }, data: { assetId: photo.assetId } },
        { id: "up", type: "upscale", position: { x: 1, y: 0 }, data: { factor: 2, preset: "balanced" } },
        { id: "out", type: "output", position: { x: 2, y: 0 }, data: {} },
      ],
      edges: [
        { id: "a", source: "in", sourceHandle: "image", target: "up", targetHandle: "image" },
        { id: "b", source: "up", sourceHandle: "image", target: "out", targetHandle: "image" },
      ],
    };
    try {
      const result = await executeRun({ runId: "r", plan: plan(graph), provider, store, assets, schemas: createSchemaSource(provider) });
      expect(result.status).toBe("succeeded");
      expect(result.outputs[0]).toMatchObject({ width: 1200, height: 800 });
      const node = store.node("r", "up")!;
      const request = node.request as { notes: { message: string }[]; submissions: { jobId: string }[] };
      expect(request.notes.map((n) => n.message)).toContain("Upscaled with Lanczos: the neural model is turned off on this machine.");
      // The submissions recorded before the job stay as they were.
      expect(request.submissions.map((s) => s.jobId)).toEqual(node.providerJobIds);
    } finally {
      await provider.close();
    }
  });
});
