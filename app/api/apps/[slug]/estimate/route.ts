import { parseJsonBody, route } from "@/lib/api/route";
import { estimateAppRun } from "@/lib/apps/estimate-app-run";
import { estimateAppBodySchema } from "@/lib/apps/schemas";
import { requireTeamSession } from "@/lib/auth/session";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * POST /api/apps/:slug/estimate (every role) `{ inputs: { [key]: value }, runs?: 1..20 }` →
 * `{ credits, perRun, runs, details: [{ nodeId, nodeLabel, modelId, credits }], estimated }` in credits (CU):
 * the provider's cost preview of one run with these inputs (incomplete inputs allowed), times `runs`.
 * Errors: 400 naming the key (`inputs.platform: …`); 401; 404.
 */
export const POST = route<{ slug: string }>(async (request, { slug }) => {
  const session = await requireTeamSession(request);
  const body = await parseJsonBody(request, estimateAppBodySchema);
  return Response.json(await estimateAppRun(await getServerContext(), session, slug, body));
});
