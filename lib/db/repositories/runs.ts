/**
 * Runs and node runs: the execution record the engine writes and the UI reads.
 *
 * Restart safety: the engine writes `providerJobIds` of a node run BEFORE it
 * polls the job, so that after a restart `findUnfinishedRuns` gives back the job
 * ids to resume polling instead of submitting (and billing) them again.
 */
import type { NodeRun as NodeRunRow, Prisma, Run as RunRow } from "../generated/client";
import { directSql } from "../direct-sql";
import { assetInsertSql, type AssetRecord } from "./assets";
import { LeaseNotHeldError, RecordNotFoundError, toJsonInput, type DbClient } from "../types";
import { toGraph, type WorkflowGraphJson } from "./workflows";

import type { NodeRunStatus, RunStatus } from "../../engine/types";

// One list of statuses for engine, database and client (lib/engine/types.ts).
export type { NodeRunStatus, RunStatus };

export interface RunRecord {
  id: string;
  workflowId: string;
  workflowVersionId: string;
  /** The version snapshot the run executes (its number; the graph only in `RunWithNodes`). */
  workflowVersion: { id: string; version: number };
  status: RunStatus;
  error: string | null;
  /** What the run produced (JSON; shape chosen by the engine), or null until it ends. */
  outputs: unknown;
  /** Total cost in credits (CU), or null when unknown. */
  credits: number | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** The owning team and who started it (null for runs made before accounts existed). */
  teamId: string | null;
  createdById: string | null;
  /** Set for runs started from an App: the App, its version, and the form values (App input key → value). */
  appId: string | null;
  appVersionId: string | null;
  appInputs: unknown;
}

export interface NodeRunRecord {
  id: string;
  runId: string;
  nodeId: string;
  nodeType: string;
  /** Index in the node order given to `createRun`. */
  position: number;
  status: NodeRunStatus;
  /** 0 to 1. */
  progress: number;
  /** True when the outputs were reused from an earlier node run (output cache). */
  cached: boolean;
  cacheKey: string | null;
  /** Model id used, after resolving "Auto". */
  model: string | null;
  /** Why the resolver chose `model`. */
  modelReason: string | null;
  /** Request parameters sent to the provider (JSON), or null. */
  request: unknown;
  /** Provider job ids, in submission order. */
  providerJobIds: string[];
  /** Outputs (JSON array; the engine stores image refs with studio asset ids). */
  outputs: unknown[];
  error: string | null;
  attempts: number;
  /** Cost in credits (CU), or null when unknown. */
  credits: number | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
}

export interface RunWithNodes extends RunRecord {
  /** The version snapshot the run executes, with its graph. */
  workflowVersion: { id: string; version: number; graph: WorkflowGraphJson };
  /** Ordered by `position`. */
  nodeRuns: NodeRunRecord[];
}

/** Fields `updateRun` may change; `undefined` leaves a field as is, `null` clears it. */
export interface RunPatch {
  status?: RunStatus;
  error?: string | null;
  outputs?: unknown;
  credits?: number | null;
  startedAt?: Date | null;
  finishedAt?: Date | null;
}

/** Fields `updateNodeRun` may change; `undefined` leaves a field as is, `null` clears a nullable one. */
export interface NodeRunPatch {
  status?: NodeRunStatus;
  progress?: number;
  cached?: boolean;
  cacheKey?: string | null;
  model?: string | null;
  modelReason?: string | null;
  request?: unknown;
  providerJobIds?: readonly string[];
  outputs?: readonly unknown[];
  error?: string | null;
  attempts?: number;
  credits?: number | null;
  startedAt?: Date | null;
  finishedAt?: Date | null;
}

type RunRowWithVersion = RunRow & { workflowVersion: { id: string; version: number } };

function toRunRecord(row: RunRowWithVersion): RunRecord {
  return {
    id: row.id,
    workflowId: row.workflowId,
    workflowVersionId: row.workflowVersionId,
    workflowVersion: { id: row.workflowVersion.id, version: row.workflowVersion.version },
    status: row.status as RunStatus,
    error: row.error,
    outputs: row.outputs,
    credits: row.credits,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    teamId: row.teamId,
    createdById: row.createdById,
    appId: row.appId,
    appVersionId: row.appVersionId,
    appInputs: row.appInputs,
  };
}

