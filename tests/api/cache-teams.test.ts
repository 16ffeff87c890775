/**
 * The output cache is the team's own (issue 8): team B running exactly the graph team A ran
 * (same prompt, same seed, so the same cache key) gets freshly generated images, never team A's
 * asset, and can open every output it gets.
 */
import { describe, expect, it } from "vitest";
import { call, useFreshDataDir } from "./harness";

useFreshDataDir();
const { setUpTeams, runsSettle } = await import("./apps-harness");
const workflows = await import("@/app/api/workflows/route");
const workflowRuns = await import("@/app/api/workflows/[id]/runs/route");
const runRoute = await import("@/app/api/runs/[id]/route");
const assetMeta = await import("@/app/api/assets/[id]/route");
const teams = await setUpTeams();

const graph = {
  nodes: [
    { id: "p", type: "prompt", position: { x: 0, y: 0 }, data: { text: "A ceramic mug on a walnut table" } },
    { id: "gen", type: "generation", position: { x: 1, y: 0 }, data: { seed: 7 } },
    { id: "out", type: "output", position: { x: 2, y: 0 }, data: { label: "Mug" } },
  ],
  edges: [
    { id: "a", source: "p", sourceHandle: "text", target: "gen", targetHandle: "prompt" },
    { id: "b", source: "gen", sourceHandle: "image", target: "out", targetHandle: "image" },
  ],
};

async function runAs(cookie: string) {
  const created = await call(workflows.POST, { method: "POST", cookie, json: { name: "Mug", graph } });
  expect(created.status).toBe(201);
  const started = await call(workflowRuns.POST, { method: "POST", cookie, params: { id: created.body.workflow.id }, json: {} });
  expect(started.status).toBe(202);
  await runsSettle();
  const run = (await call(runRoute.GET, { cookie, params: { id: started.body.run.id } })).body.run;
  expect(run.status).toBe("succeeded");
  return run;
}

describe("output cache across teams", () => {
  it("reuses a team's own outputs, but never gives team B the asset team A generated", async () => {
    const first = await runAs(teams.owner.cookie);
    const gen = (run: any) => run.nodes.find((n: any) => n.nodeId === "gen");
    expect(gen(first).cached).toBe(false);

    // Same team, same graph: served from the cache.
    const again = await runAs(teams.owner.cookie);
    expect(gen(again).cached).toBe(true);
    expect(again.outputs[0].assetId).toBe(first.outputs[0].assetId);

    // Another team, same graph: generated afresh, its own asset, which it can open.
    const other = await runAs(teams.outsider.cookie);
    expect(gen(other).cached).toBe(false);
    expect(other.outputs[0].assetId).not.toBe(first.outputs[0].assetId);
    const opened = await call(assetMeta.GET, { cookie: teams.outsider.cookie, params: { id: other.outputs[0].assetId } });
    expect(opened.status).toBe(200);
    // …and team A's asset stays out of its reach.
    expect((await call(assetMeta.GET, { cookie: teams.outsider.cookie, params: { id: first.outputs[0].assetId } })).status).toBe(404);
  });
});
