/**
 * JSON shapes of Apps in API responses (times ISO 8601, credits CU):
 * - summary (`GET /api/apps` items, publish reply):
 *   `{ id, slug, name, description, coverUrl|null, version, updatedAt, workflowId }`;
 * - `coverUrl`: the chosen cover, else the latest image the published workflow produced in the
 *   editor (never a teammate's App run), else null (the form shows a placeholder);
 * - detail (`GET /api/apps/:slug`, PATCH and rollback replies):
 *   `{ id, slug, name, description, coverUrl, dailyRunQuota, creditLimitPerRun (CU, or null), runsToday, quotaResetsAt,
 *      currentVersion: { id, version, createdAt, workflowId, inputs, outputs },
 *      versions?: [{ id, version, createdAt, publishedBy: { name } }], canManage, canSetQuota }`.
 */
import { assetFileUrl } from "../assets/asset-dto";
import type { AppListEntry, AppRecord, AppVersionRecord, AppVersionSummary } from "../db/repositories/apps";
import type { PublishedInput } from "./exposable-inputs";

const coverUrl = (app: Pick<AppRecord, "coverAssetId">, latestOutputAssetId?: string | null) => {
  const id = app.coverAssetId ?? latestOutputAssetId ?? null;
  return id ? assetFileUrl(id) : null;
};

/** `GET /api/apps` item; `latestOutputAssetId` is the cover when the App has none of its own. */
export function toAppSummary(app: AppRecord, current: { version: number; workflowId: string } | null, latestOutputAssetId?: string | null) {
  return {
    id: app.id,
    slug: app.slug,
    name: app.name,
    description: app.description,
    coverUrl: coverUrl(app, latestOutputAssetId),
    version: current?.version ?? 0,
    updatedAt: app.updatedAt.toISOString(),
    workflowId: current?.workflowId ?? null,
  };
}

export function toAppListItem(entry: AppListEntry, latestOutputAssetId?: string | null) {
  return toAppSummary(entry, entry.currentVersion, latestOutputAssetId);
}

export type AppSummaryDto = ReturnType<typeof toAppSummary>;

/** The App version a form is drawn from: its inputs (with kind and options) and outputs. */
export function toAppVersionDto(version: AppVersionRecord, inputs: PublishedInput[]) {
  return {
    id: version.id,
    version: version.version,
    createdAt: version.createdAt.toISOString(),
    workflowId: version.workflowId,
    inputs,
    outputs: Array.isArray(version.outputs) ? (version.outputs as Array<{ nodeId: string; label: string }>) : [],
  };
}

export interface AppDetailExtras {
  /** Runs the viewer started on this App since 00:00 UTC. */
  runsToday: number;
  /** Next 00:00 UTC. */
  quotaResetsAt: Date;
  /** Version history, for those who manage the App only. */
  versions?: AppVersionSummary[];
  canManage: boolean;
  canSetQuota: boolean;
  /** The latest image the published workflow produced: the cover when the App has none of its own. */
  latestOutputAssetId?: string | null;
}

/** `GET /api/apps/:slug`. */
export function toAppDetail(app: AppRecord, current: AppVersionRecord, inputs: PublishedInput[], extras: AppDetailExtras) {
  return {
    id: app.id,
    slug: app.slug,
    name: app.name,
    description: app.description,
    coverUrl: coverUrl(app, extras.latestOutputAssetId),
    dailyRunQuota: app.dailyRunQuota,
    creditLimitPerRun: app.creditLimitPerRun,
    runsToday: extras.runsToday,
    quotaResetsAt: extras.quotaResetsAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
    workflowId: current.workflowId,
    currentVersion: toAppVersionDto(current, inputs),
    ...(extras.versions
      ? {
          versions: extras.versions.map((v) => ({
            id: v.id,
            version: v.version,
            createdAt: v.createdAt.toISOString(),
            publishedBy: { name: v.publishedBy.name },
          })),
        }
      : {}),
    canManage: extras.canManage,
    canSetQuota: extras.canSetQuota,
  };
}

export type AppDetailDto = ReturnType<typeof toAppDetail>;
