/**
 * Enhance (upscale) for the local engine (ARCHITECTURE.md, "Providers"). Preset names follow
 * Scenario's `model_upscale-v3` legacy enum `precise | balanced | creative`
 * (scenario-api-contract.md §6):
 * - precise: Lanczos resampling by the factor, lightly sharpened (faithful and fast);
 * - balanced: neural super-resolution (ESRGAN, neural/esrgan.ts), as the model draws it;
 * - creative: ESRGAN with local contrast and strong sharpening, as Lanczos had before.
 */
import sharp from "sharp";
import { esrganUpscaleRaw } from "../neural/esrgan";
import { reportProgress } from "../neural/progress";
import { assertSide, openImage, imageSize, type OperationResult } from "./raster";

export type UpscaleFactor = 2 | 4;
export type UpscalePreset = "precise" | "balanced" | "creative";

export interface UpscaleOptions {
  /** Scale factor applied to both sides. */
  factor: UpscaleFactor;
  /** How much detail is added: light, medium or strong sharpening (creative adds local contrast). */
  preset: UpscalePreset;
  /** Key under which progress (tiles done / tiles total) is reported (neural/progress.ts). */
  progressKey?: string;
}

/** Sharpening per preset; `sigma` in output pixels, `m1`/`m2` as in sharp's `sharpen`. Balanced's entry is unused: its ESRGAN output is kept as drawn. */
const SHARPEN: Record<UpscalePreset, { sigma: number; m1: number; m2: number }> = {
  precise: { sigma: 0.6, m1: 0.5, m2: 1.0 },
  balanced: { sigma: 1.0, m1: 1.0, m2: 2.0 },
  creative: { sigma: 1.4, m1: 1.5, m2: 3.0 },
};

/** Creative only: a wide, gentle unsharp mask, i.e. slight local contrast (sigma in output pixels), after ESRGAN. */
const CREATIVE_LOCAL_CONTRAST = { sigma: 10, m1: 0.25, m2: 0.25, y2: 6, y3: 6 };

/** Output side lengths, in pixels, for an input side and factor. */
export function upscaledSize(width: number, height: number, factor: UpscaleFactor): { width: number; height: number } {
  return { width: width * factor, height: height * factor };
}

/**
 * Upscales `image` (any format sharp reads) to exactly `factor × width` by `factor × height`
 * pixels: Lanczos3 for precise, ESRGAN for balanced and creative; then sharpens by preset
 * (balanced: none, the model's detail is kept as drawn). Alpha is kept when present.
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

  if (preset !== "precise") {
    const onTile = (done: number, total: number) => reportProgress(options.progressKey, (0.95 * done) / total);
    const neural = await esrganUpscaleRaw(image, factor, onTile);
    let pipeline = sharp(neural.data, { raw: { width: neural.width, height: neural.height, channels: neural.channels } });
    if (preset === "creative") {
      const { data: raw, info } = await pipeline.sharpen(CREATIVE_LOCAL_CONTRAST).raw().toBuffer({ resolveWithObject: true });
      pipeline = sharp(raw, { raw: { width: info.width, height: info.height, channels: info.channels } }).sharpen(sharpen);
    }
    const { data, info } = await pipeline.png().toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height };
  }
  const { data, info } = await openImage(image)
    .resize(target.width, target.height, { kernel: "lanczos3", fit: "fill" })
    .sharpen(sharpen)
    .png()
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height };
}
