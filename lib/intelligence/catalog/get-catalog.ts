/**
 * The bundled catalog snapshot, parsed once. Safe to import from the browser: the JSON is
 * bundled (no file system access).
 */
import catalogJson from "../data/model-catalog.json";
import { parseCatalog } from "./parse-catalog";
import { recordedModelSchemas } from "./recorded-schemas";
import type { Catalog, CatalogModel } from "./schema";
import type { ModelSchema } from "../../providers/model-schema";

let bundled: Catalog | null = null;

/**
 * The bundled snapshot (`lib/intelligence/data/model-catalog.json`), validated on first call and
 * memoised; later calls return the same object. Treat it as read-only.
 * @throws CatalogError if the bundled file is malformed (a build-time mistake).
 */
export function getCatalog(): Catalog {
  if (!bundled) {
    const parsed = parseCatalog(catalogJson);
    const recorded = recordedModelSchemas();
    bundled = { ...parsed, models: parsed.models.map((m) => ({ ...m, schema: m.schema ?? recorded.get(m.id) ?? null })) };
  }
  return bundled;
}

/**
 * The snapshot's input schema of `modelId` (a recorded `GET /models/{id}` record), or null when
 * the catalog has no schema for it or does not know the model. Never a guessed schema.
 */
export function getCatalogModelSchema(modelId: string): ModelSchema | null {
  return getCatalogModel(modelId)?.schema ?? null;
}

/** The snapshot's model `modelId`, or undefined. */
export function getCatalogModel(modelId: string): CatalogModel | undefined {
  return getCatalog().models.find((m) => m.id === modelId);
}
