/**
 * Where a run takes a model's input schema from: the provider's own (`Provider.getModelSchema`,
 * Scenario's `GET /models/{id}`; the offline engine declares its own) when it has one, else the
 * catalog snapshot's recorded record, else none (the node is refused, never sent on a guess).
 * Pure module.
 */
import { getCatalogModel } from "../intelligence/catalog/get-catalog";
import type { ModelSchema } from "../providers/model-schema";
import { ProviderError, type Provider } from "../providers/types";

export interface ResolvedModelSchema {
  schema: ModelSchema;
  /** "provider" (asked of the provider for this run) or "catalog" (the bundled snapshot). */
  origin: "provider" | "catalog";
}

/** Looks a schema up by model id; null when neither the provider nor the catalog has one. */
export type SchemaSource = (modelId: string) => Promise<ResolvedModelSchema | null>;

/**
 * A memoised SchemaSource over `provider` then the catalog (one provider call per model per source).
 * A provider 404 (unknown model) falls back to the catalog; other provider errors propagate.
 */
export function createSchemaSource(provider: Pick<Provider, "getModelSchema">): SchemaSource {
  const cache = new Map<string, Promise<ResolvedModelSchema | null>>();
  return (modelId) => {
    let pending = cache.get(modelId);
    if (!pending) {
      pending = (async () => {
        if (provider.getModelSchema) {
          try {
            const schema = await provider.getModelSchema(modelId);
            if (schema) return { schema, origin: "provider" as const };
          } catch (error) {
            if (!(error instanceof ProviderError && error.status === 404)) throw error;
          }
        }
        const schema = getCatalogModel(modelId)?.schema ?? null;
        return schema ? { schema, origin: "catalog" as const } : null;
      })();
      pending.catch(() => cache.delete(modelId));
      cache.set(modelId, pending);
    }
    return pending;
  };
}

/** A SchemaSource over the catalog snapshot only (save-time checks, offline previews). */
export const catalogSchemaSource: SchemaSource = async (modelId) => {
  const schema = getCatalogModel(modelId)?.schema ?? null;
  return schema ? { schema, origin: "catalog" } : null;
};

/**
 * What a model does, for the wrong-kind check of the request builder: the catalog's capabilities
 * (the studio's words: `upscale`, `background-removal`, `img2video`, …) when the catalog lists the
 * model, else the `capabilities` of its record (Scenario's slugs). The offline engine's schema
 * declares every capability it can run, so it never speaks for a model the catalog knows.
 */
export function modelCapabilities(modelId: string, schema: ModelSchema | null): string[] {
  return getCatalogModel(modelId)?.capabilities ?? schema?.capabilities ?? [];
}

/**
 * The display name of a model ("GPT Image 2"): the catalog's, else the name of its record (a
 * model the catalog does not list), else the id.
 */
export function modelDisplayName(modelId: string, schema?: ModelSchema | null): string {
  return getCatalogModel(modelId)?.name ?? schema?.name ?? modelId;
}
