import { fromZodError } from "@/lib/api/errors";
import { parseJsonBody, route } from "@/lib/api/route";
import { listAppRuns } from "@/lib/apps/list-app-runs";
import { listAppRunsQuerySchema, startAppRunsBodySchema } from "@/lib/apps/schemas";
import { startAppRuns } from "@/lib/apps/start-app-runs";
import { requireTeamSession } from "@/lib/auth/session";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * POST /api/apps/:slug/runs (every role) `{ items: [{ inputs: { [key]: value } }] }` (1..20 items, one run each)
 * → 202 `{ runs: [{ id, status: "queued" }] }`. All or nothing. Errors: 400 naming item and key
 * (`items[1].image: required`); 401; 404; 429 `too_many_requests` over the daily quota, with
 * `details: { resetsAt, limit, used }`.
 */
export const POST = route<{ slug: string }>(async (request, { slug }) => {
  const session = await requireTeamSession(request);
  const body = await parseJsonBody(request, startAppRunsBodySchema);
  const runs = await startAppRuns(await getServerContext(), session, slug, body.items);
  return Response.json({ runs }, { status: 202 });
});

/**
 * GET /api/apps/:slug/runs?mine=1&limit=30 (every role; a member only ever gets their own) →
 * `{ runs: [{ id, status, error, createdAt, finishedAt, credits, appVersion, inputs, progress: { done, total,
 * currentStep }, outputs: [{ nodeId, label, assetId, url, width, height }] }] }`, newest first.
 * Errors: 400 for a bad query; 401; 404.
 */
export const GET = route<{ slug: string }>(async (request, { slug }) => {
  const session = await requireTeamSession(request);
  const query = listAppRunsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw fromZodError(query.error, "query");
  const mine = query.data.mine === "1" || query.data.mine === "true";
  const runs = await listAppRuns(await getServerContext(), session, slug, { mine, limit: query.data.limit });
  return Response.json({ runs });
});
