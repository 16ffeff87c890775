/**
 * Image-to-image for the local engine: the reference, resized to the output size, blended with
 * the deterministic text-to-image picture for the same prompt and seed.
 */
import sharp from "sharp";
import { assertSide, encodePng, imageSize, openImage, toByte, type OperationResult } from "./raster";
import { textToImage } from "./text-to-image";

export interface ImageToImageOptions {
  prompt: string;
  /** Any integer; the same inputs give identical bytes. */
  seed: number;
  /** 0..1: 0 returns the reference unchanged, 1 is mostly (85%) the generated picture. */
  strength: number;
  /** Output size in pixels; each defaults to the reference's. */
  width?: number;
  height?: number;
}

/** Share of the generated picture at strength 1; the rest keeps the reference's structure visible. */
const MAX_MIX = 0.85;

/**
 * Resizes `image` to cover `width × height` pixels (centre crop, Lanczos3) and mixes in
 * {@link textToImage} for the same prompt and seed with weight `0.85 × strength`.
 * The reference's alpha, if any, is kept.
 * @returns PNG bytes of exactly `width × height` pixels.
 * @throws RangeError for strength outside 0..1, a size outside 1..8192 px or a non-integer
 *   seed; Error from sharp for unreadable input.
 */
export async function imageToImage(image: Buffer, options: ImageToImageOptions): Promise<OperationResult> {
  const { strength } = options;
  if (typeof strength !== "number" || !(strength >= 0 && strength <= 1)) {
    throw new RangeError(`strength must be a number between 0 and 1, got ${String(strength)}`);
  }
  const source = await imageSize(image);
  const width = options.width ?? source.width;
  const height = options.height ?? source.height;
  assertSide("width", width);
  assertSide("height", height);

  let reference = openImage(image);
  if (width !== source.width || height !== source.height) {
    reference = reference.resize(width, height, { fit: "cover", position: "centre", kernel: "lanczos3" });
  }
  const { data, info } = await reference.raw({ depth: "uchar" }).toBuffer({ resolveWithObject: true });
  const channels = info.channels as 3 | 4;
  if (strength === 0) return encodePng({ data, width, height, channels });

  const generated = await textToImage({ prompt: options.prompt, seed: options.seed, width, height });
  const genRaw = await sharp(generated.bytes).raw().toBuffer();
  const mix = MAX_MIX * strength;
  const out = Buffer.from(data);
  for (let p = 0; p < width * height; p++) {
    for (let c = 0; c < 3; c++) {
      const i = p * channels + c;
      out[i] = toByte(data[i] * (1 - mix) + genRaw[p * 3 + c] * mix);
    }
  }
  return encodePng({ data: out, width, height, channels });
}
