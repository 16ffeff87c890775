/**
 * Aspect ratios accepted by the Generation and Expand nodes, and the pixel sizes they map to.
 * Pure module.
 */
import { z } from "zod";

export const ASPECT_RATIOS = ["1:1", "16:9", "9:16", "4:5", "3:2", "2:3", "3:4", "4:3", "21:9"] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];
export const aspectRatioSchema = z.enum(ASPECT_RATIOS);

export const ASPECT_RATIO_OPTIONS = ASPECT_RATIOS.map((value) => ({ value, label: value }));

/** Parses "16:9" into `[16, 9]`. */
export function ratioTerms(ratio: AspectRatio): [number, number] {
  const [a, b] = ratio.split(":").map(Number);
  return [a, b];
}

/**
 * Output size for a generation at an aspect ratio: the long side is `longSide` pixels
 * (default 1024), the short side follows the ratio, both rounded to a multiple of 8
 * (what image models accept).
 *
 * @example sizeForAspectRatio("16:9") // { width: 1024, height: 576 }
 */
export function sizeForAspectRatio(ratio: AspectRatio, longSide = 1024): { width: number; height: number } {
  const [a, b] = ratioTerms(ratio);
  const round8 = (n: number) => Math.max(8, Math.round(n / 8) * 8);
  return a >= b
    ? { width: round8(longSide), height: round8((longSide * b) / a) }
    : { width: round8((longSide * a) / b), height: round8(longSide) };
}

/**
 * The smallest canvas at exactly `ratio` (width = a·k, height = b·k for a whole k) that
 * contains a `width` × `height` image unscaled: what Expand produces for a target ratio.
 *
 * @example expandCanvasForRatio(600, 400, "16:9") // { width: 720, height: 405 }
 */
export function expandCanvasForRatio(width: number, height: number, ratio: AspectRatio): { width: number; height: number } {
  const [a, b] = ratioTerms(ratio);
  const k = Math.max(Math.ceil(width / a), Math.ceil(height / b));
  return { width: a * k, height: b * k };
}
