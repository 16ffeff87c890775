/**
 * Never paying twice (issue 8 item 10): the intent is recorded before a submit; a server killed
 * between the submit and the job id being written finds its job after restart instead of
 * resubmitting; a lost submit answer is reconciled; a provider's unknown job status fails fast.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { editChain } from "../../graph/__tests__/fixtures";
import type { WorkflowGraph } from "../../graph/schema";
import { validateGraph } from "../../graph/validate";
import { recordedModelSchemas } from "../../intelligence/catalog/recorded-schemas";
import { localModelSchema } from "../../providers/local/model-schemas";
import { executeRun } from "../executor";
import { MemoryAssetStore, MemoryExecutionStore } from "../testing/memory-store";
import { FakeProvider } from "../testing/fake-provider";
import type { SubmissionRecord } from "../types";

const coffee = readFileSync(path.resolve("e2e/fixtures/coffee.png"));

function plan(graph: WorkflowGraph) {
  const result = validateGraph(graph, "run");
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("; "));
  return result.plan!;
}

async function setup(provider: FakeProvider, graphFor: (a: string, m: string) => WorkflowGraph = editChain) {
  const assets = new MemoryAssetStore();
  const photo = await assets.add(coffee);
  const mask = await assets.add(
    await sharp({ create: { width: 300, height: 200, channels: 3, background: "#ffffff" } })
      .png()
      .toBuffer(),
  );
  return { assets, store: new MemoryExecutionStore(), provider, graph: graphFor(photo.assetId, mask.assetId), photo, mask };
}

const submissionsOf = (store: MemoryExecutionStore, runId: string, nodeId: string) =>
  (store.node(runId, nodeId)?.request as { submissions?: SubmissionRecord[] } | null)?.submissions ?? [];

describe("submit once", () => {
  it("crash gap: killed after Expand's submit returned but before its job id was written, the restart polls the job it finds and submits nothing again", async () => {
    const provider = new FakeProvider({ latencyMs: 30 });
    const { assets, store, graph } = await setup(provider);
    const runPlan = plan(graph);
    const original = store.updateNodeRun.bind(store);
    let intentSeen: SubmissionRecord | null = null;
    store.updateNodeRun = async (runId, nodeId, patch) => {
      const submissions = (patch.request as { submissions?: SubmissionRecord[] } | undefined)?.submissions;
      if (nodeId === "expand" && submissions?.length && !submissions[0].jobId) intentSeen = submissions[0];
      // The process dies before the write that carries the job id lands.
      if (nodeId === "expand" && submissions?.[0]?.jobId) throw new Error("process killed");
      await original(runId, nodeId, patch);
    };
    await executeRun({ runId: "r", plan: runPlan, provider, store, assets }).catch(() => undefined);
    store.updateNodeRun = original;
    // What the database holds after the crash: Expand running, its intent recorded, no job id.
    await store.updateNodeRun("r", "expand", { status: "running", error: null });
    expect(intentSeen).not.toBeNull();
    // The intent names its submission; the provider received that id with the request.
    expect(intentSeen!.submissionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(provider.submitted.find((r) => r.capability === "outpaint")?.submissionId).toBe(intentSeen!.submissionId);
    expect(store.node("r", "expand")!.providerJobIds).toEqual([]);
    expect(submissionsOf(store, "r", "expand")).toEqual([
      expect.objectContaining({ jobId: null, body: expect.objectContaining({ width: 720, height: 405 }) }),
    ]);
    const expandSubmitsBefore = provider.submitted.filter((r) => r.capability === "outpaint").length;
    expect(expandSubmitsBefore).toBe(1);

    const result = await executeRun({ runId: "r", plan: runPlan, provider, store, assets, reconcile: { attempts: 2, intervalMs: 5 } });
    expect(result.status).toBe("succeeded");
    expect(provider.submitted.filter((r) => r.capability === "outpaint")).toHaveLength(1);
    expect(store.node("r", "expand")!.providerJobIds).toHaveLength(1);
    expect(submissionsOf(store, "r", "expand")[0].jobId).toBe(store.node("r", "expand")!.providerJobIds[0]);
    expect(result.outputs[0]).toMatchObject({ width: 1440, height: 810 });
  });

  it("lost response: the submit's answer is lost after the job was created; exactly one job, found and polled", async () => {
    let lost = false;
    const provider = new FakeProvider({
      loseSubmit: (request) => (request.capability === "outpaint" && !lost ? ((lost = true), "after-create") : null),
    });
    const { assets, store, graph } = await setup(provider);
    const result = await executeRun({ runId: "r", plan: plan(graph), provider, store, assets, reconcile: { attempts: 3, intervalMs: 5 } });
    expect(result.status).toBe("succeeded");
    expect(provider.submitted.filter((r) => r.capability === "outpaint")).toHaveLength(1);
    expect(provider.findCalls).toBe(1);
    expect(submissionsOf(store, "r", "expand")).toEqual([
      expect.objectContaining({ jobId: expect.stringMatching(/^fake_job_/), uncertain: false }),
    ]);
  });

  it("lost request: no job exists after the reconcile window, so the node fails saying so and nothing is sent again", async () => {
    const provider = new FakeProvider({ loseSubmit: (request) => (request.capability === "outpaint" ? "before-create" : null) });
    const { assets, store, graph } = await setup(provider);
    const result = await executeRun({ runId: "r", plan: plan(graph), provider, store, assets, reconcile: { attempts: 3, intervalMs: 5 } });
    expect(result.status).toBe("failed");
    expect(store.node("r", "expand")).toMatchObject({ status: "failed", credits: null });
    expect(store.node("r", "expand")!.error).toMatch(
      /^The provider did not confirm this request and no job for it could be found, so the studio did not send it again/,
    );
    expect(provider.findCalls).toBe(3);
    expect(provider.submitted.filter((r) => r.capability === "outpaint")).toHaveLength(0);
    expect(submissionsOf(store, "r", "expand")).toEqual([expect.objectContaining({ jobId: null, uncertain: true })]);
    expect(store.node("r", "upscale")!.status).toBe("skipped");
  });

  it("an unknown job status fails the node at once instead of polling until the 30-minute deadline", async () => {
    const provider = new FakeProvider({ statusOverride: (request) => (request.capability === "outpaint" ? "exploded" : null) });
    Object.assign(provider, { waitForJob: undefined });
    const { assets, store, graph } = await setup(provider);
    const started = Date.now();
    const result = await executeRun({ runId: "r", plan: plan(graph), provider, store, assets });
    expect(result.status).toBe("failed");
    expect(store.node("r", "expand")!.error).toBe(
      'The provider reported a job status the studio does not know ("exploded"); the node stops instead of waiting',
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe("requests from the model's schema in a run", () => {
  const schemas = (id: string) => recordedModelSchemas().get(id) ?? localModelSchema(id);

  it("Retouch on GPT Image 2 uploads the photo in referenceImages and a mask of the photo's size with alpha", async () => {
    const provider = new FakeProvider({ schemas });
    const { assets, store, graph } = await setup(provider, (a, m) => ({
      nodes: [
        { id: "in", type: "imageInput", position: { x: 0, y: 0 }, data: { assetId: a } },
        {
          id: "retouch",
          type: "retouch",
          position: { x: 1, y: 0 },
          data: { maskAssetId: m, prompt: "steam", model: "model_openai-gpt-image-2" },
        },
        { id: "out", type: "output", position: { x: 2, y: 0 }, data: {} },
      ],
      edges: [
        { id: "e1", source: "in", sourceHandle: "image", target: "retouch", targetHandle: "image" },
        { id: "e2", source: "retouch", sourceHandle: "image", target: "out", targetHandle: "image" },
      ],
    }));
    const result = await executeRun({ runId: "r", plan: plan(graph), provider, store, assets });
    expect(result.status).toBe("succeeded");
    const body = provider.submitted[0].body;
    expect(Object.keys(body).sort()).toEqual(["mask", "prompt", "referenceImages"]);
    const mask = await sharp(provider.bytesOf(String(body.mask))!).metadata();
    expect(mask).toMatchObject({ width: 600, height: 400, format: "png", hasAlpha: true });
    // White (change) became transparent.
    const { data } = await sharp(provider.bytesOf(String(body.mask))!)
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(data[3]).toBe(0);
    expect((store.node("r", "retouch")!.request as { notes: { message: string }[] }).notes.map((n) => n.message)).toEqual([
      "GPT Image 2 takes no strength: it is not sent",
    ]);
  });

  it("a node the model cannot express fails before anything is uploaded or submitted, with the builder's sentence", async () => {
    const provider = new FakeProvider({ schemas });
    const { assets, store, graph } = await setup(provider, (a, m) => ({
      nodes: [
        { id: "in", type: "imageInput", position: { x: 0, y: 0 }, data: { assetId: a } },
        {
          id: "retouch",
          type: "retouch",
          position: { x: 1, y: 0 },
          data: { maskAssetId: m, prompt: "steam", model: "model_google-gemini-3-1-flash" },
        },
      ],
      edges: [{ id: "e1", source: "in", sourceHandle: "image", target: "retouch", targetHandle: "image" }],
    }));
    const result = await executeRun({ runId: "r", plan: plan(graph), provider, store, assets });
    expect(result.status).toBe("failed");
    expect(store.node("r", "retouch")).toMatchObject({
      status: "failed",
      error: "Gemini 3.1 Flash (Nano Banana 2) cannot retouch with a mask: pick a model that accepts a mask",
      credits: 0,
    });
    expect(provider.submitted).toHaveLength(0);
    expect(provider.uploads).toHaveLength(0);
  });

  it("Auto takes the first ranked model whose schema can express the node, and says which it skipped", async () => {
    const provider = new FakeProvider({ schemas });
    const { assets, store, graph } = await setup(provider, (a, m) => ({
      nodes: [
        { id: "in", type: "imageInput", position: { x: 0, y: 0 }, data: { assetId: a } },
        { id: "retouch", type: "retouch", position: { x: 1, y: 0 }, data: { maskAssetId: m, prompt: "steam" } },
      ],
      edges: [{ id: "e1", source: "in", sourceHandle: "image", target: "retouch", targetHandle: "image" }],
    }));
    const rankModels = () => [
      { modelId: "model_google-gemini-3-1-flash", reason: "Auto: best ELO" },
      { modelId: "model_openai-gpt-image-2", reason: "Auto: second best" },
    ];
    const result = await executeRun({ runId: "r", plan: plan(graph), provider, store, assets, rankModels });
    expect(result.status).toBe("succeeded");
    expect(store.node("r", "retouch")!.model).toBe("model_openai-gpt-image-2");
    expect(store.node("r", "retouch")!.modelReason).toBe(
      "Auto: second best (better-ranked Gemini 3.1 Flash (Nano Banana 2) cannot express this node: Gemini 3.1 Flash (Nano Banana 2) cannot retouch with a mask: pick a model that accepts a mask)",
    );
    expect(provider.submitted.map((r) => r.modelId)).toEqual(["model_openai-gpt-image-2"]);
  });

  it("records a job id while its job still runs, and with the node's end when the job ends at once (one write fewer)", async () => {
    const writesOf = (store: MemoryExecutionStore, nodeId: string) => {
      const seen: { jobIds: number; status?: string; at: number }[] = [];
      const original = store.updateNodeRun.bind(store);
      const started = Date.now();
      store.updateNodeRun = async (runId, id, patch) => {
        if (id === nodeId) seen.push({ jobIds: patch.providerJobIds?.length ?? 0, status: patch.status, at: Date.now() - started });
        await original(runId, id, patch);
      };
      return seen;
    };
    const single = (a: string): WorkflowGraph => ({
      nodes: [
        { id: "in", type: "imageInput", position: { x: 0, y: 0 }, data: { assetId: a } },
        { id: "cut", type: "removeBackground", position: { x: 1, y: 0 }, data: {} },
      ],
      edges: [{ id: "e1", source: "in", sourceHandle: "image", target: "cut", targetHandle: "image" }],
    });

    // A job that takes 400 ms: its id is written on its own well before it ends (a restart then polls it).
    const slow = await setup(new FakeProvider({ latencyMs: 400 }), single);
    const slowWrites = writesOf(slow.store, "cut");
    expect(
      (await executeRun({ runId: "s", plan: plan(slow.graph), provider: slow.provider, store: slow.store, assets: slow.assets })).status,
    ).toBe("succeeded");
    expect(slowWrites.map((w) => [w.status ?? null, w.jobIds])).toEqual([
      ["running", 0],
      [null, 1],
      ["succeeded", 0],
    ]);
    expect(slowWrites[1].at).toBeLessThan(300);
    expect(slow.store.node("s", "cut")!.providerJobIds).toHaveLength(1);

    // A job that ends at once: the id travels with the node's end.
    const fast = await setup(new FakeProvider({ latencyMs: 0 }), single);
    const fastWrites = writesOf(fast.store, "cut");
    await executeRun({ runId: "f", plan: plan(fast.graph), provider: fast.provider, store: fast.store, assets: fast.assets });
    expect(fastWrites.map((w) => [w.status, w.jobIds])).toEqual([
      ["running", 0],
      ["succeeded", 1],
    ]);
    const recorded = fast.store.node("f", "cut")!;
    expect(recorded.providerJobIds).toHaveLength(1);
    expect(submissionsOf(fast.store, "f", "cut")[0].jobId).toBe(recorded.providerJobIds[0]);
  });

  it("a job that fails at once still leaves its job id on the failed node", async () => {
    const provider = new FakeProvider({ latencyMs: 0, failWhen: () => "the model refused the image" });
    const { assets, store, graph } = await setup(provider);
    const result = await executeRun({ runId: "r", plan: plan(graph), provider, store, assets });
    expect(result.status).toBe("failed");
    const retouch = store.node("r", "retouch")!;
    expect(retouch.status).toBe("failed");
    expect(retouch.error).toContain("the model refused the image");
    expect(retouch.providerJobIds).toHaveLength(1);
    expect(submissionsOf(store, "r", "retouch")[0].jobId).toBe(retouch.providerJobIds[0]);
  });
});
