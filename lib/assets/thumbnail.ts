/**
 * Thumbnail renditions of image assets: at most {@link THUMBNAIL_WIDTH} px on the longer side,
 * WebP, made once with sharp and kept in storage next to the original (`<key>.thumb-512.webp`),
 * so lists, node cards and App galleries load a few kilobytes instead of full-size PNGs.
 *
 * Server-only (sharp).
 */
import sharp from "sharp";
import type { AssetStorage } from "../storage";

/** Longest side of a thumbnail, in pixels. */
export const THUMBNAIL_WIDTH = 512;
const THUMBNAIL_MIME = "image/webp";

/** Raster types sharp renders; anything else (video, audio, SVG, 3D) has no thumbnail. */
const RASTER = /^image\/(png|jpeg|webp|gif|avif|tiff)$/;

/** Storage key of the rendition of the bytes under `storageKey`. */
export function thumbnailKey(storageKey: string): string {
  return `${storageKey}.thumb-${THUMBNAIL_WIDTH}.webp`;
}

/** Whether an asset of this type gets a thumbnail rendition. */
export function hasThumbnail(mimeType: string): boolean {
  return RASTER.test(mimeType);
}

/**
 * The thumbnail of a stored raster image: read from storage when it was made before, else made
 * (fit inside 512 × 512, never enlarged, EXIF orientation applied, alpha kept) and stored.
 * @returns `{ bytes, mimeType: "image/webp" }`.
 * @throws StorageKeyNotFoundError when the original's bytes are missing; sharp's error for bytes
 *   it cannot decode.
 */
export async function getThumbnail(storage: AssetStorage, asset: { storageKey: string }): Promise<{ bytes: Buffer; mimeType: string }> {
  const key = thumbnailKey(asset.storageKey);
  if (await storage.has(key)) return { bytes: await storage.get(key), mimeType: THUMBNAIL_MIME };
  const original = await storage.get(asset.storageKey);
  const bytes = await sharp(original, { animated: false })
    .rotate()
    .resize({ width: THUMBNAIL_WIDTH, height: THUMBNAIL_WIDTH, fit: "inside", withoutEnlargement: true })
    .webp({ quality: 78, effort: 3 })
    .toBuffer();
  await storage.put(key, bytes);
  return { bytes, mimeType: THUMBNAIL_MIME };
}
