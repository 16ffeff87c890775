import { parseJsonBody } from "@/lib/api/route";
import { ANY_ROLE, teamRoute } from "@/lib/api/team-route";
import { pickBodySchema, pickCandidates } from "@/lib/runs/pick-candidates";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * POST /api/runs/:id/pick `{ nodeId, assetIds: [assetId, …] }` or `{ nodeId, reject: true }` → `{ run }` (the shape
 * of GET /api/runs/:id): the choice at a Pick where the run waits. A pick queues the run again (it continues with
 * the picked images); a reject ends it `canceled` ("You rejected the candidates at Pick"). Sending the same choice
 * again answers the run as it is (idempotent). Whoever may read the run may choose (a member: their own runs).
 * Errors: 401; 404 unknown run, a run the caller may not see, or a node the run lacks; 400 ids that are not
 * candidates or a count outside the Pick's bounds; 409 when the run is not waiting at that node (lib/runs/pick-candidates.ts).
 */
export const POST = teamRoute<{ id: string }>(ANY_ROLE, async (request, { id }, session) => {
  const body = await parseJsonBody(request, pickBodySchema);
  return Response.json({ run: await pickCandidates(await getServerContext(), id, body, session) });
});
