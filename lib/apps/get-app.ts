/** One App as its page shows it: the form of the version it runs, the viewer's quota, and (for managers) its history. */
import { countAppRunsSince, listAppVersions, type AppRecord } from "../db/repositories/apps";
import { latestOutputImages } from "../db/repositories/latest-outputs";
import type { DbClient } from "../db/types";
import type { ServerContext } from "../server/context";
import { canManageApps, canSetAppQuota, type AppActor } from "./access";
import { toAppDetail, type AppDetailDto } from "./app-dto";
import { getAppOrThrow, getCurrentAppVersion } from "./get-app-or-throw";
import { nextUtcMidnight, utcDayStart } from "./quota";

/**
 * The App detail of `app` for `actor` (see app-dto.ts): `runsToday` counts the actor's runs
 * on it since 00:00 UTC, `coverUrl` falls back to the workflow's latest image output, `quotaResetsAt` is the next 00:00 UTC, `versions` only for owners and editors.
 */
export async function toAppDetailFor(db: DbClient, actor: AppActor, app: AppRecord, now = new Date()): Promise<AppDetailDto> {
  const current = await getCurrentAppVersion(db, app);
  const canManage = canManageApps(actor);
  const [runsToday, versions, latest] = await Promise.all([
    countAppRunsSince(db, { appId: app.id, userId: actor.user.id, since: utcDayStart(now) }),
    canManage ? listAppVersions(db, app.id) : Promise.resolve(undefined),
    app.coverAssetId ? Promise.resolve(new Map<string, string>()) : latestOutputImages(db, actor.team.id, [current.version.workflowId]),
  ]);
  return toAppDetail(app, current.version, current.inputs, {
    runsToday,
    quotaResetsAt: nextUtcMidnight(now),
    versions,
    canManage,
    canSetQuota: canSetAppQuota(actor),
    latestOutputAssetId: latest.get(current.version.workflowId) ?? null,
  });
}

/**
 * `GET /api/apps/:slug`.
 * @throws AppError not_found (404) when the slug is not an App of the actor's team.
 */
export async function getApp(ctx: ServerContext, actor: AppActor, slug: string, now = new Date()): Promise<AppDetailDto> {
  return toAppDetailFor(ctx.db, actor, await getAppOrThrow(ctx.db, actor, slug), now);
}
