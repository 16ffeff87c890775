/**
 * Enhance (upscale) for the local engine (ARCHITECTURE.md, "Providers"). Preset names follow
 * Scenario's `model_upscale-v3` legacy enum `precise | balanced | creative`
 * (scenario-api-contract.md §6):
 * - precise: Lanczos resampling by the factor, lightly sharpened (faithful and fast);
 * - balanced: neural super-resolution for fidelity (ESRGAN RDN, neural/esrgan.ts), then medium
 *   sharpening;
 * - creative: the GAN-trained ESRGAN model, which draws texture, with slight local contrast and
 *   light sharpening; over LOCAL_ENGINE_GAN_MAX_MEGAPIXELS, RDN with local contrast and strong
 *   sharpening instead.
 * Inputs over LOCAL_ENGINE_ESRGAN_MAX_MEGAPIXELS get Lanczos with the preset's sharpening.
 */
import sharp from "sharp";
import { esrganUpscaleRaw } from "../neural/esrgan";
import { reportProgress } from "../neural/progress";
import { assertSide, openImage, imageSize, pngOptions, type OperationResult } from "./raster";

export type UpscaleFactor = 2 | 4;
export type UpscalePreset = "precise" | "balanced" | "creative";

export interface UpscaleOptions {
  /** Scale factor applied to both sides. */
  factor: UpscaleFactor;
  /** How much detail is added: light, medium or strong sharpening (creative adds local contrast). */
  preset: UpscalePreset;
  /** Key under which progress (tiles done / tiles total) is reported (neural/progress.ts). */
  progressKey?: string;
  /**
   * Largest input, in pixels, sent through ESRGAN (default `esrganMaxInputPixels()` of this
   * thread's environment); the caller passes its own so a worker thread decides as it did.
   */
  maxNeuralPixels?: number;
  /** Largest input, in pixels, that Creative sends through the GAN model (default `ganMaxInputPixels()`). */
  maxDetailPixels?: number;
}

/**
 * Sharpening per preset, after Lanczos (precise) or ESRGAN (balanced, creative); `sigma` in
 * output pixels, `m1`/`m2` as in sharp's `sharpen`.
 */
const SHARPEN: Record<UpscalePreset, { sigma: number; m1: number; m2: number }> = {
  precise: { sigma: 0.6, m1: 0.5, m2: 1.0 },
  balanced: { sigma: 1.0, m1: 1.0, m2: 2.0 },
  creative: { sigma: 1.4, m1: 1.5, m2: 3.0 },
};

/** Creative on the GAN model, which draws its own detail: the light sharpening of Precise. */
const DETAILED_SHARPEN = SHARPEN.precise;

/** Creative only: a wide, gentle unsharp mask, i.e. slight local contrast (sigma in output pixels). */
const CREATIVE_LOCAL_CONTRAST = { sigma: 10, m1: 0.25, m2: 0.25, y2: 6, y3: 6 };

/**
 * Largest input, in pixels, that Balanced and Creative send through ESRGAN:
 * `LOCAL_ENGINE_ESRGAN_MAX_MEGAPIXELS` (default 1). Larger inputs take minutes on a 2-core
 * machine, so they get Lanczos with the preset's sharpening instead, as before the model.
 */
export function esrganMaxInputPixels(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.LOCAL_ENGINE_ESRGAN_MAX_MEGAPIXELS?.trim() || NaN);
  return (Number.isFinite(value) && value >= 0 ? value : 1) * 1_000_000;
}

/**
 * Largest input, in pixels, that Creative sends through the GAN-trained model:
 * `LOCAL_ENGINE_GAN_MAX_MEGAPIXELS` (default 0.15; never above the ESRGAN limit). The GAN model
 * takes about 0.4 ms per input pixel on a quiet 2-core machine, so 0.15 MP is about a minute
 * (README, "Neural operations"); larger inputs get RDN with Creative's strong sharpening.
 */
export function ganMaxInputPixels(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.LOCAL_ENGINE_GAN_MAX_MEGAPIXELS?.trim() || NaN);
  return Math.min((Number.isFinite(value) && value >= 0 ? value : 0.15) * 1_000_000, esrganMaxInputPixels(env));
}

/** Megapixels for a sentence, to two decimals without trailing zeros: "1.05", "2.4", "1". */
function megapixels(pixels: number): string {
  return String(Math.round(pixels / 10_000) / 100);
}

/**
 * How Upscale treats a `width × height` input with `preset`: Precise is always Lanczos; Balanced
 * and Creative run ESRGAN up to `maxNeuralPixels`, else Lanczos with the preset's sharpening and
 * `note`, a sentence for the node run saying so ("Upscaled with Lanczos: the image is 2.4 MP,
 * above the neural model's 1 MP limit on this machine."). Creative is `detailed` (the GAN model)
 * up to `maxDetailPixels`, with a note when it falls back to the faster model.
 */
