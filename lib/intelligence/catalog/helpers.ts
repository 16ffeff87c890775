/**
 * Small readers over a catalog model: estimate labels, deprecation successor, tag namespaces.
 * Pure module.
 */
import type { Catalog, CatalogModel, Metric } from "./schema";

/** The label the UI shows next to an estimated figure ("1512 (est.)"). */
export const ESTIMATE_LABEL = "est.";

/** The catalog's convention: a source text starting with "estimate" (as in "estimate: <reason>"). */
const ESTIMATE_SOURCE = /^\s*estimate\b/i;

/** The source text of one figure, or null when the catalog gives none. */
export function metricSource(model: CatalogModel, capability: string, metric: Metric): string | null {
  return model.performance[capability]?.sources[metric] ?? null;
}

/**
 * True when the figure `metric` of `model` for `capability` is an estimate, i.e. its source text
 * starts with "estimate" (the catalog writes "estimate: <reason>"; see model-catalog-SOURCES.md).
 * A sourced figure, a null figure ("no public arena score found …") or a missing variant → false.
 */
export function isEstimate(model: CatalogModel, capability: string, metric: Metric): boolean {
  const source = metricSource(model, capability, metric);
  return source !== null && ESTIMATE_SOURCE.test(source);
}

/** The successor id from a `deprecated:<id>` tag, or null when the model is not deprecated. */
export function deprecatedSuccessor(model: CatalogModel): string | null {
  for (const tag of model.tags) if (tag.startsWith("deprecated:")) return tag.slice("deprecated:".length) || null;
  return null;
}

/**
 * The values of the tags in one namespace: `tagsOf(m, "style")` (or `"style:"`) →
 * `["photoreal", "illustration"]`. Tags without a namespace ("featured", "legacy") are not returned.
 */
export function tagsOf(model: CatalogModel, prefix: string): string[] {
  const p = prefix.endsWith(":") ? prefix : `${prefix}:`;
  return model.tags.filter((t) => t.startsWith(p)).map((t) => t.slice(p.length));
}

/** A model's catalog cost for one capability: credits (CU) per output asset, and whether the catalog labels it an estimate. */
export interface CatalogCost {
  creditsPerOutput: number;
  estimated: boolean;
}

/**
 * The catalog's `p50CostCU` of `modelId` for `capability` (the figure the model picker shows),
 * or null when the catalog lists no such model or variant, or gives no figure.
 */
export function catalogCost(catalog: Catalog, modelId: string, capability: string): CatalogCost | null {
  const model = catalog.models.find((m) => m.id === modelId);
  const figure = model?.performance[capability]?.p50CostCU;
  if (!model || figure === null || figure === undefined) return null;
  return { creditsPerOutput: figure, estimated: isEstimate(model, capability, "p50CostCU") };
}
