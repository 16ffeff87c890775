/**
 * Published Apps, their versions, and the runs started from them.
 *
 * An App belongs to one team and has a slug unique across the installation. Each publication
 * is an immutable AppVersion (1, 2, 3… per App) that points at an immutable WorkflowVersion
 * and stores the form it exposes; `App.currentVersionId` says which one teammates run
 * (rollback moves it back). Reads here always take the team id: an App of another team is
 * simply not found.
 */
import { Prisma } from "../generated/client";
import type { App as AppRow, AppVersion as AppVersionRow } from "../generated/client";
import { type DbClient, toRequiredJsonInput } from "../types";

export interface AppRecord {
  id: string;
  teamId: string;
  slug: string;
  name: string;
  description: string;
  coverAssetId: string | null;
  currentVersionId: string | null;
  /** Runs one person may start per UTC day on this App. */
  dailyRunQuota: number;
  /** Most credits (CU) one run may cost by its estimate, or null for no limit. */
  creditLimitPerRun: number | null;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface AppVersionRecord {
  id: string;
  appId: string;
  /** 1, 2, 3… per App. */
  version: number;
  workflowId: string;
  workflowVersionId: string;
  /** Stored form (JSON): parse with lib/apps parsePublishedInputs. */
  inputs: unknown;
  /** `[{ nodeId, label }]` (JSON). */
  outputs: unknown;
  publishedById: string;
  createdAt: Date;
}

/** A version with its publisher's name (version history). */
export interface AppVersionSummary extends AppVersionRecord {
  publishedBy: { id: string; name: string };
}

/** A list entry: the App and its current version number (null before the first publication completes). */
export interface AppListEntry extends AppRecord {
  currentVersion: { id: string; version: number; workflowId: string } | null;
}

/** Fields `updateApp` may change; `undefined` leaves a field as is. */
export interface AppPatch {
  slug?: string;
  name?: string;
  description?: string;
  coverAssetId?: string | null;
  currentVersionId?: string;
  dailyRunQuota?: number;
  /** null clears the limit. */
  creditLimitPerRun?: number | null;
}

/** A run started from an App, with what the "My runs" list shows. */
export interface AppRunRow {
  id: string;
  status: string;
  error: string | null;
  outputs: unknown;
  credits: number | null;
  createdAt: Date;
  finishedAt: Date | null;
  teamId: string | null;
  createdById: string | null;
  appId: string | null;
  appVersionId: string | null;
  appInputs: unknown;
  /** Ordered by position; only what progress needs. */
  nodeRuns: Array<{ nodeId: string; nodeType: string; status: string; progress: number }>;
}

function toAppRecord(row: AppRow): AppRecord {
  return {
    id: row.id,
    teamId: row.teamId,
    slug: row.slug,
    name: row.name,
    description: row.description,
    coverAssetId: row.coverAssetId,
    currentVersionId: row.currentVersionId,
    dailyRunQuota: row.dailyRunQuota,
    creditLimitPerRun: row.creditLimitPerRun,
    createdById: row.createdById,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toAppVersionRecord(row: AppVersionRow): AppVersionRecord {
  return {
    id: row.id,
    appId: row.appId,
    version: row.version,
    workflowId: row.workflowId,
    workflowVersionId: row.workflowVersionId,
    inputs: row.inputs,
    outputs: row.outputs,
    publishedById: row.publishedById,
    createdAt: row.createdAt,
  };
}

/** True for a Prisma unique-constraint violation (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The team's App with this slug (not archived), or null (also for another team's). */
export async function getAppBySlug(db: DbClient, teamId: string, slug: string): Promise<AppRecord | null> {
  const row = await db.app.findFirst({ where: { slug, teamId, archivedAt: null } });
  return row ? toAppRecord(row) : null;
}

/** Whether any App (of any team, archived or not) uses `slug`. */
export async function isAppSlugTaken(db: DbClient, slug: string, exceptAppId?: string): Promise<boolean> {
  const row = await db.app.findUnique({ where: { slug }, select: { id: true } });
  return Boolean(row && row.id !== exceptAppId);
}

/** The team's Apps (not archived) with their current version number, most recently updated first. */
export async function listTeamApps(db: DbClient, teamId: string): Promise<AppListEntry[]> {
  const rows = await db.app.findMany({ where: { teamId, archivedAt: null }, orderBy: [{ updatedAt: "desc" }, { id: "asc" }] });
  const versionIds = rows.map((r) => r.currentVersionId).filter((id): id is string => Boolean(id));
  const versions = versionIds.length
    ? await db.appVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, version: true, workflowId: true } })
    : [];
  const byId = new Map(versions.map((v) => [v.id, v]));
  return rows.map((row) => ({ ...toAppRecord(row), currentVersion: (row.currentVersionId && byId.get(row.currentVersionId)) || null }));
}

