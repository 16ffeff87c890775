/**
 * Shared raster plumbing for the local engine's operations: decode any input sharp reads into
 * 8-bit sRGB raw pixels, and encode raw pixels back to PNG.
 *
 * Every operation returns an {@link OperationResult}: PNG bytes plus their size in pixels.
 * Pure module (sharp only): no Next.js, Prisma or React.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import sharp, { type PngOptions, type Sharp } from "sharp";

/** What every local operation resolves to. `width`/`height` are the PNG's size in pixels. */
export interface OperationResult {
  bytes: Buffer;
  width: number;
  height: number;
  /** Sentences for the designer about how the image was made (e.g. a neural model's fallback). */
  notes?: string[];
}

/** Interleaved 8-bit pixels: `data.length === width * height * channels`. */
export interface Raster {
  data: Buffer;
  width: number;
  height: number;
  /** 3 (RGB) or 4 (RGBA). */
  channels: 3 | 4;
}

/**
 * Largest output side, in pixels, any local operation produces. Keeps memory bounded (an 8192²
 * RGBA raster is 268 MB) and stays under sharp's `extend` limit of 10 000 px per edge.
 */
export const MAX_SIDE = 8192;

/**
 * Opens an input the way every operation must: EXIF orientation applied, converted to sRGB,
 * 8 bits per channel. Greyscale becomes RGB; an alpha channel is kept.
 */
export function openImage(input: Buffer): Sharp {
  return sharp(input, { autoOrient: true }).toColourspace("srgb");
}

/**
 * Decodes `input` into raw 8-bit sRGB pixels (3 channels, or 4 when the image has alpha or
 * `ensureAlpha` is set).
 * @throws Error from sharp when the bytes are not a readable image.
 */
export async function decodeRaw(input: Buffer, options: { ensureAlpha?: boolean } = {}): Promise<Raster> {
  let pipeline = openImage(input);
  if (options.ensureAlpha) pipeline = pipeline.ensureAlpha();
  const { data, info } = await pipeline.raw({ depth: "uchar" }).toBuffer({ resolveWithObject: true });
  if (info.channels !== 3 && info.channels !== 4) {
    throw new Error(`Unexpected channel count ${info.channels} after sRGB conversion`);
  }
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** How the operations run inside {@link withEncoding} encode their PNG outputs. */
export interface EncodingOptions {
  /**
   * The output only feeds further operations of the same run (issue 14): favour speed over size.
   * Default false: PNGs at sharp's default compression level (6).
   */
  intermediate?: boolean;
}

const encoding = new AsyncLocalStorage<EncodingOptions>();

/** Largest raw size (bytes) an intermediate output is stored uncompressed at: 16 MiB, so the PNG stays under the studio's 20 MB image limit. */
export const INTERMEDIATE_RAW_BYTES = 16 * 1024 * 1024;

/** Runs `fn` with every PNG the operations encode meanwhile following `options`. */
export function withEncoding<T>(options: EncodingOptions | undefined, fn: () => Promise<T>): Promise<T> {
  return options?.intermediate ? encoding.run(options, fn) : fn();
}

/**
 * sharp's PNG options for an output of `width × height × channels`: compression level 0 (the
 * fastest: about a tenth of the encode time of level 6 on a photo, and a photo barely shrinks at
 * level 6 anyway) for an intermediate output (see {@link withEncoding}) whose raw pixels fit in
 * {@link INTERMEDIATE_RAW_BYTES}; sharp's defaults otherwise.
 */
export function pngOptions(width: number, height: number, channels: number): PngOptions {
  const intermediate = encoding.getStore()?.intermediate === true;
  return intermediate && width * height * channels <= INTERMEDIATE_RAW_BYTES ? { compressionLevel: 0 } : {};
}

/** Encodes raw pixels as PNG (lossless, so raw values survive a round trip byte for byte). */
export async function encodePng(raster: Raster): Promise<OperationResult> {
  const bytes = await sharp(raster.data, {
    raw: { width: raster.width, height: raster.height, channels: raster.channels },
  })
    .png(pngOptions(raster.width, raster.height, raster.channels))
    .toBuffer();
  return { bytes, width: raster.width, height: raster.height };
}

/** Width and height in pixels as displayed (EXIF orientation applied). */
export async function imageSize(input: Buffer): Promise<{ width: number; height: number }> {
  const meta = await sharp(input).metadata();
  return { width: meta.autoOrient.width, height: meta.autoOrient.height };
}

/**
 * Throws a RangeError naming `name` unless `value` is an integer in [min, MAX_SIDE].
 * Used by operations to validate sizes in pixels.
 */
export function assertSide(name: string, value: number, min = 1): void {
  if (!Number.isInteger(value) || value < min || value > MAX_SIDE) {
    throw new RangeError(`${name} must be an integer between ${min} and ${MAX_SIDE} px, got ${value}`);
  }
}

/** Clamps to 0..255 and rounds, for writing floats back into 8-bit channels. */
export function toByte(value: number): number {
  return value <= 0 ? 0 : value >= 255 ? 255 : Math.round(value);
}
