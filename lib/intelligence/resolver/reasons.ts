/**
 * The `reasons` of each ranked model: plain sentences that cite the numbers behind its rank
 * (its figures against the best candidate, the score formula, prompt cues, tiebreak, deprecation,
 * continuity). Generated deterministically from the data. Pure module.
 */
import type { Metric } from "../catalog/schema";
import { describeMetrics, formatFigure, formatNumber } from "./format";
import { PRIORITY_METRIC, type ScoredCandidate } from "./score";
import type { MetricWeights, Priority, RankedModel } from "./types";

export interface ReasonContext {
  capability: string;
  priority: Priority;
  weights: MetricWeights;
  pinnedId: string | null;
  successorId: string | null;
}

/** "3×", "1.5×", "12×". */
export function formatRatio(r: number): string {
  return `${r < 10 ? formatNumber(Math.round(r * 10) / 10) : Math.round(r)}×`;
}

const pct = (w: number) => `${Math.round(w * 100)}%`;
const score2 = (x: number) => x.toFixed(2);

/** True when the weights put everything on one metric. */
export function isPure(weights: MetricWeights): boolean {
  return weights.elo === 1 || weights.p50LatencySec === 1 || weights.p50CostCU === 1;
}

interface Best {
  value: number;
  name: string;
  c: ScoredCandidate;
}

function best(list: readonly ScoredCandidate[], metric: Metric, higher: boolean): Best | null {
  let out: Best | null = null;
  for (const c of list) {
    const v = c.metrics[metric];
    if (v === null) continue;
    if (!out || (higher ? v > out.value : v < out.value)) out = { value: v, name: c.name, c };
  }
  return out;
}

function primarySentence(c: ScoredCandidate, list: readonly ScoredCandidate[], ctx: ReasonContext): string {
  const n = list.length;
  const of = n === 1 ? "the only candidate" : null;
  const m = c.metrics;
  if (!isPure(ctx.weights)) {
    const w = ctx.weights;
    return `Weighted ELO ${pct(w.elo)}, latency ${pct(w.p50LatencySec)}, cost ${pct(w.p50CostCU)}: ${describeMetrics(m)}.`;
  }
  const metric = PRIORITY_METRIC[ctx.priority];
  if (m[metric] === null) {
    const what = metric === "elo" ? "Arena ELO" : metric === "p50LatencySec" ? "p50 latency" : "p50 cost";
    return `No ${what} for ${ctx.capability}: ranks after every candidate with one.`;
  }
  if (metric === "elo") {
    const b = best(list, "elo", true)!;
    if (m.elo === b.value) return `Arena ELO ${formatFigure("elo", m)} for ${ctx.capability}, ${of ?? `the highest of ${n} candidates`}.`;
    return `Arena ELO ${formatFigure("elo", m)} for ${ctx.capability}, ${formatNumber(b.value - m.elo!)} below ${b.name} (${formatFigure("elo", b.c.metrics)}).`;
  }
  if (metric === "p50LatencySec") {
    const b = best(list, "p50LatencySec", false)!;
    if (m.p50LatencySec === b.value) return `p50 latency ${formatFigure(metric, m)}, ${of ?? `the fastest of ${n} candidates`}.`;
    return `p50 latency ${formatFigure(metric, m)}, ${formatRatio(m.p50LatencySec! / b.value)} that of ${b.name} (${formatFigure(metric, b.c.metrics)}).`;
  }
  const b = best(list, "p50CostCU", false)!;
  if (m.p50CostCU === b.value) return `p50 cost ${formatFigure(metric, m)}, ${of ?? `the lowest of ${n} candidates`}.`;
  return `p50 cost ${formatFigure(metric, m)}, ${formatNumber(m.p50CostCU! - b.value)} CU more than ${b.name} (${formatFigure(metric, b.c.metrics)}).`;
}

function scoreSentence(c: ScoredCandidate, ctx: ReasonContext): string {
  if (c.intentWeight === 0) return `Score ${score2(c.score)} from the ${isPure(ctx.weights) ? ctx.priority : "weighted"} metric alone.`;
  const k = c.matchedCues.length;
  const total = c.relevantCues.length;
  const cues = k > 0 ? `matches ${c.matchedCues.join(", ")}` : `matches none of ${c.relevantCues.join(", ")}`;
  return `Score ${score2(c.score)} = ${formatNumber(1 - c.intentWeight)} × metric ${score2(c.metricScore)} + ${formatNumber(c.intentWeight)} × intent ${k}/${total} (${cues}).`;
}

function tieSentence(c: ScoredCandidate, next: ScoredCandidate | undefined, primary: Metric): string | null {
  if (!next || Math.abs(c.score - next.score) > 1e-9) return null;
  if ((c.metrics[primary] === null) !== (next.metrics[primary] === null)) return null;
  const a = c.entry.im.releasedKey;
  const b = next.entry.im.releasedKey;
  if (a <= b) return null;
  return `Ties with ${next.name} on score; the newer release (${c.releasedAt} vs ${next.releasedAt ?? "unknown"}) ranks first.`;
}

/** Builds the public RankedModel list (final order) with its reasons. */
export function buildRanked(list: readonly ScoredCandidate[], ctx: ReasonContext): RankedModel[] {
  const byId = new Map(list.map((c) => [c.modelId, c]));
  return list.map((c, i) => {
    const reasons: string[] = [];
    if (c.modelId === ctx.pinnedId) {
      const upstream = c.name;
      reasons.push(
        ctx.successorId
          ? `Ranked second: made the upstream image, but it is deprecated and its successor keeps the first slot.`
          : `Ranked first: keeps continuity with the upstream image made by ${upstream}.`,
      );
    } else if (c.modelId === ctx.successorId && ctx.pinnedId) {
      reasons.push(
        `Ranked first: successor of ${byId.get(ctx.pinnedId)?.name ?? ctx.pinnedId}, which made the upstream image and is deprecated.`,
      );
    }
    reasons.push(primarySentence(c, list, ctx));
    reasons.push(scoreSentence(c, ctx));
    const tie = tieSentence(c, list[i + 1], PRIORITY_METRIC[ctx.priority]);
    if (tie) reasons.push(tie);
    if (c.deprecatedBy) {
      const successor = byId.get(c.deprecatedBy);
      reasons.push(
        successor
          ? `Deprecated: its successor ${successor.name} always ranks ahead of it.`
          : `Deprecated in favour of ${c.deprecatedBy}, which is not a candidate here.`,
      );
    }
    return {
      modelId: c.modelId,
      name: c.name,
      provider: c.provider,
      score: Math.round(c.score * 1000) / 1000,
      metrics: c.metrics,
      tags: c.tags,
      insights: c.insights,
      releasedAt: c.releasedAt,
      deprecatedBy: c.deprecatedBy,
      reasons,
    };
  });
}
