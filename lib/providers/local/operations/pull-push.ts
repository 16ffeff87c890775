/**
 * Pull-push hole filling (Gortler et al., "The Lumigraph", 1996, §3.4): a scattered-data
 * interpolation that fills unknown pixels from the known ones around them in O(pixels).
 *
 * Steps:
 * 1. Pull: build a pyramid by halving the size; each coarse pixel's colour is the weighted mean
 *    of its (up to) 2×2 children and its weight is min(1, sum of child weights). Repeat to 1×1.
 * 2. Push: from the coarsest level down, every pixel becomes
 *    `w · own colour + (1 − w) · bilinear sample of the filled coarser level`.
 * 3. Relax: after each push, a few Gauss-Seidel sweeps of the Laplace equation over the pixels
 *    with w = 0 (each becomes the mean of its 4 neighbours). Started from the pushed values,
 *    this is a multigrid solve of a membrane (harmonic) fill: it meets the hole's border
 *    colours exactly and varies smoothly between them.
 * At full resolution known pixels (w = 1) keep their value and holes (w = 0) get a smooth
 * blend of their surroundings.
 */

/** Gauss-Seidel sweeps per level; the coarse levels already carry the low frequencies. */
const RELAX_SWEEPS = 16;

interface Level {
  width: number;
  height: number;
  /** Weight per pixel, 0..1. */
  weight: Float32Array;
  /** Colour per pixel and channel (meaningful where weight > 0, filled after push). */
  colour: Float32Array;
}

/**
 * Fills the pixels where `known[p] === 0`.
 * @param pixels interleaved 8-bit pixels, `width × height × channels`.
 * @param known one byte per pixel: 1 = keep, 0 = fill.
 * @returns the filled colour of every pixel as floats (same layout as `pixels`), or null when
 *   no pixel is known (nothing to fill from).
 */
export function pullPushFill(pixels: Uint8Array, known: Uint8Array, width: number, height: number, channels: number): Float32Array | null {
  const base: Level = { width, height, weight: new Float32Array(width * height), colour: new Float32Array(pixels.length) };
  let anyKnown = false;
  for (let p = 0; p < known.length; p++) {
    if (!known[p]) continue;
    anyKnown = true;
    base.weight[p] = 1;
    for (let c = 0; c < channels; c++) base.colour[p * channels + c] = pixels[p * channels + c];
  }
  if (!anyKnown) return null;

  const levels: Level[] = [base];
  while (levels[levels.length - 1].width > 1 || levels[levels.length - 1].height > 1) {
    levels.push(pull(levels[levels.length - 1], channels));
  }
  for (let l = levels.length - 2; l >= 0; l--) {
    push(levels[l], levels[l + 1], channels);
    relax(levels[l], channels, RELAX_SWEEPS);
  }
  return base.colour;
}

function pull(fine: Level, channels: number): Level {
  const width = Math.ceil(fine.width / 2);
  const height = Math.ceil(fine.height / 2);
  const weight = new Float32Array(width * height);
  const colour = new Float32Array(width * height * channels);
  const sums = new Float64Array(channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let total = 0;
      sums.fill(0);
      for (let dy = 0; dy < 2; dy++) {
        const fy = 2 * y + dy;
        if (fy >= fine.height) continue;
        for (let dx = 0; dx < 2; dx++) {
          const fx = 2 * x + dx;
          if (fx >= fine.width) continue;
          const fp = fy * fine.width + fx;
          const w = fine.weight[fp];
          if (w === 0) continue;
          total += w;
          for (let c = 0; c < channels; c++) sums[c] += w * fine.colour[fp * channels + c];
        }
      }
      const p = y * width + x;
      if (total > 0) {
        weight[p] = Math.min(1, total);
        for (let c = 0; c < channels; c++) colour[p * channels + c] = sums[c] / total;
      }
    }
  }
  return { width, height, weight, colour };
}

function push(fine: Level, coarse: Level, channels: number): void {
  const { width, height } = fine;
  for (let y = 0; y < height; y++) {
    // Centre of fine pixel y in coarse coordinates.
    const cy = Math.min(Math.max((y + 0.5) / 2 - 0.5, 0), coarse.height - 1);
    const y0 = Math.floor(cy);
    const y1 = Math.min(y0 + 1, coarse.height - 1);
    const ty = cy - y0;
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      const w = fine.weight[p];
      if (w >= 1) continue;
      const cx = Math.min(Math.max((x + 0.5) / 2 - 0.5, 0), coarse.width - 1);
      const x0 = Math.floor(cx);
      const x1 = Math.min(x0 + 1, coarse.width - 1);
      const tx = cx - x0;
      const a = (y0 * coarse.width + x0) * channels;
      const b = (y0 * coarse.width + x1) * channels;
      const c0 = (y1 * coarse.width + x0) * channels;
      const d = (y1 * coarse.width + x1) * channels;
      for (let c = 0; c < channels; c++) {
        const top = coarse.colour[a + c] * (1 - tx) + coarse.colour[b + c] * tx;
        const bottom = coarse.colour[c0 + c] * (1 - tx) + coarse.colour[d + c] * tx;
        const up = top * (1 - ty) + bottom * ty;
        const i = p * channels + c;
        fine.colour[i] = w * fine.colour[i] + (1 - w) * up;
      }
    }
  }
}

/** Gauss-Seidel sweeps of Laplace's equation over the pixels whose weight is 0 (image edges: existing neighbours only). */
function relax(level: Level, channels: number, sweeps: number): void {
  const { width, height, weight, colour } = level;
  let count = 0;
  for (let p = 0; p < weight.length; p++) if (weight[p] === 0) count++;
  if (count === 0) return;
  const holes = new Int32Array(count);
  for (let p = 0, k = 0; p < weight.length; p++) if (weight[p] === 0) holes[k++] = p;
  const last = (height - 1) * width;
  for (let sweep = 0; sweep < sweeps; sweep++) {
    for (let k = 0; k < count; k++) {
      const p = holes[k];
      const x = p % width;
      const i = p * channels;
      if (x > 0 && x < width - 1 && p >= width && p < last) {
        const l = i - channels;
        const r = i + channels;
        const u = i - width * channels;
        const d = i + width * channels;
        for (let c = 0; c < channels; c++) colour[i + c] = 0.25 * (colour[l + c] + colour[r + c] + colour[u + c] + colour[d + c]);
        continue;
      }
      const neighbours = [x > 0 ? p - 1 : -1, x < width - 1 ? p + 1 : -1, p >= width ? p - width : -1, p < last ? p + width : -1].filter(
        (q) => q >= 0,
      );
      if (neighbours.length === 0) continue;
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        for (const q of neighbours) sum += colour[q * channels + c];
        colour[i + c] = sum / neighbours.length;
      }
    }
  }
}
