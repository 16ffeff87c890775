/**
 * Stage 3, score and sort (reference: "How model picking works", step 3).
 *
 * 1. Subcategory match (`dropOffTopic`): for each prompt cue that names a subcategory some
 *    candidates carry (and is not boost-only, see BOOST_ONLY_SUBCATEGORIES), candidates tagged with
 *    none of the cue's values (any namespace: `subcategory:poster` or `use:poster`) are dropped as
 *    off-topic. A cue that would drop every candidate is ignored; the continuity model is never
 *    dropped.
 * 2. Score in [0, 1] (`scoreCandidates`):
 *      metric = Σ weight_k × norm_k over ELO, latency, cost (weights from ./routing.ts; sum 1)
 *        norm_elo      = (elo − min) / (max − min)                 higher is better
 *        norm_latency  = (ln max − ln x) / (ln max − ln min)        lower is better, log scale
 *        norm_cost     = (ln max − ln x) / (ln max − ln min)        lower is better, log scale
 *      (min/max over the remaining candidates; all equal → 1; a null figure → 0)
 *      intent = cues the model matches / cues that match at least one candidate
 *      score  = 0.7 × metric + 0.3 × intent when such cues exist, else metric.
 * 3. Sort (`sortScored`): a null figure for the priority's metric ranks last; then score; then
 *    newest releasedAt (unknown last); then id. Finally `deprecated:<successor>` models move right
 *    behind their successor when it ranks below them (always, whatever the priority).
 * Pure module.
 */
import type { Metric } from "../catalog/schema";
import type { CatalogIndex } from "./catalog-index";
import type { EnrichedCandidate } from "./enrich";
import { BOOST_ONLY_SUBCATEGORIES, type Cue } from "./intent";
import type { ExcludedModel, Intent, MetricWeights, Priority } from "./types";

/** Share of the score given to the prompt's intent when the prompt carries relevant cues. */
export const INTENT_WEIGHT = 0.3;

export const PRIORITY_METRIC: Record<Priority, Metric> = { quality: "elo", speed: "p50LatencySec", cost: "p50CostCU" };

const EPSILON = 1e-9;

export interface ScoredCandidate extends EnrichedCandidate {
  score: number;
  metricScore: number;
  /** Normalised figures in [0, 1], 1 = best of the candidates. */
  norms: Record<Metric, number>;
  /** Labels of the cues this model matches, and of the cues that counted. */
  matchedCues: string[];
  relevantCues: string[];
  intentWeight: number;
}

/** The intent of the cues, split by the namespace each value has in the catalog. */
export function intentOf(index: CatalogIndex, cues: readonly Cue[]): Intent {
  const intent: Intent = { styles: [], useCases: [], subcategories: [] };
  const push = (list: string[], v: string) => {
    if (!list.includes(v)) list.push(v);
  };
  for (const cue of cues) {
    for (const v of cue.values) {
      if (index.allTags.has(`style:${v}`)) push(intent.styles, v);
      if (index.allTags.has(`use:${v}`)) push(intent.useCases, v);
      if (index.allTags.has(`subcategory:${v}`)) push(intent.subcategories, v);
    }
  }
  return intent;
}

const matchesCue = (c: EnrichedCandidate, cue: Cue) => cue.values.some((v) => c.entry.im.intentValues.has(v));

/** Step 1: drops candidates that are off-topic for a subcategory the prompt clearly targets. */
export function dropOffTopic(
  candidates: readonly EnrichedCandidate[],
  cues: readonly Cue[],
  protectedId?: string,
): { kept: EnrichedCandidate[]; dropped: ExcludedModel[] } {
  let kept = [...candidates];
  const dropped: ExcludedModel[] = [];
  for (const cue of cues) {
    const targeted = cue.values.filter(
      (v) => !BOOST_ONLY_SUBCATEGORIES.has(v) && kept.some((c) => c.entry.im.tagSet.has(`subcategory:${v}`)),
    );
    if (targeted.length === 0) continue;
    const onTopic = kept.filter((c) => matchesCue(c, cue));
    if (onTopic.length === 0 || onTopic.length === kept.length) continue;
    const tagList = targeted.map((v) => `subcategory:${v}`).join(", ");
    const next: EnrichedCandidate[] = [];
    for (const c of kept) {
      if (matchesCue(c, cue) || c.modelId === protectedId) next.push(c);
      else
        dropped.push({
          modelId: c.modelId,
          name: c.name,
          reasons: [`off-topic: the prompt asks for ${cue.label} (${tagList}), which this model is not tagged for`],
        });
    }
    kept = next;
  }
  return { kept, dropped };
}

function range(values: Array<number | null>): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v === null) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min === Infinity ? null : { min, max };
}

