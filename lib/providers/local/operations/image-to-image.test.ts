import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { pixels, readSample } from "../__fixtures__/sample-images";
import { imageToImage } from "./image-to-image";

function meanAbsDiff(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

describe("imageToImage", () => {
  const chelsea = readSample("chelsea.png");

  it("returns the reference unchanged at strength 0", async () => {
    const out = await imageToImage(chelsea, { prompt: "a tiger", seed: 3, strength: 0 });
    expect(Buffer.compare((await pixels(out.bytes)).data, (await pixels(chelsea)).data)).toBe(0);
  });

  it("moves away from the reference as strength grows, deterministically", async () => {
    const reference = await pixels(chelsea);
    const diffs: number[] = [];
    for (const strength of [0.2, 0.6, 1]) {
      const out = await imageToImage(chelsea, { prompt: "a tiger", seed: 3, strength });
      diffs.push(meanAbsDiff((await pixels(out.bytes)).data, reference.data));
    }
    expect(diffs[0]).toBeGreaterThan(2);
    expect(diffs[1]).toBeGreaterThan(diffs[0]);
    expect(diffs[2]).toBeGreaterThan(diffs[1]);
    const again = await imageToImage(chelsea, { prompt: "a tiger", seed: 3, strength: 0.6 });
    const first = await imageToImage(chelsea, { prompt: "a tiger", seed: 3, strength: 0.6 });
    expect(Buffer.compare(again.bytes, first.bytes)).toBe(0);
  });

  it("covers the requested size, keeping the reference recognisable", async () => {
    const out = await imageToImage(chelsea, { prompt: "a tiger", seed: 3, strength: 0.3, width: 256, height: 256 });
    expect([out.width, out.height]).toEqual([256, 256]);
    const cropped = await pixels(await sharp(chelsea).resize(256, 256, { fit: "cover" }).png().toBuffer());
    const other = await pixels(await sharp(readSample("coffee.png")).resize(256, 256, { fit: "cover" }).png().toBuffer());
    const result = await pixels(out.bytes);
    expect(meanAbsDiff(result.data, cropped.data)).toBeLessThan(meanAbsDiff(result.data, other.data) / 2);
  });

  it("rejects a strength outside 0..1", async () => {
    await expect(imageToImage(chelsea, { prompt: "x", seed: 1, strength: -0.1 })).rejects.toThrow(/strength/);
  });
});
