/**
 * Node ids are the designer's (or a client's) free text: ids that are also names of
 * `Object.prototype` (`constructor`, `__proto__`, `toString`, `hasOwnProperty`) must save, run
 * and report like any other id (issue 8: they answered 500 on run).
 */
import { describe, expect, it } from "vitest";
import { actAsNewOwner, call, useFreshDataDir } from "./harness";

useFreshDataDir();
const workflows = await import("@/app/api/workflows/route");
const workflowRoute = await import("@/app/api/workflows/[id]/route");
const workflowRuns = await import("@/app/api/workflows/[id]/runs/route");
const runRoute = await import("@/app/api/runs/[id]/route");
const { getServerContext } = await import("@/lib/server/context");
await actAsNewOwner();

function graphWithIds(prompt: string, gen: string, out: string, edgeA = "toString", edgeB = "valueOf") {
  return {
    nodes: [
      { id: prompt, type: "prompt", position: { x: 0, y: 0 }, data: { text: "A lighthouse at dusk" } },
      { id: gen, type: "generation", position: { x: 1, y: 0 }, data: { seed: 3 } },
      { id: out, type: "output", position: { x: 2, y: 0 }, data: { label: "Lighthouse" } },
    ],
    edges: [
      { id: edgeA, source: prompt, sourceHandle: "text", target: gen, targetHandle: "prompt" },
      { id: edgeB, source: gen, sourceHandle: "image", target: out, targetHandle: "image" },
    ],
  };
}

describe("node ids that are names of Object.prototype", () => {
  it.each([
    ["constructor", "__proto__", "toString"],
    ["hasOwnProperty", "constructor", "__proto__"],
    ["__proto__", "toString", "constructor"],
  ])("saves, reloads and runs a graph whose nodes are %s → %s → %s", async (prompt, gen, out) => {
    const graph = graphWithIds(prompt, gen, out);
    const created = await call(workflows.POST, { method: "POST", json: { name: "Proto", graph } });
    expect(created.status).toBe(201);
    const loaded = await call(workflowRoute.GET, { params: { id: created.body.workflow.id } });
    expect(loaded.body.workflow.graph.nodes.map((n: any) => n.id)).toEqual([prompt, gen, out]);

    const started = await call(workflowRuns.POST, { method: "POST", params: { id: created.body.workflow.id }, json: { force: [gen] } });
    expect(started.status).toBe(202);
    await (await getServerContext()).queue.whenIdle();
    const run = (await call(runRoute.GET, { params: { id: started.body.run.id } })).body.run;
    expect(run.status).toBe("succeeded");
    expect(run.nodes.map((n: any) => [n.nodeId, n.status])).toEqual([
      [prompt, "succeeded"],
      [gen, "succeeded"],
      [out, "succeeded"],
    ]);
    expect(run.outputs).toHaveLength(1);
    expect(run.outputs[0]).toMatchObject({ nodeId: out, label: "Lighthouse" });
  });

  it("reports a broken edge into a `constructor` node by name instead of failing", async () => {
    const graph = graphWithIds("p", "constructor", "out");
    graph.edges[0].targetHandle = "nope";
    const created = await call(workflows.POST, { method: "POST", json: { name: "Broken", graph } });
    expect(created.status).toBe(400);
    expect(JSON.stringify(created.body.error)).toContain("constructor");
  });
});

describe("App input keys that are names of Object.prototype", () => {
  it("an optional input keyed `constructor` left empty takes its default instead of Object.prototype's", async () => {
    const { buildInputsSchema } = await import("@/lib/apps/inputs-schema");
    const schema = buildInputsSchema([
      { key: "constructor", nodeId: "p", field: "text", label: "Text", kind: "text", required: false, default: "A lighthouse" } as any,
    ]);
    const parsed = schema.safeParse({});
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual({ constructor: "A lighthouse" });
  });
});
