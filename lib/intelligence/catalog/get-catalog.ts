/**
 * The bundled catalog snapshot, parsed once. Safe to import from the browser: the JSON is
 * bundled (no file system access).
 */
import catalogJson from "../data/model-catalog.json";
import { parseCatalog } from "./parse-catalog";
import type { Catalog } from "./schema";

let bundled: Catalog | null = null;

/**
 * The bundled snapshot (`lib/intelligence/data/model-catalog.json`), validated on first call and
 * memoised; later calls return the same object. Treat it as read-only.
 * @throws CatalogError if the bundled file is malformed (a build-time mistake).
 */
export function getCatalog(): Catalog {
  bundled ??= parseCatalog(catalogJson);
  return bundled;
}
