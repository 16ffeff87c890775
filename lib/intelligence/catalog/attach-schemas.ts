/**
 * Attaching model input schemas to a parsed catalog. A schema file holds one `ModelSchema`
 * (`{ modelId, capabilities, inputs, uiConfig?, source? }`, lib/providers/model-schema.ts), or a
 * raw `GET /models/{id}` reply (`{ model: { id, inputs, uiConfig, … } }`) as Scenario returns it
 * (scenario-api-contract.md §5), which is read through `modelSchemaFromRecord`.
 * Pure module: zod only.
 */
import { modelSchemaFromRecord, modelSchemaSchema, type ModelSchema } from "../../providers/model-schema";
import { CatalogError } from "./parse-catalog";
import type { Catalog } from "./schema";

/**
 * Reads one schema file's JSON.
 * @param where names the file in error messages (e.g. `model-schemas/model_x.json`).
 * @returns the schema, or null for a record without `inputs[]`.
 * @throws CatalogError naming `where` and the first field at fault.
 */
export function parseModelSchemaFile(json: unknown, where: string): ModelSchema | null {
  const isRecord = !!json && typeof json === "object" && ("model" in json || !("modelId" in json));
  try {
    return isRecord ? modelSchemaFromRecord(json) : modelSchemaSchema.parse(json);
  } catch (error) {
    const issue = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.[0];
    throw new CatalogError([
      `schema file ${where}: ${issue ? `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}` : (error as Error).message}`,
    ]);
  }
}

/**
 * A copy of `catalog` whose models carry the schema of the same `modelId` from `schemas`
 * (others keep `schema: null`; a schema of a model the catalog does not list is ignored).
 * `catalog` is not modified.
 */
export function attachSchemas(catalog: Catalog, schemas: readonly ModelSchema[]): Catalog {
  const byId = new Map(schemas.map((s) => [s.modelId, s]));
  return { ...catalog, models: catalog.models.map((m) => ({ ...m, schema: byId.get(m.id) ?? null })) };
}
