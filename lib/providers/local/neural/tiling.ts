/**
 * Tiling for neural image operations: a large image is cut into tiles with an overlap margin,
 * each tile is processed on its own (so memory stays bounded by the tile size, not the image
 * size), and only each tile's core (without the margin) is written back, so seams fall where
 * the model saw context on both sides.
 *
 * Pure module: plain numbers and typed arrays, no sharp or tfjs.
 */

/** One tile: the rectangle fed to the model (`in*`, with margin) and its core (`core*`), in input pixels. */
export interface Tile {
  inLeft: number;
  inTop: number;
  inWidth: number;
  inHeight: number;
  coreLeft: number;
  coreTop: number;
  coreWidth: number;
  coreHeight: number;
}

/**
 * Tiles covering a `width` × `height` image: cores of at most `tile` px per side that partition
 * the image, each grown by `overlap` px on every side that has a neighbour (clamped to the image).
 * @throws RangeError for a non-positive size or tile, or a negative overlap.
 */
export function planTiles(width: number, height: number, tile: number, overlap: number): Tile[] {
  if (!(width > 0 && height > 0 && tile > 0 && overlap >= 0)) {
    throw new RangeError(`cannot tile a ${width}×${height} image with tile ${tile} and overlap ${overlap}`);
  }
  const starts = (side: number) => {
    const count = Math.ceil(side / tile);
    const size = Math.ceil(side / count); // even cores: no thin last tile
    return Array.from({ length: count }, (_, i) => [i * size, Math.min(side, (i + 1) * size) - i * size] as const);
  };
  const tiles: Tile[] = [];
  for (const [coreTop, coreHeight] of starts(height)) {
    for (const [coreLeft, coreWidth] of starts(width)) {
      const inLeft = Math.max(0, coreLeft - overlap);
      const inTop = Math.max(0, coreTop - overlap);
      const inRight = Math.min(width, coreLeft + coreWidth + overlap);
      const inBottom = Math.min(height, coreTop + coreHeight + overlap);
      tiles.push({ inLeft, inTop, inWidth: inRight - inLeft, inHeight: inBottom - inTop, coreLeft, coreTop, coreWidth, coreHeight });
    }
  }
  return tiles;
}

/** Copies a `w` × `h` rectangle at (`left`, `top`) out of an interleaved raster of `width` px rows. */
export function cropRaster(data: Uint8Array, width: number, channels: number, left: number, top: number, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h * channels);
  for (let y = 0; y < h; y++) {
    const from = ((top + y) * width + left) * channels;
    out.set(data.subarray(from, from + w * channels), y * w * channels);
  }
  return out;
}

/**
 * Runs `process` on every tile of an interleaved `channels`-channel raster and assembles the
 * results at `scale` × the size. `process` gets a tile's pixels and size and must return
 * exactly `scale × inWidth` by `scale × inHeight` pixels with the same channels.
 * `onProgress(done, total)` follows each finished tile.
 * @returns the assembled raster, `scale·width × scale·height × channels`.
 * @throws Error when `process` returns the wrong number of bytes; whatever `process` throws.
 */
export async function processTiled(
  source: { data: Uint8Array; width: number; height: number; channels: number },
  options: { scale: number; tile: number; overlap: number },
  process: (pixels: Uint8Array, width: number, height: number) => Promise<Uint8Array>,
  onProgress?: (done: number, total: number) => void,
): Promise<Uint8Array> {
  const { data, width, height, channels } = source;
  const { scale } = options;
  const tiles = planTiles(width, height, options.tile, options.overlap);
  const outWidth = width * scale;
  const out = new Uint8Array(outWidth * height * scale * channels);
  let done = 0;
  for (const t of tiles) {
    const result = await process(cropRaster(data, width, channels, t.inLeft, t.inTop, t.inWidth, t.inHeight), t.inWidth, t.inHeight);
    const tileWidth = t.inWidth * scale;
    if (result.length !== tileWidth * t.inHeight * scale * channels) {
      throw new Error(`a tile of ${t.inWidth}×${t.inHeight} px came back with ${result.length} bytes, not ${scale}× its size`);
    }
    const dx = (t.coreLeft - t.inLeft) * scale;
    const dy = (t.coreTop - t.inTop) * scale;
    const rowBytes = t.coreWidth * scale * channels;
    for (let y = 0; y < t.coreHeight * scale; y++) {
      const from = ((dy + y) * tileWidth + dx) * channels;
      out.set(result.subarray(from, from + rowBytes), ((t.coreTop * scale + y) * outWidth + t.coreLeft * scale) * channels);
    }
    onProgress?.(++done, tiles.length);
  }
  return out;
}
