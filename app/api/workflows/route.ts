import { parseJsonBody } from "@/lib/api/route";
import { BUILDERS, teamRoute } from "@/lib/api/team-route";
import { createWorkflow, listWorkflows } from "@/lib/db/repositories/workflows";
import { latestOutputImages } from "@/lib/db/repositories/latest-outputs";
import { getServerContext } from "@/lib/server/context";
import { assertSavableGraph } from "@/lib/workflows/save-graph";
import { createWorkflowBodySchema } from "@/lib/workflows/schemas";
import { toWorkflowDto, toWorkflowSummaryDto } from "@/lib/workflows/workflow-dto";

export const dynamic = "force-dynamic";

/**
 * GET /api/workflows → `{ workflows: [{ id, name, version, nodeCount, createdAt, updatedAt, latestOutput }] }`:
 * the team's, most recently updated first; `latestOutput` is `{ assetId, url, thumbnailUrl }` of the first
 * image of the workflow's latest run that returned one, or null. Owners and editors; 401 without a session, 403 for members.
 */
export const GET = teamRoute(BUILDERS, async (_request, _params, session) => {
  const ctx = await getServerContext();
  const rows = await listWorkflows(ctx.db, { teamId: session.team.id });
  const latest = await latestOutputImages(
    ctx.db,
    session.team.id,
    rows.map((row) => row.id),
  );
  return Response.json({ workflows: rows.map((row) => toWorkflowSummaryDto(row, latest.get(row.id))) });
});

/**
 * POST /api/workflows `{ name, graph? }` → 201 `{ workflow: { id, name, graph, version: 1, createdAt, updatedAt } }`.
 * Errors: 400 naming the field (`body.name: must not be empty`) or, for the graph, each bad node, port or field
 * (`details.issues`). Nothing is saved on error. Owners and editors (401 / 403 otherwise).
 */
export const POST = teamRoute(BUILDERS, async (request, _params, session) => {
  const body = await parseJsonBody(request, createWorkflowBodySchema);
  const graph = assertSavableGraph(body.graph);
  const ctx = await getServerContext();
  const workflow = await createWorkflow(ctx.db, { name: body.name, graph, teamId: session.team.id, createdById: session.user.id });
  return Response.json({ workflow: toWorkflowDto(workflow) }, { status: 201 });
});
