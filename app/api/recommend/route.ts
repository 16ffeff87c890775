import { AppError } from "@/lib/api/errors";
import { parseJsonBody } from "@/lib/api/route";
import { BUILDERS, teamRoute } from "@/lib/api/team-route";
import { UnknownCapabilityError, recommend } from "@/lib/intelligence";
import { recommendBodySchema } from "@/lib/intelligence-api/schemas";

export const dynamic = "force-dynamic";

/**
 * POST /api/recommend `{ capability, prompt, priority?, constraints?, limit? }` →
 * `{ snapshotDate, capability, priority, platform, recommendations: [{ modelId, name, score, metrics, explanation,
 * tradeoffs, suggestedParams }], excluded }`, best first (intelligence-resolver-recommend-plan.txt, "recommend").
 * Metrics: Arena ELO, p50 latency in seconds, p50 cost in credits (CU), each flagged when it is an estimate.
 * Owners and editors (401 without a session, 403 for members). Errors: 400 for a bad body or an unknown capability (the message lists the known ones).
 */
export const POST = teamRoute(BUILDERS, async (request) => {
  const body = await parseJsonBody(request, recommendBodySchema);
  try {
    return Response.json(recommend(body));
  } catch (error) {
    if (error instanceof UnknownCapabilityError) throw new AppError("validation_error", `body.capability: ${error.message}`);
    throw error;
  }
});
