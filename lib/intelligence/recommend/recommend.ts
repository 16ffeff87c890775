/**
 * recommend (reference: intelligence-resolver-recommend-plan.txt, "recommend"): the single-step
 * model picker on top of the shared resolver. Ranked recommendations with an explanation citing
 * the catalog's real numbers (estimates marked), trade-offs against the other candidates and
 * suggested node parameters (platform size, aspect ratio, outputs count).
 * Explanations are deterministic; `rewriteRecommendations` is the optional hook for an LLM
 * rewrite, never called by default. Pure module.
 */
import { getCatalog } from "../catalog/get-catalog";
import type { Catalog } from "../catalog/schema";
import { matchPlatform } from "../platforms/detect-platform";
import { platformSize, type PlatformPreset } from "../platforms/presets";
import { resolveModels } from "../resolver/resolve";
import type { ExcludedModel, Intent, ModelMetrics, ResolveRequest } from "../resolver/types";
import { explain } from "./explanation";
import { requestedOutputs, suggestParams, type SuggestedParams } from "./suggested-params";
import { tradeoffsFor } from "./tradeoffs";

export interface RecommendRequest extends ResolveRequest {
  /** How many recommendations to return (best first). Default 5. */
  limit?: number;
}

export interface Recommendation {
  modelId: string;
  name: string;
  provider: string;
  /** Resolver score in [0, 1]. */
  score: number;
  /** Arena ELO, p50 latency (s), p50 cost (CU), with estimate flags. */
  metrics: ModelMetrics;
  explanation: string;
  tradeoffs: string[];
  suggestedParams: SuggestedParams;
}

/** A platform preset with its pixel size. */
export type PlatformWithSize = PlatformPreset & { width: number; height: number };

export interface RecommendResponse {
  /** Catalog snapshot the figures come from ("YYYY-MM-DD"); show it in the UI. */
  snapshotDate: string;
  capability: string;
  /** Effective priority (see the resolver's routing precedence). */
  priority: ResolveRequest["priority"] & string;
  platform: PlatformWithSize | null;
  /**
   * A second platform whose score is within the margin of `platform` (a close call: both are
   * offered, the sizes follow `platform`); null when the call is clear or no platform matched.
   */
  platformAlternative: PlatformWithSize | null;
  /** Best first, at most `limit`. */
  recommendations: Recommendation[];
  excluded: ExcludedModel[];
  intent: Intent;
  /** Routing notes of the resolver. */
  notes: string[];
}

export const DEFAULT_RECOMMEND_LIMIT = 5;

/**
 * Recommends models for one generation step.
 * @param request `{ capability, prompt, priority?, constraints?, routing?, limit? = 5 }`
 *   (resolver request plus `limit`); caps in CU and seconds.
 * @returns `{ snapshotDate, capability, priority, platform, recommendations, excluded, intent, notes }`.
 *   `platform` is the preset the prompt names (with width/height) or null, `platformAlternative`
 *   a close runner-up or null; each recommendation's
 *   `suggestedParams` carries `{ platform, aspectRatio, width, height }` from it and `numOutputs`.
 * @throws UnknownCapabilityError for a capability no catalog model has (the API answers 400).
 */
export function recommend(request: RecommendRequest, catalog: Catalog = getCatalog()): RecommendResponse {
  const { limit = DEFAULT_RECOMMEND_LIMIT, ...resolveRequest } = request;
  const result = resolveModels(resolveRequest, catalog);
  const prompt = request.prompt ?? "";
  const match = matchPlatform(prompt);
  const preset = match?.preset ?? null;
  const withSize = (p: PlatformPreset): PlatformWithSize => {
    const size = platformSize(p.id);
    return {
      id: p.id,
      label: p.label,
      aspectRatio: p.aspectRatio,
      resolution: p.resolution,
      note: p.note,
      width: size.width,
      height: size.height,
    };
  };
  const platform: PlatformWithSize | null = preset ? withSize(preset) : null;
  const platformAlternative: PlatformWithSize | null = match?.alternative ? withSize(match.alternative.preset) : null;
  const modelsById = new Map(catalog.models.map((m) => [m.id, m]));
  const nameOf = (id: string) => modelsById.get(id)?.name ?? id;
  const outputCount = request.routing?.outputCount;
  const wantedOutputs = outputCount ?? requestedOutputs(prompt);
  const recommendations = result.ranked.slice(0, Math.max(0, limit)).map((rec, i): Recommendation => {
    const model = modelsById.get(rec.modelId)!;
    return {
      modelId: rec.modelId,
      name: rec.name,
      provider: rec.provider,
      score: rec.score,
      metrics: rec.metrics,
      explanation: explain(rec, i, result, nameOf),
      tradeoffs: tradeoffsFor(rec, { ranked: result.ranked, catalogModel: model, platform: preset, wantedOutputs, nameOf }),
      suggestedParams: suggestParams(model, prompt, preset, outputCount),
    };
  });
  return {
    snapshotDate: catalog.snapshotDate,
    capability: result.capability,
    priority: result.priority,
    platform,
    platformAlternative,
    recommendations,
    excluded: result.excluded,
    intent: result.intent,
    notes: result.notes,
  };
}

/**
 * Hook for an optional LLM rewrite of the explanations and trade-offs (the reference's "focused
 * reasoning step"). Not called anywhere by default; a route may call `rewriteRecommendations`
 * when an LLM is configured.
 */
export type RewriteExplanations = (recs: Recommendation[]) => Promise<Recommendation[]>;

/**
 * Applies `rewrite` to a response's recommendations, keeping everything but the text: the model
 * ids, order, scores, metrics and suggested parameters always come from the deterministic result.
 * A rewrite that fails, or returns a different list of models, leaves the response unchanged.
 */
export async function rewriteRecommendations(response: RecommendResponse, rewrite?: RewriteExplanations): Promise<RecommendResponse> {
  if (!rewrite || response.recommendations.length === 0) return response;
  try {
    const rewritten = await rewrite(response.recommendations.map((r) => ({ ...r, tradeoffs: [...r.tradeoffs] })));
    const same =
      rewritten.length === response.recommendations.length && rewritten.every((r, i) => r.modelId === response.recommendations[i].modelId);
    if (!same) return response;
    return {
      ...response,
      recommendations: response.recommendations.map((r, i) => ({
        ...r,
        explanation: typeof rewritten[i].explanation === "string" && rewritten[i].explanation ? rewritten[i].explanation : r.explanation,
        tradeoffs: Array.isArray(rewritten[i].tradeoffs) ? rewritten[i].tradeoffs.filter((t) => typeof t === "string") : r.tradeoffs,
      })),
    };
  } catch {
    return response;
  }
}
