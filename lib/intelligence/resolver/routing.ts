/**
 * Routing heuristics (shared/reference/model-routing-image-models.txt, "Routing is a judgment
 * call"), as explicit resolver inputs:
 * - continuity: "If the character is locked from a Seedream pass, Ra stays on Seedream" — with
 *   `continuityModelId` and `wantsConsistency`, that model ranks first (and is never dropped as
 *   off-topic);
 * - candidates vs final: "Fast for candidates, full-quality for locks" — `outputCount > 1` biases
 *   toward cost and speed, `outputCount === 1` ranks by quality;
 * - speed: "in a live editing loop, Ra biases toward faster models even if quality drops a
 *   half-step" — `interactive` biases toward speed.
 *
 * Precedence, highest first:
 * 1. `deprecated:<successor>` ordering (the reference's rule; never broken — a deprecated
 *    continuity model yields the first slot to its successor and takes the second);
 * 2. continuity (a pin, applied after scoring);
 * 3. an explicit `priority` from the caller: pure metric, every bias ignored (the caller asked);
 * 4. `interactive` → speed blend (with `outputCount > 1`, a speed blend that weighs cost more);
 * 5. `outputCount > 1` → cost/speed blend; `outputCount === 1` → quality;
 * 6. default → quality.
 * Pure module.
 */
import type { CatalogIndex } from "./catalog-index";
import type { ScoredCandidate } from "./score";
import type { ExcludedModel, MetricWeights, Priority, ResolveRequest } from "./types";

export const PURE_WEIGHTS: Record<Priority, MetricWeights> = {
  quality: { elo: 1, p50LatencySec: 0, p50CostCU: 0 },
  speed: { elo: 0, p50LatencySec: 1, p50CostCU: 0 },
  cost: { elo: 0, p50LatencySec: 0, p50CostCU: 1 },
};

/** Blends used by the biases (each sums to 1; the largest weight names the effective priority). */
export const BIAS_WEIGHTS = {
  interactive: { elo: 0.3, p50LatencySec: 0.6, p50CostCU: 0.1 },
  interactiveCandidates: { elo: 0.2, p50LatencySec: 0.5, p50CostCU: 0.3 },
  candidates: { elo: 0.2, p50LatencySec: 0.35, p50CostCU: 0.45 },
} as const satisfies Record<string, MetricWeights>;

const pct = (w: number) => `${Math.round(w * 100)}%`;
const describeWeights = (w: MetricWeights) => `ELO ${pct(w.elo)}, latency ${pct(w.p50LatencySec)}, cost ${pct(w.p50CostCU)}`;

export interface RoutingDecision {
  priority: Priority;
  weights: MetricWeights;
  /** Plain sentences: which bias applied, or why none did. */
  notes: string[];
}

/** Effective priority and metric weights for a request (precedence 3–6 above). */
export function decideWeights(request: Pick<ResolveRequest, "priority" | "routing">): RoutingDecision {
  const routing = request.routing ?? {};
  const count = routing.outputCount;
  const candidates = count !== undefined && count > 1;
  const biases: string[] = [];
  if (routing.interactive) biases.push("interactive speed bias");
  if (candidates) biases.push(`candidates bias (${count} outputs)`);
  if (count === 1) biases.push("final-output quality bias");

  if (request.priority) {
    const notes = biases.length > 0 ? [`Explicit priority "${request.priority}" wins over the ${biases.join(" and the ")}.`] : [];
    return { priority: request.priority, weights: PURE_WEIGHTS[request.priority], notes };
  }
  if (routing.interactive) {
    const weights = candidates ? BIAS_WEIGHTS.interactiveCandidates : BIAS_WEIGHTS.interactive;
    const why = candidates ? `interactive preview with ${count} candidate outputs` : "interactive preview";
    return {
      priority: "speed",
      weights,
      notes: [`${why[0].toUpperCase()}${why.slice(1)}: biased toward speed (${describeWeights(weights)}).`],
    };
  }
  if (candidates) {
    const weights = BIAS_WEIGHTS.candidates;
    return {
      priority: "cost",
      weights,
      notes: [`${count} candidate outputs: biased toward cost and speed (${describeWeights(weights)}).`],
    };
  }
  if (count === 1)
    return { priority: "quality", weights: PURE_WEIGHTS.quality, notes: ["One final output: ranked by quality (Arena ELO)."] };
  return { priority: "quality", weights: PURE_WEIGHTS.quality, notes: [] };
}

/** The continuity model to protect from off-topic drops, when consistency is requested. */
export function continuityTarget(request: Pick<ResolveRequest, "routing">): string | undefined {
  const r = request.routing;
  return r?.wantsConsistency && r.continuityModelId ? r.continuityModelId : undefined;
}

export interface ContinuityResult {
  ranked: ScoredCandidate[];
  /** Id of the model pinned for continuity, if any. */
  pinnedId: string | null;
  /** Id of a successor that took the first slot from a deprecated continuity model. */
  successorId: string | null;
  notes: string[];
}

/**
 * Applies the continuity pin to a sorted list (precedence 2): the continuity model moves to the
 * top; if it is deprecated and its successor is a candidate, the successor goes first and the
 * continuity model second. When the model is not a candidate, the order is unchanged and a note
 * says why.
 */
export function applyContinuity(
  sorted: readonly ScoredCandidate[],
  request: Pick<ResolveRequest, "routing" | "capability">,
  index: CatalogIndex,
  excluded: readonly ExcludedModel[],
): ContinuityResult {
  const r = request.routing ?? {};
  const ranked = [...sorted];
  if (!r.continuityModelId) return { ranked, pinnedId: null, successorId: null, notes: [] };
  const id = r.continuityModelId;
  const name = index.byId.get(id)?.model.name ?? id;
  if (!r.wantsConsistency) {
    return {
      ranked,
      pinnedId: null,
      successorId: null,
      notes: [`Upstream model ${name} given without wantsConsistency: no continuity preference.`],
    };
  }
  const at = ranked.findIndex((c) => c.modelId === id);
  if (at < 0) {
    const why = index.byId.has(id)
      ? (excluded.find((e) => e.modelId === id)?.reasons.join("; ") ?? "not a candidate")
      : "not in the catalog";
    return {
      ranked,
      pinnedId: null,
      successorId: null,
      notes: [`Continuity with ${name} not possible for ${request.capability}: ${why}.`],
    };
  }
  const [pinned] = ranked.splice(at, 1);
  const successorAt = pinned.deprecatedBy ? ranked.findIndex((c) => c.modelId === pinned.deprecatedBy) : -1;
  if (successorAt >= 0) {
    const [successor] = ranked.splice(successorAt, 1);
    ranked.unshift(successor, pinned);
    return {
      ranked,
      pinnedId: id,
      successorId: successor.modelId,
      notes: [`Continuity with ${name}: it is deprecated, so its successor ${successor.name} takes the first slot and ${name} the second.`],
    };
  }
  ranked.unshift(pinned);
  return { ranked, pinnedId: id, successorId: null, notes: [`Continuity: ${name} made the upstream image and ranks first.`] };
}
