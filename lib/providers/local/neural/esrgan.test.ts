import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { pixels, readSample, type Pixels } from "../__fixtures__/sample-images";
import { upscale } from "../operations/upscale";
import { trackProgress } from "./progress";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Tensor } from "@tensorflow/tfjs";
import { esrganModelFor, esrganUpscaleRaw, loadEsrgan } from "./esrgan";
import { packageRoot } from "./model-files";

/** Mean gradient magnitude (central differences) of the luma: higher is sharper. */
function meanGradient(p: Pixels): number {
  const luma = (x: number, y: number) => {
    const i = (y * p.width + x) * p.channels;
    return 0.299 * p.data[i] + 0.587 * p.data[i + 1] + 0.114 * p.data[i + 2];
  };
  let sum = 0;
  for (let y = 1; y < p.height - 1; y++) {
    for (let x = 1; x < p.width - 1; x++) sum += Math.hypot(luma(x + 1, y) - luma(x - 1, y), luma(x, y + 1) - luma(x, y - 1)) / 2;
  }
  return sum / ((p.width - 2) * (p.height - 2));
}

// Small inputs keep this to a few seconds; the machine may be loaded, so timeouts are generous.
const NEURAL_TIMEOUT = 180_000;
/** A 160 × 100 crop of coffee.png: the cup's rim, the crema and the saucer's edge (two tiles). */
const crop = () => sharp(readSample("coffee.png")).extract({ left: 180, top: 60, width: 160, height: 100 }).png().toBuffer();

/** 160 × 100 crops of the sample photos: coffee's rim and crema, the cat's eye and fur. */
const crops = () =>
  Promise.all([crop(), sharp(readSample("chelsea.png")).extract({ left: 150, top: 80, width: 160, height: 100 }).png().toBuffer()]);

/** Mean absolute difference, 0–255, of two equally long pixel arrays. */
function meanAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  for (let i = 0; i < b.length; i++) diff += Math.abs(a[i] - b[i]);
  return diff / b.length;
}

/** Mean absolute difference, 0–255, between `image` reduced to `width` × `height` and `original`. */
async function differenceScaledBack(image: Buffer, original: Buffer, width: number, height: number): Promise<number> {
  const [back, source] = await Promise.all([
    pixels(await sharp(image).resize(width, height, { kernel: "lanczos3" }).png().toBuffer()),
    pixels(original),
  ]);
  return meanAbsDifference(back.data, source.data);
}

