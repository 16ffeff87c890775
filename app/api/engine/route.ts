import { ANY_ROLE, teamRoute } from "@/lib/api/team-route";
import type { EngineInfoDto } from "@/lib/providers/types";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * GET /api/engine → `{ provider: { id: "local" | "scenario", label } }`: which generation
 * back end runs workflows, so the UI can label the offline engine. Never exposes credentials.
 * Any signed-in team role; 401 without a session.
 */
export const GET = teamRoute(ANY_ROLE, async () => {
  const { provider } = await getServerContext();
  const body: EngineInfoDto = { provider: { id: provider.id, label: provider.label } };
  return Response.json(body);
});
