/**
 * Per-catalog precomputation so a resolve call does no catalog-wide work it could have done once:
 * per-capability candidate lists with their figures, estimate flags and log-scaled latency/cost,
 * tag sets, successor links, the known capability list and the intent vocabulary.
 * Memoised per catalog object (WeakMap), so `getCatalog()` pays it once.
 */
import { deprecatedSuccessor, isEstimate } from "../catalog/helpers";
import type { Catalog, CatalogModel, PerformanceFigures } from "../catalog/schema";
import { buildVocabulary, type Vocabulary } from "./intent";
import type { ModelMetrics } from "./types";

/** A catalog model with its lookups precomputed. */
export interface IndexedModel {
  model: CatalogModel;
  tagSet: ReadonlySet<string>;
  /** Values of its style/use/subcategory tags, namespace stripped. */
  intentValues: ReadonlySet<string>;
  successor: string | null;
  /** releasedAt as a sortable number (YYYYMM), or -1 when unknown. */
  releasedKey: number;
}

/** One model in one capability, with its figures ready for scoring. */
export interface CapabilityEntry {
  im: IndexedModel;
  perf: PerformanceFigures;
  metrics: ModelMetrics;
  /** ln(p50 latency) and ln(p50 cost), or null (log scale: 2× slower counts the same at any size). */
  logLatency: number | null;
  logCost: number | null;
}

export interface CatalogIndex {
  catalog: Catalog;
  models: IndexedModel[];
  byId: ReadonlyMap<string, IndexedModel>;
  /** Sorted capability slugs the catalog knows. */
  capabilities: readonly string[];
  byCapability: ReadonlyMap<string, CapabilityEntry[]>;
  /** Per capability, the models that lack it (catalog order). */
  lacking: ReadonlyMap<string, IndexedModel[]>;
  vocabulary: Vocabulary;
  /** Every `namespace:value` tag present in the catalog. */
  allTags: ReadonlySet<string>;
}

const INTENT_NAMESPACES = ["style:", "use:", "subcategory:"] as const;
const cache = new WeakMap<Catalog, CatalogIndex>();

const logOrNull = (x: number | null) => (x !== null && x > 0 ? Math.log(x) : x === 0 ? Math.log(1e-3) : null);

function indexModel(model: CatalogModel): IndexedModel {
  const intentValues = new Set<string>();
  for (const tag of model.tags) {
    for (const ns of INTENT_NAMESPACES) if (tag.startsWith(ns)) intentValues.add(tag.slice(ns.length));
  }
  const released = model.releasedAt ? Number(model.releasedAt.replace("-", "")) : -1;
  return { model, tagSet: new Set(model.tags), intentValues, successor: deprecatedSuccessor(model), releasedKey: released };
}

function buildIndex(catalog: Catalog): CatalogIndex {
  const models = catalog.models.map(indexModel);
  const byId = new Map(models.map((im) => [im.model.id, im]));
  const byCapability = new Map<string, CapabilityEntry[]>();
  const allTags = new Set<string>();
  const values = new Set<string>();
  for (const im of models) {
    for (const tag of im.model.tags) allTags.add(tag);
    for (const v of im.intentValues) values.add(v);
    for (const capability of im.model.capabilities) {
      const perf = im.model.performance[capability];
      if (!perf) continue;
      const metrics: ModelMetrics = {
        elo: perf.elo,
        p50LatencySec: perf.p50LatencySec,
        p50CostCU: perf.p50CostCU,
        estimated: {
          elo: perf.elo !== null && isEstimate(im.model, capability, "elo"),
          p50LatencySec: perf.p50LatencySec !== null && isEstimate(im.model, capability, "p50LatencySec"),
          p50CostCU: perf.p50CostCU !== null && isEstimate(im.model, capability, "p50CostCU"),
        },
      };
      const list = byCapability.get(capability) ?? [];
      list.push({ im, perf, metrics, logLatency: logOrNull(perf.p50LatencySec), logCost: logOrNull(perf.p50CostCU) });
      byCapability.set(capability, list);
    }
  }
  const lacking = new Map<string, IndexedModel[]>();
  for (const capability of byCapability.keys())
    lacking.set(
      capability,
      models.filter((im) => !im.model.capabilities.includes(capability)),
    );
  return {
    catalog,
    models,
    byId,
    capabilities: [...byCapability.keys()].sort(),
    byCapability,
    lacking,
    vocabulary: buildVocabulary(values),
    allTags,
  };
}

/** The index of `catalog`, built on first use and memoised per catalog object. */
export function indexCatalog(catalog: Catalog): CatalogIndex {
  let index = cache.get(catalog);
  if (!index) {
    index = buildIndex(catalog);
    cache.set(catalog, index);
  }
  return index;
}
