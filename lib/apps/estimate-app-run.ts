/**
 * The cost of running an App before running it ("Preview CU cost in the generator before
 * running", creative-pipelines-workflows-apps.txt; Scenario's `?dryRun=true`,
 * scenario-api-contract.md §1): the provider's own preview (`Provider.estimateCost`) of each
 * model request one run would make, times the number of runs.
 */
import { AppError } from "../api/errors";
import { validateGraph } from "../graph/validate";
import { estimatePlanCost, refuseUnpriced } from "../runs/run-cost";
import type { ServerContext } from "../server/context";
import type { AppActor } from "./access";
import { getAppOrThrow, getCurrentAppVersion } from "./get-app-or-throw";
import { prepareAppRuns } from "./prepare-app-runs";

export interface AppRunEstimate {
  /** Credits (CU) for all runs: `perRun × runs`. */
  credits: number;
  /** Credits (CU) for one run. */
  perRun: number;
  runs: number;
  /** One line per model node of one run (a node processing n images counts n requests). */
  details: Array<{ nodeId: string; nodeLabel: string; modelId: string; credits: number; requests: number }>;
  /**
   * True when the figure is an approximation rather than the provider's quote: the offline
   * engine's nominal figures, or a node whose preview failed and was replaced by a nominal one.
   */
  estimated: boolean;
  /** The App's per-run credit limit (CU), or null for none: a run whose `perRun` exceeds it is refused. */
  creditLimitPerRun: number | null;
}

const round = (credits: number) => Math.round(credits * 100) / 100;

/**
 * `POST /api/apps/:slug/estimate` `{ inputs, runs }`: prices `runs` runs of the App's current
 * version filled with `inputs`. Inputs may be incomplete (required ones not given yet): an
 * image not uploaded yet is assumed 1024 × 1024.
 * Offline, figures the engine cannot quote are the nominal ones, labelled `estimated`. On
 * Scenario there are no nominal figures: a step the builder or the dry run refuses, or a preview
 * that fails, makes the whole estimate a refusal that says which step and why.
 * @throws AppError not_found (404) for an App not in the actor's team; validation_error (400)
 *   naming the key (`inputs.platform: …`) for a refused value; conflict (409,
 *   `details.reason` `estimate_refused`, `details.refusals[]`) when Scenario cannot price a step.
 */
export async function estimateAppRun(
  ctx: ServerContext,
  actor: AppActor,
  slug: string,
  body: { inputs: Record<string, unknown>; runs: number },
): Promise<AppRunEstimate> {
  const app = await getAppOrThrow(ctx.db, actor, slug);
  const current = await getCurrentAppVersion(ctx.db, app);
  const { runs } = await prepareAppRuns(ctx.db, actor.team.id, current, [body.inputs], { prefix: () => "inputs", partial: true });
  const validation = validateGraph(runs[0].graph, "save");
  if (!validation.ok)
    throw new AppError("invalid_graph", `The App cannot be priced: ${validation.issues[0].message}`, { issues: validation.issues });

  const estimate = await estimatePlanCost(ctx, actor.team.id, validation.plan!);
  refuseUnpriced(estimate, ctx.provider.id);
  const details = estimate.nodes.map((node) => ({
    nodeId: node.nodeId,
    nodeLabel: node.label,
    modelId: node.model ?? "auto",
    credits: node.credits,
    requests: node.requests,
  }));
  return {
    credits: round(estimate.credits * body.runs),
    perRun: estimate.credits,
    runs: body.runs,
    details,
    estimated: estimate.estimated,
    creditLimitPerRun: app.creditLimitPerRun,
  };
}
