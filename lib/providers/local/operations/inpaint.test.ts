import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { pixels, readSample, svgPng, type Pixels } from "../__fixtures__/sample-images";
import { inpaint } from "./inpaint";
import { readMask } from "./mask";

/** White rectangle (the spoon) on black, at the image's size. */
const spoonMask = () =>
  svgPng(`<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400">
    <rect width="600" height="400" fill="black"/><rect x="320" y="60" width="90" height="270" fill="white"/></svg>`);

function split(original: Pixels, result: Pixels, inside: Uint8Array) {
  let outsideDiffs = 0;
  let insideChanged = 0;
  let insideCount = 0;
  for (let p = 0; p < inside.length; p++) {
    const same = [0, 1, 2].every((c) => original.data[p * 3 + c] === result.data[p * 3 + c]);
    if (inside[p]) {
      insideCount++;
      if (!same) insideChanged++;
    } else if (!same) {
      outsideDiffs++;
    }
  }
  return { outsideDiffs, insideChanged, insideCount };
}

describe("inpaint", () => {
  const coffee = readSample("coffee.png");

  it("leaves every pixel outside the mask byte-for-byte unchanged and changes those inside", async () => {
    const mask = await spoonMask();
    const out = await inpaint(coffee, mask, { strength: 1 });
    const [original, result] = await Promise.all([pixels(coffee), pixels(out.bytes)]);
    expect([out.width, out.height]).toEqual([600, 400]);
    const inside = await readMask(mask, 600, 400);
    const { outsideDiffs, insideChanged, insideCount } = split(original, result, inside);
    expect(insideCount).toBe(90 * 270);
    expect(outsideDiffs).toBe(0);
    expect(insideChanged / insideCount).toBeGreaterThan(0.9);
  });

  it("fills from the surroundings: the fill is smooth and its colours come from the border of the hole", async () => {
    const out = await inpaint(coffee, await spoonMask(), { strength: 1 });
    const result = await pixels(out.bytes);
    // Around the hole: the columns just left and right of the rectangle.
    let ringMin = 255;
    let ringMax = 0;
    for (let y = 60; y < 330; y++) {
      for (const x of [319, 410]) {
        const luma = (result.data[(y * 600 + x) * 3] + result.data[(y * 600 + x) * 3 + 1] + result.data[(y * 600 + x) * 3 + 2]) / 3;
        ringMin = Math.min(ringMin, luma);
        ringMax = Math.max(ringMax, luma);
      }
    }
    for (let y = 70; y < 320; y += 25) {
      for (let x = 330; x < 400; x += 10) {
        const i = (y * 600 + x) * 3;
        const luma = (result.data[i] + result.data[i + 1] + result.data[i + 2]) / 3;
        expect(luma).toBeGreaterThanOrEqual(ringMin - 1);
        expect(luma).toBeLessThanOrEqual(ringMax + 1);
        // Smooth: neighbouring fill pixels differ little.
        expect(Math.abs(result.data[i] - result.data[i + 3])).toBeLessThan(12);
      }
    }
  });

  it("blends by strength: 0 keeps the original, 0.5 lands halfway to the full fill", async () => {
    const mask = await spoonMask();
    const [original, none, half, full] = await Promise.all([
      pixels(coffee),
      inpaint(coffee, mask, { strength: 0 }).then((r) => pixels(r.bytes)),
      inpaint(coffee, mask, { strength: 0.5 }).then((r) => pixels(r.bytes)),
      inpaint(coffee, mask, { strength: 1 }).then((r) => pixels(r.bytes)),
    ]);
    expect(Buffer.compare(none.data, original.data)).toBe(0);
    for (let y = 80; y < 320; y += 40) {
      const i = (y * 600 + 360) * 3;
      expect(Math.abs(half.data[i] - (original.data[i] + full.data[i]) / 2)).toBeLessThanOrEqual(1);
    }
  });

  it("reads painted strokes on a transparent layer, resized to the image", async () => {
    // Half-size mask: an opaque white disc on a fully transparent layer (transparent pixels are white too).
    const strokes = await svgPng(`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200">
      <rect width="300" height="200" fill="white" fill-opacity="0"/><circle cx="70" cy="120" r="25" fill="white"/></svg>`);
    const inside = await readMask(strokes, 600, 400);
    expect(inside[240 * 600 + 140]).toBe(1); // disc centre, scaled ×2
    expect(inside[20 * 600 + 20]).toBe(0); // transparent white is not painted
    const out = await inpaint(coffee, strokes, { strength: 1 });
    const { outsideDiffs, insideChanged, insideCount } = split(await pixels(coffee), await pixels(out.bytes), inside);
    expect(outsideDiffs).toBe(0);
    expect(insideChanged / insideCount).toBeGreaterThan(0.9);
  });

  it("keeps the image size and alpha, and rejects a strength outside 0..1", async () => {
    const rgba = await sharp(coffee).ensureAlpha(0.5).png().toBuffer();
    const out = await inpaint(rgba, await spoonMask(), { strength: 1 });
    const meta = await sharp(out.bytes).metadata();
    expect([meta.width, meta.height, meta.channels]).toEqual([600, 400, 4]);
    await expect(inpaint(coffee, await spoonMask(), { strength: 1.5 })).rejects.toThrow(/strength/);
  });

  it("still produces a changed image when the mask covers everything", async () => {
    const white = await sharp({ create: { width: 60, height: 40, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    const out = await inpaint(coffee, white, { strength: 1 });
    const [original, result] = await Promise.all([pixels(coffee), pixels(out.bytes)]);
    expect([result.width, result.height]).toEqual([600, 400]);
    expect(Buffer.compare(original.data, result.data)).not.toBe(0);
  });
});
