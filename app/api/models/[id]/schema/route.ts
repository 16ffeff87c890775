import { BUILDERS, teamRoute } from "@/lib/api/team-route";
import { activateRefreshedCatalog } from "@/lib/intelligence/catalog/refreshed-catalog";
import { getModelSchemaForRun } from "@/lib/models/get-model-schema";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * GET /api/models/:id/schema → `{ modelId, name, origin, schema, message }` (ModelSchemaAnswer of
 * lib/models/get-model-schema.ts): the one route for a model's input schema, the one a run would
 * use (the provider's `GET /models/{id}`, else the catalog in use, a server-side refresh included;
 * `origin: null` and `schema: null` with a sentence when there is none). Which catalog models have
 * a recorded schema is in `GET /api/catalog` (`hasSchema`, `schemaSource`). Owners and editors.
 * Errors: 400 for a malformed id or "auto"; 401; 403 (members).
 */
export const GET = teamRoute<{ id: string }>(BUILDERS, async (_request, { id }) => {
  await activateRefreshedCatalog();
  const ctx = await getServerContext();
  return Response.json(await getModelSchemaForRun(ctx.provider, decodeURIComponent(id)));
});
