/** Edits an App's name, description, cover, daily run quota and per-run credit limit (not its form: publish a new version for that). */
import { AppError } from "../api/errors";
import { findTeamAsset, updateApp as updateAppRow } from "../db/repositories/apps";
import type { ServerContext } from "../server/context";
import { canManageApps, canSetAppQuota, type AppActor } from "./access";
import type { AppDetailDto } from "./app-dto";
import { toAppDetailFor } from "./get-app";
import { getAppOrThrow } from "./get-app-or-throw";
import type { UpdateAppBody } from "./schemas";

/**
 * `PATCH /api/apps/:slug` `{ name?, description?, coverAssetId?, dailyRunQuota? (1..10000 runs per person per UTC day),
 *   creditLimitPerRun? (1..1000000 CU per run, null for none) }`.
 * @returns the App detail after the change.
 * @throws AppError forbidden (403) for a member, and for an editor who sets `dailyRunQuota`
 *   or `creditLimitPerRun` (owners only); not_found (404) for an App or cover image not in the team. Nothing changes on error.
 */
export async function updateApp(ctx: ServerContext, actor: AppActor, slug: string, body: UpdateAppBody): Promise<AppDetailDto> {
  if (!canManageApps(actor)) throw new AppError("forbidden", "Only owners and editors change Apps");
  const app = await getAppOrThrow(ctx.db, actor, slug);
  if (body.dailyRunQuota !== undefined && !canSetAppQuota(actor)) {
    throw new AppError("forbidden", "Only the team's owners set an App's daily run quota");
  }
  if (body.creditLimitPerRun !== undefined && !canSetAppQuota(actor)) {
    throw new AppError("forbidden", "Only the team's owners set an App's credit limit per run");
  }
  if (body.coverAssetId && !(await findTeamAsset(ctx.db, actor.team.id, body.coverAssetId))) {
    throw new AppError("not_found", `coverAssetId: no image "${body.coverAssetId}" in this team`);
  }
  const updated = await updateAppRow(ctx.db, app.id, {
    name: body.name,
    description: body.description,
    coverAssetId: body.coverAssetId,
    dailyRunQuota: body.dailyRunQuota,
    creditLimitPerRun: body.creditLimitPerRun,
  });
  return toAppDetailFor(ctx.db, actor, updated);
}
