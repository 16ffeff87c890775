/** The model catalog: schema, parsing, the bundled snapshot, the catalog in use and small readers. */
export { catalogSchema, METRICS } from "./schema";
export type { Catalog, CatalogModel, Metric, ModelInputs, PerformanceFigures, TrainingType } from "./schema";
export { CatalogError, parseCatalog } from "./parse-catalog";
export { recordedModelSchemas } from "./recorded-schemas";
export { getCatalogModel, getCatalogModelSchema } from "./get-catalog";
export { attachSchemas, parseModelSchemaFile } from "./attach-schemas";
export { getBundledCatalog, getCatalog, getCatalogOrigin, setActiveCatalog, type CatalogOrigin } from "./get-catalog";
export { catalogCost, deprecatedSuccessor, ESTIMATE_LABEL, isEstimate, metricSource, tagsOf, type CatalogCost } from "./helpers";
export { toCatalogInfo, toCatalogModelEntry } from "./catalog-dto";
export type { CatalogInfoDto, CatalogModelEntryDto, CatalogRefreshDto } from "./catalog-dto";
