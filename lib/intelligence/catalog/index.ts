/** The model catalog: schema, parsing, the bundled snapshot and small readers. */
export { catalogSchema, METRICS } from "./schema";
export type { Catalog, CatalogModel, Metric, ModelInputs, PerformanceFigures, TrainingType } from "./schema";
export { CatalogError, parseCatalog } from "./parse-catalog";
export { getCatalog, getCatalogModel, getCatalogModelSchema } from "./get-catalog";
export { RECORDED_SCHEMA_SOURCE, recordedModelSchemas } from "./recorded-schemas";
export { deprecatedSuccessor, ESTIMATE_LABEL, isEstimate, metricSource, tagsOf } from "./helpers";
