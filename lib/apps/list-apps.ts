/** The Apps home: the team's Apps with their covers. */
import { listTeamApps } from "../db/repositories/apps";
import type { ServerContext } from "../server/context";
import type { AppActor } from "./access";
import { toAppListItem } from "./app-dto";

/**
 * Every App of the actor's team that has a published version, most recently updated first.
 * @returns `[{ id, slug, name, description, coverUrl|null, version, updatedAt, workflowId }]`.
 */
export async function listApps(ctx: ServerContext, actor: Pick<AppActor, "team">) {
  const apps = await listTeamApps(ctx.db, actor.team.id);
  return apps.filter((app) => app.currentVersion).map(toAppListItem);
}
