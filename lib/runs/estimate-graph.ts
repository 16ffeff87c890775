/**
 * The cost of one run of a whole graph before running it (issue 11, "Whole-workflow cost before
 * running"; Scenario's `?dryRun=true`, scenario-api-contract.md §1): each model node's request is
 * built the way the executor builds it (lib/apps/model-requests.ts → lib/engine/model-node-request.ts:
 * inputs, "Auto" resolved by the same resolver, the body from the chosen model's schema) and priced
 * by the provider (`Provider.estimateCost`: Scenario's dry run, or the offline engine's catalog
 * figures, lib/providers/local/catalog-credits.ts). A node makes one request per input image, times
 * how often it runs in one run (lib/runs/requests-per-node.ts).
 *
 * Reads node definitions only (label, role, ports); no node kind is named here. The provider,
 * the resolver, the schemas and image sizes are injected, so the module does no I/O of its own.
 */
import type { RankModels } from "../engine/model-node-request";
import type { SchemaSource } from "../engine/model-schemas";
import type { ExecutionPlan } from "../graph/validate";
import { NOMINAL_CREDITS } from "../providers/local/capabilities";
import { ProviderError, type Provider } from "../providers/types";
import { planModelRequests, type PlannedModelRequest } from "../apps/model-requests";
import { requestsPerNode as defaultRequestsPerNode } from "./requests-per-node";

/** One model node's share of a run's cost. */
export interface NodeCostEstimate {
  nodeId: string;
  /** The node's own label when it has one, else its kind's label ("Generation"). */
  label: string;
  /** The model the node would use ("Auto" resolved), or null when none could be chosen. */
  model: string | null;
  /** Credits (CU) for all of the node's requests in one run. */
  credits: number;
  /** Model calls the node makes in one run (one per input image, times its repeats). */
  requests: number;
  /** Why the figure is not the provider's quote, or what the request builder changed, in a designer's words. */
  note?: string;
  /** True when the provider could not price the node (the builder or the dry run refused it, or the preview failed). */
  unpriced?: boolean;
}

/** `POST /api/workflows/:id/estimate`: one run's cost, in credits (CU). */
export interface GraphCostEstimate {
  /** Credits (CU) of one run: the sum of `nodes[].credits`, rounded to 0.01. */
  credits: number;
  /** One entry per model node, in execution order; nodes that call no model are left out. */
  nodes: NodeCostEstimate[];
  /**
   * True when the figure is an approximation rather than the provider's quote: the offline
   * engine's catalog figures, or a node priced at Scenario's nominal figures because it could not be quoted.
   */
  estimated: boolean;
}

export interface EstimateGraphDeps {
  provider: Pick<Provider, "id" | "estimateCost">;
  /** Where model schemas come from (lib/engine/model-schemas.ts createSchemaSource). */
  schemas: SchemaSource;
  /** Ranks the models of an "Auto" node, as the executor does (lib/runs/choose-model.ts). */
  rankModels: RankModels;
  /** Size in pixels of a studio asset by id, or undefined when unknown (assumed 1024 × 1024). */
  imageSize: (assetId: string) => { width: number; height: number } | undefined;
  /** How many times each node runs in one run; default lib/runs/requests-per-node.ts. */
  requestsPerNode?: (plan: ExecutionPlan) => Map<string, number>;
}

const round = (credits: number) => Math.round(credits * 100) / 100;

/** Scenario's usual billing (scenario-api-contract.md §1: image ≈ 5 CU per output, Enhance ≈ 15 CU), used when a preview fails. */
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

function nodeLabel(plan: ExecutionPlan, nodeId: string): string {
  const resolved = plan.nodes.get(nodeId);
  const own = resolved?.node.data?.label;
  if (typeof own === "string" && own.trim()) return own.trim();
  return resolved?.definition.label ?? "A step";
}

/**
 * Prices one run of `plan`.
 * Never throws for what the provider refuses: such a node is priced at the nominal figure with
 * `unpriced: true` and a `note` saying why (the caller decides whether that is good enough: on
 * Scenario it is not, see lib/runs/refuse-unpriced.ts).
 * @param plan a validated plan (validateGraph(graph, "save" | "run").plan).
 */
export async function estimateGraph(plan: ExecutionPlan, deps: EstimateGraphDeps): Promise<GraphCostEstimate> {
  const planned = await planModelRequests(plan, deps.imageSize, deps.rankModels, deps.schemas);
  const repeats = (deps.requestsPerNode ?? defaultRequestsPerNode)(plan);
  let estimated = deps.provider.id === "local";
  const nodes = await Promise.all(
    planned.map(async (request): Promise<NodeCostEstimate> => {
      const requests = request.count * Math.max(1, repeats.get(request.nodeId) ?? 1);
      const entry = { nodeId: request.nodeId, label: nodeLabel(plan, request.nodeId), model: request.modelId, requests };
      let each: number;
      let note = request.notes[0]?.message;
      let unpriced = false;
      if (request.modelId && request.body) {
        try {
          const quote = await deps.provider.estimateCost({ modelId: request.modelId, capability: request.capability, body: request.body });
          each = quote.credits;
        } catch (error) {
          each = nominalCredits(request);
          note = previewFailure(error);
          unpriced = true;
        }
      } else {
        each = nominalCredits(request);
        note = request.problem ?? "No model can run this step.";
        unpriced = true;
      }
      if (unpriced) estimated = true;
      return { ...entry, credits: round(each * requests), ...(note ? { note } : {}), ...(unpriced ? { unpriced } : {}) };
    }),
  );
  return { credits: round(nodes.reduce((sum, node) => sum + node.credits, 0)), nodes, estimated };
}
