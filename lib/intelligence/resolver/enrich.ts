/**
 * Stage 2, enrich (reference: "How model picking works", step 2): joins each candidate with the
 * capability's performance variant (Arena ELO, p50 latency in seconds, p50 cost in CU, estimate
 * flags), its tags and its curated insights. Pure module.
 */
import type { CapabilityEntry } from "./catalog-index";
import type { ModelMetrics } from "./types";

/** A candidate with the data the scorer and the explanations read. */
export interface EnrichedCandidate {
  entry: CapabilityEntry;
  modelId: string;
  name: string;
  provider: string;
  metrics: ModelMetrics;
  tags: string[];
  insights: string[];
  releasedAt: string | null;
  deprecatedBy: string | null;
}

/** One enriched record per candidate, in the same order; figures are copies (safe to hand out). */
export function enrichCandidates(candidates: readonly CapabilityEntry[]): EnrichedCandidate[] {
  return candidates.map((entry) => {
    const { model } = entry.im;
    const m = entry.metrics;
    return {
      entry,
      modelId: model.id,
      name: model.name,
      provider: model.provider,
      metrics: { elo: m.elo, p50LatencySec: m.p50LatencySec, p50CostCU: m.p50CostCU, estimated: { ...m.estimated } },
      tags: [...model.tags],
      insights: [...model.insights],
      releasedAt: model.releasedAt,
      deprecatedBy: entry.im.successor,
    };
  });
}
