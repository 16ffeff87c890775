import { ANY_ROLE, teamRoute } from "@/lib/api/team-route";
import { getRunDto } from "@/lib/runs/get-run";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * GET /api/runs/:id → `{ run: { id, workflowId, workflowVersion, status, error, createdAt, startedAt, finishedAt,
 * credits, nodes: [{ nodeId, nodeType, status, progress, cached, model, modelReason, error, credits, outputs }], outputs } }`
 * (shape in lib/runs/run-dto.ts). Any role: owners and editors see their team's runs, members their own.
 * Errors: 401 without a session; 404 for an unknown id or a run the caller may not see.
 */
export const GET = teamRoute<{ id: string }>(ANY_ROLE, async (_request, { id }, session) => {
  return Response.json({ run: await getRunDto(await getServerContext(), id, session) });
});
