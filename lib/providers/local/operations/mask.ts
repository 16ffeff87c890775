/**
 * Reads an inpainting mask. Convention (Scenario's models, e.g. Patina; scenario-api-contract.md
 * §6): white = regenerate. Painted masks are often white strokes on a transparent layer, so the
 * painted amount is luminance × alpha.
 */
import sharp from "sharp";

/** Painted amount above which a pixel counts as inside the mask (0..255 scale). */
export const MASK_THRESHOLD = 127;

/**
 * Returns one byte per pixel of a `width × height` image (row-major): 1 where the mask says
 * "regenerate", 0 elsewhere. The mask is resized to `width × height` (bilinear) when its size
 * differs; a pixel is inside when luma (Rec. 601) × alpha / 255 > 127.
 * @throws Error from sharp when `mask` is not a readable image.
 */
export async function readMask(mask: Buffer, width: number, height: number): Promise<Uint8Array> {
  const { data } = await sharp(mask, { autoOrient: true })
    .resize(width, height, { fit: "fill", kernel: "linear" })
    .toColourspace("srgb")
    .ensureAlpha()
    .raw({ depth: "uchar" })
    .toBuffer({ resolveWithObject: true });
  const inside = new Uint8Array(width * height);
  for (let p = 0, i = 0; p < inside.length; p++, i += 4) {
    const luma = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
    inside[p] = (luma * data[i + 3]) / 255 > MASK_THRESHOLD ? 1 : 0;
  }
  return inside;
}
