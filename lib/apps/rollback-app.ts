/** Points an App back (or forward) at one of its published versions. */
import { AppError } from "../api/errors";
import { getAppVersionByNumber, updateApp } from "../db/repositories/apps";
import type { ServerContext } from "../server/context";
import { canManageApps, type AppActor } from "./access";
import type { AppDetailDto } from "./app-dto";
import { toAppDetailFor } from "./get-app";
import { getAppOrThrow } from "./get-app-or-throw";

/**
 * `POST /api/apps/:slug/rollback` `{ version }`: the App runs version `version` from now on
 * (runs already started keep theirs). Versions are never deleted, so this can also go forward.
 * @returns the App detail, `currentVersion.version === version`.
 * @throws AppError forbidden (403) for a member; not_found (404) for an App not in the team or
 *   a version it does not have.
 */
export async function rollbackApp(ctx: ServerContext, actor: AppActor, slug: string, version: number): Promise<AppDetailDto> {
  if (!canManageApps(actor)) throw new AppError("forbidden", "Only owners and editors roll Apps back");
  const app = await getAppOrThrow(ctx.db, actor, slug);
  const target = await getAppVersionByNumber(ctx.db, app.id, version);
  if (!target) throw new AppError("not_found", `App "${slug}" has no version ${version}`);
  const updated = await updateApp(ctx.db, app.id, { currentVersionId: target.id });
  return toAppDetailFor(ctx.db, actor, updated);
}
