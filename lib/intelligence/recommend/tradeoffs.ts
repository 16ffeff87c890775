/**
 * `tradeoffs` of a recommendation: what choosing this model costs against the other candidates,
 * plus behaviour caveats, from the catalog data only. Pure module.
 *
 * Comparisons (each only when meaningful):
 * - speed: "3× slower than Gemini 3.1 Flash (12 s, est.)" against the fastest other candidate,
 *   when at least 1.5× slower; and, for a model below the top pick, "4× faster than <top>";
 * - cost: "costs 6 CU more than <cheapest other>" when at least 20 % dearer; "costs 5 CU less
 *   than <top>";
 * - quality: "Arena ELO 242 below <best>"; a null figure is called out;
 * - caveats: no seed input, deprecated, legacy family, platform ratio or width the model lacks,
 *   outputs per run below what was asked.
 */
import type { CatalogModel } from "../catalog/schema";
import type { PlatformPreset } from "../platforms/presets";
import { platformSize } from "../platforms/presets";
import { formatNumber } from "../resolver/format";
import { formatRatio } from "../resolver/reasons";
import type { ModelMetrics, RankedModel } from "../resolver/types";
import { maxOutputs } from "./suggested-params";

const SLOWER_AT = 1.5;
const DEARER_AT = 1.2;

/** "12 s, est." / "11 CU" — for use inside parentheses. */
function fig(m: ModelMetrics, metric: "elo" | "p50LatencySec" | "p50CostCU"): string {
  const v = m[metric];
  const unit = metric === "p50LatencySec" ? " s" : metric === "p50CostCU" ? " CU" : "";
  return v === null ? "n/a" : `${formatNumber(v)}${unit}${m.estimated[metric] ? ", est." : ""}`;
}

function extreme(others: readonly RankedModel[], metric: "elo" | "p50LatencySec" | "p50CostCU", higher: boolean): RankedModel | null {
  let best: RankedModel | null = null;
  for (const o of others) {
    const v = o.metrics[metric];
    if (v === null) continue;
    const b = best?.metrics[metric] ?? null;
    if (b === null || (higher ? v > b : v < b)) best = o;
  }
  return best;
}

export interface TradeoffContext {
  /** Every ranked candidate, best first (not only the ones shown). */
  ranked: readonly RankedModel[];
  catalogModel: CatalogModel;
  platform: PlatformPreset | null;
  /** Outputs asked for, before the model's cap. */
  wantedOutputs: number;
  /** Names by id, for successors outside the candidate list. */
  nameOf: (id: string) => string;
}

/** The trade-offs of `rec` against the other candidates, most telling first. */
export function tradeoffsFor(rec: RankedModel, ctx: TradeoffContext): string[] {
  const out: string[] = [];
  const others = ctx.ranked.filter((r) => r.modelId !== rec.modelId);
  const m = rec.metrics;
  const top = ctx.ranked[0];

  const bestElo = extreme(others, "elo", true);
  if (m.elo === null) out.push("no Arena ELO for this capability: quality is unranked");
  else if (bestElo && bestElo.metrics.elo! > m.elo)
    out.push(`Arena ELO ${formatNumber(bestElo.metrics.elo! - m.elo)} below ${bestElo.name} (${fig(bestElo.metrics, "elo")})`);

  const fastest = extreme(others, "p50LatencySec", false);
  if (m.p50LatencySec === null) out.push("no p50 latency figure");
  else if (fastest && m.p50LatencySec >= SLOWER_AT * fastest.metrics.p50LatencySec!) {
    out.push(
      `${formatRatio(m.p50LatencySec / fastest.metrics.p50LatencySec!)} slower than ${fastest.name} (${fig(fastest.metrics, "p50LatencySec")})`,
    );
  }

  const cheapest = extreme(others, "p50CostCU", false);
  if (m.p50CostCU === null) out.push("no p50 cost figure");
  else if (cheapest && m.p50CostCU >= DEARER_AT * cheapest.metrics.p50CostCU! && m.p50CostCU > cheapest.metrics.p50CostCU!) {
    out.push(
      `costs ${formatNumber(m.p50CostCU - cheapest.metrics.p50CostCU!)} CU more than ${cheapest.name} (${fig(cheapest.metrics, "p50CostCU")})`,
    );
  }

  if (top && top.modelId !== rec.modelId) {
    const tl = top.metrics.p50LatencySec;
    if (tl !== null && m.p50LatencySec !== null && tl >= SLOWER_AT * m.p50LatencySec) {
      out.push(`${formatRatio(tl / m.p50LatencySec)} faster than ${top.name} (${fig(top.metrics, "p50LatencySec")})`);
    }
    const tc = top.metrics.p50CostCU;
    if (tc !== null && m.p50CostCU !== null && tc > m.p50CostCU)
      out.push(`costs ${formatNumber(tc - m.p50CostCU)} CU less than ${top.name} (${fig(top.metrics, "p50CostCU")})`);
  }

  const inputs = ctx.catalogModel.inputs;
  if (inputs.seed === false) out.push("no seed input: results are not reproducible");
  if (rec.deprecatedBy) out.push(`deprecated: superseded by ${ctx.nameOf(rec.deprecatedBy)}`);
  if (rec.tags.includes("legacy")) out.push("legacy model family");
  if (ctx.platform) {
    const size = platformSize(ctx.platform.id);
    if (inputs.aspectRatios && !inputs.aspectRatios.includes(size.aspectRatio)) {
      out.push(`does not offer ${size.aspectRatio} for ${ctx.platform.label}: crop or expand the result`);
    }
    if (typeof inputs.maxWidth === "number" && inputs.maxWidth < size.width) {
      out.push(`max width ${inputs.maxWidth} px, below the ${size.width} px of ${ctx.platform.label}: upscale the result`);
    }
  }
  const cap = maxOutputs(ctx.catalogModel);
  if (ctx.wantedOutputs > cap)
    out.push(`returns at most ${cap} output${cap === 1 ? "" : "s"} per run (${ctx.wantedOutputs} asked): run it again for more`);
  return out;
}
