import { notFound } from "@/lib/api/errors";
import { ANY_ROLE, teamRoute } from "@/lib/api/team-route";
import { getCatalog, toCatalogModelDto } from "@/lib/intelligence";
import { activateRefreshedCatalog } from "@/lib/intelligence/catalog/refreshed-catalog";

export const dynamic = "force-dynamic";

/**
 * GET /api/catalog/models/:id → `{ model: CatalogModelDto }` (lib/intelligence/catalog/catalog-dto.ts):
 * `{ id, name, provider, capabilities, hasSchema, schemaSource, schema }`, where `schema` is the
 * model's input schema (`{ modelId, capabilities, inputs[], uiConfig?, source? }`) or null when
 * the catalog has none. 404 for a model the catalog does not list; 401 without a session.
 */
export const GET = teamRoute<{ id: string }>(ANY_ROLE, async (_request, { id }) => {
  await activateRefreshedCatalog();
  const model = getCatalog().models.find((m) => m.id === id);
  if (!model) throw notFound("Model", id);
  return Response.json({ model: toCatalogModelDto(model) });
});
