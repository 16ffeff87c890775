/**
 * Text forms of the catalog figures, with the estimate label where the catalog marks a figure as
 * an estimate: "Arena ELO 1512", "p50 latency 40 s (est.)", "p50 cost 11 CU". Pure module.
 */
import { ESTIMATE_LABEL } from "../catalog/helpers";
import type { Metric } from "../catalog/schema";
import type { ModelMetrics } from "./types";

/** 11 → "11", 10.75 → "10.75", 0.5 → "0.5" (at most two decimals). */
export function formatNumber(x: number): string {
  return String(Math.round(x * 100) / 100);
}

const UNIT: Record<Metric, string> = { elo: "", p50LatencySec: " s", p50CostCU: " CU" };
const LABEL: Record<Metric, string> = { elo: "Arena ELO", p50LatencySec: "p50 latency", p50CostCU: "p50 cost" };

/** A figure with its unit and estimate label: `40 s (est.)`, `1512`, `n/a`. */
export function formatFigure(metric: Metric, metrics: ModelMetrics): string {
  const value = metrics[metric];
  if (value === null) return "n/a";
  return `${formatNumber(value)}${UNIT[metric]}${metrics.estimated[metric] ? ` (${ESTIMATE_LABEL})` : ""}`;
}

/** A labelled figure: `p50 latency 40 s (est.)`. */
export function describeMetric(metric: Metric, metrics: ModelMetrics): string {
  return `${LABEL[metric]} ${formatFigure(metric, metrics)}`;
}

/**
 * The three figures in one phrase, estimates marked:
 * `Arena ELO 1512, p50 latency 40 s (est.), p50 cost 11 CU`. A null figure reads "n/a".
 */
export function describeMetrics(metrics: ModelMetrics): string {
  return `${describeMetric("elo", metrics)}, ${describeMetric("p50LatencySec", metrics)}, ${describeMetric("p50CostCU", metrics)}`;
}
