import { describe, expect, it } from "vitest";
import { at, laplacianEnergy, pixels, readSample } from "../__fixtures__/sample-images";
import { aspectCanvas, expand, expandOffset } from "./expand";

describe("aspectCanvas", () => {
  it("returns the smallest canvas with exactly the ratio that contains the image", () => {
    expect(aspectCanvas(600, 400, "16:9")).toEqual({ width: 720, height: 405 });
    expect(aspectCanvas(451, 300, "1:1")).toEqual({ width: 451, height: 451 });
    expect(aspectCanvas(512, 512, "16:9")).toEqual({ width: 912, height: 513 });
    expect(aspectCanvas(600, 400, "9:16")).toEqual({ width: 603, height: 1072 });
    expect(aspectCanvas(600, 400, "32:18")).toEqual(aspectCanvas(600, 400, "16:9"));
    expect(aspectCanvas(600, 400, "3:2")).toEqual({ width: 600, height: 400 });
  });

  it("rejects malformed ratios", () => {
    expect(() => aspectCanvas(600, 400, "16/9")).toThrow(RangeError);
    expect(() => aspectCanvas(600, 400, "0:9")).toThrow(/ratio/);
  });
});

describe("expand", () => {
  const coffee = readSample("coffee.png");

  it("puts coffee.png unscaled on an exactly 16:9 canvas and fills the rest from its edges", async () => {
    const canvas = aspectCanvas(600, 400, "16:9");
    const out = await expand(coffee, canvas);
    const result = await pixels(out.bytes);
    const original = await pixels(coffee);
    expect([result.width, result.height]).toEqual([720, 405]);
    expect(result.width * 9).toBe(result.height * 16);

    const { left, top } = expandOffset(original, canvas);
    expect([left, top]).toEqual([60, 2]);
    for (let y = 0; y < original.height; y++) {
      const row = original.data.subarray(y * 600 * 3, (y + 1) * 600 * 3);
      const placed = result.data.subarray(((y + top) * 720 + left) * 3, ((y + top) * 720 + left + 600) * 3);
      expect(Buffer.compare(row, placed)).toBe(0);
    }

    // The new area is neither empty nor black, and continues the image at the seam.
    let fillSum = 0;
    let seamDiff = 0;
    for (let y = 0; y < 400; y++) {
      for (let x = 0; x < left; x++) fillSum += at(result, x, y + top, 0) + at(result, x, y + top, 1) + at(result, x, y + top, 2);
      for (let c = 0; c < 3; c++) seamDiff += Math.abs(at(result, left - 1, y + top, c) - at(original, 0, y, c));
    }
    expect(fillSum / (400 * left * 3)).toBeGreaterThan(30);
    expect(seamDiff / (400 * 3)).toBeLessThan(20);
  });

  it("blurs the fill far from the original, even when the canvas is much larger than the image", async () => {
    const out = await expand(coffee, { width: 1600, height: 1000 });
    const result = await pixels(out.bytes);
    expect([result.width, result.height]).toEqual([1600, 1000]);
    const corner = laplacianEnergy(result, { left: 0, top: 0, width: 300, height: 200 });
    const inner = laplacianEnergy(result, { left: 500, top: 300, width: 600, height: 400 });
    expect(corner).toBeLessThan(inner / 5);
    const mean = [0, 1, 2].map((c) => at(result, 100, 100, c));
    expect(Math.max(...mean)).toBeGreaterThan(40); // not black
  });

  it("names the side that is too small", async () => {
    await expect(expand(coffee, { width: 500, height: 400 })).rejects.toThrow(/width/);
    await expect(expand(coffee, { width: 600, height: 399 })).rejects.toThrow(/height/);
    await expect(expand(coffee, { width: 600, height: 399 })).rejects.toBeInstanceOf(RangeError);
  });

  it("returns the image itself when the canvas has its size", async () => {
    const out = await expand(coffee, { width: 600, height: 400 });
    expect(Buffer.compare((await pixels(out.bytes)).data, (await pixels(coffee)).data)).toBe(0);
  });
});
