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
import { ProviderError } from "../providers/types";
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

/** A failed cost preview in a designer's words: the provider's own reason for a refusal, else that it did not answer. */
function previewFailure(error: unknown): string {
  if (error instanceof ProviderError && error.status !== null && error.status >= 400 && error.status < 500 && error.status !== 429) {
    return `the model refused this request (${error.message.replace(/^Scenario API \d+: /, "").replace(/ \([^)]*\)$/, "")})`;
  }
  return "the provider did not answer the cost preview; try again in a moment";
}

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

  const plan = validation.plan!;
  const assetIds = [...plan.nodes.values()].map((n) => n.params.assetId).filter((id): id is string => typeof id === "string");
  const sizes = await findTeamAssets(ctx.db, actor.team.id, assetIds);
  const requests = await planModelRequests(plan, (id) => sizes.get(id), rankModelsWithResolver, createSchemaSource(ctx.provider));
  const offline = ctx.provider.id === "local";
  let estimated = offline;
  const refusals: Array<{ nodeId: string; nodeLabel: string; message: string }> = [];
  const details = await Promise.all(
    requests.map(async (request) => {
      const nodeLabel = getNodeDefinition(request.nodeType)?.label ?? request.nodeType;
      let each: number;
      if (request.modelId && request.body) {
        try {
          each = (await ctx.provider.estimateCost({ modelId: request.modelId, capability: request.capability, body: request.body }))
            .credits;
        } catch (error) {
          if (!offline) refusals.push({ nodeId: request.nodeId, nodeLabel, message: previewFailure(error) });
          each = nominalCredits(request);
          estimated = true;
        }
      } else {
        if (!offline) refusals.push({ nodeId: request.nodeId, nodeLabel, message: request.problem ?? "No model can run this step." });
        each = nominalCredits(request);
        estimated = true;
      }
      return { nodeId: request.nodeId, nodeLabel, modelId: request.modelId ?? "auto", credits: round(each * request.count) };
    }),
  );
  // On Scenario a figure that is not the provider's quote would mislead: say why there is none.
  if (refusals.length) {
    const [first] = refusals;
    throw new AppError("conflict", `The cost cannot be previewed: ${first.nodeLabel}: ${first.message}`, {
      reason: "estimate_refused",
      refusals,
    });
  }
  const perRun = round(details.reduce((sum, d) => sum + d.credits, 0));
  return { credits: round(perRun * body.runs), perRun, runs: body.runs, details, estimated };
}
