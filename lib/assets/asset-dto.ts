/** The JSON shapes of an asset in API responses, and their mappers. Pure module: the browser imports its types. */
import type { ImageRef } from "../nodes/types";

/** Upload reply (`POST /api/assets` `asset`). */
export interface AssetSummaryDto {
  id: string;
  /** `/api/assets/:id/file`; add `?download=1` for an attachment. */
  url: string;
  mimeType: string;
  /** Pixels; 0 for media without a pixel size. */
  width: number;
  height: number;
}

/** `GET /api/assets/:id` `asset`. */
export interface AssetDetailDto extends AssetSummaryDto {
  sizeBytes: number;
  origin: string;
  name: string | null;
  /** `{ model, prompt, parameters, credits, parentAssetIds, … }` for a generated asset, else null. */
  provenance: Record<string, unknown> | null;
  createdAt: string;
}

export interface AssetRecordLike {
  id: string;
  mimeType: string;
  width: number;
  height: number;
  sizeBytes: number;
  origin: string;
  name: string | null;
  provenance: unknown;
  createdAt: Date;
}

/** URL of an asset's bytes; `?download=1` asks for an attachment. */
export function assetFileUrl(assetId: string): string {
  return `/api/assets/${encodeURIComponent(assetId)}/file`;
}

/**
 * The thumbnail rendition (≤ 512 px WebP, `GET /api/assets/:id/file?size=thumb`) of an asset
 * file URL; any other URL (a blob preview, an outside link) is returned as it is. Thumbnails
 * everywhere use this; the lightbox and downloads use the full-size URL.
 */
export function thumbnailUrl(url: string): string;
export function thumbnailUrl(url: string | null | undefined): string | null;
export function thumbnailUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  if (!/^\/api\/assets\/[^/?#]+\/file$/.test(url)) return url;
  return `${url}?size=thumb`;
}

/** `{ id, url, mimeType, width, height }` (upload reply). */
export function toAssetSummary(asset: AssetRecordLike): AssetSummaryDto {
  return { id: asset.id, url: assetFileUrl(asset.id), mimeType: asset.mimeType, width: asset.width, height: asset.height };
}

/** The summary plus size, origin, name, provenance and creation time (`GET /api/assets/:id`). */
export function toAssetDetail(asset: AssetRecordLike): AssetDetailDto {
  return {
    ...toAssetSummary(asset),
    sizeBytes: asset.sizeBytes,
    origin: asset.origin,
    name: asset.name,
    provenance: (asset.provenance as Record<string, unknown> | null) ?? null,
    createdAt: asset.createdAt.toISOString(),
  };
}

/** The reference that flows along edges; `mimeType` is set for media that is not a raster image. */
export function toImageRef(asset: Pick<AssetRecordLike, "id" | "width" | "height" | "mimeType">): ImageRef {
  const ref: ImageRef = { assetId: asset.id, url: assetFileUrl(asset.id), width: asset.width, height: asset.height };
  if (!/^image\/(png|jpeg|webp)$/.test(asset.mimeType)) ref.mimeType = asset.mimeType;
  return ref;
}
