/** Upload limits of `POST /api/assets`. */

/** 20 MB (20 × 1024 × 1024 bytes): larger uploads get 413. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Largest accepted image side in pixels (beyond what any provider accepts). */
export const MAX_IMAGE_SIDE = 16_384;

/** Default pixel limit of an uploaded image, in megapixels (1 megapixel = 1,000,000 px). */
export const DEFAULT_MAX_IMAGE_MEGAPIXELS = 50;

/**
 * The pixel limit of an uploaded image, in megapixels: `MAX_IMAGE_MEGAPIXELS` when it is a
 * positive number, else 50. A few bytes of PNG can declare 144 megapixels, and decoding that
 * takes gigabytes and tens of seconds, so uploads are refused on their declared size.
 */
export function maxImageMegapixels(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.MAX_IMAGE_MEGAPIXELS?.trim() || NaN);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_MAX_IMAGE_MEGAPIXELS;
}

/** Megapixels of a `width × height` px image, as shown to people: "144", "50.3". */
export function formatMegapixels(width: number, height: number): string {
  return ((width * height) / 1_000_000).toLocaleString("en-US", { maximumFractionDigits: 1 });
}
