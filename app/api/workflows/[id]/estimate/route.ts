import { parseJsonBody } from "@/lib/api/route";
import { BUILDERS, teamRoute } from "@/lib/api/team-route";
import { estimateWorkflowBodySchema } from "@/lib/runs/credit-limit-schema";
import { getServerContext } from "@/lib/server/context";
import { estimateWorkflow } from "@/lib/workflows/estimate-workflow";

export const dynamic = "force-dynamic";

/**
 * POST /api/workflows/:id/estimate `{ graph? }` (owners and editors) → `{ credits, nodes: [{ nodeId, label,
 * model, credits, requests, note? }], estimated, creditLimitPerRun }` in credits (CU): one run's cost
 * before running it, of `graph` (what the editor shows, saved or not) or, without it, of the saved graph.
 * Nothing is saved, run or spent. Errors: 400 (`invalid_graph` with `details.issues`, or a bad body);
 * 401; 403 (members); 404 unknown id or another team's; 409 on Scenario when a step cannot be priced.
 */
export const POST = teamRoute<{ id: string }>(BUILDERS, async (request, { id }, session) => {
  const body = await parseJsonBody(request, estimateWorkflowBodySchema);
  return Response.json(await estimateWorkflow(await getServerContext(), session.team.id, id, body.graph));
});
