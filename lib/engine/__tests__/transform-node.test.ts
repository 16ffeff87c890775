import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { WorkflowGraph } from "../../graph/schema";
import { validateGraph } from "../../graph/validate";
import { executeRun } from "../executor";
import { FakeProvider } from "../testing/fake-provider";
import { MemoryAssetStore, MemoryExecutionStore } from "../testing/memory-store";
import { recordedEmptyPorts, recordedValues } from "../transform-node";

const at = { x: 0, y: 0 };

function plan(graph: WorkflowGraph) {
  const result = validateGraph(graph, "run");
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("; "));
  return result.plan!;
}

describe("transform nodes in a run", () => {
  it("records a Split text's items on its node run, with no provider call and no credits", async () => {
    const graph: WorkflowGraph = {
      nodes: [
        { id: "p", type: "prompt", position: at, data: { text: "mug\n vase \n\nlamp" } },
        { id: "s", type: "splitText", position: at, data: {} },
      ],
      edges: [{ id: "e", source: "p", sourceHandle: "text", target: "s", targetHandle: "text" }],
    };
    const store = new MemoryExecutionStore();
    const provider = new FakeProvider();
    const result = await executeRun({ runId: "r", plan: plan(graph), provider, store, assets: new MemoryAssetStore() });
    expect(result).toMatchObject({ status: "succeeded", credits: 0 });
    const node = store.node("r", "s")!;
    expect(node.status).toBe("succeeded");
    expect(recordedValues(node.request)).toEqual({ list: ["mug", "vase", "lamp"] });
    expect(recordedEmptyPorts(node.request)).toEqual([]);
    expect(provider.submitted).toHaveLength(0);
  });

  it("fails the node with the definition's sentence and ends the run failed", async () => {
    const graph: WorkflowGraph = {
      nodes: [{ id: "s", type: "splitText", position: at, data: { text: Array.from({ length: 501 }, (_, i) => `n${i}`).join("\n") } }],
      edges: [],
    };
    const store = new MemoryExecutionStore();
    const result = await executeRun({ runId: "r", plan: plan(graph), provider: new FakeProvider(), store, assets: new MemoryAssetStore() });
    expect(result.status).toBe("failed");
    expect(store.node("r", "s")!.error).toBe("The text splits into 501 items; a list holds at most 500");
  });

  it("composes two prompts in a Text template and sends the composed text to a Generation", async () => {
    const graph: WorkflowGraph = {
      nodes: [
        { id: "subject", type: "prompt", position: at, data: { text: "a ceramic mug" } },
        { id: "style", type: "prompt", position: at, data: { text: "soft morning light" } },
        {
          id: "t",
          type: "textTemplate",
          position: at,
          data: { template: "{subject} on a walnut table, {style}", names: "subject, style" },
        },
        { id: "g", type: "generation", position: at, data: { seed: 7 } },
        { id: "out", type: "output", position: at, data: {} },
      ],
      edges: [
        { id: "e1", source: "subject", sourceHandle: "text", target: "t", targetHandle: "a" },
        { id: "e2", source: "style", sourceHandle: "text", target: "t", targetHandle: "b" },
        { id: "e3", source: "t", sourceHandle: "text", target: "g", targetHandle: "prompt" },
        { id: "e4", source: "g", sourceHandle: "image", target: "out", targetHandle: "image" },
      ],
    };
    const store = new MemoryExecutionStore();
    const provider = new FakeProvider();
    const result = await executeRun({ runId: "r", plan: plan(graph), provider, store, assets: new MemoryAssetStore() });
    expect(result.status).toBe("succeeded");
    expect(result.outputs).toHaveLength(1);
    expect(provider.submitted).toHaveLength(1);
    expect(provider.submitted[0].body.prompt).toBe("a ceramic mug on a walnut table, soft morning light");
    expect(recordedValues(store.node("r", "t")!.request)).toEqual({ text: "a ceramic mug on a walnut table, soft morning light" });
  });

  it("runs only the branch an If / else took: the other ends skipped with the reason, and the run succeeds", async () => {
    const graph: WorkflowGraph = {
      nodes: [
        { id: "p", type: "prompt", position: at, data: { text: "a lamp at night" } },
        { id: "b", type: "ifElse", position: at, data: { conditions: [{ operator: "contains", value: "night" }] } },
        { id: "gNight", type: "generation", position: at, data: { seed: 1 } },
        { id: "gDay", type: "generation", position: at, data: { seed: 2 } },
        { id: "outNight", type: "output", position: at, data: { label: "Night" } },
        { id: "outDay", type: "output", position: at, data: { label: "Day" } },
      ],
      edges: [
        { id: "e1", source: "p", sourceHandle: "text", target: "b", targetHandle: "text" },
        { id: "e2", source: "b", sourceHandle: "if1", target: "gNight", targetHandle: "prompt" },
        { id: "e3", source: "b", sourceHandle: "else", target: "gDay", targetHandle: "prompt" },
        { id: "e4", source: "gNight", sourceHandle: "image", target: "outNight", targetHandle: "image" },
        { id: "e5", source: "gDay", sourceHandle: "image", target: "outDay", targetHandle: "image" },
      ],
    };
    const store = new MemoryExecutionStore();
    const provider = new FakeProvider();
    const result = await executeRun({ runId: "r", plan: plan(graph), provider, store, assets: new MemoryAssetStore() });
    expect(result.status).toBe("succeeded");
    expect(result.outputs.map((o) => o.label)).toEqual(["Night"]);
    expect(provider.submitted.map((r) => r.body.prompt)).toEqual(["a lamp at night"]);
    for (const id of ["gDay", "outDay"]) {
      expect(store.node("r", id)).toMatchObject({ status: "skipped", error: "Skipped: the If / else took another branch" });
    }
    expect(recordedEmptyPorts(store.node("r", "b")!.request)).toContain("else");
    expect(recordedValues(store.node("r", "b")!.request)).toEqual({ if1: "a lamp at night" });
  });

  it("routes an image through the branch taken to an Output", async () => {
    const assets = new MemoryAssetStore();
    const photo = await assets.add(readFileSync(path.resolve("e2e/fixtures/coffee.png")));
    const graph: WorkflowGraph = {
      nodes: [
        { id: "p", type: "prompt", position: at, data: { text: "" } },
        { id: "in", type: "imageInput", position: at, data: { assetId: photo.assetId } },
        { id: "b", type: "ifElse", position: at, data: { conditions: [{ operator: "isEmpty" }] } },
        { id: "out", type: "output", position: at, data: {} },
      ],
      edges: [
        { id: "e1", source: "p", sourceHandle: "text", target: "b", targetHandle: "text" },
        { id: "e2", source: "in", sourceHandle: "image", target: "b", targetHandle: "image" },
        { id: "e3", source: "b", sourceHandle: "if1Image", target: "out", targetHandle: "image" },
      ],
    };
    // An empty Prompt is not ready to run, so this plan is made at save strictness.
    const validated = validateGraph(graph, "save");
    const store = new MemoryExecutionStore();
    const result = await executeRun({ runId: "r", plan: validated.plan!, provider: new FakeProvider(), store, assets });
    expect(result.status).toBe("succeeded");
    expect(result.outputs).toMatchObject([{ assetId: photo.assetId, width: 600, height: 400 }]);
  });

  it("an Aspect ratio node sets the ratio of the Generation it feeds; a text that is no ratio fails the node", async () => {
    const graph = (source: { type: string; data: Record<string, unknown>; handle: string }): WorkflowGraph => ({
      nodes: [
        { id: "ratio", type: source.type, position: at, data: source.data },
        { id: "g", type: "generation", position: at, data: { prompt: "a mug", aspectRatio: "1:1", seed: 3 } },
      ],
      edges: [{ id: "e", source: "ratio", sourceHandle: source.handle, target: "g", targetHandle: "aspectRatio" }],
    });
    const store = new MemoryExecutionStore();
    const provider = new FakeProvider();
    const ok = await executeRun({
      runId: "r1",
      plan: plan(graph({ type: "aspectRatio", data: { aspectRatio: "9:16" }, handle: "aspectRatio" })),
      provider,
      store,
      assets: new MemoryAssetStore(),
    });
    expect(ok.status).toBe("succeeded");
    const [output] = store.node("r1", "g")!.outputs;
    expect(output.height).toBeGreaterThan(output.width);
    expect(recordedValues(store.node("r1", "ratio")!.request)).toEqual({ aspectRatio: "9:16" });

    const bad = await executeRun({
      runId: "r2",
      plan: plan(graph({ type: "prompt", data: { text: "7:5" }, handle: "text" })),
      provider,
      store,
      assets: new MemoryAssetStore(),
    });
    expect(bad.status).toBe("failed");
    expect(store.node("r2", "g")!.error).toBe(
      "The connected aspect ratio “7:5” is not one the Generation node takes: use one of 1:1, 16:9, 9:16, 4:5, 3:2, 2:3, 3:4, 4:3, 21:9",
    );
    expect(provider.submitted).toHaveLength(1);
  });
});
