import { AppError, notFound } from "@/lib/api/errors";
import { parseJsonBody } from "@/lib/api/route";
import { BUILDERS, teamRoute } from "@/lib/api/team-route";
import { getWorkflow, softDeleteWorkflow, updateWorkflow } from "@/lib/db/repositories/workflows";
import { getAssetsByIds } from "@/lib/db/repositories/assets";
import { getServerContext } from "@/lib/server/context";
import { assertSavableGraph, savedGraphWarnings } from "@/lib/workflows/save-graph";
import { updateWorkflowBodySchema } from "@/lib/workflows/schemas";
import { toWorkflowDto } from "@/lib/workflows/workflow-dto";

export const dynamic = "force-dynamic";

/**
 * GET /api/workflows/:id → `{ workflow, warnings }` (warnings as for PUT). Owners and editors. Errors: 401, 403 (members); 404 for an unknown,
 * deleted or another team's id.
 */
export const GET = teamRoute<{ id: string }>(BUILDERS, async (_request, { id }, session) => {
  const ctx = await getServerContext();
  const workflow = await getWorkflow(ctx.db, id, { teamId: session.team.id });
  if (!workflow) throw notFound("Workflow", id);
  return Response.json({
    workflow: toWorkflowDto(workflow),
    warnings: await savedGraphWarnings(ctx.provider, workflow.graph as never, (ids) => getAssetsByIds(ctx.db, ids)),
  });
});

/**
 * PUT /api/workflows/:id `{ name?, graph, version }` → `{ workflow, warnings }` with `version` + 1;
 * `warnings` lists, per model node, what a run would refuse before spending anything and what it
 * would leave out or change for the chosen model (lib/graph/issues.ts GraphWarning).
 * Optimistic concurrency: `version` is the version the client's copy is based on; when the
 * stored one has moved on, 409 `version_conflict` with `details.currentVersion`, and nothing
 * is written (no lost update). Errors: 400 naming the field, node, port; 401; 403 (members); 404 unknown id
 * or another team's.
 */
export const PUT = teamRoute<{ id: string }>(BUILDERS, async (request, { id }, session) => {
  const body = await parseJsonBody(request, updateWorkflowBodySchema);
  const graph = assertSavableGraph(body.graph);
  const ctx = await getServerContext();
  const result = await updateWorkflow(ctx.db, id, { name: body.name, graph, version: body.version }, { teamId: session.team.id });
  if (!result.ok) {
    if (result.reason === "not_found") throw notFound("Workflow", id);
    throw new AppError(
      "version_conflict",
      `Workflow "${id}" was changed elsewhere: your copy is version ${body.version}, the saved one is version ${result.current?.version ?? "newer"}. Reload to get the latest.`,
      { currentVersion: result.current?.version ?? null },
    );
  }
  return Response.json({
    workflow: toWorkflowDto(result.workflow),
    warnings: await savedGraphWarnings(ctx.provider, graph, (ids) => getAssetsByIds(ctx.db, ids)),
  });
});

/**
 * DELETE /api/workflows/:id → 204. The workflow disappears from the list; its runs and assets are kept.
 * Owners and editors. Errors: 401, 403 (members), 404 for an unknown or another team's id.
 */
export const DELETE = teamRoute<{ id: string }>(BUILDERS, async (_request, { id }, session) => {
  const ctx = await getServerContext();
  const deleted = await softDeleteWorkflow(ctx.db, id, { teamId: session.team.id });
  if (!deleted) throw notFound("Workflow", id);
  return new Response(null, { status: 204 });
});
