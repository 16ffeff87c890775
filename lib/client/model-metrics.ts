/**
 * How a model's catalog figures read in the studio: "ELO 1512 · 40 s est. · 11 CU".
 * Every figure the catalog labels an estimate carries "est."; a missing figure is "—".
 * Pure module.
 */
import type { ModelMetrics } from "./types";

export interface MetricPart {
  key: "elo" | "p50LatencySec" | "p50CostCU";
  /** What the figure measures, for tooltips and screen readers. */
  name: string;
  /** The figure alone: "ELO 1512", "40 s", "11 CU", or with "—" when unknown. */
  text: string;
  /** True when the figure is known and the catalog labels it an estimate. */
  estimated: boolean;
  known: boolean;
}

/** "4.5 s", "40 s", "3 min". */
export function formatLatency(seconds: number): string {
  if (seconds >= 120) return `${trim(seconds / 60)} min`;
  return `${seconds < 10 ? trim(seconds) : Math.round(seconds)} s`;
}

/** "11 CU", "0.5 CU". */
export function formatCost(cu: number): string {
  return `${cu >= 10 ? Math.round(cu) : trim(cu)} CU`;
}

function trim(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** The three figures in display order (quality, speed, cost). */
export function metricParts(metrics: ModelMetrics): MetricPart[] {
  const { elo, p50LatencySec, p50CostCU, estimated } = metrics;
  return [
    {
      key: "elo",
      name: "Arena ELO",
      text: `ELO ${elo === null ? "—" : Math.round(elo)}`,
      estimated: elo !== null && estimated.elo,
      known: elo !== null,
    },
    {
      key: "p50LatencySec",
      name: "Median generation time",
      text: p50LatencySec === null ? "— s" : formatLatency(p50LatencySec),
      estimated: p50LatencySec !== null && estimated.p50LatencySec,
      known: p50LatencySec !== null,
    },
    {
      key: "p50CostCU",
      name: "Median cost per asset",
      text: p50CostCU === null ? "— CU" : formatCost(p50CostCU),
      estimated: p50CostCU !== null && estimated.p50CostCU,
      known: p50CostCU !== null,
    },
  ];
}

/** One line for plain text (option labels, titles): "ELO 1512 · 40 s est. · 11 CU". */
export function formatMetrics(metrics: ModelMetrics): string {
  return metricParts(metrics)
    .map((p) => (p.estimated ? `${p.text} est.` : p.text))
    .join(" · ");
}
