/**
 * "My runs" of an App: the runs started from it, with their form values (for re-runs),
 * progress and outputs.
 */
import { getAppVersionNumbers, listAppRuns as listAppRunRows, type AppRunRow } from "../db/repositories/apps";
import type { RunOutput, RunStatus } from "../engine/types";
import { getNodeDefinition } from "../nodes";
import type { ServerContext } from "../server/context";
import { canManageApps, type AppActor } from "./access";
import { getAppOrThrow } from "./get-app-or-throw";

const FINISHED_NODE_STATUSES = new Set(["succeeded", "failed", "skipped", "canceled"]);

/**
 * Progress of a run: `done` of `total` steps (node runs) finished, and the label of the step
 * running now (the first running one in execution order), or the gate waiting for a pick, else null.
 */
export function runProgress(nodeRuns: AppRunRow["nodeRuns"]): { done: number; total: number; currentStep: string | null } {
  const running = nodeRuns.find((n) => n.status === "running");
  const waiting = running ? undefined : nodeRuns.find((n) => n.status === "waiting");
  const label = (n: { nodeType: string }) => getNodeDefinition(n.nodeType)?.label ?? n.nodeType;
  return {
    done: nodeRuns.filter((n) => FINISHED_NODE_STATUSES.has(n.status)).length,
    total: nodeRuns.length,
    currentStep: running ? label(running) : waiting ? `${label(waiting)}: waiting for a pick` : null,
  };
}

/**
 * An App run as "My runs" shows it:
 * `{ id, status, error, createdAt, finishedAt, credits (CU), appVersion, inputs, progress: { done, total, currentStep }, outputs: [{ nodeId, label, assetId, url, width, height }] }`.
 */
export function toAppRunDto(run: AppRunRow, versionNumber: number | null) {
  const outputs = Array.isArray(run.outputs) ? (run.outputs as RunOutput[]) : [];
  return {
    id: run.id,
    status: run.status as RunStatus,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    credits: run.credits,
    appVersion: versionNumber,
    inputs: (run.appInputs && typeof run.appInputs === "object" ? run.appInputs : {}) as Record<string, unknown>,
    progress: runProgress(run.nodeRuns),
    outputs: outputs.map(({ nodeId, label, assetId, url, width, height, mimeType }) => ({
      nodeId,
      label,
      assetId,
      url,
      width,
      height,
      ...(mimeType ? { mimeType } : {}),
    })),
  };
}

export type AppRunDto = ReturnType<typeof toAppRunDto>;

/**
 * `GET /api/apps/:slug/runs?mine=1&limit=`: newest first. A member only ever gets their own
 * runs; owners and editors get everyone's unless `mine`.
 * @param options.limit 1 to 100 (default 30).
 * @throws AppError not_found (404) for an App not in the actor's team.
 */
export async function listAppRuns(
  ctx: ServerContext,
  actor: AppActor,
  slug: string,
  options: { mine?: boolean; limit?: number } = {},
): Promise<AppRunDto[]> {
  const app = await getAppOrThrow(ctx.db, actor, slug);
  const onlyMine = options.mine || !canManageApps(actor);
  const rows = await listAppRunRows(ctx.db, {
    appId: app.id,
    teamId: actor.team.id,
    createdById: onlyMine ? actor.user.id : undefined,
    limit: options.limit,
  });
  const versions = await getAppVersionNumbers(
    ctx.db,
    rows.map((r) => r.appVersionId).filter((id): id is string => Boolean(id)),
  );
  return rows.map((row) => toAppRunDto(row, row.appVersionId ? (versions.get(row.appVersionId) ?? null) : null));
}
