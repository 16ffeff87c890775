/**
 * Asset records: where an image's bytes are (`storageKey` in lib/storage), what
 * they are (mime, size, hash) and where they came from (provenance).
 */
import type { Asset as AssetRow } from "../generated/client";
import { type DbClient, toJsonInput } from "../types";

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
 * Records an asset whose bytes are already in storage.
 * @throws Prisma P2003 when `runId` names no run.
 */
export async function createAsset(db: DbClient, input: CreateAssetInput): Promise<AssetRecord> {
  const row = await db.asset.create({
    data: {
      storageKey: input.storageKey,
      mimeType: input.mimeType,
      width: input.width,
      height: input.height,
      sizeBytes: input.sizeBytes,
      sha256: input.sha256,
      origin: input.origin,
      name: input.name ?? null,
      provenance: toJsonInput(input.provenance ?? null),
      runId: input.runId ?? null,
      nodeId: input.nodeId ?? null,
      teamId: input.teamId ?? null,
    },
  });
  return toAssetRecord(row);
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
