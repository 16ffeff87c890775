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
});
