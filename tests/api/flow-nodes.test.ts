/**
 * Issue 11's value and branching nodes through the API on the offline engine (Postgres, the
 * queue, the local provider): a Text template composes two prompts for a Generation, an If /
 * else sends the run down one branch, and the run's node records show the composed text, the
 * branch taken and the skipped branch with its reason.
 */
import { describe, expect, it } from "vitest";
import { actAsNewOwner, call, useFreshDataDir } from "./harness";

useFreshDataDir();
const workflows = await import("@/app/api/workflows/route");
const workflowRuns = await import("@/app/api/workflows/[id]/runs/route");
const runRoute = await import("@/app/api/runs/[id]/route");
const { getServerContext } = await import("@/lib/server/context");
await actAsNewOwner();

const at = { x: 0, y: 0 };

describe("transform nodes on the offline engine", () => {
  it("composes a prompt, takes one branch, skips the other, and returns the one output at its size", async () => {
    const graph = {
      nodes: [
        { id: "subject", type: "prompt", position: at, data: { text: "a lighthouse at night" } },
        { id: "style", type: "prompt", position: at, data: { text: "linocut" } },
        { id: "t", type: "textTemplate", position: at, data: { mode: "cel", template: "subject + ', ' + style", names: "subject, style" } },
        { id: "b", type: "ifElse", position: at, data: { conditions: [{ operator: "contains", value: "night" }] } },
        { id: "ratio", type: "aspectRatio", position: at, data: { aspectRatio: "9:16" } },
        { id: "night", type: "generation", position: at, data: { seed: 5 } },
        { id: "day", type: "generation", position: at, data: { seed: 6 } },
        { id: "outNight", type: "output", position: at, data: { label: "Night" } },
        { id: "outDay", type: "output", position: at, data: { label: "Day" } },
      ],
      edges: [
        { id: "e1", source: "subject", sourceHandle: "text", target: "t", targetHandle: "a" },
        { id: "e2", source: "style", sourceHandle: "text", target: "t", targetHandle: "b" },
        { id: "e3", source: "t", sourceHandle: "text", target: "b", targetHandle: "text" },
        { id: "e4", source: "b", sourceHandle: "if1", target: "night", targetHandle: "prompt" },
        { id: "e5", source: "b", sourceHandle: "else", target: "day", targetHandle: "prompt" },
        { id: "e6", source: "ratio", sourceHandle: "aspectRatio", target: "night", targetHandle: "aspectRatio" },
        { id: "e7", source: "night", sourceHandle: "image", target: "outNight", targetHandle: "image" },
        { id: "e8", source: "day", sourceHandle: "image", target: "outDay", targetHandle: "image" },
      ],
    };
    const created = await call(workflows.POST, { method: "POST", json: { name: "Branches", graph } });
    expect(created.status).toBe(201);
    const started = await call(workflowRuns.POST, { method: "POST", params: { id: created.body.workflow.id }, json: {} });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    await (await getServerContext()).queue.whenIdle();
    const run = (await call(runRoute.GET, { params: { id: started.body.run.id } })).body.run;

    expect(run.status).toBe("succeeded");
    const node = (id: string) => run.nodes.find((n: { nodeId: string }) => n.nodeId === id);
    expect(node("t")).toMatchObject({ status: "succeeded", values: { text: "a lighthouse at night, linocut" }, credits: 0 });
    expect(node("b")).toMatchObject({ status: "succeeded", values: { if1: "a lighthouse at night, linocut" } });
    expect(node("b").emptyPorts).toContain("else");
    for (const id of ["day", "outDay"])
      expect(node(id)).toMatchObject({ status: "skipped", error: "Skipped: the If / else took another branch" });
    expect(run.outputs).toHaveLength(1);
    expect(run.outputs[0]).toMatchObject({ label: "Night", width: 576, height: 1024 });
  });
});