function higherBetter(x: number | null, r: { min: number; max: number } | null): number {
  if (x === null || !r) return 0;
  return r.max === r.min ? 1 : (x - r.min) / (r.max - r.min);
}

function lowerBetter(x: number | null, r: { min: number; max: number } | null): number {
  if (x === null || !r) return 0;
  return r.max === r.min ? 1 : (r.max - x) / (r.max - r.min);
}

/** Step 2: the score of each candidate, in input order. */
export function scoreCandidates(candidates: readonly EnrichedCandidate[], cues: readonly Cue[], weights: MetricWeights): ScoredCandidate[] {
  const eloRange = range(candidates.map((c) => c.entry.perf.elo));
  const latRange = range(candidates.map((c) => c.entry.logLatency));
  const costRange = range(candidates.map((c) => c.entry.logCost));
  const relevant = cues.filter((cue) => candidates.some((c) => matchesCue(c, cue)));
  const intentWeight = relevant.length > 0 ? INTENT_WEIGHT : 0;
  const relevantCues = relevant.map((cue) => cue.label);
  return candidates.map((c): ScoredCandidate => {
    const norms: Record<Metric, number> = {
      elo: higherBetter(c.entry.perf.elo, eloRange),
      p50LatencySec: lowerBetter(c.entry.logLatency, latRange),
      p50CostCU: lowerBetter(c.entry.logCost, costRange),
    };
    const metricScore = weights.elo * norms.elo + weights.p50LatencySec * norms.p50LatencySec + weights.p50CostCU * norms.p50CostCU;
    const matched = relevant.filter((cue) => matchesCue(c, cue)).map((cue) => cue.label);
    const intentScore = relevant.length > 0 ? matched.length / relevant.length : 0;
    const score = (1 - intentWeight) * metricScore + intentWeight * intentScore;
    return {
      entry: c.entry,
      modelId: c.modelId,
      name: c.name,
      provider: c.provider,
      metrics: c.metrics,
      tags: c.tags,
      insights: c.insights,
      releasedAt: c.releasedAt,
      deprecatedBy: c.deprecatedBy,
      score,
      metricScore,
      norms,
      matchedCues: matched,
      relevantCues,
      intentWeight,
    };
  });
}

/** Orders two candidates: null primary figure last, score, newest release, id. */
export function compareScored(a: ScoredCandidate, b: ScoredCandidate, primary: Metric): number {
  const aNull = a.metrics[primary] === null;
  const bNull = b.metrics[primary] === null;
  if (aNull !== bNull) return aNull ? 1 : -1;
  if (Math.abs(a.score - b.score) > EPSILON) return b.score - a.score;
  if (a.entry.im.releasedKey !== b.entry.im.releasedKey) return b.entry.im.releasedKey - a.entry.im.releasedKey;
  return a.modelId < b.modelId ? -1 : a.modelId > b.modelId ? 1 : 0;
}

/**
 * Puts every `deprecated:<successor>` model that ranks above its successor right behind it.
 * Steps: (1) hold the models ranked above their successor; (2) rebuild the list, placing each
 * held model immediately after its successor (several behind one successor keep their relative
 * order); (3) repeat until no model ranks above its successor, so chains (A → B → C) hold.
 * Models caught in a successor cycle (no catalog rule allows one) keep their place.
 */
export function enforceDeprecation<T extends { modelId: string; deprecatedBy: string | null }>(list: readonly T[]): T[] {
  let out = [...list];
  for (let round = 0; round <= out.length; round++) {
    const position = new Map(out.map((x, i) => [x.modelId, i]));
    const held = new Set(out.filter((x, i) => x.deprecatedBy !== null && (position.get(x.deprecatedBy) ?? -1) > i));
    if (held.size === 0) break;
    const behind = new Map<string, T[]>();
    for (const x of held) {
      const list = behind.get(x.deprecatedBy!) ?? [];
      list.push(x);
      behind.set(x.deprecatedBy!, list);
    }
    const next: T[] = [];
    const placed = new Set<T>();
    const place = (x: T) => {
      if (placed.has(x)) return;
      placed.add(x);
      next.push(x);
      for (const d of behind.get(x.modelId) ?? []) place(d);
    };
    for (const x of out) if (!held.has(x)) place(x);
    for (const x of out) if (!placed.has(x)) next.push(x); // cycles: leave in place order
    if (next.every((x, i) => x === out[i])) break;
    out = next;
  }
  return out;
}

/** Step 3: sorted best first, deprecated models behind their successors. */
export function sortScored(scored: readonly ScoredCandidate[], priority: Priority): ScoredCandidate[] {
  const primary = PRIORITY_METRIC[priority];
  return enforceDeprecation([...scored].sort((a, b) => compareScored(a, b, primary)));
}