/**
 * Creates an App without a version yet (publish adds one in the same transaction).
 * @throws Prisma P2002 when the slug is taken.
 */
export async function createApp(
  db: DbClient,
  input: { teamId: string; slug: string; name: string; description?: string; coverAssetId?: string | null; createdById: string },
): Promise<AppRecord> {
  const row = await db.app.create({
    data: {
      teamId: input.teamId,
      slug: input.slug,
      name: input.name,
      description: input.description ?? "",
      coverAssetId: input.coverAssetId ?? null,
      createdById: input.createdById,
    },
  });
  return toAppRecord(row);
}

/**
 * Changes fields of an App (and its `updatedAt`).
 * @throws Prisma P2002 when a new slug is taken; P2025 when the App does not exist.
 */
export async function updateApp(db: DbClient, appId: string, patch: AppPatch): Promise<AppRecord> {
  const row = await db.app.update({
    where: { id: appId },
    data: {
      slug: patch.slug,
      name: patch.name,
      description: patch.description,
      coverAssetId: patch.coverAssetId,
      currentVersionId: patch.currentVersionId,
      dailyRunQuota: patch.dailyRunQuota,
      creditLimitPerRun: patch.creditLimitPerRun,
    },
  });
  return toAppRecord(row);
}

/**
 * Adds version n + 1 of an App (n = its highest version so far, 0 for none).
 * @throws Prisma P2002 when another publication took the same number concurrently (retry).
 */
export async function createAppVersion(
  db: DbClient,
  input: {
    appId: string;
    workflowId: string;
    workflowVersionId: string;
    inputs: readonly unknown[];
    outputs: readonly unknown[];
    publishedById: string;
  },
): Promise<AppVersionRecord> {
  const last = await db.appVersion.aggregate({ where: { appId: input.appId }, _max: { version: true } });
  const row = await db.appVersion.create({
    data: {
      appId: input.appId,
      version: (last._max.version ?? 0) + 1,
      workflowId: input.workflowId,
      workflowVersionId: input.workflowVersionId,
      inputs: toRequiredJsonInput([...input.inputs]),
      outputs: toRequiredJsonInput([...input.outputs]),
      publishedById: input.publishedById,
    },
  });
  return toAppVersionRecord(row);
}

/** A version by id, or null. */
export async function getAppVersion(db: DbClient, id: string): Promise<AppVersionRecord | null> {
  const row = await db.appVersion.findUnique({ where: { id } });
  return row ? toAppVersionRecord(row) : null;
}

/** Version `version` of an App, or null. */
export async function getAppVersionByNumber(db: DbClient, appId: string, version: number): Promise<AppVersionRecord | null> {
  const row = await db.appVersion.findUnique({ where: { appId_version: { appId, version } } });
  return row ? toAppVersionRecord(row) : null;
}

/** Every version of an App, newest first, with the publisher's name ("(deleted user)" when gone). */
export async function listAppVersions(db: DbClient, appId: string): Promise<AppVersionSummary[]> {
  const rows = await db.appVersion.findMany({ where: { appId }, orderBy: { version: "desc" } });
  const userIds = [...new Set(rows.map((r) => r.publishedById))];
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((row) => ({
    ...toAppVersionRecord(row),
    publishedBy: { id: row.publishedById, name: names.get(row.publishedById) ?? "(deleted user)" },
  }));
}

