import { route } from "@/lib/api/route";
import { getCatalog } from "@/lib/intelligence";

export const dynamic = "force-dynamic";

/** GET /api/catalog → `{ snapshotDate, capabilities: string[], modelCount }`: the model catalog snapshot in use. */
export const GET = route(async () => {
  const catalog = getCatalog();
  const capabilities = [...new Set(catalog.models.flatMap((m) => m.capabilities))].sort();
  return Response.json({ snapshotDate: catalog.snapshotDate, capabilities, modelCount: catalog.models.length });
});
