/** The Apps home: the team's Apps with their covers. */
import { listTeamApps } from "../db/repositories/apps";
import { latestOutputImages } from "../db/repositories/latest-outputs";
import type { ServerContext } from "../server/context";
import type { AppActor } from "./access";
import { toAppListItem } from "./app-dto";

/**
 * Every App of the actor's team that has a published version, most recently updated first.
 * @returns `[{ id, slug, name, description, coverUrl|null, version, updatedAt, workflowId }]`;
 *   an App without a chosen cover shows its workflow's latest image output.
 */
export async function listApps(ctx: ServerContext, actor: Pick<AppActor, "team">) {
  const apps = (await listTeamApps(ctx.db, actor.team.id)).filter((app) => app.currentVersion);
  const uncovered = [...new Set(apps.filter((app) => !app.coverAssetId).map((app) => app.currentVersion!.workflowId))];
  const latest = await latestOutputImages(ctx.db, actor.team.id, uncovered);
  return apps.map((app) => toAppListItem(app, latest.get(app.currentVersion!.workflowId)));
}
