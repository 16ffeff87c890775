import { ANY_ROLE, teamRoute } from "@/lib/api/team-route";
import { getRunDto } from "@/lib/runs/get-run";
import { cancelRun } from "@/lib/runs/cancel-run";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * POST /api/runs/:id/cancel → `{ run }` after cancelling (a finished run is returned unchanged). Whoever may read
 * the run may cancel it (a member: their own). Errors: 401; 404 unknown id or a run the caller may not see.
 */
export const POST = teamRoute<{ id: string }>(ANY_ROLE, async (_request, { id }, session) => {
  const ctx = await getServerContext();
  await getRunDto(ctx, id, session);
  return Response.json({ run: await cancelRun(ctx, id) });
});
