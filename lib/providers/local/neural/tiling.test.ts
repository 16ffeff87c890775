import { describe, expect, it } from "vitest";
import { planTiles, processTiled } from "./tiling";

describe("tiling", () => {
  it("partitions the image into cores and grows each by the overlap, clamped to the image", () => {
    const tiles = planTiles(300, 130, 128, 12);
    expect(tiles).toHaveLength(3 * 2);
    const covered = new Uint8Array(300 * 130);
    for (const t of tiles) {
      for (let y = t.coreTop; y < t.coreTop + t.coreHeight; y++)
        for (let x = t.coreLeft; x < t.coreLeft + t.coreWidth; x++) covered[y * 300 + x]++;
      expect(t.inLeft).toBe(Math.max(0, t.coreLeft - 12));
      expect(t.inLeft + t.inWidth).toBe(Math.min(300, t.coreLeft + t.coreWidth + 12));
      expect(t.coreWidth).toBeLessThanOrEqual(128);
    }
    expect(covered.every((n) => n === 1)).toBe(true);
    expect(() => planTiles(0, 10, 128, 0)).toThrow(RangeError);
  });

  it("assembles per-tile results at scale with no seam, reporting tiles done / total", async () => {
    // A 2× nearest-neighbour "model": tiled output must equal the untiled one exactly.
    const width = 70;
    const height = 45;
    const data = Uint8Array.from({ length: width * height * 3 }, (_, i) => (i * 37) % 251);
    const nearest2x = async (pixels: Uint8Array, w: number, h: number) => {
      const out = new Uint8Array(w * 2 * h * 2 * 3);
      for (let y = 0; y < h * 2; y++)
        for (let x = 0; x < w * 2; x++)
          for (let c = 0; c < 3; c++) out[(y * w * 2 + x) * 3 + c] = pixels[((y >> 1) * w + (x >> 1)) * 3 + c];
      return out;
    };
    const progress: Array<[number, number]> = [];
    const tiled = await processTiled({ data, width, height, channels: 3 }, { scale: 2, tile: 32, overlap: 5 }, nearest2x, (done, total) =>
      progress.push([done, total]),
    );
    expect(Buffer.compare(Buffer.from(tiled), Buffer.from(await nearest2x(data, width, height)))).toBe(0);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6].map((done) => [done, 6]));
  });
});
