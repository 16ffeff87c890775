/**
 * The engine's ExecutionStore over the database: every run and node-run transition is
 * written through the runs repository (one statement each), then announced on the event bus (which feeds the
 * SSE stream). Cached outputs are only reused while all of their assets still exist.
 */
import { createStudioAssetStore } from "../assets/studio-asset-store";
import { UnpublishedAssets } from "../assets/unpublished-assets";
import { getAssetsByIds, type AssetRecord } from "../db/repositories/assets";
import { addNodeRuns, findCachedNodeRun, getRunWithNodes, updateNodeRun, updateRun } from "../db/repositories/runs";
import { parseItemRunKey } from "../engine/loop-node";
import { recordsSubmissionIntent } from "../engine/submission";
import { isTerminalRunStatus, type AssetStore, type ExecutionStore, type NodeRunState } from "../engine/types";
import type { ImageRef } from "../nodes/types";
import type { LeaseFenceableStore } from "../queue/run-lease";
import type { ServerServices } from "../server/services";

type NodeRunRow = NonNullable<Awaited<ReturnType<typeof getRunWithNodes>>>["nodeRuns"][number];

export function toNodeRunState(row: NodeRunRow): NodeRunState {
  return {
    nodeId: row.nodeId,
    nodeType: row.nodeType,
    status: row.status as NodeRunState["status"],
    progress: row.progress,
    cached: row.cached,
    cacheKey: row.cacheKey,
    model: row.model,
    modelReason: row.modelReason,
    request: (row.request as Record<string, unknown> | null) ?? null,
    providerJobIds: (row.providerJobIds as string[] | null) ?? [],
    outputs: (row.outputs as ImageRef[] | null) ?? [],
    error: row.error,
    attempts: row.attempts,
    credits: row.credits,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

/**
 * The store of one run of team `scope.teamId`: its cache lookups (`findCachedOutputs`) only
 * find outputs of that team's runs whose assets are the team's and still exist, so a team
 * never receives another team's images for the same graph.
 *
 * Writes are one statement per state change, sent to the driver directly (lib/db/direct-sql.ts).
 * A node-run write that records a submission intent commits durably (it precedes a provider
 * submit: never pay twice); the other node-run writes commit without waiting for the WAL flush,
 * and are made durable by the next durable commit (the next intent, or the run's own writes,
 * which are all durable). A database crash can so lose only what resuming redoes: a node's later
 * state, whose recorded submissions are polled again, never sent again.
 *
 * `fencedBy(owner)` (lib/queue/run-lease.ts `fenceStore`): the same store with each run and
 * node-run write made only while worker `owner` holds the run's lease, checked in its statement.
 */
function createPrismaExecutionStore(
  ctx: ServerServices,
  scope: { teamId: string | null },
  unpublished: UnpublishedAssets,
): ExecutionStore & LeaseFenceableStore {
  // Each write inserts the unpublished asset rows it names (a node's outputs; the run's own
  // writes take what is left), and gives them back when it fails.
  const publishing = async (records: AssetRecord[], write: (assets: AssetRecord[]) => Promise<void>) => {
    try {
      await write(records);
    } catch (error) {
      unpublished.restore(records);
      throw error;
    }
  };
  const store = (leaseOwner: string | undefined): ExecutionStore => ({
    async loadNodeRuns(runId) {
      const run = await getRunWithNodes(ctx.db, runId);
      return run ? run.nodeRuns.map(toNodeRunState) : [];
    },
    async updateRun(runId, patch) {
      await publishing(unpublished.takeAll(), (assets) => updateRun(ctx.db, runId, patch, { leaseOwner, assets }));
      ctx.events.emit(runId, { terminal: patch.status !== undefined && isTerminalRunStatus(patch.status) });
    },
    async updateNodeRun(runId, nodeId, patch) {
      const durable = recordsSubmissionIntent(patch.request);
      await publishing(unpublished.take((patch.outputs ?? []).map((o) => o.assetId)), (assets) =>
        updateNodeRun(ctx.db, runId, nodeId, patch, { leaseOwner, durable, assets }),
      );
      ctx.events.emit(runId);
    },
    async createNodeRuns(runId, nodeRuns) {
      // Item node runs sort beside their body node (its position in the run's order).
      const run = await getRunWithNodes(ctx.db, runId);
      const positions = new Map((run?.nodeRuns ?? []).map((n) => [n.nodeId, n.position]));
      await addNodeRuns(
        ctx.db,
        runId,
        nodeRuns.map((n) => ({ ...n, position: positions.get(parseItemRunKey(n.nodeId)?.nodeId ?? n.nodeId) ?? 0 })),
      );
      ctx.events.emit(runId);
    },
    async findCachedOutputs(cacheKey) {
      const row = await findCachedNodeRun(ctx.db, cacheKey, { teamId: scope.teamId });
      if (!row) return null;
      const outputs = (row.outputs as ImageRef[] | null) ?? [];
      if (outputs.length === 0) return null;
      const existing = (
        await getAssetsByIds(
          ctx.db,
          outputs.map((o) => o.assetId),
        )
      ).filter((asset) => asset.teamId === scope.teamId);
      return existing.length === new Set(outputs.map((o) => o.assetId)).size ? outputs : null;
    },
  });
  return { ...store(undefined), fencedBy: (owner) => store(owner) };
}

/**
 * The two stores a run executes with (lib/runs/execute-run-job.ts): its ExecutionStore (above)
 * and its AssetStore (lib/assets/studio-asset-store.ts), sharing the run's unpublished images so
 * that each generated image's row is inserted by the node-run write that publishes it.
 */
export function createRunStores(
  ctx: ServerServices,
  scope: { teamId: string | null },
): { store: ExecutionStore & LeaseFenceableStore; assets: AssetStore } {
  const unpublished = new UnpublishedAssets();
  return {
    store: createPrismaExecutionStore(ctx, scope, unpublished),
    assets: createStudioAssetStore(ctx, { teamId: scope.teamId }, { unpublished }),
  };
}
