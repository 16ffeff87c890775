import { AppError } from "@/lib/api/errors";
import { parseJsonBody } from "@/lib/api/route";
import { BUILDERS, teamRoute } from "@/lib/api/team-route";
import { InvalidDescriptionError, planGeneration, planToGraph } from "@/lib/intelligence";
import { describeBodySchema } from "@/lib/intelligence-api/schemas";

export const dynamic = "force-dynamic";

/**
 * POST /api/plan `{ description }` → `{ plan: { template, composed, title, steps: [{ tool, title, capability, optional,
 * modelId, modelName }], rules, … }, graph }` (intelligence-resolver-recommend-plan.txt, "plan_generation").
 * `template` is the matched template's id, or null with `composed: true` when the plan was composed from the
 * templates' steps. `graph` is the plan as studio nodes and edges, ready for the canvas.
 * Owners and editors (401 without a session, 403 for members). Errors: 400 for an empty description.
 */
export const POST = teamRoute(BUILDERS, async (request) => {
  const { description } = await parseJsonBody(request, describeBodySchema);
  try {
    const { plan } = planGeneration({ description });
    return Response.json({ plan, graph: planToGraph(plan) });
  } catch (error) {
    if (error instanceof InvalidDescriptionError) throw new AppError("validation_error", `body.description: ${error.message}`);
    throw error;
  }
});
