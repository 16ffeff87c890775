import { AppError } from "@/lib/api/errors";
import { parseJsonBody } from "@/lib/api/route";
import { BUILDERS, teamRoute } from "@/lib/api/team-route";
import { InvalidDescriptionError, recommendTraining } from "@/lib/intelligence";
import { describeBodySchema } from "@/lib/intelligence-api/schemas";

export const dynamic = "force-dynamic";

/**
 * POST /api/recommend-training `{ description }` → `{ intent: { modality, datasetShape, style, subject, priority },
 * recommended: { type, family, why, whenBetter }, alternatives (≤ 3), familyLockIn }`
 * (intelligence-resolver-recommend-plan.txt, "Training Recommendation"). Deterministic parsing; no LLM needed.
 * Owners and editors (401 without a session, 403 for members). Errors: 400 for an empty description.
 */
export const POST = teamRoute(BUILDERS, async (request) => {
  const { description } = await parseJsonBody(request, describeBodySchema);
  try {
    return Response.json(recommendTraining({ description }));
  } catch (error) {
    if (error instanceof InvalidDescriptionError) throw new AppError("validation_error", `body.description: ${error.message}`);
    throw error;
  }
});
