import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { openTestDb } from "../test-db";
import { LeaseNotHeldError, RecordNotFoundError } from "../types";
import { getAsset, newAssetRecord } from "./assets";
import { createRun, findCachedNodeRun, findUnfinishedRuns, getRunWithNodes, listRunsForWorkflow, updateNodeRun, updateRun } from "./runs";
import { createWorkflow, snapshotVersion } from "./workflows";

const graph = {
  nodes: [
    { id: "prompt", type: "prompt", position: { x: 0, y: 0 }, data: {} },
    { id: "gen", type: "generation", position: { x: 1, y: 0 }, data: {} },
  ],
  edges: [{ id: "e1", source: "prompt", target: "gen" }],
};
const nodes = [
  { nodeId: "prompt", nodeType: "prompt" },
  { nodeId: "gen", nodeType: "generation" },
];

describe("runs repository", () => {
  let db: Db;
  let workflowId: string;
  let workflowVersionId: string;

  beforeAll(async () => {
    db = await openTestDb();
    const wf = await createWorkflow(db.prisma, { name: "Runs", graph });
    workflowId = wf.id;
    workflowVersionId = (await snapshotVersion(db.prisma, wf)).id;
  });
  afterAll(async () => {
    await db?.close();
  });

  it("creates a queued run with one queued node run per node, in order", async () => {
    const run = await createRun(db.prisma, { workflowId, workflowVersionId, nodes });
    expect(run).toMatchObject({
      workflowId,
      workflowVersionId,
      workflowVersion: { id: workflowVersionId, version: 1, graph },
      status: "queued",
      error: null,
      outputs: null,
      credits: null,
      startedAt: null,
      finishedAt: null,
    });
    expect(run.nodeRuns.map((n) => [n.nodeId, n.nodeType, n.position, n.status])).toEqual([
      ["prompt", "prompt", 0, "queued"],
      ["gen", "generation", 1, "queued"],
    ]);
    expect(run.nodeRuns[1]).toMatchObject({
      progress: 0,
      cached: false,
      providerJobIds: [],
      outputs: [],
      attempts: 0,
      request: null,
    });
    expect(await getRunWithNodes(db.prisma, run.id)).toEqual(run);
    expect(await getRunWithNodes(db.prisma, "missing")).toBeNull();
  });

  it("creates nothing when a node run cannot be written (one transaction)", async () => {
    const before = await db.prisma.run.count();
    await expect(createRun(db.prisma, { workflowId, workflowVersionId, nodes: [nodes[0], nodes[0]] })).rejects.toThrow();
    expect(await db.prisma.run.count()).toBe(before);
  });

  it("updates a run and its node runs; unknown ids throw RecordNotFoundError", async () => {
    const run = await createRun(db.prisma, { workflowId, workflowVersionId, nodes });
    const startedAt = new Date("2030-01-01T00:00:00.000Z");
    const read = async () => (await getRunWithNodes(db.prisma, run.id))!;
    const nodeOf = async (nodeId: string) => (await read()).nodeRuns.find((n) => n.nodeId === nodeId)!;
    await updateRun(db.prisma, run.id, { status: "running", startedAt });
    expect(await read()).toMatchObject({ status: "running", startedAt, workflowVersion: { version: 1 } });

    await updateNodeRun(db.prisma, run.id, "gen", {
      status: "running",
      progress: 0.5,
      model: "model_flux",
      modelReason: "best txt2img score",
      request: { prompt: "a cat", seed: 7 },
      providerJobIds: ["job_1"],
      attempts: 1,
      startedAt,
    });
    expect(await nodeOf("gen")).toMatchObject({
      nodeId: "gen",
      status: "running",
      progress: 0.5,
      model: "model_flux",
      request: { prompt: "a cat", seed: 7 },
      providerJobIds: ["job_1"],
      attempts: 1,
    });

    await updateNodeRun(db.prisma, run.id, "gen", {
      status: "succeeded",
      progress: 1,
      outputs: [{ assetId: "asset_1", width: 64, height: 64 }],
      credits: 2.5,
      request: null,
      finishedAt: new Date(),
    });
    const done = await nodeOf("gen");
    expect(done).toMatchObject({ status: "succeeded", request: null, credits: 2.5, providerJobIds: ["job_1"] });
    expect(done.outputs).toEqual([{ assetId: "asset_1", width: 64, height: 64 }]);

    await updateRun(db.prisma, run.id, {
      status: "succeeded",
      outputs: [{ nodeId: "out", assetId: "asset_1" }],
      credits: 2.5,
      finishedAt: new Date(),
    });
    expect(await read()).toMatchObject({ status: "succeeded", credits: 2.5, outputs: [{ nodeId: "out", assetId: "asset_1" }] });
    await updateRun(db.prisma, run.id, { outputs: null });
    expect((await read()).outputs).toBeNull();

    await expect(updateRun(db.prisma, "missing", { status: "failed" })).rejects.toBeInstanceOf(RecordNotFoundError);
    await expect(updateNodeRun(db.prisma, run.id, "nope", { status: "failed" })).rejects.toBeInstanceOf(RecordNotFoundError);
  });

  it("publishes a node's images with its write, and writes nothing for a worker that does not hold the run's lease", async () => {
    const run = await createRun(db.prisma, { workflowId, workflowVersionId, nodes });
    const image = newAssetRecord({
      storageKey: "ab/cd/published.png",
      mimeType: "image/png",
      width: 64,
      height: 48,
      sizeBytes: 120,
      sha256: "f".repeat(64),
      origin: "generated",
      provenance: { model: "model_flux", parameters: { seed: 7 } },
      runId: run.id,
      nodeId: "gen",
    });
    const nodeOf = async (nodeId: string) => (await getRunWithNodes(db.prisma, run.id))!.nodeRuns.find((n) => n.nodeId === nodeId)!;
    // The run is leased by worker-a: worker-b's write changes nothing, not even the images it carries.
    await db.prisma.run.update({ where: { id: run.id }, data: { leaseOwner: "worker-a", leaseExpiresAt: new Date(Date.now() + 60_000) } });
    const outputs = [{ assetId: image.id, width: 64, height: 48 }];
    await expect(
      updateNodeRun(db.prisma, run.id, "gen", { status: "succeeded", outputs }, { leaseOwner: "worker-b", assets: [image] }),
    ).rejects.toBeInstanceOf(LeaseNotHeldError);
    await expect(updateRun(db.prisma, run.id, { status: "failed" }, { leaseOwner: "worker-b" })).rejects.toBeInstanceOf(LeaseNotHeldError);
    expect(await getAsset(db.prisma, image.id)).toBeNull();
    expect(await nodeOf("gen")).toMatchObject({ status: "queued", outputs: [] });
    expect((await getRunWithNodes(db.prisma, run.id))!.status).toBe("queued");

    // The lease holder's write lands with its images, in one statement.
    await updateNodeRun(db.prisma, run.id, "gen", { status: "succeeded", outputs }, { leaseOwner: "worker-a", assets: [image] });
    expect(await nodeOf("gen")).toMatchObject({ status: "succeeded", outputs });
    expect(await getAsset(db.prisma, image.id)).toMatchObject({
      id: image.id,
      width: 64,
      height: 48,
      runId: run.id,
      nodeId: "gen",
      provenance: { model: "model_flux", parameters: { seed: 7 } },
    });
    // A missing node run under a held lease is still a missing record, not a lost lease.
    await expect(updateNodeRun(db.prisma, run.id, "nope", { status: "failed" }, { leaseOwner: "worker-a" })).rejects.toBeInstanceOf(
      RecordNotFoundError,
    );
  });

  it("finds unfinished runs with the job ids to resume", async () => {
    const queued = await createRun(db.prisma, { workflowId, workflowVersionId, nodes });
    const running = await createRun(db.prisma, { workflowId, workflowVersionId, nodes });
    await updateRun(db.prisma, running.id, { status: "running", startedAt: new Date() });
    await updateNodeRun(db.prisma, running.id, "gen", { status: "running", providerJobIds: ["job_resume"] });
    const failed = await createRun(db.prisma, { workflowId, workflowVersionId, nodes });
    await updateRun(db.prisma, failed.id, { status: "failed", error: "boom", finishedAt: new Date() });

    const unfinished = await findUnfinishedRuns(db.prisma);
    const ids = unfinished.map((r) => r.id);
    expect(ids).toContain(queued.id);
    expect(ids).toContain(running.id);
    expect(ids).not.toContain(failed.id);
    expect(unfinished.every((r) => r.status === "queued" || r.status === "running")).toBe(true);
    const resumed = unfinished.find((r) => r.id === running.id)!;
    expect(resumed.nodeRuns.find((n) => n.nodeId === "gen")?.providerJobIds).toEqual(["job_resume"]);
    expect(resumed.workflowVersion.graph).toEqual(graph);
  });

  it("finds the latest succeeded node run for a cache key", async () => {
    const key = `cache-${Date.now()}`;
    expect(await findCachedNodeRun(db.prisma, key, { teamId: null })).toBeNull();

    const a = await createRun(db.prisma, { workflowId, workflowVersionId, nodes });
    await updateNodeRun(db.prisma, a.id, "gen", {
      status: "succeeded",
      cacheKey: key,
      outputs: [{ assetId: "old" }],
      finishedAt: new Date("2030-01-01T00:00:00Z"),
    });
    const b = await createRun(db.prisma, { workflowId, workflowVersionId, nodes });
    await updateNodeRun(db.prisma, b.id, "gen", {
      status: "succeeded",
      cacheKey: key,
      outputs: [{ assetId: "new" }],
      finishedAt: new Date("2030-01-02T00:00:00Z"),
    });
    const c = await createRun(db.prisma, { workflowId, workflowVersionId, nodes });
    await updateNodeRun(db.prisma, c.id, "gen", {
      status: "failed",
      cacheKey: key,
      finishedAt: new Date("2030-01-03T00:00:00Z"),
    });

    const hit = await findCachedNodeRun(db.prisma, key, { teamId: null });
    expect(hit).toMatchObject({ runId: b.id, nodeId: "gen", status: "succeeded", outputs: [{ assetId: "new" }] });
  });

  it("never finds another team's cached node run", async () => {
    const key = `cache-team-${Date.now()}`;
    const ofA = await createRun(db.prisma, { workflowId, workflowVersionId, nodes, teamId: "team-a" });
    await updateNodeRun(db.prisma, ofA.id, "gen", {
      status: "succeeded",
      cacheKey: key,
      outputs: [{ assetId: "a" }],
      finishedAt: new Date(),
    });

    expect(await findCachedNodeRun(db.prisma, key, { teamId: "team-a" })).toMatchObject({ runId: ofA.id });
    expect(await findCachedNodeRun(db.prisma, key, { teamId: "team-b" })).toBeNull();
    expect(await findCachedNodeRun(db.prisma, key, { teamId: null })).toBeNull();
  });

  it("lists a workflow's runs newest first, limited", async () => {
    const runs = await listRunsForWorkflow(db.prisma, workflowId, { limit: 3 });
    expect(runs).toHaveLength(3);
    const times = runs.map((r) => r.createdAt.getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    expect(runs[0].workflowVersion).toEqual({ id: workflowVersionId, version: 1 });
    expect(runs[0]).not.toHaveProperty("nodeRuns");
  });
});
