/**
 * For each loops (issue 11): a 20-item loop over a 4-node body is one run with 80 item node runs;
 * a failing item does not stop the others and the run says which item failed; a restart in the
 * middle of the loop submits nothing twice; canceling stops every item.
 */
import { describe, expect, it } from "vitest";
import { applyInputs } from "../../apps/apply-inputs";
import { listExposableInputs } from "../../apps/exposable-inputs";
import { planModelRequests } from "../../apps/model-requests";
import { localModelSchema } from "../../providers/local/model-schemas";
import type { WorkflowGraph } from "../../graph/schema";
import { validateGraph } from "../../graph/validate";
import { executeRun } from "../executor";
import { itemRunKey } from "../loop-node";
import { MemoryAssetStore, MemoryExecutionStore } from "../testing/memory-store";
import { FakeProvider } from "../testing/fake-provider";
import type { SubmissionRecord } from "../types";

const at = (x: number) => ({ x, y: 0 });
const PRODUCTS = Array.from({ length: 20 }, (_, i) => (i === 6 ? "blue mug" : `product ${i + 1}`));
const BODY = ["gen", "up", "cut", "up2"];

/** Prompt (one product per line) → Split text → For each → Generation → Upscale → Remove background → Upscale → End → Output. */
function loopGraph(lines: readonly string[], concurrency = 4): WorkflowGraph {
  return {
    nodes: [
      { id: "p", type: "prompt", position: at(0), data: { text: lines.join("\n") } },
      { id: "split", type: "splitText", position: at(100), data: {} },
      { id: "each", type: "forEach", position: at(200), data: { concurrency } },
      { id: "gen", type: "generation", position: at(300), data: { aspectRatio: "1:1", numOutputs: 1, seed: null } },
      { id: "up", type: "upscale", position: at(400), data: { factor: 2, preset: "precise" } },
      { id: "cut", type: "removeBackground", position: at(500), data: {} },
      { id: "up2", type: "upscale", position: at(600), data: { factor: 2, preset: "balanced" } },
      { id: "end", type: "forEachEnd", position: at(700), data: {} },
      { id: "out", type: "output", position: at(800), data: { label: "Packshot" } },
    ],
    edges: [
      { id: "e1", source: "p", sourceHandle: "text", target: "split", targetHandle: "text" },
      { id: "e2", source: "split", sourceHandle: "list", target: "each", targetHandle: "list" },
      { id: "e3", source: "each", sourceHandle: "item", target: "gen", targetHandle: "prompt" },
      { id: "e4", source: "gen", sourceHandle: "image", target: "up", targetHandle: "image" },
      { id: "e5", source: "up", sourceHandle: "image", target: "cut", targetHandle: "image" },
      { id: "e6", source: "cut", sourceHandle: "image", target: "up2", targetHandle: "image" },
      { id: "e7", source: "up2", sourceHandle: "image", target: "end", targetHandle: "image" },
      { id: "e8", source: "end", sourceHandle: "images", target: "out", targetHandle: "image" },
    ],
  };
}

function plan(graph: WorkflowGraph) {
  const result = validateGraph(graph, "run");
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("; "));
  return result.plan!;
}

