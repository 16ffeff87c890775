import { BUILDERS, teamRoute } from "@/lib/api/team-route";
import { getModelSchemaForRun } from "@/lib/models/get-model-schema";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * GET /api/models/:id/schema → `{ modelId, name, origin, schema, message }`: the input schema a run
 * would use for the model (the provider's `GET /models/{id}`, else the catalog's recorded record;
 * `origin: null` and `schema: null` with a sentence when there is none). Owners and editors.
 * Errors: 400 for a malformed id or "auto"; 401; 403 (members).
 */
export const GET = teamRoute<{ id: string }>(BUILDERS, async (_request, { id }) => {
  const ctx = await getServerContext();
  return Response.json(await getModelSchemaForRun(ctx.provider, decodeURIComponent(id)));
});