function toNodeRunRecord(row: NodeRunRow): NodeRunRecord {
  return {
    id: row.id,
    runId: row.runId,
    nodeId: row.nodeId,
    nodeType: row.nodeType,
    position: row.position,
    status: row.status as NodeRunStatus,
    progress: row.progress,
    cached: row.cached,
    cacheKey: row.cacheKey,
    model: row.model,
    modelReason: row.modelReason,
    request: row.request,
    providerJobIds: Array.isArray(row.providerJobIds) ? row.providerJobIds.map(String) : [],
    outputs: Array.isArray(row.outputs) ? row.outputs : [],
    error: row.error,
    attempts: row.attempts,
    credits: row.credits,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    updatedAt: row.updatedAt,
  };
}

function toRunWithNodes(
  row: RunRow & { nodeRuns: NodeRunRow[]; workflowVersion: { id: string; version: number; graph: Prisma.JsonValue } },
): RunWithNodes {
  const { id, version, graph } = row.workflowVersion;
  return {
    ...toRunRecord(row),
    workflowVersion: { id, version, graph: toGraph(graph) },
    nodeRuns: row.nodeRuns.map(toNodeRunRecord),
  };
}

const VERSION_NUMBER = { workflowVersion: { select: { id: true, version: true } } } satisfies Prisma.RunInclude;

const WITH_NODES = {
  workflowVersion: { select: { id: true, version: true, graph: true } },
  nodeRuns: { orderBy: [{ position: "asc" }, { nodeId: "asc" }] },
} satisfies Prisma.RunInclude;

/** What a new run records besides its version and nodes: owner, and the App it was started from. */
export interface RunOrigin {
  teamId?: string | null;
  createdById?: string | null;
  appId?: string | null;
  appVersionId?: string | null;
  /** App form values by input key (JSON object). */
  appInputs?: Record<string, unknown> | null;
  /** The stored `Idempotency-Key` (unique per team and person; see `findRunsByIdempotencyKey`). */
  idempotencyKey?: string | null;
}

/**
 * Creates a queued run of a workflow version with one queued node run per node,
 * in one transaction. `nodes` order is kept as `position` (pass a topological order).
 * @throws Prisma P2003 when the workflow or version does not exist, P2002 when a nodeId repeats.
 */
export async function createRun(
  db: DbClient,
  input: { workflowId: string; workflowVersionId: string; nodes: readonly { nodeId: string; nodeType: string }[] } & RunOrigin,
): Promise<RunWithNodes> {
  const row = await db.run.create({
    data: {
      workflowId: input.workflowId,
      workflowVersionId: input.workflowVersionId,
      teamId: input.teamId ?? null,
      createdById: input.createdById ?? null,
      appId: input.appId ?? null,
      appVersionId: input.appVersionId ?? null,
      appInputs: toJsonInput(input.appInputs ?? null),
      idempotencyKey: input.idempotencyKey ?? null,
      status: "queued",
      nodeRuns: {
        createMany: {
          data: input.nodes.map((node, position) => ({
            nodeId: node.nodeId,
            nodeType: node.nodeType,
            position,
            status: "queued",
          })),
        },
      },
    },
    include: WITH_NODES,
  });
  return toRunWithNodes(row);
}

/** The run with its version snapshot (graph included) and node runs (ordered by position), or null. */
export async function getRunWithNodes(db: DbClient, runId: string): Promise<RunWithNodes | null> {
  const row = await db.run.findUnique({ where: { id: runId }, include: WITH_NODES });
  return row ? toRunWithNodes(row) : null;
}

/**
 * Runs of a workflow (also of a soft-deleted one), newest first, without node runs
 * (`workflowVersion` gives the version number).
 * @param options.limit at most this many (default 20, capped at 200).
 */
export async function listRunsForWorkflow(db: DbClient, workflowId: string, options: { limit?: number } = {}): Promise<RunRecord[]> {
  const take = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), 200);
  const rows = await db.run.findMany({
    where: { workflowId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    include: VERSION_NUMBER,
  });
  return rows.map(toRunRecord);
}

/** How `updateRun` and `updateNodeRun` write. */
export interface RunWriteOptions {
  /**
   * Write only while worker `leaseOwner` holds the run's lease (`Run.leaseOwner`,
   * lib/queue/run-lease.ts), checked in the same statement as the write: the run row is locked
   * `FOR SHARE` while the write is made, so a worker taking the run over waits for it, and a write
   * made after the take-over changes nothing.
   */
  leaseOwner?: string;
  /**
   * false: the commit need not wait for the WAL flush (lib/db/direct-sql.ts). Default true. The
   * engine's store passes false for every node-run write but a submission intent.
   */
  durable?: boolean;
  /**
   * Asset rows to insert in the same statement: the generated images this write publishes
   * (lib/assets/unpublished-assets.ts). Under a lease, inserted only while it is held.
   */
  assets?: readonly AssetRecord[];
}

