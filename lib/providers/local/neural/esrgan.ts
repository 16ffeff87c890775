/**
 * Neural super-resolution for the local engine's Upscale (Balanced and Creative presets), with
 * the ESRGAN models of UpscalerJS (MIT, weights shipped inside the packages), run by
 * TensorFlow.js on its WebAssembly backend (no native download, no GPU):
 * - "faithful": the RDN models of `@upscalerjs/esrgan-medium` and `@upscalerjs/esrgan-slim`,
 *   trained for fidelity (PSNR): clean edges, no invented detail. Medium (better, about 3×
 *   slower) when the output is at most MEDIUM_MAX_OUTPUT_PIXELS, slim otherwise; 4× uses the
 *   packages' own 4× model in one pass.
 * - "detailed": the GAN-trained RRDN model of `@upscalerjs/esrgan-legacy` (`models/gans`, 4×
 *   only, inputs and outputs in 0..1, two custom layers registered here as the package's own
 *   setup does): it draws fur, fibres and grain, visibly crisper than Lanczos and than the
 *   RDN models, and about 4× slower than medium. 2× is its 4× output reduced with Lanczos3.
 *
 * - Models load once per thread, from the package's `model.json` and weights file through
 *   `tf.io.fromMemory`, and stay warm for later jobs.
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
/** The model files: RDN slim or medium (fidelity), or the GAN-trained RRDN ("gan", 4× only). */
export type EsrganSize = "slim" | "medium" | "gan";
/** "faithful": RDN, no invented detail; "detailed": the GAN model, which draws texture. */
export type EsrganStyle = "faithful" | "detailed";

/** Core tile side, in input pixels (the models' training patch size is 128). */
export const TILE_PX = 128;
/** Context added around each tile core, in input pixels. */
export const OVERLAP_PX = 12;
/** Largest output, in pixels, for which the medium model is used. */
export const MEDIUM_MAX_OUTPUT_PIXELS = 1_000_000;

/** The model used for an input of `width` × `height` px at `factor`. */
export function esrganModelFor(width: number, height: number, factor: EsrganFactor, style: EsrganStyle = "faithful"): EsrganSize {
  if (style === "detailed") return "gan";
  return width * height * factor * factor <= MEDIUM_MAX_OUTPUT_PIXELS ? "medium" : "slim";
}

/** Where each model's files are, the factor it is run at, and the pixel range it takes and gives. */
function modelSource(size: EsrganSize, factor: EsrganFactor): { pkg: string; dir: string; scale: EsrganFactor; range: number } {
  if (size === "gan") return { pkg: "@upscalerjs/esrgan-legacy", dir: "models/gans", scale: 4, range: 1 };
  return { pkg: `@upscalerjs/esrgan-${size}`, dir: `models/x${factor}`, scale: factor, range: 255 };
}

let ganLayersRegistered = false;

/**
 * The GAN model's two custom layers, as `@upscalerjs/esrgan-legacy`'s setup defines them
 * (dist/esm/packages/shared/src/esrgan/esrgan.js): MultiplyBeta (× 0.2, the residual scaling
 * of RRDB blocks) and PixelShuffle4x (depth to space by 4). Registered once per thread.
 */
function registerGanLayers(tf: Tf): void {
  if (ganLayersRegistered) return;
  const first = (inputs: TF.Tensor | TF.Tensor[]) => (Array.isArray(inputs) ? inputs[0] : inputs);
  class MultiplyBeta extends tf.layers.Layer {
    static className = "MultiplyBeta";
    constructor() {
      super({});
    }
    call(inputs: TF.Tensor | TF.Tensor[]): TF.Tensor {
      return tf.mul(first(inputs), 0.2);
    }
  }
  class PixelShuffle4x extends tf.layers.Layer {
    static className = "PixelShuffle4x";
    constructor() {
      super({});
    }
    computeOutputShape(shape: TF.Shape): TF.Shape {
      return [shape[0], shape[1], shape[2], 3];
    }
    call(inputs: TF.Tensor | TF.Tensor[]): TF.Tensor {
      return tf.depthToSpace(first(inputs) as TF.Tensor4D, 4, "NHWC");
    }
  }
  tf.serialization.registerClass(MultiplyBeta);
  tf.serialization.registerClass(PixelShuffle4x);
  ganLayersRegistered = true;
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
  const source = modelSource(size, factor);
  const key = `${size}/x${source.scale}`;
  let model = models.get(key);
  if (!model) {
    model = (async () => {
      const tf = await loadTf();
      if (size === "gan") registerGanLayers(tf);
      const dir = path.join(packageRoot(source.pkg), source.dir);
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
 * Super-resolves `image` (any format sharp reads) by `factor` with ESRGAN, in `style`
 * ("faithful": RDN; "detailed": the GAN model, run at 4× and reduced with Lanczos3 for 2×).
 * `onProgress(done, total)` is called after each tile.
 * @returns raw interleaved pixels of exactly `factor·width × factor·height`, with the input's
 *   channel count (3, or 4 when it has alpha), and the model used.
 * @throws Error from sharp for unreadable input; Error when the model cannot load.
 */
export async function esrganUpscaleRaw(
  image: Buffer,
  factor: EsrganFactor,
  onProgress?: (done: number, total: number) => void,
  style: EsrganStyle = "faithful",
): Promise<{ data: Buffer; width: number; height: number; channels: 3 | 4; model: EsrganSize }> {
  const { data: rgb, info } = await openImage(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const hasAlpha = (await sharp(image).metadata()).hasAlpha;
  const { width, height } = info;
  const size = esrganModelFor(width, height, factor, style);
  const source = modelSource(size, factor);
  const [tf, model] = await Promise.all([loadTf(), loadEsrgan(size, factor)]);
  const upscaled = await processTiled(
    { data: rgb, width, height, channels: 3 },
    { scale: source.scale, tile: TILE_PX, overlap: OVERLAP_PX },
    async (pixels, w, h) => {
      const output = tf.tidy(() => {
        const input = tf.tensor4d(
          Float32Array.from(pixels, (v) => (v * source.range) / 255),
          [1, h, w, 3],
        );
        return (model.predict(input) as TF.Tensor)
          .mul(255 / source.range)
          .clipByValue(0, 255)
          .round()
          .toInt();
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
  let colour = Buffer.from(upscaled.buffer, upscaled.byteOffset, upscaled.byteLength);
  if (source.scale !== factor) {
    colour = await sharp(colour, { raw: { width: width * source.scale, height: height * source.scale, channels: 3 } })
      .resize(out.width, out.height, { kernel: "lanczos3", fit: "fill" })
      .raw()
      .toBuffer();
  }
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
