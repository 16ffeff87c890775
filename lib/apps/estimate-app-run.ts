/**
 * The cost of running an App before running it ("Preview CU cost in the generator before
 * running", creative-pipelines-workflows-apps.txt; Scenario's `?dryRun=true`,
 * scenario-api-contract.md §1): the provider's own preview (`Provider.estimateCost`) of each
 * model request one run would make, times the number of runs.
 */
import { AppError } from "../api/errors";
import { findTeamAssets } from "../db/repositories/apps";
import { validateGraph } from "../graph/validate";
import { getNodeDefinition } from "../nodes";
import { NOMINAL_CREDITS } from "../providers/local/capabilities";
import { createSchemaSource } from "../engine/model-schemas";
import { rankModelsWithResolver } from "../runs/choose-model";
import type { ServerContext } from "../server/context";
import type { AppActor } from "./access";
import { getAppOrThrow, getCurrentAppVersion } from "./get-app-or-throw";
import { planModelRequests, type PlannedModelRequest } from "./model-requests";
import { prepareAppRuns } from "./prepare-app-runs";

export interface AppRunEstimate {
  /** Credits (CU) for all runs: `perRun × runs`. */
  credits: number;
  /** Credits (CU) for one run. */
  perRun: number;
  runs: number;
  /** One line per model node of one run (a node processing n images counts n requests). */
  details: Array<{ nodeId: string; nodeLabel: string; modelId: string; credits: number }>;
  /**
   * True when the figure is an approximation rather than the provider's quote: the offline
   * engine's nominal figures, or a node whose preview failed and was replaced by a nominal one.
   */
  estimated: boolean;
}

const round = (credits: number) => Math.round(credits * 100) / 100;

/** Scenario's usual billing (scenario-api-contract.md §1: image ≈ 5 CU, Enhance ≈ 15 CU), used when a preview fails. */
function nominalCredits(request: PlannedModelRequest): number {
  if (request.capability === "upscale") return NOMINAL_CREDITS.enhance;
  const outputs = typeof request.body?.numOutputs === "number" ? request.body.numOutputs : 1;
  return NOMINAL_CREDITS.image * outputs;
}

/**
 * `POST /api/apps/:slug/estimate` `{ inputs, runs }`: prices `runs` runs of the App's current
 * version filled with `inputs`. Inputs may be incomplete (required ones not given yet): an
 * image not uploaded yet is assumed 1024 × 1024.
 * @throws AppError not_found (404) for an App not in the actor's team; validation_error (400)
 *   naming the key (`inputs.platform: …`) for a refused value.
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
  if (!validation.ok) throw new AppError("invalid_graph", `The App cannot be priced: ${validation.issues[0].message}`, { issues: validation.issues });

  const plan = validation.plan!;
  const assetIds = [...plan.nodes.values()].map((n) => n.params.assetId).filter((id): id is string => typeof id === "string");
  const sizes = await findTeamAssets(ctx.db, actor.team.id, assetIds);
  const requests = await planModelRequests(plan, (id) => sizes.get(id), rankModelsWithResolver, createSchemaSource(ctx.provider));
  let estimated = ctx.provider.id === "local";
  const details = await Promise.all(
    requests.map(async (request) => {
      const nodeLabel = getNodeDefinition(request.nodeType)?.label ?? request.nodeType;
      let each: number;
      if (request.modelId && request.body) {
        try {
          each = (await ctx.provider.estimateCost({ modelId: request.modelId, capability: request.capability, body: request.body })).credits;
        } catch {
          each = nominalCredits(request);
          estimated = true;
        }
      } else {
        each = nominalCredits(request);
        estimated = true;
      }
      return { nodeId: request.nodeId, nodeLabel, modelId: request.modelId ?? "auto", credits: round(each * request.count) };
    }),
  );
  const perRun = round(details.reduce((sum, d) => sum + d.credits, 0));
  return { credits: round(perRun * body.runs), perRun, runs: body.runs, details, estimated };
}
