/**
 * Remove background for the local engine: the background is estimated from the image border and
 * the border-connected region of background-coloured pixels becomes transparent
 * (ARCHITECTURE.md, "Providers").
 *
 * Steps:
 * 1. Palette: quantise the border pixels' colours (4 bits per channel), group the buckets around
 *    the heaviest ones, and keep every group holding ≥ 15% of the border as background colours.
 *    The bottom edge counts less than the top and sides, because subjects (portraits, products)
 *    usually stand on the bottom edge. A border with no dominant colour gives no palette, and
 *    nothing is removed.
 * 2. Flood fill (4-connected) from the border pixels within `tolerance` (RGB Euclidean
 *    distance) of the palette. The fill enters a neighbour that is within `tolerance` of the
 *    palette, or that differs by at most 4 from the current pixel (compared on a copy blurred
 *    with sigma 1.2 px) while staying within 1.5 × `tolerance`: smooth backdrops and gradients
 *    are followed, edges stop it. Already transparent pixels count as background.
 * 3. Alpha: flooded pixels get 0. Subject pixels within 2 px of the background get an alpha
 *    that rises with their colour distance from the background (a soft edge for anti-aliased
 *    pixels); all other subject pixels keep their alpha (255 for an opaque input).
 * A colour heuristic, not segmentation: a subject coloured like its backdrop and touching it
 * loses those parts (ARCHITECTURE.md: the local engine is a preview).
 */
import sharp from "sharp";
import { decodeRaw, encodePng, type OperationResult } from "./raster";

export interface RemoveBackgroundOptions {
  /** Max RGB distance (0..441) from a background colour for a pixel to count as background. Default 30. */
  tolerance?: number;
}

interface PaletteColour {
  r: number;
  g: number;
  b: number;
}

/** Share of the weighted border a colour group needs to count as background. */
const MIN_GROUP_SHARE = 0.15;
const EDGE_WIDTH_PX = 2;
/** Max colour difference between neighbouring (slightly blurred) pixels the fill may cross. */
const LOCAL_STEP = 4;
/** How far from the palette, in multiples of the tolerance, a followed gradient may go. */
const GLOBAL_FACTOR = 1.5;
/** Gaussian sigma, in pixels, of the blurred copy used to compare neighbours (suppresses noise). */
const SMOOTH_SIGMA = 1.2;
/** Border weights: subjects usually touch the bottom edge, backgrounds the top. */
const EDGE_WEIGHT = { top: 1, sides: 0.7, bottom: 0.3 };

/**
 * Makes the border-connected background of `image` transparent.
 * @returns an RGBA PNG of the same size in pixels.
 * @throws RangeError for a tolerance outside 0..441; Error from sharp for unreadable input.
 */
export async function removeBackground(image: Buffer, options: RemoveBackgroundOptions = {}): Promise<OperationResult> {
  const tolerance = options.tolerance ?? 30;
  if (!(tolerance >= 0 && tolerance <= 441)) throw new RangeError(`tolerance must be between 0 and 441, got ${tolerance}`);
  const raster = await decodeRaw(image, { ensureAlpha: true });
  const { data, width, height } = raster;

  const palette = borderPalette(data, width, height, tolerance);
  const distance = new Float32Array(width * height);
  for (let p = 0; p < distance.length; p++) distance[p] = data[p * 4 + 3] === 0 ? 0 : paletteDistance(data, p * 4, palette);

  const smooth = await sharp(data, { raw: { width, height, channels: 4 } }).blur(SMOOTH_SIGMA).raw().toBuffer();
  const background = floodFromBorder(smooth, distance, width, height, tolerance);
  const near = dilate(background, width, height, EDGE_WIDTH_PX);
  const out = Buffer.from(data);
  for (let p = 0; p < background.length; p++) {
    if (background[p]) {
      out[p * 4 + 3] = 0;
    } else if (near[p]) {
      const ramp = Math.min(1, Math.max(0, (distance[p] - tolerance) / Math.max(1, 2 * tolerance)));
      out[p * 4 + 3] = Math.round(data[p * 4 + 3] * ramp);
    }
  }
  return encodePng({ ...raster, data: out });
}

/**
 * Background colours from the (weighted) 1-px border; see step 1. Buckets are grouped around
 * the heaviest ones (within `tolerance` of a group's first bucket) so that a mottled or
 * graded backdrop forms one group; groups holding at least MIN_GROUP_SHARE of the border weight
 * contribute all their bucket means.
 */
