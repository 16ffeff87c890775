/**
 * Retouch (inpaint) for the local engine: the masked area is filled from its surroundings by
 * pull-push interpolation, then blended with the original by strength (ARCHITECTURE.md,
 * "Providers"). Pixels outside the mask are never touched.
 */
import sharp from "sharp";
import { readMask } from "./mask";
import { pullPushFill } from "./pull-push";
import { decodeRaw, encodePng, toByte, type OperationResult } from "./raster";

export interface InpaintOptions {
  /** 0..1: 0 keeps the original inside the mask, 1 replaces it fully with the fill. */
  strength: number;
}

/**
 * Fills the area of `image` that `mask` marks (white = regenerate; see {@link readMask}: the
 * mask is resized to the image and inside = luma × alpha > 127).
 * Inside pixels become `(1 − strength) · original + strength · fill`; outside pixels keep their
 * decoded values byte for byte. Output size = input size, in pixels; alpha is kept when present.
 * When the mask covers the whole image there is nothing to fill from, and the fill is a heavy
 * blur of the image itself.
 * @throws RangeError when `strength` is not within 0..1; Error from sharp for unreadable input.
 */
export async function inpaint(image: Buffer, mask: Buffer, options: InpaintOptions): Promise<OperationResult> {
  const { strength } = options;
  if (typeof strength !== "number" || !(strength >= 0 && strength <= 1)) {
    throw new RangeError(`strength must be a number between 0 and 1, got ${String(strength)}`);
  }
  const raster = await decodeRaw(image);
  const { width, height, channels, data } = raster;
  const inside = await readMask(mask, width, height);
  const known = new Uint8Array(inside.length);
  for (let p = 0; p < inside.length; p++) known[p] = inside[p] ? 0 : 1;

  const fill = pullPushFill(data, known, width, height, channels) ?? (await blurredFallback(raster));
  const out = Buffer.from(data);
  for (let p = 0; p < inside.length; p++) {
    if (!inside[p]) continue;
    for (let c = 0; c < channels; c++) {
      const i = p * channels + c;
      out[i] = toByte(data[i] * (1 - strength) + fill[i] * strength);
    }
  }
  return encodePng({ ...raster, data: out });
}

async function blurredFallback(raster: { data: Buffer; width: number; height: number; channels: 3 | 4 }): Promise<Float32Array> {
  const sigma = Math.max(1, Math.max(raster.width, raster.height) / 20);
  const blurred = await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: raster.channels } })
    .blur(sigma)
    .raw()
    .toBuffer();
  return Float32Array.from(blurred);
}
