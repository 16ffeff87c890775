/**
 * Recognises an uploaded image by its bytes, not its file name or declared type
 * (the API answers 415 for anything that is not PNG, JPEG or WebP). Pure module.
 */

export type ImageMimeType = "image/png" | "image/jpeg" | "image/webp";

/** The image type the bytes start with, or null for anything else. */
export function sniffImageType(bytes: Uint8Array): ImageMimeType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (bytes.length >= 8 && starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (bytes.length >= 3 && starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (
    bytes.length >= 12 &&
    starts(0x52, 0x49, 0x46, 0x46) &&
    bytes[8] === 0x57 &&
    bytes[9] === 0x45 &&
    bytes[10] === 0x42 &&
    bytes[11] === 0x50
  ) {
    return "image/webp";
  }
  return null;
}
