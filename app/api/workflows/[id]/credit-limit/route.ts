import { notFound } from "@/lib/api/errors";
import { parseJsonBody } from "@/lib/api/route";
import { teamRoute } from "@/lib/api/team-route";
import { setWorkflowCreditLimit } from "@/lib/db/repositories/workflows";
import { setCreditLimitBodySchema } from "@/lib/runs/credit-limit-schema";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * PUT /api/workflows/:id/credit-limit `{ creditLimitPerRun: 1..1000000 | null }` (owners only) →
 * `{ creditLimitPerRun }`: the most credits (CU) one run of the workflow may cost by its estimate
 * (null: no limit). A run over it is refused before anything is spent (lib/runs/run-cost.ts). The
 * graph and its version are untouched. Errors: 400 naming the field; 401; 403 (editors, members); 404.
 */
export const PUT = teamRoute<{ id: string }>(["owner"], async (request, { id }, session) => {
  const body = await parseJsonBody(request, setCreditLimitBodySchema);
  const ctx = await getServerContext();
  const workflow = await setWorkflowCreditLimit(ctx.db, id, body.creditLimitPerRun, { teamId: session.team.id });
  if (!workflow) throw notFound("Workflow", id);
  return Response.json({ creditLimitPerRun: workflow.creditLimitPerRun });
});
