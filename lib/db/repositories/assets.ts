/**
 * Asset records: where an image's bytes are (`storageKey` in lib/storage), what
 * they are (mime, size, hash) and where they came from (provenance).
 */
import { randomUUID } from "node:crypto";
import { directSql } from "../direct-sql";
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
 * The record of a new asset, not yet written: its id (a UUID) and `createdAt` (this process's
 * clock) are made here; `provenance` is the JSON value a read would give back.
 */
export function newAssetRecord(input: CreateAssetInput): AssetRecord {
  return {
    id: randomUUID(),
    storageKey: input.storageKey,
    mimeType: input.mimeType,
    width: input.width,
    height: input.height,
    sizeBytes: input.sizeBytes,
    sha256: input.sha256,
    origin: input.origin,
    name: input.name ?? null,
    provenance: input.provenance === undefined || input.provenance === null ? null : JSON.parse(JSON.stringify(input.provenance)),
    runId: input.runId ?? null,
    nodeId: input.nodeId ?? null,
    teamId: input.teamId ?? null,
    createdAt: new Date(),
  };
}

const ASSET_COLUMNS = `id, "storageKey", "mimeType", width, height, "sizeBytes", sha256, origin, name, provenance, "runId", "nodeId", "teamId", "createdAt"`;
const ASSET_TYPES = [
  "text",
  "text",
  "text",
  "int4",
  "int4",
  "int4",
  "text",
  "text",
  "text",
  "jsonb",
  "text",
  "text",
  "text",
  "timestamptz",
];

/**
 * `INSERT INTO "Asset"` of `records`, its parameters numbered after `params` (appended to it).
 * @param onlyIf an SQL condition the rows are inserted under (`INSERT … SELECT … WHERE`), or none.
 */
export function assetInsertSql(records: readonly AssetRecord[], params: unknown[], onlyIf?: string): string {
  const rows = records.map((r) => {
    const values = [
      r.id,
      r.storageKey,
      r.mimeType,
      r.width,
      r.height,
      r.sizeBytes,
      r.sha256,
      r.origin,
      r.name,
      r.provenance === null || r.provenance === undefined ? null : JSON.stringify(r.provenance),
      r.runId,
      r.nodeId,
      r.teamId,
      r.createdAt.toISOString(),
    ];
    return `(${values.map((value, i) => `$${params.push(value)}::${ASSET_TYPES[i]}`).join(", ")})`;
  });
  return onlyIf
    ? `INSERT INTO "Asset" (${ASSET_COLUMNS}) SELECT * FROM (VALUES ${rows.join(", ")}) AS v WHERE ${onlyIf}`
    : `INSERT INTO "Asset" (${ASSET_COLUMNS}) VALUES ${rows.join(", ")}`;
}

/**
 * Records an asset whose bytes are already in storage: one INSERT sent to the driver directly
 * (lib/db/direct-sql.ts), nothing read back. The engine's generated images are written instead in
 * the node-run statement that publishes them (lib/assets/unpublished-assets.ts).
 * @throws the driver's foreign-key error (SQLSTATE 23503) when `runId` names no run.
 */
export async function createAsset(db: DbClient, input: CreateAssetInput): Promise<AssetRecord> {
  const record = newAssetRecord(input);
  const params: unknown[] = [];
  await directSql(db).execute(assetInsertSql([record], params), params);
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
