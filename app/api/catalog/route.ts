import { ANY_ROLE, teamRoute } from "@/lib/api/team-route";
import { getCatalog, getCatalogOrigin, toCatalogInfo } from "@/lib/intelligence";
import { activateRefreshedCatalog } from "@/lib/intelligence/catalog/refreshed-catalog";

export const dynamic = "force-dynamic";

/**
 * GET /api/catalog → `CatalogInfoDto` (lib/intelligence/catalog/catalog-dto.ts):
 * `{ snapshotDate, capabilities, modelCount, schemaCount, origin: { kind: "bundled" } |
 * { kind: "refreshed", refreshedAt }, canRefresh, models: [{ id, name, capabilities, hasSchema,
 * schemaSource }] }`: the catalog in use (a refresh saved in `<DATA_DIR>/catalog/` wins over the
 * bundled snapshot). `canRefresh` says whether the server holds Scenario API keys.
 * Any team role; 401 without a session.
 */
export const GET = teamRoute(ANY_ROLE, async () => {
  await activateRefreshedCatalog();
  const canRefresh = Boolean(process.env.SCENARIO_API_KEY?.trim() && process.env.SCENARIO_API_SECRET?.trim());
  return Response.json(toCatalogInfo(getCatalog(), getCatalogOrigin(), canRefresh));
});
