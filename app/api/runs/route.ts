import { AppError } from "@/lib/api/errors";
import { ANY_ROLE, teamRoute } from "@/lib/api/team-route";
import { listWaitingRuns } from "@/lib/runs/list-waiting-runs";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * GET /api/runs?status=waiting[&limit=N] → `{ runs: [{ id, workflowId, workflowName, app: { slug, name } | null,
 * createdAt, waiting: [{ nodeId, label, message, candidates, thumbnail }] }] }`: the runs paused at a Pick that the
 * caller may choose for ("Waiting for you"; owners and editors: the team's, a member: their own), newest first,
 * limit 1 to 100 (default 50). Errors: 401; 400 for another `status` (only waiting runs are listed here).
 */
export const GET = teamRoute(ANY_ROLE, async (request, _params, session) => {
  const params = new URL(request.url).searchParams;
  if (params.get("status") !== "waiting") {
    throw new AppError("validation_error", 'status: only "waiting" runs are listed here (GET /api/runs?status=waiting)', {
      field: "status",
    });
  }
  const limit = Number(params.get("limit")) || 50;
  return Response.json({ runs: await listWaitingRuns(await getServerContext(), session, limit) });
});
