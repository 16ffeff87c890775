/**
 * The model input schemas bundled with the snapshot: captured `GET /models/{id}` records stored
 * under `lib/intelligence/data/model-schemas/<modelId>.json` (shared/reference/scenario-models/
 * SOURCES.md: recorded 2026-08-28/29 and 2026-10-09). A model without a file has no schema here:
 * callers get null and never a guessed one.
 *
 * Bundled JSON (no file system access), safe in the browser. Pure module.
 */
import { BUNDLED_MODEL_SCHEMA_FILES } from "../data/model-schemas";
import type { ModelSchema } from "../../providers/model-schema";
import { parseModelSchemaFile } from "./attach-schemas";

let byId: ReadonlyMap<string, ModelSchema> | null = null;

/** Every bundled schema, keyed by model id; parsed once. @throws CatalogError for a malformed file (a build-time mistake). */
export function recordedModelSchemas(): ReadonlyMap<string, ModelSchema> {
  if (!byId) {
    const map = new Map<string, ModelSchema>();
    for (const [file, json] of BUNDLED_MODEL_SCHEMA_FILES) {
      const schema = parseModelSchemaFile(json, `model-schemas/${file}`);
      if (schema) map.set(schema.modelId, schema);
    }
    byId = map;
  }
  return byId;
}
