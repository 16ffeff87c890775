/**
 * What the importers and the exporter need to know about a model: its name, capabilities and
 * recorded input schema. Injected (a `ModelLookup`) so lib/interop stays pure; the studio's own
 * lookup reads the model catalog (lib/intelligence/catalog), which holds the recorded schemas.
 */
import { getCatalogModel } from "../intelligence/catalog/get-catalog";
import type { ModelSchema } from "../providers/model-schema";

export interface ModelInfo {
  /** Display name ("GPT Image 2"). */
  name: string;
  /** The studio's capability words (`txt2img`, `upscale`, `background-removal`, `img2video`…). */
  capabilities: readonly string[];
  /** The model's recorded input schema, when the catalog has one. */
  schema: ModelSchema | null;
}

export interface ModelLookup {
  /** The model `modelId`, or null when the studio does not know it. */
  describe(modelId: string): ModelInfo | null;
}

/** The studio's model catalog (refreshed catalog first, else the bundled snapshot). */
export const catalogModels: ModelLookup = {
  describe(modelId) {
    const model = getCatalogModel(modelId);
    return model ? { name: model.name, capabilities: model.capabilities, schema: model.schema ?? null } : null;
  },
};
