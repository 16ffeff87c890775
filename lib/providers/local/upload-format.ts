/**
 * What the local engine accepts as an upload: any image sharp can read. PNG, JPEG and WebP are
 * stored as sent; other readable formats (GIF, TIFF, AVIF, SVG…) are converted to PNG, because
 * downloads promise one of those three types (types.ts, DownloadedAsset).
 */
import sharp from "sharp";
import { ProviderError } from "../types";
import type { StoredMimeType } from "./asset-store";

const KEPT: Record<string, StoredMimeType> = { png: "image/png", jpeg: "image/jpeg", webp: "image/webp" };

/**
 * Checks that `bytes` is a readable image and returns the bytes and type to store, with its
 * size in pixels as displayed (EXIF orientation applied).
 * @throws ProviderError 400 (code "invalid_asset") when sharp cannot read the bytes.
 */
export async function normaliseUpload(
  bytes: Buffer,
  name: string,
): Promise<{ bytes: Buffer; mimeType: StoredMimeType; width: number; height: number }> {
  let format: string;
  let size: { width: number; height: number };
  try {
    const meta = await sharp(bytes).metadata();
    format = meta.format;
    if (!meta.width || !meta.height) throw new Error("no dimensions");
    size = { width: meta.autoOrient.width, height: meta.autoOrient.height };
  } catch (cause) {
    throw new ProviderError(`Asset "${name}" is not a readable image`, { status: 400, code: "invalid_asset", cause });
  }
  const kept = KEPT[format];
  if (kept) return { bytes, mimeType: kept, ...size };
  return { bytes: await sharp(bytes).png().toBuffer(), mimeType: "image/png", ...size };
}
