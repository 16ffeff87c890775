/**
 * Neural super-resolution for the local engine's Upscale (Balanced and Creative presets):
 * ESRGAN (RDN architecture) models of UpscalerJS, `@upscalerjs/esrgan-medium` and
 * `@upscalerjs/esrgan-slim` (MIT, weights shipped inside the packages), run by TensorFlow.js on
 * its WebAssembly backend (no native download, no GPU).
 *
 * - Models load once per thread, from the package's `model.json` and weights file through
 *   `tf.io.fromMemory`, and stay warm for later jobs.
 * - Medium (better, about 3× slower) when the output is at most MEDIUM_MAX_OUTPUT_PIXELS,
 *   slim otherwise; 4× uses the packages' own 4× model in one pass.
 * - The image is processed in tiles of TILE_PX with OVERLAP_PX of context on each side
 *   (tiling.ts), so memory is bounded by a tile, whatever the image size; progress is
 *   tiles done / tiles total.
 * - Colour goes through the model; an alpha channel is resized with Lanczos3 and joined back.
 *
 * Server-only (loads tfjs lazily, so importing this module costs nothing until a job runs).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import type * as TF from "@tensorflow/tfjs";
import { openImage } from "../operations/raster";
import { packageRoot } from "./model-files";
import { processTiled } from "./tiling";

export type EsrganFactor = 2 | 4;
export type EsrganSize = "slim" | "medium";

/** Core tile side, in input pixels (the models' training patch size is 128). */
export const TILE_PX = 128;
/** Context added around each tile core, in input pixels. */
export const OVERLAP_PX = 12;
/** Largest output, in pixels, for which the medium model is used. */
export const MEDIUM_MAX_OUTPUT_PIXELS = 1_000_000;

/** The model used for an input of `width` × `height` px at `factor`. */
export function esrganModelFor(width: number, height: number, factor: EsrganFactor): EsrganSize {
  return width * height * factor * factor <= MEDIUM_MAX_OUTPUT_PIXELS ? "medium" : "slim";
}

type Tf = typeof TF;
let tfReady: Promise<Tf> | undefined;
const models = new Map<string, Promise<TF.LayersModel>>();

/** TensorFlow.js on the WebAssembly backend, set up once per thread. */
function loadTf(): Promise<Tf> {
  tfReady ??= (async () => {
    const tf = await import("@tensorflow/tfjs");
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    wasm.setWasmPaths(path.join(packageRoot("@tensorflow/tfjs-backend-wasm"), "dist") + path.sep);
    if (!(await tf.setBackend("wasm"))) throw new Error("TensorFlow.js could not start its WebAssembly backend");
    await tf.ready();
    return tf;
  })();
  tfReady.catch(() => (tfReady = undefined));
  return tfReady;
}

/**
 * The ESRGAN model of `size` for `factor`, loaded once per thread.
 * @throws Error when the package or its files are missing.
 */
export function loadEsrgan(size: EsrganSize, factor: EsrganFactor): Promise<TF.LayersModel> {
  const key = `${size}/x${factor}`;
  let model = models.get(key);
  if (!model) {
    model = (async () => {
      const tf = await loadTf();
      const dir = path.join(packageRoot(`@upscalerjs/esrgan-${size}`), "models", `x${factor}`);
      const json = JSON.parse(await readFile(/*turbopackIgnore: true*/ path.join(dir, "model.json"), "utf8")) as {
        modelTopology: object;
        weightsManifest: Array<{ paths: string[]; weights: TF.io.WeightsManifestEntry[] }>;
      };
      const shards = await Promise.all(
        json.weightsManifest.flatMap((group) => group.paths).map((file) => readFile(/*turbopackIgnore: true*/ path.join(dir, file))),
      );
      const weightData = Buffer.concat(shards);
      return tf.loadLayersModel(
        tf.io.fromMemory({
          modelTopology: json.modelTopology,
          weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
          weightData: weightData.buffer.slice(weightData.byteOffset, weightData.byteOffset + weightData.byteLength) as ArrayBuffer,
        }),
      );
    })();
    models.set(key, model);
    model.catch(() => models.delete(key));
  }
  return model;
}

/**
 * Super-resolves `image` (any format sharp reads) by `factor` with ESRGAN.
 * `onProgress(done, total)` is called after each tile.
 * @returns raw interleaved pixels of exactly `factor·width × factor·height`, with the input's
 *   channel count (3, or 4 when it has alpha), and the model used.
 * @throws Error from sharp for unreadable input; Error when the model cannot load.
 */
export async function esrganUpscaleRaw(
  image: Buffer,
  factor: EsrganFactor,
  onProgress?: (done: number, total: number) => void,
): Promise<{ data: Buffer; width: number; height: number; channels: 3 | 4; model: EsrganSize }> {
  const { data: rgb, info } = await openImage(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const hasAlpha = (await sharp(image).metadata()).hasAlpha;
  const { width, height } = info;
  const size = esrganModelFor(width, height, factor);
  const [tf, model] = await Promise.all([loadTf(), loadEsrgan(size, factor)]);
  const upscaled = await processTiled(
    { data: rgb, width, height, channels: 3 },
    { scale: factor, tile: TILE_PX, overlap: OVERLAP_PX },
    async (pixels, w, h) => {
      const output = tf.tidy(() => {
        const input = tf.tensor4d(Float32Array.from(pixels), [1, h, w, 3]); // the models take 0..255
        return (model.predict(input) as TF.Tensor).clipByValue(0, 255).round().toInt();
      });
      try {
        return Uint8Array.from(await output.data());
      } finally {
        output.dispose();
      }
    },
    onProgress,
  );
  const out = { width: width * factor, height: height * factor };
  const colour = Buffer.from(upscaled.buffer, upscaled.byteOffset, upscaled.byteLength);
  if (!hasAlpha) return { data: colour, ...out, channels: 3, model: size };
  const alpha = await openImage(image)
    .ensureAlpha()
    .resize(out.width, out.height, { kernel: "lanczos3", fit: "fill" })
    .extractChannel(3)
    .raw()
    .toBuffer();
  const data = await sharp(colour, { raw: { ...out, channels: 3 } })
    .joinChannel(alpha, { raw: { ...out, channels: 1 } })
    .raw()
    .toBuffer();
  return { data, ...out, channels: 4, model: size };
}
