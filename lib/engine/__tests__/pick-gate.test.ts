import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { WorkflowGraph } from "../../graph/schema";
import { validateGraph } from "../../graph/validate";
import { rankModelsWithResolver } from "../../runs/choose-model";
import { executeRun } from "../executor";
import { modelPurposes, pickRecordOf } from "../gate-node";
import { MemoryAssetStore, MemoryExecutionStore } from "../testing/memory-store";
import { FakeProvider } from "../testing/fake-provider";

const coffee = readFileSync(path.resolve("e2e/fixtures/coffee.png"));
const at = (x: number) => ({ x, y: 0 });

function plan(graph: WorkflowGraph) {
  const result = validateGraph(graph, "run");
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("; "));
  return result.plan!;
}

/** Prompt → Generation (4 images, 512 × 512) → Pick → Upscale 2x → Output, and a side branch Image input → Upscale → Output. */
function pickGraph(photoId: string, pick: Record<string, unknown> = {}): WorkflowGraph {
  return {
    nodes: [
      { id: "p", type: "prompt", position: at(0), data: { text: "a ceramic mug" } },
      { id: "gen", type: "generation", position: at(200), data: { numOutputs: 4, seed: 11, width: 512, height: 512, aspectRatio: "1:1" } },
      { id: "pick", type: "pick", position: at(400), data: { message: "Pick the best mug", ...pick } },
      { id: "up", type: "upscale", position: at(600), data: { factor: 2, preset: "precise" } },
      { id: "out", type: "output", position: at(800), data: { label: "Final" } },
      { id: "in", type: "imageInput", position: at(0), data: { assetId: photoId } },
      { id: "side", type: "upscale", position: at(200), data: { factor: 2, preset: "precise" } },
      { id: "out2", type: "output", position: at(400), data: { label: "Side" } },
    ],
    edges: [
      { id: "e1", source: "p", sourceHandle: "text", target: "gen", targetHandle: "prompt" },
      { id: "e2", source: "gen", sourceHandle: "image", target: "pick", targetHandle: "images" },
      { id: "e3", source: "pick", sourceHandle: "image", target: "up", targetHandle: "image" },
      { id: "e4", source: "up", sourceHandle: "image", target: "out", targetHandle: "image" },
      { id: "e5", source: "in", sourceHandle: "image", target: "side", targetHandle: "image" },
      { id: "e6", source: "side", sourceHandle: "image", target: "out2", targetHandle: "image" },
    ],
  };
}

async function setup(pick: Record<string, unknown> = {}) {
  const assets = new MemoryAssetStore();
  const photo = await assets.add(coffee);
  return {
    assets,
    store: new MemoryExecutionStore(),
    provider: new FakeProvider({ creditsPerJob: 5 }),
    runPlan: plan(pickGraph(photo.assetId, pick)),
  };
}

