/**
 * Test helpers: the sample photos (shared/data/images, copied to e2e/fixtures when present)
 * and raw pixel access.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

export type SampleName = "coffee.png" | "chelsea.png" | "astronaut.png" | "rocket.jpg";

/** `e2e/fixtures/<name>` when it exists, else `../shared/data/images/<name>`, relative to cwd. */
export function samplePath(name: SampleName): string {
  const inRepo = path.resolve(process.cwd(), "e2e/fixtures", name);
  if (existsSync(inRepo)) return inRepo;
  return path.resolve(process.cwd(), "../shared/data/images", name);
}

export function readSample(name: SampleName): Buffer {
  return readFileSync(samplePath(name));
}

export interface Pixels {
  data: Buffer;
  width: number;
  height: number;
  channels: number;
}

/** Decoded 8-bit pixels of any image (RGB or RGBA as stored). */
export async function pixels(image: Buffer, options: { ensureAlpha?: boolean } = {}): Promise<Pixels> {
  let pipeline = sharp(image).toColourspace("srgb");
  if (options.ensureAlpha) pipeline = pipeline.ensureAlpha();
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** Channel `c` of the pixel at (x, y). */
export function at(p: Pixels, x: number, y: number, c = 0): number {
  return p.data[(y * p.width + x) * p.channels + c];
}

/** Mean absolute 4-neighbour Laplacian of the luma over a rectangle: a sharpness/texture measure. */
export function laplacianEnergy(p: Pixels, rect = { left: 1, top: 1, width: p.width - 2, height: p.height - 2 }): number {
  const luma = (x: number, y: number) => 0.299 * at(p, x, y, 0) + 0.587 * at(p, x, y, 1) + 0.114 * at(p, x, y, 2);
  let sum = 0;
  let count = 0;
  const x0 = Math.max(1, rect.left);
  const y0 = Math.max(1, rect.top);
  const x1 = Math.min(p.width - 1, rect.left + rect.width);
  const y1 = Math.min(p.height - 1, rect.top + rect.height);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      sum += Math.abs(4 * luma(x, y) - luma(x - 1, y) - luma(x + 1, y) - luma(x, y - 1) - luma(x, y + 1));
      count++;
    }
  }
  return sum / count;
}

/** A PNG from an SVG string (for synthetic test images and masks). */
export function svgPng(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).png().toBuffer();
}
