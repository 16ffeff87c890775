/**
 * Workflows and their immutable version snapshots.
 *
 * Concurrency: a workflow carries `version` (1 on creation, +1 on each save).
 * `updateWorkflow` is a single compare-and-set statement
 * (`UPDATE … WHERE id = ? AND version = ? AND "deletedAt" IS NULL RETURNING …`),
 * so of two saves based on the same version exactly one wins; the other gets
 * `{ ok: false, reason: "stale", current }`.
 *
 * Deletion is soft (`deletedAt`): a deleted workflow disappears from reads here,
 * while its versions, runs and assets stay.
 */
import { Prisma } from "../generated/client";
import type { Workflow as WorkflowRow, WorkflowVersion as WorkflowVersionRow } from "../generated/client";
import { type DbClient, toRequiredJsonInput } from "../types";

/** React Flow shape as stored; parse it with lib/graph's zod schema before trusting it. */
export interface WorkflowGraphJson {
  nodes: unknown[];
  edges: unknown[];
  [key: string]: unknown;
}

/** What callers pass as a graph: any JSON-serialisable `{ nodes, edges }`. */
export interface WorkflowGraphInput {
  nodes: readonly unknown[];
  edges: readonly unknown[];
}

/** Restricts a lookup to one team's rows (another team's id reads as missing). */
export interface TeamScope {
  teamId?: string;
}