describe("Pick gate", () => {
  it("pauses at the Pick with the candidates, lets the other branch finish, then resumes with the pick alone", async () => {
    const { assets, store, provider, runPlan } = await setup();
    const first = await executeRun({ runId: "r", plan: runPlan, provider, store, assets });

    expect(first.status).toBe("waiting");
    expect(store.runs.get("r")!.status).toBe("waiting");
    expect(store.runs.get("r")!.finishedAt).toBeUndefined();
    const pickRun = store.node("r", "pick")!;
    expect(pickRun.status).toBe("waiting");
    const record = pickRecordOf(pickRun.request)!;
    expect(record.candidates).toHaveLength(4);
    expect(record).toMatchObject({ min: 1, max: 1, message: "Pick the best mug" });
    expect(record.candidates.map((c) => c.assetId)).toEqual(store.node("r", "gen")!.outputs.map((o) => o.assetId));
    // Nothing downstream of the Pick started; the side branch did not wait for it.
    expect(store.node("r", "up")).toBeUndefined();
    expect(store.node("r", "side")!.status).toBe("succeeded");
    expect(store.node("r", "out2")!.status).toBe("succeeded");
    const submittedBefore = provider.submitted.map((r) => r.capability);
    expect(submittedBefore.sort()).toEqual(["txt2img", "upscale"]);

    // Someone picks the third candidate (what lib/runs/pick-candidates.ts records).
    const chosen = record.candidates[2];
    await store.updateNodeRun("r", "pick", {
      request: { pick: { ...record, choice: { assetIds: [chosen.assetId], byUserId: "u", at: "" } } },
    });
    const second = await executeRun({ runId: "r", plan: runPlan, provider, store, assets });

    expect(second.status).toBe("succeeded");
    expect(store.node("r", "pick")!.status).toBe("succeeded");
    expect(store.node("r", "pick")!.outputs.map((o) => o.assetId)).toEqual([chosen.assetId]);
    // Only the Upscale after the Pick was submitted on resume, once, with the picked image (512 → 1024 px).
    expect(provider.submitted.map((r) => r.capability).slice(2)).toEqual(["upscale"]);
    expect(provider.submitted).toHaveLength(3);
    const finals = second.outputs.filter((o) => o.nodeId === "out");
    expect(finals).toHaveLength(1);
    expect(finals[0]).toMatchObject({ width: 1024, height: 1024 });
    expect(assets.assets.get(finals[0].assetId)!.provenance!.parentAssetIds[0]).toBe(chosen.assetId);
    expect(second.outputs.filter((o) => o.nodeId === "out2")).toHaveLength(1);
    // The reused nodes keep their own records and credits: 3 jobs of 5 CU.
    expect(store.node("r", "gen")!.cached).toBe(false);
    expect(second.credits).toBe(15);
  });

  it("with several picks allowed, the node after the Pick receives exactly the picked images", async () => {
    const { assets, store, provider, runPlan } = await setup({ minPicks: 1, maxPicks: null });
    await executeRun({ runId: "r", plan: runPlan, provider, store, assets });
    const record = pickRecordOf(store.node("r", "pick")!.request)!;
    expect(record).toMatchObject({ min: 1, max: 4 });
    const ids = [record.candidates[0].assetId, record.candidates[3].assetId];
    await store.updateNodeRun("r", "pick", { request: { pick: { ...record, choice: { assetIds: ids, byUserId: null, at: "" } } } });
    const result = await executeRun({ runId: "r", plan: runPlan, provider, store, assets });
    expect(result.status).toBe("succeeded");
    const upscales = provider.submitted.filter((r) => r.capability === "upscale");
    expect(upscales).toHaveLength(3); // the side branch, then one per picked image
    expect(result.outputs.filter((o) => o.nodeId === "out")).toHaveLength(2);
  });

  it("a run that fails elsewhere while a Pick waits ends failed, and the Pick is skipped", async () => {
    const { assets, store, runPlan } = await setup();
    const provider = new FakeProvider({ failWhen: (r) => (r.capability === "upscale" ? "upscaler down" : null) });
    const result = await executeRun({ runId: "r", plan: runPlan, provider, store, assets });
    expect(result.status).toBe("failed");
    expect(store.node("r", "pick")!.status).toBe("skipped");
  });

  it("routes Auto: the Generation before the Pick is a candidates step, the Upscale after it the final", async () => {
    const { assets, store, provider, runPlan } = await setup();
    expect(Object.fromEntries([...modelPurposes(runPlan)].map(([id, p]) => [id, p.purpose]))).toEqual({ gen: "candidates", up: "final" });
    await executeRun({ runId: "r", plan: runPlan, provider, store, assets, rankModels: rankModelsWithResolver });
    expect(store.node("r", "gen")!.modelReason).toMatch(/^Candidates for Pick, so a fast model\. Auto: /);
    expect(store.node("r", "side")!.modelReason).not.toMatch(/Pick/);
    const record = pickRecordOf(store.node("r", "pick")!.request)!;
    await store.updateNodeRun("r", "pick", {
      request: { pick: { ...record, choice: { assetIds: [record.candidates[0].assetId], byUserId: null, at: "" } } },
    });
    await executeRun({ runId: "r", plan: runPlan, provider, store, assets, rankModels: rankModelsWithResolver });
    expect(store.node("r", "up")!.modelReason).toMatch(/^After Pick, so the quality model\. Auto: /);
  });
});
