/**
 * Request and result shapes of the resolver (reference: intelligence-resolver-recommend-plan.txt,
 * "How model picking works"), plus the zod schema the API routes parse request bodies with.
 * Units: latency in seconds, cost in Compute Units (CU) per asset, ELO on the capability's board.
 */
import { z } from "zod";

export const PRIORITIES = ["quality", "speed", "cost"] as const;
/** quality = Arena ELO (higher first), speed = p50 latency (lower first), cost = p50 cost (lower first). */
export type Priority = (typeof PRIORITIES)[number];

/** Hard constraints (stage 1, filter): a model that fails any of them is excluded with a reason. */
export interface ResolveConstraints {
  /** Input features the model must take, by catalog input name: "mask", "image", "endImage", "video", "audio", "seed", … */
  requiredInputs?: string[];
  /** The model must accept at least this many reference images. */
  minReferenceImages?: number;
  /** Upper bound on p50 cost per asset, in CU. */
  maxCostCU?: number;
  /** Upper bound on p50 latency, in seconds. */
  maxLatencySec?: number;
  /** Requested clip length in seconds; the model's duration range (or set) must contain it. */
  durationSec?: number;
}

/**
 * Routing heuristics (model-routing-image-models.txt), explicit inputs rather than hidden state.
 * Precedence, highest first: deprecated ordering > continuity > explicit `priority` > interactive
 * bias > candidates/final bias > default quality. See ./routing.ts.
 */
export interface RoutingHints {
  /** Model that made the upstream asset of the same subject. */
  continuityModelId?: string;
  /** The node asks for consistency with that upstream asset; with `continuityModelId`, that model ranks first. */
  wantsConsistency?: boolean;
  /** Outputs requested: > 1 (candidates) biases toward speed and cost, exactly 1 (a final) toward quality. */
  outputCount?: number;
  /** A live-preview loop: biases toward speed. */
  interactive?: boolean;
}

export interface ResolveRequest {
  /** A capability slug of the catalog ("txt2img", "img2video", …). */
  capability: string;
  /** Free text the intent (style, use case, subcategory) is inferred from. */
  prompt?: string;
  /** Set explicitly, it wins over the routing biases. Default: "quality" (or the routing bias). */
  priority?: Priority;
  constraints?: ResolveConstraints;
  routing?: RoutingHints;
}

/** The three figures of one model for one capability; `estimated` marks figures labelled "estimate" in the catalog. */
export interface ModelMetrics {
  /** Arena ELO, comparable only within the capability; null when no defensible figure exists. */
  elo: number | null;
  /** Median generation latency in seconds. */
  p50LatencySec: number | null;
  /** Median cost per asset in Compute Units. */
  p50CostCU: number | null;
  estimated: { elo: boolean; p50LatencySec: boolean; p50CostCU: boolean };
}

export interface RankedModel {
  modelId: string;
  name: string;
  provider: string;
  /** In [0, 1]: (1 − w) × metric score + w × intent match, w = 0.3 when the prompt carries cues, else 0. */
  score: number;
  metrics: ModelMetrics;
  tags: string[];
  /** Curated behaviour notes from the catalog (stage 2, enrich). */
  insights: string[];
  releasedAt: string | null;
  /** Successor id when the model is tagged `deprecated:<successor>`, else null. */
  deprecatedBy: string | null;
  /** Why it ranks where it does: plain sentences citing the numbers. */
  reasons: string[];
}

/** Intent inferred from the prompt, as tag values of the catalog (without the namespace). */
export interface Intent {
  styles: string[];
  useCases: string[];
  subcategories: string[];
}

export interface ExcludedModel {
  modelId: string;
  name: string;
  reasons: string[];
}

/** Weights of the three normalised figures in the metric score; they sum to 1. */
export type MetricWeights = { elo: number; p50LatencySec: number; p50CostCU: number };

export interface ResolveResult {
  capability: string;
  /** The priority in effect: the explicit one, or the one the routing bias chose. */
  priority: Priority;
  /** Metric weights in effect (pure priority → a single weight of 1). */
  weights: MetricWeights;
  intent: Intent;
  /** Best first. */
  ranked: RankedModel[];
  /** Models that did not qualify, with every reason: capability/constraints first, then off-topic drops. */
  excluded: ExcludedModel[];
  /** How routing decided (bias applied or overridden, continuity honoured or not). */
  notes: string[];
  /** The continuity model when it was honoured (ranked first, or second behind its successor), else null. */
  pinnedModelId: string | null;
}

export const resolveConstraintsSchema = z.object({
  requiredInputs: z.array(z.string().min(1)).optional(),
  minReferenceImages: z.number().int().nonnegative().optional(),
  maxCostCU: z.number().positive().optional(),
  maxLatencySec: z.number().positive().optional(),
  durationSec: z.number().positive().optional(),
});

export const routingHintsSchema = z.object({
  continuityModelId: z.string().min(1).optional(),
  wantsConsistency: z.boolean().optional(),
  outputCount: z.number().int().positive().optional(),
  interactive: z.boolean().optional(),
});

/** Request body schema for routes that call the resolver (the API answers 400 on failure). */
export const resolveRequestSchema = z.object({
  capability: z.string().min(1),
  prompt: z.string().max(10_000).optional(),
  priority: z.enum(PRIORITIES).optional(),
  constraints: resolveConstraintsSchema.optional(),
  routing: routingHintsSchema.optional(),
});

// Keep the schema and the hand-written interface in step.
type _Check = z.infer<typeof resolveRequestSchema> extends ResolveRequest ? true : never;
const _check: _Check = true;
void _check;
