import { notFound } from "@/lib/api/errors";
import { parseJsonBody } from "@/lib/api/route";
import { BUILDERS, teamRoute } from "@/lib/api/team-route";
import { getWorkflow } from "@/lib/db/repositories/workflows";
import { listRunsForWorkflow } from "@/lib/db/repositories/runs";
import { idempotencyKeyOf } from "@/lib/api/idempotency";
import { assertMayStartRuns } from "@/lib/api/rate-limit";
import { findIdempotentRuns, startRun } from "@/lib/runs/start-run";
import { getServerContext } from "@/lib/server/context";
import { startRunBodySchema } from "@/lib/workflows/schemas";

export const dynamic = "force-dynamic";

/**
 * POST /api/workflows/:id/runs `{ force?: string[] }` → 202 `{ run: { id, status: "queued" } }`.
 * Runs the workflow's saved graph; `force` lists node ids to re-run even when cached.
 * Header `Idempotency-Key` (optional): a retry with the same key answers 202 with the run the
 * first request started (its current status) and `Idempotent-Replayed: true`, starting nothing.
 * Errors: 404 unknown workflow; 400 `invalid_graph` with `details.issues` naming each node and
 * port or field that keeps the graph from running (nothing is created then); 400 for a bad key;
 * 409 when the key started another request's runs; 429 with `Retry-After` (seconds) over the
 * per-person limit of run starts (lib/api/rate-limit.ts); 409 `details.reason: "credit_limit"` when the run's
 * estimate exceeds the workflow's per-run credit limit (nothing is created or spent). Owners and editors (401 / 403).
 */
export const POST = teamRoute<{ id: string }>(BUILDERS, async (request, { id }, session) => {
  const body = await parseJsonBody(request, startRunBodySchema);
  const idempotencyKey = idempotencyKeyOf(request);
  const ctx = await getServerContext();
  const scope = { teamId: session.team.id, createdById: session.user.id };
  const earlier = idempotencyKey ? await findIdempotentRuns(ctx, scope, idempotencyKey, { workflowId: id }) : null;
  if (!earlier) assertMayStartRuns(session.user.id);
  const run = earlier
    ? { id: earlier[0].id, status: earlier[0].status, replayed: true }
    : await startRun(ctx, id, { force: body.force, ...scope, idempotencyKey });
  return Response.json(
    { run: { id: run.id, status: run.status } },
    { status: 202, headers: run.replayed ? { "Idempotent-Replayed": "true" } : {} },
  );
});

/**
 * GET /api/workflows/:id/runs?limit=N → `{ runs: [{ id, status, error, workflowVersion, createdAt, finishedAt, credits, outputs }] }`,
 * newest first (limit 1 to 100, default 30). Owners and editors. Errors: 401, 403; 404 unknown or another team's workflow.
 */
export const GET = teamRoute<{ id: string }>(BUILDERS, async (request, { id }, session) => {
  const ctx = await getServerContext();
  if (!(await getWorkflow(ctx.db, id, { teamId: session.team.id }))) throw notFound("Workflow", id);
  const limit = Math.min(100, Math.max(1, Number(new URL(request.url).searchParams.get("limit")) || 30));
  const runs = await listRunsForWorkflow(ctx.db, id, { limit });
  return Response.json({
    runs: runs.map((run) => ({
      id: run.id,
      status: run.status,
      error: run.error,
      workflowVersion: run.workflowVersion?.version ?? null,
      createdAt: run.createdAt.toISOString(),
      startedAt: run.startedAt?.toISOString() ?? null,
      finishedAt: run.finishedAt?.toISOString() ?? null,
      credits: run.credits,
      outputs: run.outputs ?? [],
    })),
  });
});
