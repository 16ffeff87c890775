/**
 * The model input schemas the catalog snapshot carries: captured `GET /models/{id}` records
 * stored as data under `lib/intelligence/data/model-schemas/<modelId>.json`
 * (shared/reference/scenario-models/SOURCES.md: recorded 2026-08-28/29 and 2026-10-09).
 * A model without a record has no schema here: callers get null and never a guessed one.
 *
 * Bundled JSON (no file system access), safe in the browser. Pure module.
 */
import flux1Dev from "../data/model-schemas/model_bfl-flux-1-dev.json";
import flux2Dev from "../data/model-schemas/model_bfl-flux-2-dev.json";
import seedance20 from "../data/model-schemas/model_bytedance-seedance-2-0.json";
import gemini31Flash from "../data/model-schemas/model_google-gemini-3-1-flash.json";
import meshy7 from "../data/model-schemas/model_meshy-7-img23d.json";
import gptImage2 from "../data/model-schemas/model_openai-gpt-image-2.json";
import { modelSchemaFromRecord, type ModelSchema } from "../../providers/model-schema";

/** Where the recorded schemas come from (ModelSchema.source). */
export const RECORDED_SCHEMA_SOURCE = "recorded 2026-08-28 (Scenario GET /models/{id}, scenario-labs/blender-plugin fixtures)";

const RECORDS: readonly unknown[] = [gptImage2, gemini31Flash, flux2Dev, flux1Dev, seedance20, meshy7];

let byId: ReadonlyMap<string, ModelSchema> | null = null;

/** Every recorded schema, keyed by model id; parsed once. @throws ZodError for a malformed record (a build-time mistake). */
export function recordedModelSchemas(): ReadonlyMap<string, ModelSchema> {
  if (!byId) {
    const map = new Map<string, ModelSchema>();
    for (const record of RECORDS) {
      const schema = modelSchemaFromRecord(record, RECORDED_SCHEMA_SOURCE);
      if (schema) map.set(schema.modelId, schema);
    }
    byId = map;
  }
  return byId;
}
