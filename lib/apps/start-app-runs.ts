/**
 * Starts runs of an App: one run per item of a batch (several images, or several prompt lines),
 * each executing the App's current frozen workflow version with that item's form values applied,
 * within the person's daily run quota on the App.
 */
import { AppError } from "../api/errors";
import { countAppRunsSince, lockAppQuota } from "../db/repositories/apps";
import type { RunStatus } from "../db/repositories/runs";
import { validateGraph } from "../graph/validate";
import { assertWithinCreditLimit } from "../runs/run-cost";
import { createRunFromVersion } from "../runs/start-run";
import type { ServerContext } from "../server/context";
import type { AppActor } from "./access";
import { getAppOrThrow, getCurrentAppVersion } from "./get-app-or-throw";
import { prepareAppRuns } from "./prepare-app-runs";
import { nextUtcMidnight, quotaMessage, utcDayStart, type AppQuotaDetails } from "./quota";

/**
 * `POST /api/apps/:slug/runs` `{ items: [{ inputs }] }` (1 to 20 items).
 *
 * All or nothing: every item is checked (values, images, graph) before anything is written, and
 * the quota check and the run records share one transaction (serialised per person and App), so
 * a refused request starts no run. Runs are queued after the transaction commits. Each run
 * records its team, who started it, the App, the App version and the form values (`appInputs`,
 * for re-runs).
 *
 * @returns `[{ id, status: "queued" }]` in item order.
 * @throws AppError not_found (404) for an App not in the actor's team; validation_error (400)
 *   naming item and key (`items[1].image: required`); invalid_graph (400) naming the item when
 *   a filled graph cannot run; too_many_requests (429) when runs started today (since 00:00 UTC)
 *   plus the items exceed `dailyRunQuota`, with `details: { resetsAt, limit, used }`; conflict
 *   (409, `details.reason` "credit_limit", `details.item`) when one run's estimate exceeds the
 *   App's `creditLimitPerRun` (lib/runs/run-cost.ts).
 * @param options.idempotencyKey the request's `Idempotency-Key`: stored as `<key>#<item>` on each
 *   run (a second batch with the same key fails the transaction with Prisma P2002).
 */
export async function startAppRuns(
  ctx: ServerContext,
  actor: AppActor,
  slug: string,
  items: ReadonlyArray<{ inputs: Record<string, unknown> }>,
  now = new Date(),
  options: { idempotencyKey?: string | null } = {},
): Promise<Array<{ id: string; status: RunStatus }>> {
  const app = await getAppOrThrow(ctx.db, actor, slug);
  const current = await getCurrentAppVersion(ctx.db, app);
  const { runs: prepared } = await prepareAppRuns(
    ctx.db,
    actor.team.id,
    current,
    items.map((item) => item.inputs),
  );

  const plans = prepared.map(({ graph }, index) => {
    const validation = validateGraph(graph, "run");
    if (validation.ok) return validation.plan!;
    const more = validation.issues.length > 1 ? ` (and ${validation.issues.length - 1} more)` : "";
    throw new AppError("invalid_graph", `items[${index}]: the App cannot run with these values: ${validation.issues[0].message}${more}`, {
      item: index,
      issues: validation.issues,
    });
  });
  // The budget: every run of the batch within the App's per-run limit, before anything is recorded.
  for (const [index, plan] of plans.entries()) {
    await assertWithinCreditLimit(
      ctx,
      actor.team.id,
      plan,
      { creditLimitPerRun: app.creditLimitPerRun, owner: "App" },
      { index, of: plans.length },
    );
  }

  const runs = await ctx.db.$transaction(async (tx) => {
    await lockAppQuota(tx, app.id, actor.user.id);
    const used = await countAppRunsSince(tx, { appId: app.id, userId: actor.user.id, since: utcDayStart(now) });
    if (used + prepared.length > app.dailyRunQuota) {
      const details: AppQuotaDetails = { resetsAt: nextUtcMidnight(now).toISOString(), limit: app.dailyRunQuota, used };
      throw new AppError("too_many_requests", quotaMessage(app.dailyRunQuota, used, prepared.length, now), details);
    }
    const created: Array<{ id: string; status: RunStatus }> = [];
    for (const [item, { graph, values }] of prepared.entries()) {
      created.push(
        await createRunFromVersion(tx, {
          workflowVersionId: current.workflowVersion.id,
          graph,
          teamId: actor.team.id,
          createdById: actor.user.id,
          appId: app.id,
          appVersionId: current.version.id,
          appInputs: values,
          idempotencyKey: options.idempotencyKey ? `${options.idempotencyKey}#${item}` : null,
        }),
      );
    }
    return created;
  });
  for (const run of runs) await ctx.queue.enqueue(run.id);
  return runs;
}
