import { ANY_ROLE, teamRoute } from "@/lib/api/team-route";
import { getCatalog } from "@/lib/intelligence";

export const dynamic = "force-dynamic";

/** GET /api/catalog → `{ snapshotDate, capabilities: string[], modelCount }`: the model catalog snapshot in use. Any team role; 401 without a session. */
export const GET = teamRoute(ANY_ROLE, async () => {
  const catalog = getCatalog();
  const capabilities = [...new Set(catalog.models.flatMap((m) => m.capabilities))].sort();
  return Response.json({ snapshotDate: catalog.snapshotDate, capabilities, modelCount: catalog.models.length });
});
