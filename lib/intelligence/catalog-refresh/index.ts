/**
 * Catalog refresh: rebuilds the model catalog from the Scenario API (scenario-api-contract.md §5).
 *
 * Pure parts (safe anywhere): `mergeCatalog`, the capability mapping, the inputs summary, the
 * schemas taken from the records, the structural check and the report. The command itself
 * (`runCatalogRefresh`, fs + HTTP) lives in `./run`, the refresh shared with
 * `POST /api/catalog/refresh` in `./refresh` and `./data-dir`, the writer in `./write` and the
 * fetch in `./fetch`; import those directly, from Node only.
 */
export {
  CATALOG_CAPABILITIES,
  SCENARIO_PARENT,
  deriveCapabilities,
  reconcileCapabilities,
  scenarioParentOf,
  type CatalogCapability,
} from "./capabilities";
export { ALWAYS_KEYS, PRESENCE_KEYS, inputsForKnownModel, inputsForNewModel, summariseInputs, type InputsSummary } from "./inputs";
export {
  NO_FIGURE_SOURCE,
  deepEqual,
  mergeCatalog,
  nullPerformance,
  type FieldChange,
  type MergeOptions,
  type MergeReport,
  type MergeResult,
} from "./merge";
export { formatReport } from "./report";
export { schemasFromRecords, type RefreshedSchemas } from "./schemas";
export type { ApiModel, Catalog, CatalogModel, CatalogPerformance } from "./types";
export { validateCatalogShape } from "./validate";