function borderPalette(data: Buffer, width: number, height: number, tolerance: number): PaletteColour[] {
  const buckets = new Map<number, { weight: number; r: number; g: number; b: number }>();
  let total = 0;
  const add = (x: number, y: number, weight: number) => {
    const i = (y * width + x) * 4;
    if (data[i + 3] === 0) return;
    const key = ((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4);
    const bucket = buckets.get(key) ?? { weight: 0, r: 0, g: 0, b: 0 };
    bucket.weight += weight;
    bucket.r += weight * data[i];
    bucket.g += weight * data[i + 1];
    bucket.b += weight * data[i + 2];
    buckets.set(key, bucket);
    total += weight;
  };
  for (let x = 0; x < width; x++) {
    add(x, 0, EDGE_WEIGHT.top);
    if (height > 1) add(x, height - 1, EDGE_WEIGHT.bottom);
  }
  for (let y = 1; y < height - 1; y++) {
    add(0, y, EDGE_WEIGHT.sides);
    if (width > 1) add(width - 1, y, EDGE_WEIGHT.sides);
  }
  const means = [...buckets.values()]
    .sort((a, b) => b.weight - a.weight)
    .map((bucket) => ({ weight: bucket.weight, r: bucket.r / bucket.weight, g: bucket.g / bucket.weight, b: bucket.b / bucket.weight }));
  const groups: Array<{ seed: PaletteColour; weight: number; members: PaletteColour[] }> = [];
  for (const colour of means) {
    const group = groups.find((g) => colourDistance(g.seed, colour) <= tolerance);
    if (group) {
      group.weight += colour.weight;
      group.members.push(colour);
    } else {
      groups.push({ seed: colour, weight: colour.weight, members: [colour] });
    }
  }
  return groups.filter((group) => group.weight >= MIN_GROUP_SHARE * total).flatMap((group) => group.members);
}

function colourDistance(a: PaletteColour, b: PaletteColour): number {
  return Math.sqrt((a.r - b.r) ** 2 + (a.g - b.g) ** 2 + (a.b - b.b) ** 2);
}

function paletteDistance(data: Buffer, i: number, palette: PaletteColour[]): number {
  let best = Infinity;
  for (const colour of palette) {
    const dr = data[i] - colour.r;
    const dg = data[i + 1] - colour.g;
    const db = data[i + 2] - colour.b;
    best = Math.min(best, Math.sqrt(dr * dr + dg * dg + db * db));
  }
  return best;
}

/**
 * Step 2: 1 for pixels reachable from the border. A border pixel seeds the fill when its
 * distance to the palette is ≤ tolerance; the fill then enters a neighbour when that neighbour
 * differs from the current pixel by ≤ LOCAL_STEP (edge-stopping, so smooth gradients are
 * followed) and stays within GLOBAL_FACTOR × tolerance of the palette.
 */
function floodFromBorder(
  smooth: Buffer,
  distance: Float32Array,
  width: number,
  height: number,
  tolerance: number,
): Uint8Array {
  const background = new Uint8Array(width * height);
  const queue = new Int32Array(width * height);
  const limit = GLOBAL_FACTOR * tolerance;
  const step2 = LOCAL_STEP * LOCAL_STEP;
  let head = 0;
  let tail = 0;
  const seed = (p: number) => {
    if (background[p] || distance[p] > tolerance) return;
    background[p] = 1;
    queue[tail++] = p;
  };
  const visit = (from: number, p: number) => {
    if (background[p] || distance[p] > limit) return;
    const i = from * 4;
    const j = p * 4;
    const dr = smooth[i] - smooth[j];
    const dg = smooth[i + 1] - smooth[j + 1];
    const db = smooth[i + 2] - smooth[j + 2];
    if (dr * dr + dg * dg + db * db > step2 && distance[p] > tolerance) return;
    background[p] = 1;
    queue[tail++] = p;
  };
  for (let x = 0; x < width; x++) {
    seed(x);
    seed((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    seed(y * width);
    seed(y * width + width - 1);
  }
  while (head < tail) {
    const p = queue[head++];
    const x = p % width;
    if (x > 0) visit(p, p - 1);
    if (x < width - 1) visit(p, p + 1);
    if (p >= width) visit(p, p - width);
    if (p < (height - 1) * width) visit(p, p + width);
  }
  return background;
}

/** Pixels within `radius` px (Chebyshev) of a set pixel, by separable max filters. */
function dilate(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const rows = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let hit = 0;
      for (let dx = -radius; dx <= radius && !hit; dx++) {
        const xx = x + dx;
        if (xx >= 0 && xx < width) hit = mask[y * width + xx];
      }
      rows[y * width + x] = hit;
    }
  }
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let hit = 0;
      for (let dy = -radius; dy <= radius && !hit; dy++) {
        const yy = y + dy;
        if (yy >= 0 && yy < height) hit = rows[yy * width + x];
      }
      out[y * width + x] = hit;
    }
  }
  return out;
}
