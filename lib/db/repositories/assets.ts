/**
 * Asset records: where an image's bytes are (`storageKey` in lib/storage), what
 * they are (mime, size, hash) and where they came from (provenance).
 */
import { randomUUID } from "node:crypto";
import { directSql, type DirectSqlOptions } from "../direct-sql";
import type { Asset as AssetRow } from "../generated/client";
import type { DbClient } from "../types";

export type AssetOrigin = "upload" | "generated";

export interface AssetRecord {
  id: string;
  /** Key in storage, e.g. "ab/cd/<sha256>.png". */
  storageKey: string;
  mimeType: string;
  /** Pixels. */
  width: number;
  height: number;
  /** Bytes. */
  sizeBytes: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  origin: AssetOrigin;
  name: string | null;
  /** JSON object (see AssetProvenanceHint), or null. */
  provenance: unknown;
  runId: string | null;
  nodeId: string | null;
  /** The owning team (null only for rows made before accounts existed). */
  teamId: string | null;
  createdAt: Date;
}

export interface CreateAssetInput {
  storageKey: string;
  mimeType: string;
  width: number;
  height: number;
  sizeBytes: number;
  sha256: string;
  origin: AssetOrigin;
  name?: string | null;
  /** Any JSON-serialisable object (see AssetProvenanceHint). */
  provenance?: object | null;
  /** Run and node that produced it (generated assets). */
  runId?: string | null;
  nodeId?: string | null;
  teamId?: string | null;
}

function toAssetRecord(row: AssetRow): AssetRecord {
  return {
    id: row.id,
    storageKey: row.storageKey,
    mimeType: row.mimeType,
    width: row.width,
    height: row.height,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    origin: row.origin as AssetOrigin,
    name: row.name,
    provenance: row.provenance,
    runId: row.runId,
    nodeId: row.nodeId,
    teamId: row.teamId,
    createdAt: row.createdAt,
  };
}

/**
 * Records an asset whose bytes are already in storage: one INSERT sent to the driver directly
 * (lib/db/direct-sql.ts; it is on the engine's path for every generated image), nothing read
 * back. The id (a UUID) and `createdAt` (this process's clock) are made here.
 * @param options.durable false: the commit need not wait for the WAL flush (the engine's
 *   generated images: the node-run write that references the asset is made after it).
 * @throws the driver's foreign-key error (SQLSTATE 23503) when `runId` names no run.
 */
export async function createAsset(db: DbClient, input: CreateAssetInput, options: DirectSqlOptions = {}): Promise<AssetRecord> {
  const provenance = input.provenance === undefined || input.provenance === null ? null : JSON.stringify(input.provenance);
  const record: AssetRecord = {
    id: randomUUID(),
    storageKey: input.storageKey,
    mimeType: input.mimeType,
    width: input.width,
    height: input.height,
    sizeBytes: input.sizeBytes,
    sha256: input.sha256,
    origin: input.origin,
    name: input.name ?? null,
    // As a read gives it back: the JSON value stored.
    provenance: provenance === null ? null : JSON.parse(provenance),
    runId: input.runId ?? null,
    nodeId: input.nodeId ?? null,
    teamId: input.teamId ?? null,
    createdAt: new Date(),
  };
  await directSql(db).execute(
    `INSERT INTO "Asset" (id, "storageKey", "mimeType", width, height, "sizeBytes", sha256, origin, name, provenance, "runId", "nodeId", "teamId", "createdAt")
     VALUES ($1, $2, $3, $4::int4, $5::int4, $6::int4, $7, $8, $9, $10::jsonb, $11, $12, $13, $14::timestamptz)`,
    [
      record.id,
      record.storageKey,
      record.mimeType,
      record.width,
      record.height,
      record.sizeBytes,
      record.sha256,
      record.origin,
      record.name,
      provenance,
      record.runId,
      record.nodeId,
      record.teamId,
      record.createdAt.toISOString(),
    ],
    options,
  );
  return record;
}

/** The asset, or null (also when `scope.teamId` is given and the asset belongs to another team). */
export async function getAsset(db: DbClient, id: string, scope: { teamId?: string } = {}): Promise<AssetRecord | null> {
  const row = await db.asset.findUnique({ where: { id } });
  if (!row || (scope.teamId !== undefined && row.teamId !== scope.teamId)) return null;
  return toAssetRecord(row);
}

/**
 * The assets with these ids, in the order of `ids` (duplicates collapsed,
 * unknown ids left out). An empty list costs no query.
 */
export async function getAssetsByIds(db: DbClient, ids: readonly string[]): Promise<AssetRecord[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db.asset.findMany({ where: { id: { in: unique } } });
  const byId = new Map(rows.map((row) => [row.id, toAssetRecord(row)]));
  return unique.flatMap((id) => byId.get(id) ?? []);
}
