import { fromZodError } from "@/lib/api/errors";
import { parseJsonBody, route } from "@/lib/api/route";
import { listAppRuns } from "@/lib/apps/list-app-runs";
import { listAppRunsQuerySchema, startAppRunsBodySchema } from "@/lib/apps/schemas";
import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import { startAppRuns } from "@/lib/apps/start-app-runs";
import { idempotencyKeyOf, isDuplicateKeyError } from "@/lib/api/idempotency";
import { assertMayStartRuns } from "@/lib/api/rate-limit";
import { findIdempotentRuns } from "@/lib/runs/start-run";
import { requireTeamSession } from "@/lib/auth/session";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * POST /api/apps/:slug/runs (every role) `{ items: [{ inputs: { [key]: value } }] }` (1..20 items, one run each)
 * → 202 `{ runs: [{ id, status: "queued" }] }`. All or nothing.
 * Header `Idempotency-Key` (optional): a retry with the same key answers 202 with the runs the
 * first request started (their current status) and `Idempotent-Replayed: true`, starting none.
 * Errors: 400 naming item and key (`items[1].image: required`), or a bad key; 401; 404; 409 when
 * the key started another request's runs; 429 `too_many_requests` over the daily quota, with
 * `details: { resetsAt, limit, used }`, or over the per-person limit of run starts, with `Retry-After`.
 */
export const POST = route<{ slug: string }>(async (request, { slug }) => {
  const session = await requireTeamSession(request);
  const body = await parseJsonBody(request, startAppRunsBodySchema);
  const idempotencyKey = idempotencyKeyOf(request);
  const ctx = await getServerContext();
  const scope = { teamId: session.team.id, createdById: session.user.id };
  const app = idempotencyKey ? await getAppOrThrow(ctx.db, session, slug) : null;
  const replay = async () => (app && idempotencyKey ? await findIdempotentRuns(ctx, scope, idempotencyKey, { appId: app.id }) : null);
  const replayed = (runs: Array<{ id: string; status: string }>) =>
    Response.json({ runs: runs.map(({ id, status }) => ({ id, status })) }, { status: 202, headers: { "Idempotent-Replayed": "true" } });

  const earlier = await replay();
  if (earlier) return replayed(earlier);
  assertMayStartRuns(session.user.id);
  try {
    const runs = await startAppRuns(ctx, session, slug, body.items, new Date(), { idempotencyKey });
    return Response.json({ runs }, { status: 202 });
  } catch (error) {
    // A concurrent retry with the same key won the race: answer with its runs.
    const raced = isDuplicateKeyError(error) ? await replay() : null;
    if (raced) return replayed(raced);
    throw error;
  }
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
