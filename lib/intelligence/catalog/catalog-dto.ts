/**
 * JSON shapes of the catalog routes (`GET /api/catalog`, `POST /api/catalog/refresh`; a model's
 * input schema is `GET /api/models/:id/schema`), and the functions that build them. The browser imports the types.
 * Pure module.
 */
import type { CatalogOrigin } from "./get-catalog";
import type { Catalog, CatalogModel } from "./schema";

/** One model as the picker lists it: whether the snapshot has its input schema, and from where. */
export interface CatalogModelEntryDto {
  id: string;
  name: string;
  capabilities: string[];
  /** False: no input schema in the snapshot (the studio asks Scenario for it at run time). */
  hasSchema: boolean;
  /** The schema's `source` (`recorded …` or `api <ISO date>`), or null. */
  schemaSource: string | null;
}

/** `GET /api/catalog`. */
export interface CatalogInfoDto {
  /** `YYYY-MM-DD`. */
  snapshotDate: string;
  capabilities: string[];
  modelCount: number;
  /** Models with an input schema. */
  schemaCount: number;
  /** `bundled`: the snapshot shipped with the studio; `refreshed`: a refresh saved on the server (ISO time). */
  origin: { kind: "bundled" } | { kind: "refreshed"; refreshedAt: string };
  /** True when the server holds Scenario API keys, so an owner can refresh the catalog. */
  canRefresh: boolean;
  models: CatalogModelEntryDto[];
}

/** `POST /api/catalog/refresh` (200). */
export interface CatalogRefreshDto {
  snapshotDate: string;
  /** ISO 8601. */
  refreshedAt: string;
  modelCount: number;
  withSchema: number;
  /** Ids of the models left without an input schema. */
  withoutSchema: string[];
  added: string[];
  dropped: string[];
}

export function toCatalogModelEntry(model: CatalogModel): CatalogModelEntryDto {
  return {
    id: model.id,
    name: model.name,
    capabilities: model.capabilities,
    hasSchema: model.schema !== null,
    schemaSource: model.schema?.source ?? null,
  };
}

/** The catalog in use, as `GET /api/catalog` answers (the server folder of a refresh is not shown). */
export function toCatalogInfo(catalog: Catalog, origin: CatalogOrigin, canRefresh: boolean): CatalogInfoDto {
  return {
    snapshotDate: catalog.snapshotDate,
    capabilities: [...new Set(catalog.models.flatMap((m) => m.capabilities))].sort(),
    modelCount: catalog.models.length,
    schemaCount: catalog.models.filter((m) => m.schema !== null).length,
    origin: origin.kind === "refreshed" ? { kind: "refreshed", refreshedAt: origin.refreshedAt } : { kind: "bundled" },
    canRefresh,
    models: catalog.models.map(toCatalogModelEntry),
  };
}
