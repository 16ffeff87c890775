/**
 * The input schema a run would use for a model (lib/engine/model-schemas.ts: the provider's own,
 * else the catalog snapshot's recorded record, else none), with what the inspector needs to show
 * the model's own settings: which inputs the node maps itself (so they are hidden there).
 */
import { AppError } from "../api/errors";
import { catalogSchemaSource, createSchemaSource, modelDisplayName } from "../engine/model-schemas";
import { modelParamSchema } from "../nodes/common-fields";
import type { ModelSchema } from "../providers/model-schema";
import type { Provider } from "../providers/types";

export interface ModelSchemaAnswer {
  modelId: string;
  /** Display name ("GPT Image 2"), the id when the catalog does not know the model. */
  name: string;
  /** "provider" (asked of the configured provider), "catalog" (the bundled snapshot) or null (none). */
  origin: "provider" | "catalog" | null;
  schema: ModelSchema | null;
  /** A sentence when there is no schema, or when the provider could not answer and the catalog's is shown. */
  message: string | null;
}

/**
 * @param modelId a model id such as "model_openai-gpt-image-2".
 * @throws AppError validation_error (400) for a malformed id or "auto" (Auto has no schema of its own).
 */
export async function getModelSchemaForRun(provider: Pick<Provider, "getModelSchema">, modelId: string): Promise<ModelSchemaAnswer> {
  if (modelId === "auto" || !modelParamSchema.safeParse(modelId).success) {
    throw new AppError("validation_error", `"${modelId}" is not a model id: pick a model (Auto has no settings of its own)`, {
      field: "id",
    });
  }
  let name = modelDisplayName(modelId);
  let message: string | null = null;
  let found;
  try {
    found = await createSchemaSource(provider)(modelId);
  } catch {
    found = await catalogSchemaSource(modelId);
    message = `The provider did not answer for ${name}; these are the settings of the studio's recorded copy.`;
  }
  if (!found) {
    return {
      modelId,
      name,
      origin: null,
      schema: null,
      message: `The studio has no input schema for ${name}, so it cannot show its settings or build a request for it.`,
    };
  }
  name = modelDisplayName(modelId, found.schema);
  return { modelId, name, origin: found.origin, schema: found.schema, message };
}