describe("ESRGAN upscale", () => {
  it(
    "the GAN model (Creative) doubles the sample photos exactly and, unsharpened, scores far sharper than Lanczos3 on the same input",
    async () => {
      for (const input of await crops()) {
        const gan = await esrganUpscaleRaw(input, 2, undefined, "detailed");
        expect([gan.width, gan.height, gan.model]).toEqual([320, 200, "gan"]);
        const plain = await sharp(gan.data, { raw: { width: 320, height: 200, channels: gan.channels } })
          .png()
          .toBuffer();
        const lanczos = await sharp(input).resize(320, 200, { kernel: "lanczos3" }).png().toBuffer();
        const [g, l] = [meanGradient(await pixels(plain)), meanGradient(await pixels(lanczos))];
        console.info("sharpness (mean gradient magnitude, 160×100 → 320×200): GAN", g.toFixed(2), "Lanczos3", l.toFixed(2));
        expect(g).toBeGreaterThan(l * 1.3);
        // The detail it draws is texture, not a different picture: scaled back it matches the input.
        expect(await differenceScaledBack(plain, input, 160, 100)).toBeLessThan(6);
      }
    },
    NEURAL_TIMEOUT,
  );

  it(
    "runs the GAN model as its package does: its own fixture comes out as the package's reference result",
    async () => {
      const root = packageRoot("@upscalerjs/esrgan-legacy");
      const fixture = await sharp(readFileSync(path.join(root, "assets/fixture.png")))
        .removeAlpha()
        .png()
        .toBuffer();
      const reference = await sharp(readFileSync(path.join(root, "assets/samples/gans/result.png")))
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const out = await esrganUpscaleRaw(fixture, 4, undefined, "detailed");
      expect([out.width, out.height]).toEqual([reference.info.width, reference.info.height]);
      // Tiles of 128 px with 12 px of context: the fixture is one tile, so the result is the package's own.
      expect(meanAbsDifference(out.data, reference.data)).toBeLessThan(1);
    },
    NEURAL_TIMEOUT,
  );

  it(
    "doubles a photo exactly; Balanced (ESRGAN + its sharpening) scores sharper than Lanczos; tiles done / total reported",
    async () => {
      const input = await crop();
      const seen: number[] = [];
      const tracked = trackProgress((fraction) => seen.push(fraction));
      const neural = await upscale(input, { factor: 2, preset: "balanced", progressKey: tracked.key, maxNeuralPixels: 1_000_000 }).finally(
        tracked.dispose,
      );
      const lanczos = await sharp(input).resize(320, 200, { kernel: "lanczos3" }).png().toBuffer();
      const [n, l] = await Promise.all([pixels(neural.bytes), pixels(lanczos)]);
      expect([neural.width, neural.height, n.width, n.height]).toEqual([320, 200, 320, 200]);
      const raw = await esrganUpscaleRaw(input, 2);
      const plain = await pixels(
        await sharp(raw.data, { raw: { width: 320, height: 200, channels: raw.channels } })
          .png()
          .toBuffer(),
      );
      const sharpness = { balanced: meanGradient(n), esrganUnsharpened: meanGradient(plain), lanczos: meanGradient(l) };
      console.info("sharpness (mean gradient magnitude, 160×100 → 320×200):", sharpness);
      expect(sharpness.balanced).toBeGreaterThan(sharpness.lanczos * 1.1);
      // Still the same picture: scaled back down it matches the input closely.
      expect(await differenceScaledBack(neural.bytes, input, 160, 100)).toBeLessThan(6);
      expect(seen.length).toBe(2); // two tiles
      expect(seen.at(-1)).toBeCloseTo(0.95);
    },
    NEURAL_TIMEOUT,
  );

  it(
    "runs the model as its package does: its own fixture comes out as the package's reference result",
    async () => {
      const root = packageRoot("@upscalerjs/esrgan-slim");
      const fixture = await sharp(readFileSync(path.join(root, "assets/fixture.png")))
        .removeAlpha()
        .raw()
        .toBuffer();
      const reference = await sharp(readFileSync(path.join(root, "assets/samples/2x/result.png")))
        .removeAlpha()
        .raw()
        .toBuffer();
      const [tf, model] = await Promise.all([import("@tensorflow/tfjs"), loadEsrgan("slim", 2)]);
      const output = tf.tidy(() =>
        (model.predict(tf.tensor4d(Float32Array.from(fixture), [1, 128, 128, 3])) as Tensor).clipByValue(0, 255).round().toInt(),
      );
      const values = await output.data();
      output.dispose();
      expect(values.length).toBe(256 * 256 * 3);
      expect(meanAbsDifference(values, reference)).toBeLessThan(0.01);
    },
    NEURAL_TIMEOUT,
  );

  it(
    "quadruples with the 4× model, keeps alpha and chooses slim for large outputs",
    async () => {
      const raw = Buffer.alloc(48 * 32 * 4);
      for (let y = 0; y < 32; y++)
        for (let x = 0; x < 48; x++) raw.set(x < 24 ? [200, 60 + y * 4, 30, 255] : [0, 0, 0, 0], (y * 48 + x) * 4);
      const image = await sharp(raw, { raw: { width: 48, height: 32, channels: 4 } })
        .png()
        .toBuffer();
      const out = await esrganUpscaleRaw(image, 4);
      expect([out.width, out.height, out.channels, out.model]).toEqual([192, 128, 4, "medium"]);
      expect(out.data[(64 * 192 + 20) * 4 + 3]).toBe(255);
      expect(out.data[(64 * 192 + 170) * 4 + 3]).toBe(0);
      expect(esrganModelFor(2000, 1500, 2)).toBe("slim");
    },
    NEURAL_TIMEOUT,
  );
});
