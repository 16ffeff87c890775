import { route } from "@/lib/api/route";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * GET /api/engine → `{ provider: { id: "local" | "scenario", label } }`: which generation
 * back end runs workflows, so the UI can label the offline engine. Never exposes credentials.
 */
export const GET = route(async () => {
  const { provider } = await getServerContext();
  return Response.json({ provider: { id: provider.id, label: provider.label } });
});
