/**
 * Cancels a run. A run executing in this process or in a worker process is aborted (its node runs end `canceled`,
 * running provider jobs are asked to cancel); a queued run no process is executing is marked
 * canceled directly, and so is a run waiting at a Pick (no process executes it). A finished run is left as it is.
 */
import { updateNodeRun, updateRun } from "../db/repositories/runs";
import { itemRunKey } from "../engine/loop-node";
import { TERMINAL_RUN_STATUSES, type RunStatus } from "../engine/types";
import type { ServerContext } from "../server/context";
import { getRunDto } from "./get-run";

/** @returns the run after the request (it may still be finishing its cancellation). @throws AppError 404. */
export async function cancelRun(ctx: ServerContext, runId: string) {
  const run = await getRunDto(ctx, runId);
  if (TERMINAL_RUN_STATUSES.has(run.status as RunStatus)) return run;
  if (await ctx.queue.cancel(runId)) {
    await ctx.queue.whenRunEnds(runId, 5_000);
  } else {
    const now = new Date();
    for (const node of run.nodes) {
      if (node.status === "queued" || node.status === "running" || node.status === "waiting")
        await updateNodeRun(ctx.db, runId, node.nodeId, { status: "canceled", finishedAt: now });
      // A For each body node's item node runs (lib/engine/loop-node.ts).
      for (const item of node.items ?? []) {
        if (item.status === "queued" || item.status === "running")
          await updateNodeRun(ctx.db, runId, itemRunKey(item.nodeId, item.index), { status: "canceled", finishedAt: now });
      }
    }
    await updateRun(ctx.db, runId, { status: "canceled", error: "Canceled by the user", finishedAt: now });
    ctx.events.emit(runId, { terminal: true });
  }
  return getRunDto(ctx, runId);
}
