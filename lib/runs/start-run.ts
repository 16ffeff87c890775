/**
 * Starts a run of a workflow's SAVED graph (ARCHITECTURE.md "Execution": never unsaved
 * client state): validates it for running, snapshots the version, records the run and its
 * node runs as queued, and hands it to the queue.
 */
import { createRun } from "../db/repositories/runs";
import { getWorkflow, snapshotVersion } from "../db/repositories/workflows";
import { AppError, notFound } from "../api/errors";
import { validateGraph } from "../graph/validate";
import type { ServerContext } from "../server/context";

/**
 * @returns `{ id, status: "queued" }`.
 * @throws AppError not_found (404) for a missing or deleted workflow; invalid_graph (400) with
 *   `details.issues` (each naming node, port or field) when the saved graph cannot run.
 */
export async function startRun(ctx: ServerContext, workflowId: string, options: { force?: string[] } = {}) {
  const workflow = await getWorkflow(ctx.db, workflowId);
  if (!workflow) throw notFound("Workflow", workflowId);
  const validation = validateGraph(workflow.graph, "run");
  if (!validation.ok) {
    const first = validation.issues[0]?.message ?? "the graph is invalid";
    const more = validation.issues.length > 1 ? ` (and ${validation.issues.length - 1} more)` : "";
    throw new AppError("invalid_graph", `The workflow cannot run: ${first}${more}`, { issues: validation.issues });
  }
  const unknownForced = (options.force ?? []).filter((id) => !validation.plan!.nodes.has(id));
  if (unknownForced.length) throw new AppError("validation_error", `force: no node with id ${unknownForced.map((id) => `"${id}"`).join(", ")}`);

  const version = await snapshotVersion(ctx.db, workflow);
  const run = await createRun(ctx.db, {
    workflowId,
    workflowVersionId: version.id,
    nodes: validation.plan!.order.map((nodeId) => ({ nodeId, nodeType: validation.plan!.nodes.get(nodeId)!.node.type })),
  });
  ctx.queue.enqueue(run.id, { force: options.force });
  return { id: run.id, status: run.status };
}
