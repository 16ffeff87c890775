/**
 * Each refreshed model's input schema, taken verbatim from its `GET /models/{id}` record
 * (scenario-api-contract.md §5: `inputs[]` and `uiConfig`) through `modelSchemaFromRecord`.
 * Pure module.
 */
import { modelSchemaFromRecord, type ModelSchema } from "../../providers/model-schema";
import type { ApiModel } from "./types";

export interface RefreshedSchemas {
  /** One per catalog model whose record has a readable `inputs[]`, in catalog order. */
  schemas: ModelSchema[];
  /** Catalog models left without a schema (no `inputs[]` in the record, or a malformed one), in catalog order. */
  withoutSchema: string[];
  /** One line per malformed `inputs[]` (the model keeps `schema: null`). */
  warnings: string[];
}

/**
 * Schemas of the models `catalogIds` names, from the records read from the API.
 * @param source written into each schema's `source`, e.g. `api 2026-12-03T09:00:00.000Z`.
 */
export function schemasFromRecords(records: readonly ApiModel[], catalogIds: readonly string[], source: string): RefreshedSchemas {
  const byId = new Map(records.map((r) => [r.id, r]));
  const result: RefreshedSchemas = { schemas: [], withoutSchema: [], warnings: [] };
  for (const id of catalogIds) {
    const record = byId.get(id);
    let schema: ModelSchema | null = null;
    try {
      schema = record ? modelSchemaFromRecord(record, source) : null;
    } catch (error) {
      const issue = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.[0];
      result.warnings.push(
        `${id}: inputs[] is malformed (${issue ? `${issue.path.map(String).join(".")}: ${issue.message}` : (error as Error).message}); no schema kept`,
      );
    }
    if (schema) result.schemas.push(schema);
    else result.withoutSchema.push(id);
  }
  return result;
}
