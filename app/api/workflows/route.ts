import { parseJsonBody, route } from "@/lib/api/route";
import { createWorkflow, listWorkflows } from "@/lib/db/repositories/workflows";
import { getServerContext } from "@/lib/server/context";
import { assertSavableGraph } from "@/lib/workflows/save-graph";
import { createWorkflowBodySchema } from "@/lib/workflows/schemas";
import { toWorkflowDto, toWorkflowSummaryDto } from "@/lib/workflows/workflow-dto";

export const dynamic = "force-dynamic";

/** GET /api/workflows → `{ workflows: [{ id, name, version, nodeCount, createdAt, updatedAt }] }`, most recently updated first. */
export const GET = route(async () => {
  const ctx = await getServerContext();
  const rows = await listWorkflows(ctx.db);
  return Response.json({ workflows: rows.map(toWorkflowSummaryDto) });
});

/**
 * POST /api/workflows `{ name, graph? }` → 201 `{ workflow: { id, name, graph, version: 1, createdAt, updatedAt } }`.
 * Errors: 400 naming the field (`body.name: must not be empty`) or, for the graph, each bad node, port or field
 * (`details.issues`). Nothing is saved on error.
 */
export const POST = route(async (request) => {
  const body = await parseJsonBody(request, createWorkflowBodySchema);
  const graph = assertSavableGraph(body.graph);
  const ctx = await getServerContext();
  const workflow = await createWorkflow(ctx.db, { name: body.name, graph });
  return Response.json({ workflow: toWorkflowDto(workflow) }, { status: 201 });
});
