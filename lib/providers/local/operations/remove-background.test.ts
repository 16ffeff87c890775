import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { at, pixels, readSample, svgPng } from "../__fixtures__/sample-images";
import { removeBackground } from "./remove-background";

const alphaAt = (p: Awaited<ReturnType<typeof pixels>>, x: number, y: number) => at(p, x, y, 3);

describe("removeBackground", () => {
  it("makes a flat background transparent and keeps the shape opaque, with a soft edge", async () => {
    const image = await svgPng(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="150">
      <rect width="200" height="150" fill="rgb(235,238,240)"/><circle cx="100" cy="75" r="40" fill="rgb(200,40,30)"/></svg>`);
    const out = await removeBackground(image);
    const result = await pixels(out.bytes);
    expect([out.width, out.height, result.channels]).toEqual([200, 150, 4]);
    for (const [x, y] of [[0, 0], [199, 0], [0, 149], [199, 149], [20, 75]]) expect(alphaAt(result, x, y)).toBe(0);
    expect(alphaAt(result, 100, 75)).toBe(255);

    let partial = 0;
    for (let y = 0; y < 150; y++) {
      for (let x = 0; x < 200; x++) {
        const d = Math.hypot(x + 0.5 - 100, y + 0.5 - 75);
        if (d < 37) expect(alphaAt(result, x, y)).toBe(255);
        if (d > 43) expect(alphaAt(result, x, y)).toBe(0);
        const a = alphaAt(result, x, y);
        if (a > 0 && a < 255) partial++;
      }
    }
    expect(partial).toBeGreaterThan(0);
    // Subject colours are kept.
    expect([at(result, 100, 75, 0), at(result, 100, 75, 1), at(result, 100, 75, 2)]).toEqual([200, 40, 30]);
  });

  it("only removes background connected to the border (a hole inside a ring stays)", async () => {
    const image = await svgPng(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120">
      <rect width="120" height="120" fill="white"/><circle cx="60" cy="60" r="35" fill="none" stroke="rgb(20,90,200)" stroke-width="12"/></svg>`);
    const result = await pixels((await removeBackground(image)).bytes);
    expect(alphaAt(result, 2, 2)).toBe(0);
    expect(alphaAt(result, 60, 60)).toBe(255); // white, but enclosed by the ring
    expect(alphaAt(result, 60, 25)).toBe(255); // the ring itself
  });

  it("clears the studio backdrop of astronaut.png and keeps the astronaut", async () => {
    const photo = readSample("astronaut.png");
    const [original, result] = await Promise.all([pixels(photo), removeBackground(photo).then((r) => pixels(r.bytes))]);
    expect([result.width, result.height, result.channels]).toEqual([512, 512, 4]);

    // The top edge between the flag and the shuttle model is the grey backdrop.
    let cleared = 0;
    for (let x = 150; x < 350; x++) if (alphaAt(result, x, 0) === 0) cleared++;
    expect(cleared / 200).toBeGreaterThan(0.9);
    // A patch of backdrop next to the face (x 320–340, y 60–100) is cleared too.
    let patch = 0;
    for (let y = 60; y < 100; y++) for (let x = 320; x < 340; x++) if (alphaAt(result, x, y) === 0) patch++;
    expect(patch / 800).toBeGreaterThan(0.9);

    // Face, suit and the image centre stay fully opaque with their colours.
    for (const [x, y] of [[225, 130], [256, 256], [200, 330], [100, 400]]) {
      expect(alphaAt(result, x, y)).toBe(255);
      for (let c = 0; c < 3; c++) expect(at(result, x, y, c)).toBe(at(original, x, y, c));
    }
  });

  it("keeps existing transparency", async () => {
    const raw = Buffer.alloc(30 * 30 * 4);
    for (let p = 0; p < 900; p++) raw.set(p % 30 < 15 ? [10, 200, 10, 255] : [0, 0, 0, 0], p * 4);
    const image = await sharp(raw, { raw: { width: 30, height: 30, channels: 4 } }).png().toBuffer();
    const result = await pixels((await removeBackground(image)).bytes);
    expect(alphaAt(result, 25, 15)).toBe(0);
  });
});
