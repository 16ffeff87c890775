/**
 * Names in a catalog folder (the bundled `lib/intelligence/data/` or `<DATA_DIR>/catalog/`):
 * `model-catalog.json`, `model-schemas/<modelId>.json` (one `ModelSchema` each) and, in the data
 * folder only, `refresh.json` (`{ refreshedAt, source }`, written last: a folder without it is
 * not a complete refresh). Pure module.
 */
export const CATALOG_FILE = "model-catalog.json";
export const SCHEMAS_DIR = "model-schemas";
export const REFRESH_META_FILE = "refresh.json";
/** The data folder's sub-folder holding a refreshed catalog: `<DATA_DIR>/catalog/`. */
export const REFRESHED_CATALOG_DIR = "catalog";

/** `refresh.json` of a refreshed catalog folder. */
export interface RefreshMeta {
  /** ISO 8601 time of the refresh. */
  refreshedAt: string;
  /** The API base URL read. */
  source: string;
}
