/**
 * The cost of one run of a workflow before running it (issue 11, "Whole-workflow cost before
 * running"): the graph on screen when the editor sends one (unsaved edits included), else the
 * saved graph, priced node by node (lib/runs/estimate-graph.ts).
 */
import { AppError, notFound } from "../api/errors";
import { getWorkflow } from "../db/repositories/workflows";
import { validateGraph } from "../graph/validate";
import { estimatePlanCost, refuseUnpriced } from "../runs/run-cost";
import type { GraphCostEstimate } from "../runs/estimate-graph";
import type { ServerServices } from "../server/services";

/** `POST /api/workflows/:id/estimate` answer: one run's cost (CU) and the workflow's limit. */
export interface WorkflowCostEstimate extends GraphCostEstimate {
  /** The workflow's per-run credit limit (CU), or null for none: a run costing more is refused. */
  creditLimitPerRun: number | null;
}

/**
 * @param graph the graph to price (any JSON; checked here), or undefined for the saved one.
 * Checked as for saving: a required input not connected yet is priced as if a 1024 × 1024 image
 * came in, so a half-built graph still shows a figure.
 * @throws AppError not_found (404) for a workflow not in the team; invalid_graph (400,
 *   `details.issues`) for a graph that cannot be read (cycle, unknown kind, wrong port type…);
 *   conflict (409, reason "estimate_refused") on Scenario when a step cannot be priced.
 */
export async function estimateWorkflow(
  ctx: Pick<ServerServices, "db" | "provider">,
  teamId: string,
  workflowId: string,
  graph: unknown,
): Promise<WorkflowCostEstimate> {
  const workflow = await getWorkflow(ctx.db, workflowId, { teamId });
  if (!workflow) throw notFound("Workflow", workflowId);
  const validation = validateGraph(graph === undefined ? workflow.graph : graph, "save");
  if (!validation.ok) {
    const more = validation.issues.length > 1 ? ` (and ${validation.issues.length - 1} more)` : "";
    throw new AppError("invalid_graph", `The workflow cannot be priced: ${validation.issues[0].message}${more}`, {
      issues: validation.issues,
    });
  }
  const estimate = await estimatePlanCost(ctx, teamId, validation.plan!);
  refuseUnpriced(estimate, ctx.provider.id);
  return { ...estimate, creditLimitPerRun: workflow.creditLimitPerRun };
}
