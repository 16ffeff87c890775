import { AppError } from "@/lib/api/errors";
import { parseJsonBody } from "@/lib/api/route";
import { BUILDERS, teamRoute } from "@/lib/api/team-route";
import { InvalidDescriptionError, planToGraph } from "@/lib/intelligence";
import { classifierFromEnv } from "@/lib/intelligence-api/llm-classifier";
import { planWithClassifier } from "@/lib/intelligence-api/plan-with-classifier";
import { planBodySchema } from "@/lib/intelligence-api/schemas";

export const dynamic = "force-dynamic";

/**
 * POST /api/plan `{ description, template? }` → `{ plan: { template, composed, title, steps: [{ tool, title,
 * capability, optional, modelId, modelName }], rules, alternative, … }, graph }`
 * (intelligence-resolver-recommend-plan.txt, "plan_generation").
 * `template` is the matched template's id, or null with `composed: true` when the plan was composed from the
 * templates' steps. `alternative` ({ template, title, score } or null) names a second template that fits almost
 * as well; sending its id as `template` drafts that plan instead. When Scenario keys are set, a close call may be
 * settled by one of Scenario's LLM models (lib/intelligence-api/llm-classifier.ts); offline it never is.
 * `graph` is the plan as studio nodes and edges, ready for the canvas.
 * Owners and editors (401 without a session, 403 for members). Errors: 400 for an empty description or an
 * unknown template id.
 */
export const POST = teamRoute(BUILDERS, async (request) => {
  const { description, template } = await parseJsonBody(request, planBodySchema);
  try {
    const plan = await planWithClassifier({ description, template }, classifierFromEnv());
    return Response.json({ plan, graph: planToGraph(plan) });
  } catch (error) {
    if (error instanceof InvalidDescriptionError) throw new AppError("validation_error", `body.description: ${error.message}`);
    throw error;
  }
});
