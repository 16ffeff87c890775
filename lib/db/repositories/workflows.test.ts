import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { openTestDb } from "../test-db";
import { createRun, listRunsForWorkflow } from "./runs";
import {
  createWorkflow,
  getWorkflow,
  getWorkflowVersion,
  listWorkflows,
  snapshotVersion,
  softDeleteWorkflow,
  updateWorkflow,
} from "./workflows";

const graphOf = (...ids: string[]) => ({
  nodes: ids.map((id) => ({ id, type: "prompt", position: { x: 0, y: 0 }, data: { text: id } })),
  edges: [],
});

describe("workflows repository", () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("creates a workflow at version 1 and reads it back", async () => {
    const created = await createWorkflow(db.prisma, { name: "Poster", graph: graphOf("a", "b") });
    expect(created).toMatchObject({ name: "Poster", version: 1, graph: graphOf("a", "b") });
    expect(created.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(await getWorkflow(db.prisma, created.id)).toEqual(created);
    expect(await getWorkflow(db.prisma, "no-such-id")).toBeNull();
  });

  it("lists workflows newest updated first, with node counts and without graphs", async () => {
    const older = await createWorkflow(db.prisma, { name: "Older", graph: graphOf("x") });
    const newer = await createWorkflow(db.prisma, { name: "Newer", graph: graphOf("x", "y", "z") });
    await updateWorkflow(db.prisma, older.id, { name: "Older, renamed", version: 1 });
    const list = await listWorkflows(db.prisma);
    const ids = list.map((w) => w.id);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    const entry = list.find((w) => w.id === newer.id)!;
    expect(entry).toEqual({
      id: newer.id,
      name: "Newer",
      version: 1,
      nodeCount: 3,
      createdAt: newer.createdAt,
      updatedAt: newer.updatedAt,
    });
    expect(list.find((w) => w.id === older.id)).toMatchObject({ name: "Older, renamed", version: 2, nodeCount: 1 });
    expect(await listWorkflows(db.prisma, { limit: 1 })).toHaveLength(1);
  });

  it("updates on the current version and bumps it", async () => {
    const wf = await createWorkflow(db.prisma, { name: "Edit me", graph: graphOf("a") });
    const result = await updateWorkflow(db.prisma, wf.id, { graph: graphOf("a", "b"), version: 1 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.workflow).toMatchObject({ id: wf.id, name: "Edit me", version: 2, graph: graphOf("a", "b") });
    expect(result.workflow.updatedAt.getTime()).toBeGreaterThanOrEqual(wf.updatedAt.getTime());
    expect(await getWorkflow(db.prisma, wf.id)).toEqual(result.workflow);
  });

  it("refuses a stale version and changes nothing", async () => {
    const wf = await createWorkflow(db.prisma, { name: "Stale", graph: graphOf("a") });
    const saved = await updateWorkflow(db.prisma, wf.id, { graph: graphOf("a", "b"), version: 1 });
    expect(saved.ok).toBe(true);
    const before = await getWorkflow(db.prisma, wf.id);

    const stale = await updateWorkflow(db.prisma, wf.id, { name: "Lost", graph: graphOf("zzz"), version: 1 });
    expect(stale).toEqual({ ok: false, reason: "stale", current: before });
    expect(await getWorkflow(db.prisma, wf.id)).toEqual(before);
  });

  it("reports not_found for a missing workflow", async () => {
    expect(await updateWorkflow(db.prisma, "missing", { graph: graphOf(), version: 1 })).toEqual({
      ok: false,
      reason: "not_found",
    });
  });

  it("lets exactly one of concurrent saves on the same version win", async () => {
    const wf = await createWorkflow(db.prisma, { name: "Race", graph: graphOf("start") });
    const contenders = Array.from({ length: 8 }, (_, i) =>
      updateWorkflow(db.prisma, wf.id, { name: `writer ${i}`, graph: graphOf(`w${i}`), version: 1 }),
    );
    const results = await Promise.all(contenders);
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const losers = results.filter((r) => !r.ok);
    expect(losers.every((r) => !r.ok && r.reason === "stale")).toBe(true);

    const stored = await getWorkflow(db.prisma, wf.id);
    expect(stored?.version).toBe(2);
    const winner = winners[0];
    if (winner.ok) expect(stored).toEqual(winner.workflow);
  });

  it("soft delete hides the workflow, refuses later saves, and keeps its runs", async () => {
    const wf = await createWorkflow(db.prisma, { name: "Doomed", graph: graphOf("a") });
    const version = await snapshotVersion(db.prisma, wf);
    const run = await createRun(db.prisma, {
      workflowId: wf.id,
      workflowVersionId: version.id,
      nodes: [{ nodeId: "a", nodeType: "prompt" }],
    });

    expect(await softDeleteWorkflow(db.prisma, wf.id)).toBe(true);
    expect(await softDeleteWorkflow(db.prisma, wf.id)).toBe(false);
    expect(await getWorkflow(db.prisma, wf.id)).toBeNull();
    expect((await listWorkflows(db.prisma)).some((w) => w.id === wf.id)).toBe(false);
    expect(await updateWorkflow(db.prisma, wf.id, { graph: graphOf(), version: 1 })).toEqual({
      ok: false,
      reason: "not_found",
    });

    const runs = await listRunsForWorkflow(db.prisma, wf.id);
    expect(runs.map((r) => r.id)).toEqual([run.id]);
    expect(await getWorkflowVersion(db.prisma, version.id)).toEqual(version);
  });

  it("snapshots a version once per (workflow, version)", async () => {
    const wf = await createWorkflow(db.prisma, { name: "Snap", graph: graphOf("a") });
    const [first, second] = await Promise.all([snapshotVersion(db.prisma, wf), snapshotVersion(db.prisma, wf)]);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ workflowId: wf.id, version: 1, graph: graphOf("a") });

    const saved = await updateWorkflow(db.prisma, wf.id, { graph: graphOf("a", "b"), version: 1 });
    if (!saved.ok) throw new Error("save failed");
    const v2 = await snapshotVersion(db.prisma, saved.workflow);
    expect(v2.id).not.toBe(first.id);
    expect(v2).toMatchObject({ version: 2, graph: graphOf("a", "b") });
    expect(await db.prisma.workflowVersion.count({ where: { workflowId: wf.id } })).toBe(2);
  });
});
