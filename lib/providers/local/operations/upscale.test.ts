import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { laplacianEnergy, pixels, readSample } from "../__fixtures__/sample-images";
import { ganMaxInputPixels, upscale, upscaleMethod } from "./upscale";

/** Opts into ESRGAN (the test setup sends every preset through Lanczos): the default 1 MP limit. */
const NEURAL = { maxNeuralPixels: 1_000_000 };

describe("upscale", () => {
  const coffee = readSample("coffee.png");

  it("doubles both sides at factor 2 and quadruples them at factor 4", async () => {
    const twice = await upscale(coffee, { factor: 2, preset: "precise" });
    expect([twice.width, twice.height]).toEqual([1200, 800]);
    const meta2 = await sharp(twice.bytes).metadata();
    expect([meta2.format, meta2.width, meta2.height]).toEqual(["png", 1200, 800]);

    const four = await upscale(readSample("chelsea.png"), { factor: 4, preset: "balanced" });
    const meta4 = await sharp(four.bytes).metadata();
    expect([meta4.width, meta4.height]).toEqual([1804, 1200]);
  });

  it("keeps the picture: scaled back down it matches the input closely", async () => {
    const original = await pixels(coffee);
    const meanDiff = (other: Buffer) => {
      let diff = 0;
      for (let i = 0; i < original.data.length; i++) diff += Math.abs(original.data[i] - other[i]);
      return diff / original.data.length;
    };
    const up = await upscale(coffee, { factor: 2, preset: "precise" });
    const back = await sharp(up.bytes).resize(600, 400, { kernel: "lanczos3" }).raw().toBuffer();
    const unrelated = await sharp(readSample("chelsea.png")).resize(600, 400, { fit: "fill" }).raw().toBuffer();
    expect(meanDiff(back)).toBeLessThan(5);
    expect(meanDiff(unrelated)).toBeGreaterThan(30);
  });

  it("sharpens more from precise to balanced to creative", async () => {
    // A small crop: balanced and creative run ESRGAN (neural/esrgan.test.ts has its own checks).
    const small = await sharp(coffee).extract({ left: 180, top: 60, width: 120, height: 80 }).png().toBuffer();
    const energy: Record<string, number> = {};
    for (const preset of ["precise", "balanced", "creative"] as const) {
      energy[preset] = laplacianEnergy(await pixels((await upscale(small, { factor: 2, preset, ...NEURAL })).bytes));
    }
    const plain = laplacianEnergy(await pixels(await sharp(small).resize(240, 160, { kernel: "lanczos3" }).png().toBuffer()));
    expect(energy.precise).toBeGreaterThan(plain);
    expect(energy.balanced).toBeGreaterThan(energy.precise);
    expect(energy.creative).toBeGreaterThan(energy.balanced);
  }, 180_000);

  it("uses Lanczos for Balanced over the ESRGAN size limit, and says so in a sentence", async () => {
    // coffee.png is 0.24 megapixels
    const up = await upscale(coffee, { factor: 2, preset: "balanced", maxNeuralPixels: 100_000 });
    expect([up.width, up.height]).toEqual([1200, 800]);
    const lanczos = await sharp(coffee)
      .resize(1200, 800, { kernel: "lanczos3", fit: "fill" })
      .sharpen({ sigma: 1, m1: 1, m2: 2 })
      .png()
      .toBuffer();
    expect(Buffer.compare((await pixels(up.bytes)).data, (await pixels(lanczos)).data)).toBe(0);
    expect(upscaleMethod(600, 400, "balanced", 100_000)).toEqual({
      neural: false,
      note: "Upscaled with Lanczos: the image is 0.24 MP, above the neural model's 0.1 MP limit on this machine.",
    });
    expect(upscaleMethod(1920, 1250, "creative", 1_000_000).note).toBe(
      "Upscaled with Lanczos: the image is 2.4 MP, above the neural model's 1 MP limit on this machine.",
    );
    expect(upscaleMethod(600, 400, "balanced", 0).note).toBe("Upscaled with Lanczos: the neural model is turned off on this machine.");
    expect(upscaleMethod(600, 400, "balanced", 1_000_000)).toEqual({ neural: true });
    expect(upscaleMethod(4000, 4000, "precise", 1_000_000)).toEqual({ neural: false }); // Precise is Lanczos by choice: no note
  });

  it("gives Creative the GAN model up to its own limit, then the faster model with a sentence saying so", () => {
    expect(upscaleMethod(600, 400, "creative", 1_000_000, 250_000)).toEqual({ neural: true, detailed: true });
    expect(upscaleMethod(600, 400, "balanced", 1_000_000, 250_000)).toEqual({ neural: true }); // Balanced never takes the GAN
    expect(upscaleMethod(1000, 600, "creative", 1_000_000, 250_000)).toEqual({
      neural: true,
      detailed: false,
      note: "Upscaled with the faster neural model: the image is 0.6 MP, above the detail model's 0.25 MP limit on this machine.",
    });
    expect(ganMaxInputPixels({ LOCAL_ENGINE_GAN_MAX_MEGAPIXELS: "0.5" })).toBe(500_000);
    expect(ganMaxInputPixels({})).toBe(150_000);
    // Never above the ESRGAN limit: turning the neural models off turns the GAN off too.
    expect(ganMaxInputPixels({ LOCAL_ENGINE_ESRGAN_MAX_MEGAPIXELS: "0", LOCAL_ENGINE_GAN_MAX_MEGAPIXELS: "2" })).toBe(0);
  });

  it("keeps transparency", async () => {
    const raw = Buffer.alloc(40 * 20 * 4); // right half stays transparent black
    for (let y = 0; y < 20; y++) for (let x = 0; x < 20; x++) raw.set([200, 30, 30, 255], (y * 40 + x) * 4);
    const half = await sharp(raw, { raw: { width: 40, height: 20, channels: 4 } })
      .png()
      .toBuffer();
    const up = await pixels((await upscale(half, { factor: 2, preset: "creative", ...NEURAL })).bytes); // ESRGAN
    expect(up.channels).toBe(4);
    expect(up.data[(10 * up.width + 5) * 4 + 3]).toBe(255); // left half opaque
    expect(up.data[(10 * up.width + 75) * 4 + 3]).toBe(0); // right half transparent
  }, 180_000);

  it("rejects other factors and presets", async () => {
    await expect(upscale(coffee, { factor: 3 as 2, preset: "precise" })).rejects.toThrow(RangeError);
    await expect(upscale(coffee, { factor: 2, preset: "wild" as "precise" })).rejects.toThrow(/preset/);
  });
});