/** The column, its SQL type and the value of one changed field. */
type Assignment = [column: string, type: string, value: unknown];

/** `patch`'s defined fields as assignments; JSON fields serialised, dates as ISO 8601. */
function assignments(fields: Record<string, [type: string, value: unknown]>): Assignment[] {
  const out: Assignment[] = [];
  for (const [column, [type, value]] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (value === null) out.push([column, type, null]);
    else if (type === "jsonb") out.push([column, type, JSON.stringify(value)]);
    else if (value instanceof Date) out.push([column, type, value.toISOString()]);
    else out.push([column, type, value]);
  }
  return out;
}

/**
 * `UPDATE <table> SET … WHERE <where>` with numbered parameters after `params` (the WHERE's),
 * fenced by the run's lease when `options.leaseOwner` is given (`$1` must be the run id), with
 * `options.assets` inserted by a data-modifying WITH in the same statement.
 */
function updateStatement(
  table: string,
  set: Assignment[],
  where: string,
  params: unknown[],
  options: RunWriteOptions,
): { sql: string; params: unknown[] } {
  const values = [...params];
  const setSql = set.map(([column, type, value]) => `"${column}" = $${values.push(value)}::${type}`);
  let fence = "";
  let leaseHeld: string | undefined;
  if (options.leaseOwner !== undefined) {
    const owner = `$${values.push(options.leaseOwner)}`;
    leaseHeld = `EXISTS (SELECT 1 FROM "Run" WHERE id = $1 AND "leaseOwner" = ${owner} FOR SHARE)`;
    fence = table === "Run" ? ` AND "leaseOwner" = ${owner}` : ` AND ${leaseHeld}`;
  }
  const withAssets = options.assets?.length ? `WITH published AS (${assetInsertSql(options.assets, values, leaseHeld)}) ` : "";
  return { sql: `${withAssets}UPDATE "${table}" SET ${setSql.join(", ")} WHERE ${where}${fence}`, params: values };
}

/** After a fenced write changed nothing: the run's lease is another worker's, or the row is missing. */
async function explainNothingWritten(
  db: DbClient,
  runId: string,
  leaseOwner: string | undefined,
  missing: RecordNotFoundError,
): Promise<never> {
  if (leaseOwner !== undefined) {
    const [run] = await directSql(db).rows<{ leaseOwner: string | null }>(`SELECT "leaseOwner" FROM "Run" WHERE id = $1`, [runId]);
    if (run && run.leaseOwner !== leaseOwner) throw new LeaseNotHeldError(runId, leaseOwner);
  }
  throw missing;
}

/**
 * Changes fields of a run in one statement (`UPDATE … WHERE id`, nothing read back: the engine
 * writes every state change through here, issue 14), sent to the driver directly
 * (lib/db/direct-sql.ts). Read the run with `getRunWithNodes`.
 * @throws RecordNotFoundError when the run does not exist; LeaseNotHeldError when
 *   `options.leaseOwner` does not hold its lease.
 */
export async function updateRun(db: DbClient, runId: string, patch: RunPatch, options: RunWriteOptions = {}): Promise<void> {
  const set = assignments({
    status: ["text", patch.status],
    error: ["text", patch.error],
    outputs: ["jsonb", patch.outputs],
    credits: ["float8", patch.credits],
    startedAt: ["timestamptz", patch.startedAt],
    finishedAt: ["timestamptz", patch.finishedAt],
  });
  // Nothing to change: the statement still says whether the run exists (and the lease is held).
  if (set.length === 0) set.push(["id", "text", runId]);
  const statement = updateStatement("Run", set, "id = $1", [runId], options);
  const count = await directSql(db).execute(statement.sql, statement.params, { durable: options.durable });
  if (count === 0) await explainNothingWritten(db, runId, options.leaseOwner, new RecordNotFoundError("Run", runId));
}

/**
 * Changes fields of the node run of `nodeId` in `runId` in one statement (`UPDATE … WHERE`,
 * nothing read back; one per state change of a node run, issue 14), sent to the driver directly
 * (lib/db/direct-sql.ts).
 * @throws RecordNotFoundError when there is no such node run; LeaseNotHeldError when
 *   `options.leaseOwner` does not hold the run's lease.
 */
