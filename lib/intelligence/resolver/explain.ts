/**
 * `explainPick`: the one-sentence "why" a node run records for an Auto pick. Pure module.
 */
import { ESTIMATE_LABEL } from "../catalog/helpers";
import type { Metric } from "../catalog/schema";
import { describeMetrics, formatNumber } from "./format";
import { isPure } from "./reasons";
import type { ModelMetrics, RankedModel, ResolveResult } from "./types";

const UNIT: Record<Metric, string> = { elo: "", p50LatencySec: " s", p50CostCU: " CU" };

/** "1512", "1225, est.", "40 s, est." — for use inside parentheses. */
function inner(metric: Metric, m: ModelMetrics): string {
  const v = m[metric];
  return v === null ? "n/a" : `${formatNumber(v)}${UNIT[metric]}${m.estimated[metric] ? `, ${ESTIMATE_LABEL}` : ""}`;
}

function leads(ranked: readonly RankedModel[], metric: Metric, higher: boolean): boolean {
  const v = ranked[0].metrics[metric];
  if (v === null) return false;
  return ranked.every((r) => r.metrics[metric] === null || (higher ? r.metrics[metric]! <= v : r.metrics[metric]! >= v));
}

type Explainable = Pick<ResolveResult, "capability" | "ranked"> &
  Partial<Pick<ResolveResult, "priority" | "weights" | "intent" | "pinnedModelId" | "excluded">>;

/**
 * One sentence for a node run's "why", built from a resolve result:
 * "Auto: GPT Image 2, highest Arena ELO for txt2img (1512) among 21 candidates".
 * Covers the continuity pin, the pure priorities (highest ELO, fastest, cheapest), an intent
 * match that beat the metric leader, the routing blends, and "no model qualifies".
 * Estimated figures carry "est.".
 *
 * Call forms: `explainPick(result)` explains `result.ranked[0]`; `explainPick(pick, result)`
 * explains `pick` (normally `result.ranked[0]`) within `result`; `explainPick(ranked, capability)`
 * works from a bare ranked list (quality wording).
 */
export function explainPick(result: Explainable): string;
export function explainPick(pick: RankedModel, result: Explainable): string;
export function explainPick(ranked: readonly RankedModel[], capability: string): string;
export function explainPick(first: Explainable | RankedModel | readonly RankedModel[], second?: Explainable | string): string {
  let result: Explainable;
  let pick: RankedModel | undefined;
  if (Array.isArray(first)) {
    result = { ranked: first as RankedModel[], capability: typeof second === "string" ? second : "this capability" };
  } else if (second && typeof second === "object") {
    result = second;
    pick = first as RankedModel;
  } else {
    result = first as Explainable;
  }
  const cap = result.capability;
  const ordered =
    pick && result.ranked[0]?.modelId !== pick.modelId
      ? [pick, ...result.ranked.filter((r) => r.modelId !== pick!.modelId)]
      : result.ranked;
  const n = ordered.length;
  if (n === 0) {
    const excluded = result.excluded?.filter((e) => !e.reasons[0]?.startsWith("no ")).length;
    return `Auto: no model qualifies for ${cap}${excluded ? ` (${excluded} excluded by the constraints or the prompt)` : ""}`;
  }
  const top = ordered[0];
  const among = n === 1 ? "the only candidate" : `among ${n} candidates`;
  const pinned = result.pinnedModelId;
  if (pinned && top.modelId === pinned) return `Auto: ${top.name}, keeps continuity with the upstream image made by ${top.name} (${cap})`;
  if (pinned && ordered[1]?.modelId === pinned) {
    return `Auto: ${top.name}, successor of the deprecated ${ordered[1].name} that made the upstream image (${cap})`;
  }
  const weights = result.weights ?? { elo: 1, p50LatencySec: 0, p50CostCU: 0 };
  const priority = result.priority ?? "quality";
  const intent = result.intent;
  const cues = intent ? [...intent.styles, ...intent.useCases, ...intent.subcategories] : [];
  const matched = [...new Set(cues.filter((v) => top.tags.some((t) => t.endsWith(`:${v}`))))];
  const offTopicDrops = result.excluded?.some((e) => e.reasons.some((r) => r.startsWith("off-topic"))) ?? false;
  const sep = n === 1 ? `, ${among}` : ` ${among}`;
  if (isPure(weights) && !(matched.length > 0 && offTopicDrops)) {
    if (priority === "quality" && leads(ordered, "elo", true))
      return `Auto: ${top.name}, highest Arena ELO for ${cap} (${inner("elo", top.metrics)})${sep}`;
    if (priority === "speed" && leads(ordered, "p50LatencySec", false))
      return `Auto: ${top.name}, fastest p50 latency for ${cap} (${inner("p50LatencySec", top.metrics)})${sep}`;
    if (priority === "cost" && leads(ordered, "p50CostCU", false))
      return `Auto: ${top.name}, lowest p50 cost for ${cap} (${inner("p50CostCU", top.metrics)})${sep}`;
  }
  if (matched.length > 0)
    return `Auto: ${top.name}, best match for ${matched.join(", ")} on ${cap}${sep} (${describeMetrics(top.metrics)})`;
  if (!isPure(weights)) {
    const lean = priority === "speed" ? "speed-leaning" : priority === "cost" ? "cost-leaning" : "quality-leaning";
    return `Auto: ${top.name}, best ${lean} balance for ${cap}${sep} (${describeMetrics(top.metrics)})`;
  }
  return `Auto: ${top.name}, top score ${top.score.toFixed(2)} for ${cap}${sep} (${describeMetrics(top.metrics)})`;
}
