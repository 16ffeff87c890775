/**
 * The catalog in use. Two layers:
 * - the bundled snapshot (`lib/intelligence/data/model-catalog.json` and the schema files of
 *   `lib/intelligence/data/model-schemas/`), imported as JSON, so this module reads no file;
 * - a refreshed catalog the server installs with `setActiveCatalog` (read from
 *   `<DATA_DIR>/catalog/` by ./refreshed-catalog.ts, the folder `POST /api/catalog/refresh`
 *   writes: the bundled snapshot is read-only in a production build). When one is installed,
 *   `getCatalog()` returns it instead of the bundled snapshot.
 * The active catalog is kept on `globalThis`, so every bundle of one server process (route
 * handlers, the start-up hook) sees the same one.
 */
import catalogJson from "../data/model-catalog.json";
import { BUNDLED_MODEL_SCHEMA_FILES } from "../data/model-schemas";
import { attachSchemas, parseModelSchemaFile } from "./attach-schemas";
import { parseCatalog } from "./parse-catalog";
import type { Catalog, CatalogModel } from "./schema";
import type { ModelSchema } from "../../providers/model-schema";

/** Where the catalog in use comes from: the bundled snapshot, or a refresh written to the data folder. */
export type CatalogOrigin = { kind: "bundled" } | { kind: "refreshed"; folder: string; refreshedAt: string };

interface ActiveCatalog {
  catalog: Catalog;
  origin: CatalogOrigin;
}

const ACTIVE_KEY = Symbol.for("workflow-studio.active-catalog");
type GlobalWithCatalog = typeof globalThis & { [ACTIVE_KEY]?: ActiveCatalog | null };

let bundled: Catalog | null = null;

/** The bundled catalog document as committed (no schemas attached): the input of a refresh. */
export function bundledCatalogDocument(): unknown {
  return catalogJson;
}

/**
 * The bundled snapshot with its schema files attached, validated on first call and memoised.
 * @throws CatalogError if the bundled catalog or a schema file is malformed (a build-time mistake).
 */
export function getBundledCatalog(): Catalog {
  if (!bundled) {
    const schemas = BUNDLED_MODEL_SCHEMA_FILES.map(([file, json]) => parseModelSchemaFile(json, `model-schemas/${file}`)).filter(
      (s) => s !== null,
    );
    bundled = attachSchemas(parseCatalog(catalogJson), schemas);
  }
  return bundled;
}

/**
 * The catalog in use: the refreshed one installed by the server, else the bundled snapshot.
 * Returns the same object until another catalog is installed. Treat it as read-only.
 * @throws CatalogError if the bundled catalog is malformed (a build-time mistake).
 */
export function getCatalog(): Catalog {
  return (globalThis as GlobalWithCatalog)[ACTIVE_KEY]?.catalog ?? getBundledCatalog();
}

/** Where `getCatalog()` reads from. */
export function getCatalogOrigin(): CatalogOrigin {
  return (globalThis as GlobalWithCatalog)[ACTIVE_KEY]?.origin ?? { kind: "bundled" };
}

/** Installs a validated catalog as the one in use (null: back to the bundled snapshot). */
export function setActiveCatalog(catalog: Catalog | null, origin?: CatalogOrigin): void {
  (globalThis as GlobalWithCatalog)[ACTIVE_KEY] = catalog ? { catalog, origin: origin ?? { kind: "bundled" } } : null;
}

/** The catalog's model `modelId` (refreshed catalog first, else the bundled snapshot), or undefined. */
export function getCatalogModel(modelId: string): CatalogModel | undefined {
  return getCatalog().models.find((m) => m.id === modelId);
}

/**
 * The catalog's input schema of `modelId` (a recorded or refreshed `GET /models/{id}` record), or
 * null when the catalog has no schema for it or does not know the model. Never a guessed schema.
 */
export function getCatalogModelSchema(modelId: string): ModelSchema | null {
  return getCatalogModel(modelId)?.schema ?? null;
}
