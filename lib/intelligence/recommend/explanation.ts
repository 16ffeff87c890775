/**
 * The deterministic `explanation` of a recommendation: the catalog's real figures (estimates
 * marked "(est.)"), its rank and by what, the prompt cues it matches, continuity and deprecation.
 * Example: "GPT Image 2 (OpenAI): Arena ELO 1512, p50 latency 40 s (est.), p50 cost 11 CU for
 * txt2img. Ranked 1 of 21 by quality (Arena ELO), the highest of the candidates. Matches the
 * prompt's product cue. Figures marked (est.) are catalog estimates, not measurements."
 * Pure module.
 */
import { describeMetrics } from "../resolver/format";
import { isPure } from "../resolver/reasons";
import type { RankedModel, ResolveResult } from "../resolver/types";

function byWhat(result: ResolveResult): string {
  const w = result.weights;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const metric = isPure(w)
    ? result.priority === "quality"
      ? "quality (Arena ELO)"
      : result.priority === "speed"
        ? "speed (p50 latency)"
        : "cost (p50 cost)"
    : `a ${result.priority}-leaning blend (ELO ${pct(w.elo)}, latency ${pct(w.p50LatencySec)}, cost ${pct(w.p50CostCU)})`;
  const promptCounts = result.ranked.some((r) => matchedIntent(r, result).length > 0);
  return promptCounts ? `${metric} and prompt match` : metric;
}

function leads(rec: RankedModel, ranked: readonly RankedModel[], result: ResolveResult): string {
  if (!isPure(result.weights) || ranked.length < 2) return "";
  const metric = result.priority === "quality" ? "elo" : result.priority === "speed" ? "p50LatencySec" : "p50CostCU";
  const v = rec.metrics[metric];
  if (v === null) return "";
  const higher = metric === "elo";
  const best = ranked.every((r) => r.metrics[metric] === null || (higher ? r.metrics[metric]! <= v : r.metrics[metric]! >= v));
  if (!best) return "";
  return metric === "elo"
    ? ", the highest of the candidates"
    : metric === "p50LatencySec"
      ? ", the fastest of the candidates"
      : ", the cheapest of the candidates";
}

/** Intent values (style/use/subcategory) of the result that `rec` is tagged with. */
export function matchedIntent(rec: RankedModel, result: ResolveResult): string[] {
  const values = [...result.intent.styles, ...result.intent.useCases, ...result.intent.subcategories];
  return [...new Set(values.filter((v) => rec.tags.some((t) => t.endsWith(`:${v}`) && !t.startsWith("deprecated:"))))];
}

/** One paragraph for `rec` at `position` (0-based) of `result.ranked`. */
export function explain(rec: RankedModel, position: number, result: ResolveResult, nameOf: (id: string) => string): string {
  const n = result.ranked.length;
  const parts = [`${rec.name} (${rec.provider}): ${describeMetrics(rec.metrics)} for ${result.capability}.`];
  if (result.pinnedModelId === rec.modelId)
    parts.push(`Ranked ${position + 1} of ${n}: keeps continuity with the upstream image made by ${rec.name}.`);
  else parts.push(`Ranked ${position + 1} of ${n} by ${byWhat(result)}${leads(rec, result.ranked, result)}.`);
  const matched = matchedIntent(rec, result);
  if (matched.length > 0) parts.push(`Matches the prompt's ${matched.join(", ")} cue${matched.length > 1 ? "s" : ""}.`);
  if (rec.deprecatedBy) parts.push(`Deprecated in favour of ${nameOf(rec.deprecatedBy)}.`);
  const e = rec.metrics.estimated;
  if (e.elo || e.p50LatencySec || e.p50CostCU) parts.push("Figures marked (est.) are catalog estimates, not measurements.");
  return parts.join(" ");
}
