/**
 * The server side of a run's cost preview: prices a validated plan with the team's image sizes,
 * the configured provider, its model schemas and the resolver the executor uses
 * (lib/runs/estimate-graph.ts), and the rules that read the figure (issue 11: "a run that would
 * exceed [the per-run credit cap] is refused before anything is spent").
 */
import { AppError } from "../api/errors";
import { findTeamAssets } from "../db/repositories/apps";
import { createSchemaSource } from "../engine/model-schemas";
import type { ExecutionPlan } from "../graph/validate";
import type { ServerServices } from "../server/services";
import { rankModelsWithResolver } from "./choose-model";
import { estimateGraph, type GraphCostEstimate } from "./estimate-graph";

/**
 * One run's cost (credits, CU) for `plan`, with the sizes of the team's images it uses (an image
 * not given yet counts as 1024 × 1024). The output cache is not consulted: a node that would reuse
 * an earlier output still counts, so the figure is what the run costs at most.
 */
export async function estimatePlanCost(
  ctx: Pick<ServerServices, "db" | "provider">,
  teamId: string,
  plan: ExecutionPlan,
): Promise<GraphCostEstimate> {
  const assetIds = [...plan.nodes.values()].map((n) => n.params.assetId).filter((id): id is string => typeof id === "string");
  const sizes = await findTeamAssets(ctx.db, teamId, assetIds);
  return estimateGraph(plan, {
    provider: ctx.provider,
    schemas: createSchemaSource(ctx.provider),
    rankModels: rankModelsWithResolver,
    imageSize: (id) => sizes.get(id) ?? undefined,
  });
}

/**
 * On Scenario a figure that is not the provider's quote would mislead: throws when a node could
 * not be priced (offline, nominal figures are the engine's own and pass).
 * @param subject the start of the sentence ("The cost cannot be previewed"), followed by the step and why.
 * @throws AppError conflict (409, `details.reason` "estimate_refused", `details.refusals[]`
 *   `{ nodeId, nodeLabel, message }`) naming the first step and why.
 */
export function refuseUnpriced(estimate: GraphCostEstimate, providerId: string, subject = "The cost cannot be previewed"): void {
  if (providerId === "local") return;
  const refusals = estimate.nodes
    .filter((node) => node.unpriced)
    .map((node) => ({ nodeId: node.nodeId, nodeLabel: node.label, message: node.note ?? "it could not be priced" }));
  if (refusals.length === 0) return;
  const [first] = refusals;
  throw new AppError("conflict", `${subject}: ${first.nodeLabel}: ${first.message}`, {
    reason: "estimate_refused",
    refusals,
  });
}

/** "12 CU", "4.5 CU". */
const cu = (credits: number) => `${Math.round(credits * 100) / 100} CU`;

/**
 * Refuses a run whose estimate exceeds its per-run credit limit, before anything is recorded or
 * spent (issue 11, "Whole-workflow cost before running": a budget). No limit: does nothing and
 * asks the provider nothing.
 * @param owner whose limit it is, as the designer reads it: "workflow" or "App".
 * @param item for a batch, which run of how many (1-based), to say which one is too expensive.
 * @throws AppError conflict (409, `details.reason` "credit_limit", `details.credits`, `details.limit`)
 *   "This run would cost about 48 CU; the workflow's limit is 30 CU per run. Raise the limit or
 *   lower the image count."; conflict (409, reason "estimate_refused") on Scenario when the cost
 *   cannot be previewed, since the limit then cannot be checked.
 */
export async function assertWithinCreditLimit(
  ctx: Pick<ServerServices, "db" | "provider">,
  teamId: string,
  plan: ExecutionPlan,
  limit: { creditLimitPerRun: number | null; owner: "workflow" | "App" },
  item?: { index: number; of: number },
): Promise<void> {
  if (limit.creditLimitPerRun === null) return;
  const estimate = await estimatePlanCost(ctx, teamId, plan);
  const which = item && item.of > 1 ? `Run ${item.index + 1} of ${item.of}` : "This run";
  refuseUnpriced(
    estimate,
    ctx.provider.id,
    `The cost of ${which.replace(/^This/, "this").replace(/^Run/, "run")} cannot be previewed, so the ${limit.owner}'s limit of ${cu(limit.creditLimitPerRun)} per run cannot be checked`,
  );
  if (estimate.credits <= limit.creditLimitPerRun) return;
  throw new AppError(
    "conflict",
    `${which} would cost about ${cu(estimate.credits)}; the ${limit.owner}'s limit is ${cu(limit.creditLimitPerRun)} per run. Raise the limit or lower the image count.`,
    { reason: "credit_limit", credits: estimate.credits, limit: limit.creditLimitPerRun, ...(item ? { item: item.index } : {}) },
  );
}