export interface WorkflowRecord {
  id: string;
  /** The owning team (null only for rows made before accounts existed). */
  teamId: string | null;
  name: string;
  graph: WorkflowGraphJson;
  /** 1 on creation, +1 on each successful update. */
  version: number;
  /** Most credits (CU) one run may cost by its estimate, or null for no limit. */
  creditLimitPerRun: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A list entry: no graph, only its node count. */
export interface WorkflowSummary {
  id: string;
  name: string;
  version: number;
  nodeCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface WorkflowVersionRecord {
  id: string;
  workflowId: string;
  version: number;
  graph: WorkflowGraphJson;
  createdAt: Date;
}

export type UpdateWorkflowResult =
  { ok: true; workflow: WorkflowRecord } | { ok: false; reason: "not_found" } | { ok: false; reason: "stale"; current: WorkflowRecord };

/** Normalises a stored graph: always an object with `nodes` and `edges` arrays. */
export function toGraph(value: Prisma.JsonValue): WorkflowGraphJson {
  const obj = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return {
    ...obj,
    nodes: Array.isArray(obj.nodes) ? obj.nodes : [],
    edges: Array.isArray(obj.edges) ? obj.edges : [],
  };
}

function toWorkflowRecord(row: WorkflowRow): WorkflowRecord {
  return {
    id: row.id,
    teamId: row.teamId,
    name: row.name,
    graph: toGraph(row.graph),
    version: row.version,
    creditLimitPerRun: row.creditLimitPerRun,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const scopeFilter = (scope: TeamScope) => (scope.teamId === undefined ? {} : { teamId: scope.teamId });

function toVersionRecord(row: WorkflowVersionRow): WorkflowVersionRecord {
  return {
    id: row.id,
    workflowId: row.workflowId,
    version: row.version,
    graph: toGraph(row.graph),
    createdAt: row.createdAt,
  };
}

/**
 * Workflows that are not deleted, most recently updated first.
 * @param options.limit at most this many (default 200, capped at 1000).
 * @param options.teamId only that team's workflows.
 * @returns summaries without the graph, with `nodeCount` = length of `graph.nodes`.
 */
export async function listWorkflows(db: DbClient, options: { limit?: number } & TeamScope = {}): Promise<WorkflowSummary[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 200), 1), 1000);
  const rows = await db.$queryRaw<
    { id: string; name: string; version: number; nodeCount: number; createdAt: Date; updatedAt: Date }[]
  >(Prisma.sql`
    SELECT "id", "name", "version", "createdAt", "updatedAt",
           CASE WHEN jsonb_typeof("graph"->'nodes') = 'array'
                THEN jsonb_array_length("graph"->'nodes') ELSE 0 END::int AS "nodeCount"
    FROM "Workflow"
    WHERE "deletedAt" IS NULL ${options.teamId === undefined ? Prisma.empty : Prisma.sql`AND "teamId" = ${options.teamId}`}
    ORDER BY "updatedAt" DESC, "id" ASC
    LIMIT ${limit}`);
  return rows.map((row) => ({ ...row, nodeCount: Number(row.nodeCount) }));
}

/**
 * Creates a workflow at version 1. The name and graph are stored as given
 * (validate them before: lib/graph).
 */
export async function createWorkflow(
  db: DbClient,
  input: { name: string; graph: WorkflowGraphInput; teamId?: string | null; createdById?: string | null },
): Promise<WorkflowRecord> {
  const row = await db.workflow.create({
    data: {
      name: input.name,
      graph: toRequiredJsonInput(input.graph),
      teamId: input.teamId ?? null,
      createdById: input.createdById ?? null,
    },
  });
  return toWorkflowRecord(row);
}

/** The workflow, or null when it does not exist, is soft-deleted, or belongs to another team than `scope.teamId`. */
export async function getWorkflow(db: DbClient, id: string, scope: TeamScope = {}): Promise<WorkflowRecord | null> {
  const row = await db.workflow.findFirst({ where: { id, deletedAt: null, ...scopeFilter(scope) } });
  return row ? toWorkflowRecord(row) : null;
}

/**
 * Saves a new graph and/or name if the workflow is still at `version` (the
 * version the caller's edit was based on), and bumps the version by one.
 * Atomic and race-free: one conditional UPDATE.
 *
 * @returns `{ ok: true, workflow }` with the new version;
 *   `{ ok: false, reason: "not_found" }` when missing or soft-deleted;
 *   `{ ok: false, reason: "stale", current }` when someone saved in between
 *   (nothing was changed; `current` is what is stored now).
 */
export async function updateWorkflow(
  db: DbClient,
  id: string,
  input: { name?: string; graph?: WorkflowGraphInput; version: number },
  scope: TeamScope = {},
): Promise<UpdateWorkflowResult> {
  const data: Prisma.WorkflowUpdateManyMutationInput = { version: { increment: 1 } };
  if (input.name !== undefined) data.name = input.name;
  if (input.graph !== undefined) data.graph = toRequiredJsonInput(input.graph);
  const updated = await db.workflow.updateManyAndReturn({
    where: { id, version: input.version, deletedAt: null, ...scopeFilter(scope) },
    data,
  });
  if (updated.length === 1) return { ok: true, workflow: toWorkflowRecord(updated[0]) };
  const current = await getWorkflow(db, id, scope);
  return current ? { ok: false, reason: "stale", current } : { ok: false, reason: "not_found" };
}

/**
 * Marks the workflow deleted (sets `deletedAt`). Its versions, runs and assets are kept.
 * @returns true when it was deleted by this call; false when missing or already deleted.
 */
export async function softDeleteWorkflow(db: DbClient, id: string, scope: TeamScope = {}): Promise<boolean> {
  const { count } = await db.workflow.updateMany({
    where: { id, deletedAt: null, ...scopeFilter(scope) },
    data: { deletedAt: new Date() },
  });
  return count === 1;
}

/**
 * Get-or-create the immutable snapshot of `workflow` at its current version
 * (unique per workflowId + version). Safe under concurrency
 * (`INSERT … ON CONFLICT DO NOTHING`, then read), and inside a transaction.
 * When the snapshot already exists its stored graph is kept and returned.
 */
export async function snapshotVersion(
  db: DbClient,
  workflow: { id: string; version: number; graph: WorkflowGraphInput },
): Promise<WorkflowVersionRecord> {
  await db.workflowVersion.createMany({
    data: [{ workflowId: workflow.id, version: workflow.version, graph: toRequiredJsonInput(workflow.graph) }],
    skipDuplicates: true,
  });
  const row = await db.workflowVersion.findUniqueOrThrow({
    where: { workflowId_version: { workflowId: workflow.id, version: workflow.version } },
  });
  return toVersionRecord(row);
}

/** A version snapshot by its id (also for deleted workflows), or null. */
export async function getWorkflowVersion(db: DbClient, id: string): Promise<WorkflowVersionRecord | null> {
  const row = await db.workflowVersion.findUnique({ where: { id } });
  return row ? toVersionRecord(row) : null;
}

/**
 * Sets (or clears, with null) a workflow's per-run credit limit (CU). Does not touch the graph or
 * its version, so it never conflicts with an edit in progress.
 * @returns the workflow after the change, or null when it is missing, deleted or not in the scope's team.
 */
export async function setWorkflowCreditLimit(
  db: DbClient,
  id: string,
  creditLimitPerRun: number | null,
  scope: TeamScope = {},
): Promise<WorkflowRecord | null> {
  const { count } = await db.workflow.updateMany({
    where: { id, deletedAt: null, ...scopeFilter(scope) },
    data: { creditLimitPerRun },
  });
  return count === 0 ? null : getWorkflow(db, id, scope);
}
