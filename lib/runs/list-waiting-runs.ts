/**
 * "Waiting for you": the runs of the session's team paused at a Pick (status `waiting`), newest
 * first, as `WaitingRunDto` (./run-dto-types.ts). Who sees which run follows `canReadRun`
 * (lib/apps/access.ts): owners and editors the team's, a member their own.
 */
import type { TeamSession } from "../auth/session";
import { pickRecordOf } from "../engine/gate-node";
import { getNodeDefinition } from "../nodes";
import type { ServerServices } from "../server/services";
import type { WaitingRunDto } from "./run-dto-types";

/** @param limit at most this many runs (1 to 100). */
export async function listWaitingRuns(ctx: ServerServices, session: TeamSession, limit = 50): Promise<WaitingRunDto[]> {
  const rows = await ctx.db.run.findMany({
    where: {
      teamId: session.team.id,
      status: "waiting",
      ...(session.role === "member" ? { createdById: session.user.id } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(100, Math.max(1, Math.trunc(limit))),
    include: { workflow: { select: { name: true } }, nodeRuns: { where: { status: "waiting" }, orderBy: { position: "asc" } } },
  });
  const appIds = [...new Set(rows.map((r) => r.appId).filter((id): id is string => Boolean(id)))];
  const apps = new Map(
    (appIds.length ? await ctx.db.app.findMany({ where: { id: { in: appIds } }, select: { id: true, slug: true, name: true } }) : []).map(
      (a) => [a.id, a],
    ),
  );
  return rows.map((row) => {
    const app = row.appId ? apps.get(row.appId) : undefined;
    return {
      id: row.id,
      workflowId: row.workflowId,
      workflowName: row.workflow.name,
      app: app ? { slug: app.slug, name: app.name } : null,
      createdAt: row.createdAt.toISOString(),
      waiting: row.nodeRuns.map((node) => {
        const pick = pickRecordOf(node.request);
        return {
          nodeId: node.nodeId,
          label: getNodeDefinition(node.nodeType)?.label ?? node.nodeType,
          message: pick?.message ?? "",
          candidates: pick?.candidates.length ?? 0,
          thumbnail: pick?.candidates[0]?.assetId ?? null,
        };
      }),
    };
  });
}
