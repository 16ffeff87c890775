/** The model catalog: schema, parsing, the bundled snapshot, the catalog in use and small readers. */
export { getCatalog, getCatalogOrigin } from "./get-catalog";
export { catalogCost } from "./helpers";
export { toCatalogInfo } from "./catalog-dto";
export type { CatalogRefreshDto } from "./catalog-dto";
