/**
 * Executes one queued (or resumed) run: loads the graph it executes (its workflow version's,
 * with the App form's values applied for an App run: lib/runs/run-graph.ts), validates it, and
 * drives the engine with the database-backed stores and the configured provider.
 */
import { getRunWithNodes, updateRun } from "../db/repositories/runs";
import { executeRun } from "../engine/executor";
import { isTerminalRunStatus } from "../engine/types";
import { validateGraph } from "../graph/validate";
import type { ServerServices } from "../server/services";
import { rankModelsWithResolver } from "./choose-model";
import { createRunStores } from "./prisma-execution-store";
import { loadRunGraph } from "./run-graph";
import { fenceStore, type HeldLease } from "../queue/run-lease";

export interface RunJobOptions {
  force?: readonly string[];
  signal?: AbortSignal;
  /** The run's lease when a worker process executes it: every write is fenced by it (lib/queue/run-lease.ts). */
  lease?: HeldLease;
}

/**
 * Runs `runId` to a terminal status, or until it waits at a Pick (status `waiting`: the job ends
 * and nothing holds the run until someone picks); a run that cannot start ends `failed` with the
 * reason. A run already waiting (a duplicate job) is left alone.
 */
export async function executeRunJob(ctx: ServerServices, runId: string, options: RunJobOptions = {}): Promise<void> {
  const run = await getRunWithNodes(ctx.db, runId);
  if (!run || isTerminalRunStatus(run.status) || run.status === "waiting") return;
  let graph: unknown;
  try {
    graph = await loadRunGraph(ctx.db, run);
  } catch (error) {
    await updateRun(ctx.db, runId, {
      status: "failed",
      error: `The App's form values cannot be applied: ${error instanceof Error ? error.message : String(error)}`,
      finishedAt: new Date(),
    });
    ctx.events.emit(runId, { terminal: true });
    return;
  }
  const validation = validateGraph(graph, "run");
  if (!validation.ok) {
    await updateRun(ctx.db, runId, {
      status: "failed",
      error: `The saved graph cannot run: ${validation.issues.map((i) => i.message).join("; ")}`,
      finishedAt: new Date(),
    });
    ctx.events.emit(runId, { terminal: true });
    return;
  }
  const { store, assets } = createRunStores(ctx, { teamId: run.teamId });
  await executeRun({
    runId,
    plan: validation.plan!,
    provider: ctx.provider,
    store: options.lease ? fenceStore(store, options.lease) : store,
    assets,
    force: new Set(options.force ?? []),
    signal: options.signal,
    concurrency: Number(process.env.NODE_CONCURRENCY ?? 8),
    rankModels: rankModelsWithResolver,
  });
}
