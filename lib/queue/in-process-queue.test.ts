import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { actAsNewOwner, call, fixture, uploadForm, useFreshDataDir } from "@/tests/api/harness";

const dataDir = useFreshDataDir();
process.env.LOCAL_ENGINE_LATENCY_MS = "1500";
const upload = await import("@/app/api/assets/route");
const workflows = await import("@/app/api/workflows/route");
const workflowRuns = await import("@/app/api/workflows/[id]/runs/route");
const runRoute = await import("@/app/api/runs/[id]/route");
const { getServerContext } = await import("@/lib/server/context");
const { shutdownServer } = await import("@/lib/server/shutdown");
await actAsNewOwner();

const jobsDir = path.join(dataDir, "local-engine", "jobs");
const jobCount = () => (existsSync(jobsDir) ? readdirSync(jobsDir).filter((n) => n.endsWith(".json")).length : 0);

async function startUpscaleRun(): Promise<string> {
  const photo = (await call(upload.POST, { method: "POST", body: uploadForm(fixture("coffee.png"), "coffee.png") })).body.asset.id;
  const graph = {
    nodes: [
      { id: "in", type: "imageInput", position: { x: 0, y: 0 }, data: { assetId: photo } },
      { id: "up", type: "upscale", position: { x: 1, y: 0 }, data: { factor: 2 } },
      { id: "out", type: "output", position: { x: 2, y: 0 }, data: {} },
    ],
    edges: [
      { id: "a", source: "in", sourceHandle: "image", target: "up", targetHandle: "image" },
      { id: "b", source: "up", sourceHandle: "image", target: "out", targetHandle: "image" },
    ],
  };
  const workflow = (await call(workflows.POST, { method: "POST", json: { name: "Drain", graph } })).body.workflow;
  return (await call(workflowRuns.POST, { method: "POST", params: { id: workflow.id }, json: {} })).body.run.id;
}

const runStatus = async (id: string) => (await call(runRoute.GET, { params: { id } })).body.run;

describe("run queue drain (shutdown)", () => {
  it("stops once the running job is recorded, keeps later runs queued, then closes the database", async () => {
    const ctx = await getServerContext();
    const running = await startUpscaleRun();
    for (let i = 0; jobCount() === 0 && i < 200; i++) await new Promise((r) => setTimeout(r, 20));
    expect(jobCount()).toBe(1);

    const drained = await ctx.queue.drain({ graceMs: 10_000 });
    expect(drained).toEqual({ left: [running], unsafe: [] });
    const later = await startUpscaleRun(); // accepted by the API, not started
    await new Promise((r) => setTimeout(r, 300));
    expect((await runStatus(running)).status).toBe("running");
    expect((await runStatus(later)).status).toBe("queued");
    expect(jobCount()).toBe(1);

    const report = await shutdownServer({ graceMs: 1000 });
    expect(report.unsafe).toEqual([]);
    expect(existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);
  });
});
