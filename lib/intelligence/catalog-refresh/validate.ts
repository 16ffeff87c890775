/**
 * A structural check of a catalog before it is written: the shape of
 * `lib/intelligence/data/model-catalog.json` (snapshotDate, notes, models[{id, name, provider,
 * releasedAt, capabilities, scenarioCapabilities, inputs, performance{cap: {elo, p50LatencySec,
 * p50CostCU, sources}}, tags, insights}], trainingTypes). The catalog's own zod schema
 * (`lib/intelligence/catalog/`, `parseCatalog`) runs after it in `run.ts`; this check reads the
 * snapshot before the refresh and names problems per model in the refresh's own terms. Pure module.
 */

const isString = (v: unknown): v is string => typeof v === "string";
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isFigure = (v: unknown) => v === null || (typeof v === "number" && Number.isFinite(v));

/**
 * Lists what is wrong with `value` as a catalog, each problem naming the model and the field,
 * e.g. `models[3] (model_x): performance.txt2img.elo must be a number or null`.
 *
 * @returns an empty array when the shape is right.
 */
export function validateCatalogShape(value: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(value)) return ["the catalog must be a JSON object"];
  if (!isString(value.snapshotDate) || !/^\d{4}-\d{2}-\d{2}$/.test(value.snapshotDate)) problems.push("snapshotDate must be YYYY-MM-DD");
  if (!isString(value.notes)) problems.push("notes must be a string");
  if (!Array.isArray(value.trainingTypes)) problems.push("trainingTypes must be an array");
  if (!Array.isArray(value.models) || value.models.length === 0) {
    problems.push("models must be a non-empty array");
    return problems;
  }
  const ids = new Set<string>();
  value.models.forEach((model: unknown, index: number) => {
    const where = `models[${index}]${isRecord(model) && isString(model.id) ? ` (${model.id})` : ""}`;
    const bad = (field: string, rule: string) => problems.push(`${where}: ${field} ${rule}`);
    if (!isRecord(model)) return bad("", "must be an object");
    if (!isString(model.id) || !model.id) bad("id", "must be a non-empty string");
    else if (ids.has(model.id)) bad("id", "is repeated");
    else ids.add(model.id);
    if (!isString(model.name) || !model.name) bad("name", "must be a non-empty string");
    if (!isString(model.provider)) bad("provider", "must be a string");
    if (!(model.releasedAt === null || (isString(model.releasedAt) && /^\d{4}-\d{2}$/.test(model.releasedAt))))
      bad("releasedAt", "must be YYYY-MM or null");
    if (!isStringArray(model.capabilities) || model.capabilities.length === 0) bad("capabilities", "must be a non-empty array of strings");
    if (!isStringArray(model.scenarioCapabilities)) bad("scenarioCapabilities", "must be an array of strings");
    if (!isRecord(model.inputs)) bad("inputs", "must be an object");
    if (!isStringArray(model.tags)) bad("tags", "must be an array of strings");
    if (!isStringArray(model.insights)) bad("insights", "must be an array of strings");
    if (!isRecord(model.performance)) return bad("performance", "must be an object");
    const capabilities = isStringArray(model.capabilities) ? model.capabilities : [];
    for (const capability of capabilities) {
      if (!(capability in model.performance)) bad(`performance.${capability}`, "is missing");
    }
    for (const [capability, entry] of Object.entries(model.performance)) {
      const field = `performance.${capability}`;
      if (!capabilities.includes(capability)) bad(field, "is not one of the model's capabilities");
      if (!isRecord(entry)) {
        bad(field, "must be an object");
        continue;
      }
      for (const metric of ["elo", "p50LatencySec", "p50CostCU"]) {
        if (!isFigure(entry[metric])) bad(`${field}.${metric}`, "must be a number or null");
      }
      if (!isRecord(entry.sources) || !Object.values(entry.sources).every(isString))
        bad(`${field}.sources`, "must map each figure to a source text");
    }
  });
  return problems;
}