/** Version numbers by version id, for the given ids. */
export async function getAppVersionNumbers(db: DbClient, ids: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.appVersion.findMany({ where: { id: { in: unique } }, select: { id: true, version: true } });
  return new Map(rows.map((r) => [r.id, r.version]));
}

/**
 * Runs `userId` started on App `appId` since `since` that count against the daily quota: every
 * run except a failed one that spent nothing (credits null or 0), e.g. an input the model could
 * never take, refused before any model call (issue 9: no daily run lost for it).
 */
export async function countAppRunsSince(db: DbClient, input: { appId: string; userId: string; since: Date }): Promise<number> {
  return db.run.count({
    where: {
      appId: input.appId,
      createdById: input.userId,
      createdAt: { gte: input.since },
      NOT: { status: "failed", OR: [{ credits: null }, { credits: 0 }] },
    },
  });
}

/**
 * Serialises quota checks of one person on one App until the end of the transaction `tx`
 * (a PostgreSQL transaction-level advisory lock), so two batches sent at once cannot both pass.
 */
export async function lockAppQuota(tx: Prisma.TransactionClient, appId: string, userId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`app-quota:${appId}:${userId}`}))`;
}

const APP_RUN_SELECT = {
  id: true,
  status: true,
  error: true,
  outputs: true,
  credits: true,
  createdAt: true,
  finishedAt: true,
  teamId: true,
  createdById: true,
  appId: true,
  appVersionId: true,
  appInputs: true,
  nodeRuns: {
    select: { nodeId: true, nodeType: true, status: true, progress: true },
    orderBy: [{ position: "asc" }, { nodeId: "asc" }],
  },
} satisfies Prisma.RunSelect;

/**
 * Runs of an App within a team, newest first; only `createdById`'s when given.
 * @param options.limit at most this many (default 30, capped at 100).
 */
export async function listAppRuns(
  db: DbClient,
  input: { appId: string; teamId: string; createdById?: string; limit?: number },
): Promise<AppRunRow[]> {
  const take = Math.min(Math.max(Math.trunc(input.limit ?? 30), 1), 100);
  return db.run.findMany({
    where: { appId: input.appId, teamId: input.teamId, ...(input.createdById ? { createdById: input.createdById } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: APP_RUN_SELECT,
  });
}

/** The runs of an App within a team with these ids (unknown ids left out), in the order of `ids`. */
export async function getAppRunsByIds(
  db: DbClient,
  input: { appId: string; teamId: string; ids: readonly string[] },
): Promise<AppRunRow[]> {
  const unique = [...new Set(input.ids)];
  if (unique.length === 0) return [];
  const rows = await db.run.findMany({ where: { id: { in: unique }, appId: input.appId, teamId: input.teamId }, select: APP_RUN_SELECT });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return unique.flatMap((id) => byId.get(id) ?? []);
}

/** An asset as App code needs it: where its bytes are and their size. */
export interface TeamAssetRow {
  id: string;
  storageKey: string;
  mimeType: string;
  width: number;
  height: number;
  name: string | null;
}

/**
 * The asset if the team may use it: it belongs to `teamId`, or to no team (rows made before
 * accounts existed); else null (also when it does not exist).
 */
export async function findTeamAsset(db: DbClient, teamId: string, assetId: string): Promise<TeamAssetRow | null> {
  const row = await db.asset.findUnique({
    where: { id: assetId },
    select: { id: true, storageKey: true, mimeType: true, width: true, height: true, name: true, teamId: true },
  });
  if (!row || (row.teamId !== null && row.teamId !== teamId)) return null;
  const { teamId: _team, ...asset } = row;
  return asset;
}

/** The usable assets among `ids` (see findTeamAsset), by id. */
export async function findTeamAssets(db: DbClient, teamId: string, ids: readonly string[]): Promise<Map<string, TeamAssetRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.asset.findMany({
    where: { id: { in: unique }, OR: [{ teamId }, { teamId: null }] },
    select: { id: true, storageKey: true, mimeType: true, width: true, height: true, name: true },
  });
  return new Map(rows.map((r) => [r.id, r]));
}