export async function updateNodeRun(
  db: DbClient,
  runId: string,
  nodeId: string,
  patch: NodeRunPatch,
  options: RunWriteOptions = {},
): Promise<void> {
  const set = assignments({
    status: ["text", patch.status],
    progress: ["float8", patch.progress],
    cached: ["boolean", patch.cached],
    cacheKey: ["text", patch.cacheKey],
    model: ["text", patch.model],
    modelReason: ["text", patch.modelReason],
    request: ["jsonb", patch.request],
    providerJobIds: ["jsonb", patch.providerJobIds],
    outputs: ["jsonb", patch.outputs],
    error: ["text", patch.error],
    attempts: ["int4", patch.attempts],
    credits: ["float8", patch.credits],
    startedAt: ["timestamptz", patch.startedAt],
    finishedAt: ["timestamptz", patch.finishedAt],
  });
  if (set.some(([column, , value]) => value === null && (column === "providerJobIds" || column === "outputs"))) {
    throw new TypeError("a JSON value is required here (got null/undefined)");
  }
  // Like Prisma's @updatedAt: the writer's clock.
  set.push(["updatedAt", "timestamptz", new Date().toISOString()]);
  const statement = updateStatement("NodeRun", set, `"runId" = $1 AND "nodeId" = $2`, [runId, nodeId], options);
  const count = await directSql(db).execute(statement.sql, statement.params, { durable: options.durable });
  if (count === 0) await explainNothingWritten(db, runId, options.leaseOwner, new RecordNotFoundError("NodeRun", `${runId}/${nodeId}`));
}

/**
 * Adds queued node runs to a run (the item node runs of a For each loop, keyed
 * `<nodeId>#<item index>`), each at the position of `position` (its body node's), so they sort
 * beside it. Node runs that already exist (a resumed run) are left as they are.
 */
export async function addNodeRuns(
  db: DbClient,
  runId: string,
  nodeRuns: ReadonlyArray<{ nodeId: string; nodeType: string; position: number }>,
): Promise<void> {
  if (nodeRuns.length === 0) return;
  await db.nodeRun.createMany({
    data: nodeRuns.map((n) => ({ runId, nodeId: n.nodeId, nodeType: n.nodeType, position: n.position, status: "queued" })),
    skipDuplicates: true,
  });
}

/**
 * Runs still queued or running, oldest first, with their node runs: what a
 * restarted server must resume (node runs with `providerJobIds` resume polling).
 * Each comes with its version snapshot, graph included.
 */
export async function findUnfinishedRuns(db: DbClient): Promise<RunWithNodes[]> {
  const rows = await db.run.findMany({
    where: { status: { in: ["queued", "running"] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: WITH_NODES,
  });
  return rows.map(toRunWithNodes);
}

/**
 * Output cache lookup: the most recently finished succeeded node run with this cache key in a
 * run of team `scope.teamId` (its `outputs` can be reused), or null. The cache never crosses
 * teams: a key is a hash of the node's inputs, and another team running the same graph must
 * not receive this team's images. A null team (runs recorded before teams) only finds runs
 * without a team.
 */
export async function findCachedNodeRun(db: DbClient, cacheKey: string, scope: { teamId: string | null }): Promise<NodeRunRecord | null> {
  const row = await db.nodeRun.findFirst({
    where: { cacheKey, status: "succeeded", run: { teamId: scope.teamId } },
    orderBy: [{ finishedAt: { sort: "desc", nulls: "last" } }, { updatedAt: "desc" }],
  });
  return row ? toNodeRunRecord(row) : null;
}

/** A run started under an `Idempotency-Key`: what a retry needs to answer the same way. */
export interface IdempotentRun {
  id: string;
  status: RunStatus;
  workflowId: string;
  appId: string | null;
  idempotencyKey: string;
}

/**
 * The runs team `scope.teamId`'s person `scope.createdById` started under `key`: the workflow
 * run stored as `<key>`, or the App batch's runs stored as `<key>#<item>` (in item order).
 * Empty when the key was never used by them (keys never cross teams or people).
 */
export async function findRunsByIdempotencyKey(
  db: DbClient,
  scope: { teamId: string; createdById: string },
  key: string,
): Promise<IdempotentRun[]> {
  const rows = await db.run.findMany({
    where: {
      teamId: scope.teamId,
      createdById: scope.createdById,
      OR: [{ idempotencyKey: key }, { idempotencyKey: { startsWith: `${key}#` } }],
    },
    select: { id: true, status: true, workflowId: true, appId: true, idempotencyKey: true },
  });
  const item = (stored: string) => (stored === key ? -1 : Number(stored.slice(key.length + 1)));
  return rows
    .map((row) => ({ ...row, status: row.status as RunStatus, idempotencyKey: row.idempotencyKey ?? key }))
    .sort((a, b) => item(a.idempotencyKey) - item(b.idempotencyKey));
}
