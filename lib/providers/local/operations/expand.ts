/**
 * Expand (outpaint) for the local engine: a larger canvas with the original pasted unscaled in
 * the middle and the new area filled from the image's own edges, i.e. its mirror reflection,
 * blurred more the further it is from the original (ARCHITECTURE.md, "Providers").
 */
import sharp, { type Sharp } from "sharp";
import { assertSide, decodeRaw, encodePng, imageSize, type OperationResult, type Raster } from "./raster";

export interface ExpandOptions {
  /** Canvas width in pixels, ≥ the input's width. */
  width: number;
  /** Canvas height in pixels, ≥ the input's height. */
  height: number;
}

/** Where the original lands on the canvas: `floor((W - w) / 2)`, `floor((H - h) / 2)`, in pixels. */
export function expandOffset(inner: { width: number; height: number }, canvas: { width: number; height: number }) {
  return { left: Math.floor((canvas.width - inner.width) / 2), top: Math.floor((canvas.height - inner.height) / 2) };
}

/**
 * The smallest canvas with exactly the aspect ratio `ratio` ("16:9", "4:5", …) that contains a
 * `width × height` image: `{ width: a·k, height: b·k }` with a:b reduced to lowest terms and
 * k = max(ceil(width / a), ceil(height / b)). Example: 600×400 to "16:9" gives 720×405.
 * @throws RangeError when `ratio` is not "<positive integer>:<positive integer>" or the size is
 *   not positive integers.
 */
export function aspectCanvas(width: number, height: number, ratio: string): { width: number; height: number } {
  const match = /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(ratio);
  const a0 = match ? Number(match[1]) : 0;
  const b0 = match ? Number(match[2]) : 0;
  if (!(a0 > 0 && b0 > 0)) throw new RangeError(`ratio must look like "16:9" (two positive integers), got "${ratio}"`);
  if (!Number.isInteger(width) || width < 1 || !Number.isInteger(height) || height < 1) {
    throw new RangeError(`width and height must be positive integers, got ${width}×${height}`);
  }
  const divisor = gcd(a0, b0);
  const a = a0 / divisor;
  const b = b0 / divisor;
  const k = Math.max(Math.ceil(width / a), Math.ceil(height / b));
  return { width: a * k, height: b * k };
}

/**
 * Expands `image` to a `width × height` canvas (pixels). The original sits unscaled at
 * {@link expandOffset}, so those canvas pixels equal the input's decoded pixels exactly; the rest
 * is the mirror reflection of the image, lightly blurred at the seam and strongly blurred far
 * from it. Alpha is kept when present.
 * @throws RangeError naming `width` or `height` when smaller than the input's side or larger
 *   than MAX_SIDE; Error from sharp for unreadable input.
 */
export async function expand(image: Buffer, options: ExpandOptions): Promise<OperationResult> {
  const source = await imageSize(image);
  const { width, height } = options;
  assertSide("width", width, source.width);
  assertSide("height", height, source.height);

  const original = await decodeRaw(image);
  const { left, top } = expandOffset(original, options);
  if (width === original.width && height === original.height) return encodePng(original);

  const mirrored = await mirrorExtend(original, left, top, width, height);
  const [light, strong] = await Promise.all([blurRaw(mirrored, 1.5), heavyBlur(mirrored)]);
  const canvas = blendByDistance(light, strong, { left, top, width: original.width, height: original.height });
  pasteRaster(canvas, original, left, top);
  return encodePng(canvas);
}

/** The image extended to the canvas by reflection (sharp `extend` with `extendWith: "mirror"`). */
async function mirrorExtend(original: Raster, left: number, top: number, width: number, height: number): Promise<Raster> {
  const data = await rawPipeline(original)
    .extend({
      left,
      top,
      right: width - original.width - left,
      bottom: height - original.height - top,
      extendWith: "mirror",
    })
    .raw()
    .toBuffer();
  return { ...original, data, width, height };
}

async function blurRaw(raster: Raster, sigma: number): Promise<Raster> {
  const data = await rawPipeline(raster).blur(sigma).raw().toBuffer();
  return { ...raster, data };
}

/**
 * Gaussian blur with sigma ≈ 1/30 of the canvas's longer side, computed at 1/8 scale and scaled
 * back up so the cost stays bounded on large canvases.
 */
async function heavyBlur(raster: Raster): Promise<Raster> {
  const scale = 8;
  const smallW = Math.max(1, Math.ceil(raster.width / scale));
  const smallH = Math.max(1, Math.ceil(raster.height / scale));
  const sigma = Math.max(0.5, Math.max(raster.width, raster.height) / 30 / scale);
  const small = await rawPipeline(raster).resize(smallW, smallH, { fit: "fill" }).raw().toBuffer();
  const blurred = await sharp(small, { raw: { width: smallW, height: smallH, channels: raster.channels } })
    .blur(sigma)
    .raw()
    .toBuffer();
  const data = await sharp(blurred, { raw: { width: smallW, height: smallH, channels: raster.channels } })
    .resize(raster.width, raster.height, { fit: "fill", kernel: "cubic" })
    .raw()
    .toBuffer();
  return { ...raster, data };
}

/**
 * Mixes `near` into `far` by Euclidean distance from the inner rectangle: `near` at the seam,
 * `far` beyond a ramp of 12% of the inner image's shorter side (smoothstep in between).
 */
function blendByDistance(near: Raster, far: Raster, inner: { left: number; top: number; width: number; height: number }): Raster {
  const { width, height, channels } = near;
  const out = Buffer.alloc(near.data.length);
  const ramp = Math.max(8, 0.12 * Math.min(inner.width, inner.height));
  const right = inner.left + inner.width - 1;
  const bottom = inner.top + inner.height - 1;
  for (let y = 0; y < height; y++) {
    const dy = y < inner.top ? inner.top - y : y > bottom ? y - bottom : 0;
    for (let x = 0; x < width; x++) {
      const dx = x < inner.left ? inner.left - x : x > right ? x - right : 0;
      const t = Math.min(1, Math.sqrt(dx * dx + dy * dy) / ramp);
      const w = t * t * (3 - 2 * t);
      const i = (y * width + x) * channels;
      for (let c = 0; c < channels; c++) {
        out[i + c] = Math.round(near.data[i + c] * (1 - w) + far.data[i + c] * w);
      }
    }
  }
  return { ...near, data: out };
}

/** Copies `inner` into `canvas` at (left, top), byte for byte. Both must have the same channels. */
function pasteRaster(canvas: Raster, inner: Raster, left: number, top: number): void {
  const rowBytes = inner.width * inner.channels;
  for (let y = 0; y < inner.height; y++) {
    const from = y * rowBytes;
    inner.data.copy(canvas.data, ((top + y) * canvas.width + left) * canvas.channels, from, from + rowBytes);
  }
}

function rawPipeline(raster: Raster): Sharp {
  return sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: raster.channels } });
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