export function upscaleMethod(
  width: number,
  height: number,
  preset: UpscalePreset,
  maxNeuralPixels: number = esrganMaxInputPixels(),
  maxDetailPixels: number = Math.min(ganMaxInputPixels(), maxNeuralPixels),
): { neural: boolean; detailed?: boolean; note?: string } {
  if (preset === "precise") return { neural: false };
  const pixels = width * height;
  if (preset === "creative" && pixels <= maxDetailPixels) return { neural: true, detailed: true };
  if (pixels <= maxNeuralPixels) {
    if (preset !== "creative") return { neural: true };
    return {
      neural: true,
      detailed: false,
      note: `Upscaled with the faster neural model: the image is ${megapixels(pixels)} MP, above the detail model's ${megapixels(maxDetailPixels)} MP limit on this machine.`,
    };
  }
  const why =
    maxNeuralPixels <= 0
      ? "the neural model is turned off on this machine"
      : `the image is ${megapixels(pixels)} MP, above the neural model's ${megapixels(maxNeuralPixels)} MP limit on this machine`;
  return { neural: false, note: `Upscaled with Lanczos: ${why}.` };
}

/** Output side lengths, in pixels, for an input side and factor. */
export function upscaledSize(width: number, height: number, factor: UpscaleFactor): { width: number; height: number } {
  return { width: width * factor, height: height * factor };
}

/**
 * Upscales `image` (any format sharp reads) to exactly `factor × width` by `factor × height`
 * pixels: Lanczos3 for precise, ESRGAN for balanced and creative (up to `options.maxNeuralPixels`,
 * Lanczos3 above: see upscaleMethod); then sharpens by preset. Alpha is kept when present. Progress goes to `options.progressKey`.
 * @returns PNG bytes and the new size in pixels.
 * @throws RangeError when `factor` is not 2 or 4, the preset is unknown, or an output side
 *   would exceed MAX_SIDE (8192 px); Error from sharp for unreadable input.
 */
export async function upscale(image: Buffer, options: UpscaleOptions): Promise<OperationResult> {
  const { factor, preset } = options;
  if (factor !== 2 && factor !== 4) throw new RangeError(`factor must be 2 or 4, got ${String(factor)}`);
  const sharpen = SHARPEN[preset];
  if (!sharpen) throw new RangeError(`preset must be precise, balanced or creative, got ${String(preset)}`);

  const source = await imageSize(image);
  const target = upscaledSize(source.width, source.height, factor);
  assertSide("output width (width × factor)", target.width);
  assertSide("output height (height × factor)", target.height);

  const method = upscaleMethod(source.width, source.height, preset, options.maxNeuralPixels, options.maxDetailPixels);
  if (method.neural) {
    const onTile = (done: number, total: number) => reportProgress(options.progressKey, (0.95 * done) / total);
    const neural = await esrganUpscaleRaw(image, factor, onTile, method.detailed ? "detailed" : "faithful");
    let pipeline = sharp(neural.data, { raw: { width: neural.width, height: neural.height, channels: neural.channels } });
    if (preset === "creative") {
      const { data: raw, info } = await pipeline.sharpen(CREATIVE_LOCAL_CONTRAST).raw().toBuffer({ resolveWithObject: true });
      pipeline = sharp(raw, { raw: { width: info.width, height: info.height, channels: info.channels } });
    }
    // The preset's sharpening, as after Lanczos: the RDN weights reconstruct edges cleanly but
    // no crisper than Lanczos3 by gradient, so Balanced would otherwise look softer than Precise
    // (README, "Neural operations"); the GAN model draws its own detail and gets light sharpening.
    const { data, info } = await pipeline
      .sharpen(method.detailed ? DETAILED_SHARPEN : sharpen)
      .png(pngOptions(target.width, target.height, 4))
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height };
  }
  let input = openImage(image);
  if (preset === "creative") {
    // Lanczos fallback of Creative (over the ESRGAN size limit): local contrast before
    // resizing, where it costs factor² less; sharp keeps one setting per operation.
    const { data: raw, info } = await input
      .sharpen({ ...CREATIVE_LOCAL_CONTRAST, sigma: CREATIVE_LOCAL_CONTRAST.sigma / factor })
      .raw()
      .toBuffer({ resolveWithObject: true });
    input = sharp(raw, { raw: { width: info.width, height: info.height, channels: info.channels } });
  }
  const { data, info } = await input
    .resize(target.width, target.height, { kernel: "lanczos3", fit: "fill" })
    .sharpen(sharpen)
    .png(pngOptions(target.width, target.height, 4))
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height };
}
