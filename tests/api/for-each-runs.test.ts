/**
 * A For each run through the studio (Postgres store, run DTO): each item's node runs are stored
 * beside the graph's and come back nested under their body node, with the item's text; a loop
 * refused by the run check answers 400 naming the rule.
 */
import { describe, expect, it } from "vitest";
import { actAsNewOwner, call, useFreshDataDir } from "./harness";

useFreshDataDir();
process.env.LOCAL_ENGINE_LATENCY_MS = "20";
const workflows = await import("@/app/api/workflows/route");
const workflowRuns = await import("@/app/api/workflows/[id]/runs/route");
const runRoute = await import("@/app/api/runs/[id]/route");
const { getServerContext } = await import("@/lib/server/context");
await actAsNewOwner();

const at = (x: number) => ({ x, y: 0 });
function loopGraph(text: string) {
  return {
    nodes: [
      { id: "p", type: "prompt", position: at(0), data: { text } },
      { id: "split", type: "splitText", position: at(1), data: {} },
      { id: "each", type: "forEach", position: at(2), data: { concurrency: 2 } },
      { id: "gen", type: "generation", position: at(3), data: { aspectRatio: "1:1", width: 256, height: 256 } },
      { id: "up", type: "upscale", position: at(4), data: { factor: 2, preset: "precise" } },
      { id: "end", type: "forEachEnd", position: at(5), data: {} },
      { id: "out", type: "output", position: at(6), data: { label: "Shot" } },
    ],
    edges: [
      { id: "a", source: "p", sourceHandle: "text", target: "split", targetHandle: "text" },
      { id: "b", source: "split", sourceHandle: "list", target: "each", targetHandle: "list" },
      { id: "c", source: "each", sourceHandle: "item", target: "gen", targetHandle: "prompt" },
      { id: "d", source: "gen", sourceHandle: "image", target: "up", targetHandle: "image" },
      { id: "e", source: "up", sourceHandle: "image", target: "end", targetHandle: "image" },
      { id: "f", source: "end", sourceHandle: "images", target: "out", targetHandle: "image" },
    ],
  };
}

describe("For each runs", () => {
  it("stores one node run per item and body node and returns them nested under the body node", async () => {
    const workflow = (await call(workflows.POST, { method: "POST", json: { name: "Loop", graph: loopGraph("mug\nvase\nlamp") } })).body
      .workflow;
    const started = await call(workflowRuns.POST, { method: "POST", params: { id: workflow.id }, json: {} });
    expect(started.status).toBe(202);
    await (await getServerContext()).queue.whenIdle();
    const run = (await call(runRoute.GET, { params: { id: started.body.run.id } })).body.run;
    expect(run.status).toBe("succeeded");
    // The graph's seven nodes; the items are nested, not listed beside them.
    expect(run.nodes.map((n: { nodeId: string }) => n.nodeId)).toEqual(["p", "split", "each", "gen", "up", "end", "out"]);
    const gen = run.nodes.find((n: { nodeId: string }) => n.nodeId === "gen");
    expect(gen.loopItems).toEqual(["mug", "vase", "lamp"]);
    expect(gen.items.map((i: { index: number; item: string; status: string }) => [i.index, i.item, i.status])).toEqual([
      [0, "mug", "succeeded"],
      [1, "vase", "succeeded"],
      [2, "lamp", "succeeded"],
    ]);
    const up = run.nodes.find((n: { nodeId: string }) => n.nodeId === "up");
    expect(up.items.map((i: { outputs: { width: number }[] }) => i.outputs[0].width)).toEqual([512, 512, 512]);
    expect(run.outputs.map((o: { width: number; height: number }) => [o.width, o.height])).toEqual([
      [512, 512],
      [512, 512],
      [512, 512],
    ]);
  }, 120_000);

  it("refuses to run a loop inside a loop, saying so", async () => {
    const graph = loopGraph("a");
    graph.nodes.push(
      { id: "split2", type: "splitText", position: at(7), data: { text: "x" } },
      { id: "each2", type: "forEach", position: at(8), data: {} },
    );
    graph.edges = graph.edges.filter((e) => e.id !== "c");
    graph.edges.push(
      { id: "g", source: "each", sourceHandle: "item", target: "split2", targetHandle: "text" },
      { id: "h", source: "split2", sourceHandle: "list", target: "each2", targetHandle: "list" },
      { id: "i", source: "each2", sourceHandle: "item", target: "gen", targetHandle: "prompt" },
    );
    const workflow = (await call(workflows.POST, { method: "POST", json: { name: "Nested", graph } })).body.workflow;
    const refused = await call(workflowRuns.POST, { method: "POST", params: { id: workflow.id }, json: {} });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues.map((i: { code: string }) => i.code)).toContain("loop_nested");
  });
});
