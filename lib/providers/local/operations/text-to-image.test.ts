import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { pixels } from "../__fixtures__/sample-images";
import { textToImage } from "./text-to-image";

function meanAbsDiff(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

describe("textToImage", () => {
  it("renders a PNG of exactly the requested size", async () => {
    for (const [width, height] of [
      [512, 512],
      [768, 432],
      [333, 127],
      [64, 64],
    ]) {
      const out = await textToImage({ prompt: "a lighthouse at dusk", seed: 1, width, height });
      const meta = await sharp(out.bytes).metadata();
      expect([meta.format, meta.width, meta.height, out.width, out.height]).toEqual(["png", width, height, width, height]);
    }
  });

  it("gives identical bytes for the same prompt and seed", async () => {
    const a = await textToImage({ prompt: "a lighthouse at dusk", seed: 42, width: 320, height: 200 });
    const b = await textToImage({ prompt: "a lighthouse at dusk", seed: 42, width: 320, height: 200 });
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
  });

  it("changes the picture with the seed and with the prompt", async () => {
    const base = await pixels((await textToImage({ prompt: "a lighthouse at dusk", seed: 42, width: 320, height: 200 })).bytes);
    const seed = await pixels((await textToImage({ prompt: "a lighthouse at dusk", seed: 43, width: 320, height: 200 })).bytes);
    const prompt = await pixels((await textToImage({ prompt: "a lighthouse at dawn", seed: 42, width: 320, height: 200 })).bytes);
    expect(meanAbsDiff(base.data, seed.data)).toBeGreaterThan(10);
    expect(meanAbsDiff(base.data, prompt.data)).toBeGreaterThan(10);
  });

  it("draws the caption in a bottom band only", async () => {
    const withCaption = await pixels((await textToImage({ prompt: "a fox", seed: 5, width: 400, height: 300 })).bytes);
    const without = await pixels((await textToImage({ prompt: "a fox", seed: 5, width: 400, height: 300, caption: false })).bytes);
    const row = 400 * 3;
    expect(Buffer.compare(withCaption.data.subarray(0, 200 * row), without.data.subarray(0, 200 * row))).toBe(0);
    expect(meanAbsDiff(withCaption.data.subarray(260 * row), without.data.subarray(260 * row))).toBeGreaterThan(10);
  });

  it("escapes the prompt for the SVG caption", async () => {
    const out = await textToImage({ prompt: `<script>&"'\u0001 tags`, seed: 0, width: 300, height: 200 });
    expect(out.width).toBe(300);
  });

  it("rejects sizes outside 1..8192 and non-integer seeds", async () => {
    await expect(textToImage({ prompt: "x", seed: 1, width: 0, height: 10 })).rejects.toThrow(/width/);
    await expect(textToImage({ prompt: "x", seed: 1, width: 10, height: 9000 })).rejects.toThrow(/height/);
    await expect(textToImage({ prompt: "x", seed: 1.5, width: 10, height: 10 })).rejects.toThrow(/seed/);
  });
});