const itemRuns = (store: MemoryExecutionStore, runId: string) =>
  [...(store.nodeRuns.get(runId)?.values() ?? [])].filter((n) => /#\d+$/.test(n.nodeId));

/** The provider's submits counted per request body: a body sent twice is a double payment. */
const bodiesSentTwice = (provider: FakeProvider) => {
  const seen = new Map<string, number>();
  for (const r of provider.submitted)
    seen.set(JSON.stringify([r.capability, r.body]), (seen.get(JSON.stringify([r.capability, r.body])) ?? 0) + 1);
  return [...seen.values()].filter((n) => n > 1).length;
};

describe("For each", () => {
  it("runs a 4-node body for 20 items, at most 4 at a time; a failing item does not stop the others, and the run names it", async () => {
    const provider = new FakeProvider({
      latencyMs: 5,
      failWhen: (r) => (r.capability === "txt2img" && r.body.prompt === "blue mug" ? "The model refused this prompt" : null),
    });
    const store = new MemoryExecutionStore();
    const assets = new MemoryAssetStore();
    let running = 0;
    let mostRunning = 0;
    const original = store.updateNodeRun.bind(store);
    store.updateNodeRun = async (runId, nodeId, patch) => {
      // Items at once: a Generation item starts its item; its last Upscale ending finishes it.
      if (nodeId.startsWith("gen#") && patch.status === "running" && patch.attempts === 1) mostRunning = Math.max(mostRunning, ++running);
      if ((nodeId.startsWith("up2#") && patch.status && patch.status !== "running") || (nodeId === "gen#6" && patch.status === "failed"))
        running--;
      await original(runId, nodeId, patch);
    };

    const result = await executeRun({ runId: "r", plan: plan(loopGraph(PRODUCTS)), provider, store, assets });

    expect(result.status).toBe("failed");
    expect(result.error).toBe("Item 7 of 20 (“blue mug”) failed at Generation: The model refused this prompt");
    // One node run per item and body node: 80, beside the 9 of the graph.
    const items = itemRuns(store, "r");
    expect(items).toHaveLength(80);
    expect(items.filter((n) => n.status === "succeeded")).toHaveLength(76);
    expect(store.node("r", itemRunKey("gen", 6))).toMatchObject({ status: "failed", error: "The model refused this prompt" });
    for (const id of ["up", "cut", "up2"]) {
      expect(store.node("r", itemRunKey(id, 6))).toMatchObject({ status: "skipped", error: "Skipped: Generation failed for this item" });
    }
    // The 19 other items reached the Output, in item order, at 2 × 2 × the generated size.
    expect(result.outputs).toHaveLength(19);
    const gen0 = store.node("r", itemRunKey("gen", 0))!.outputs[0];
    expect(result.outputs[0]).toMatchObject({ nodeId: "out", label: "Packshot", width: gen0.width * 4, height: gen0.height * 4 });
    expect(result.outputs.map((o) => o.assetId)).toEqual(
      PRODUCTS.map((_, i) => i)
        .filter((i) => i !== 6)
        .map((i) => store.node("r", itemRunKey("up2", i))!.outputs[0].assetId),
    );
    // Every item's Generation was asked for its own product.
    expect(
      provider.submitted
        .filter((r) => r.capability === "txt2img")
        .map((r) => r.body.prompt)
        .sort(),
    ).toEqual([...PRODUCTS].sort());
    // 19 items × 4 requests + the refused Generation; none sent twice.
    expect(provider.submitted).toHaveLength(77);
    expect(bodiesSentTwice(provider)).toBe(0);
    expect(mostRunning).toBe(4);
    // The body nodes' own node runs sum their items up.
    expect(store.node("r", "gen")).toMatchObject({ status: "failed", progress: 1 });
    expect(store.node("r", "gen")!.error).toMatch(/^1 of 20 items failed here\. Item 7 of 20/);
    expect(store.node("r", "up2")).toMatchObject({ status: "succeeded", progress: 1 });
    expect(store.node("r", "up2")!.outputs).toHaveLength(19);
    expect(store.node("r", "end")).toMatchObject({ status: "succeeded" });
    expect(store.node("r", "out")!.outputs).toHaveLength(19);
    expect(store.node("r", "each")).toMatchObject({ status: "succeeded", request: { loop: { items: PRODUCTS } } });
  });

  it("resumes a loop killed in the middle: item jobs already submitted are polled, finished items come from their outputs, nothing is submitted twice", async () => {
    const provider = new FakeProvider({ latencyMs: 40 });
    const store = new MemoryExecutionStore();
    const assets = new MemoryAssetStore();
    const lines = PRODUCTS.slice(0, 8);
    const runPlan = plan(loopGraph(lines, 3));
    // First process: dies as soon as the 5th Upscale job id is recorded (every later write is lost).
    const original = store.updateNodeRun.bind(store);
    let upscaleJobs = 0;
    let dead = false;
    store.updateNodeRun = async (runId, nodeId, patch) => {
      if (dead) throw new Error("process killed");
      await original(runId, nodeId, patch);
      if (/^up#/.test(nodeId) && patch.providerJobIds?.length && ++upscaleJobs === 5) dead = true;
    };
    store.updateRun = ((update) => async (runId, patch) => {
      if (dead) throw new Error("process killed");
      return update(runId, patch);
    })(store.updateRun.bind(store));
    await executeRun({ runId: "r", plan: runPlan, provider, store, assets }).catch(() => undefined);
    const before = provider.submitted.length;
    expect(before).toBeGreaterThan(5);
    expect(before).toBeLessThan(32);
    const runningBefore = itemRuns(store, "r").filter((n) => n.status === "running");
    expect(runningBefore.length).toBeGreaterThan(0);
    const jobsBefore = new Map(itemRuns(store, "r").map((n) => [n.nodeId, n.providerJobIds]));

    // Second process: the store holds what was written before the crash.
    const fresh = new MemoryExecutionStore();
    fresh.nodeRuns.set("r", new Map([...store.nodeRuns.get("r")!].map(([k, v]) => [k, { ...v }])));
    const result = await executeRun({
      runId: "r",
      plan: runPlan,
      provider,
      store: fresh,
      assets,
      reconcile: { attempts: 2, intervalMs: 5 },
    });

    expect(result.status).toBe("succeeded");
    expect(result.outputs).toHaveLength(8);
    // 8 items × 4 requests in all, across both processes: nothing was paid twice.
    expect(provider.submitted).toHaveLength(32);
    expect(bodiesSentTwice(provider)).toBe(0);
    for (const node of runningBefore) {
      const recorded = jobsBefore.get(node.nodeId)!;
      if (recorded.length) expect(fresh.node("r", node.nodeId)!.providerJobIds).toEqual(recorded);
    }
    expect(itemRuns(fresh, "r").every((n) => n.status === "succeeded")).toBe(true);
  });

  it("cancels every item: running jobs stop, items not started end canceled, the run ends canceled", async () => {
    const provider = new FakeProvider({ latencyMs: 200 });
    const store = new MemoryExecutionStore();
    const assets = new MemoryAssetStore();
    const controller = new AbortController();
    const original = store.updateNodeRun.bind(store);
    store.updateNodeRun = async (runId, nodeId, patch) => {
      await original(runId, nodeId, patch);
      if (nodeId === itemRunKey("gen", 1) && patch.providerJobIds?.length) setTimeout(() => controller.abort(), 10);
    };
    const result = await executeRun({ runId: "r", plan: plan(loopGraph(PRODUCTS, 2)), provider, store, assets, signal: controller.signal });
    expect(result.status).toBe("canceled");
    const items = itemRuns(store, "r");
    expect(items).toHaveLength(80);
    expect(items.filter((n) => n.status === "queued" || n.status === "running")).toEqual([]);
    expect(items.filter((n) => n.status === "canceled").length).toBeGreaterThanOrEqual(76);
    expect(provider.submitted).toHaveLength(2);
    expect(provider.cancelRequests).toHaveLength(2);
    for (const id of [...BODY, "each", "end", "out"]) expect(store.node("r", id)!.status).toBe("canceled");
  });

  it("records the seed and submissions of each item on its own node run", async () => {
    const provider = new FakeProvider();
    const store = new MemoryExecutionStore();
    await executeRun({ runId: "r", plan: plan(loopGraph(["a", "b"])), provider, store, assets: new MemoryAssetStore() });
    const subs = [0, 1].map((i) => (store.node("r", itemRunKey("gen", i))!.request as { submissions: SubmissionRecord[] }).submissions);
    expect(subs.map((s) => s.length)).toEqual([1, 1]);
    expect(subs.map((s) => s[0].body.prompt)).toEqual(["a", "b"]);
    expect(store.node("r", itemRunKey("gen", 0))!.nodeType).toBe("generation");
  });

  it("an App's text input, one product name per line, runs the loop once per line", async () => {
    const graph = loopGraph(["placeholder"]);
    const exposable = listExposableInputs(graph).find((i) => i.nodeId === "p" && i.field === "text")!;
    expect(exposable.kind).toBe("textarea");
    const input = { key: "products", nodeId: "p", field: "text", label: "Product names", required: true, kind: exposable.kind };
    const applied = applyInputs(graph, [input], { products: "ceramic mug\n  walnut table \n\nlinen lamp" });
    const provider = new FakeProvider();
    const store = new MemoryExecutionStore();
    const result = await executeRun({ runId: "app", plan: plan(applied), provider, store, assets: new MemoryAssetStore() });
    expect(result.status).toBe("succeeded");
    expect(result.outputs).toHaveLength(3);
    expect(store.node("app", "each")!.request).toMatchObject({ loop: { items: ["ceramic mug", "walnut table", "linen lamp"] } });
    expect(provider.submitted.filter((r) => r.capability === "txt2img").map((r) => r.body.prompt)).toEqual([
      "ceramic mug",
      "walnut table",
      "linen lamp",
    ]);
  });

  it("prices a loop's body once per item (the App cost estimate)", async () => {
    const requests = await planModelRequests(
      plan(loopGraph(PRODUCTS.slice(0, 5))),
      () => undefined,
      () => [{ modelId: "model_auto", reason: "test" }],
      async (modelId) => ({ schema: localModelSchema(modelId), origin: "provider" as const }),
    );
    expect(requests.map((r) => [r.nodeId, r.count])).toEqual(BODY.map((id) => [id, 5]));
    expect(requests[0].body).toMatchObject({ prompt: "product 1" });
  });
});
