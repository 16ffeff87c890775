import sharp from "sharp";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { at, pixels, readSample } from "../__fixtures__/sample-images";
import { trackProgress } from "../neural/progress";
import { removeBackground } from "./remove-background";

/**
 * coffee-regions.png (600×400, same size as coffee.png): red = a hand-drawn region inside the cup
 * and saucer (the subject), green = a 24 px band along the image border, minus the saucer and
 * cup grown by ~12 px (background only). Drawn once as coffee-regions.svg; see
 * __fixtures__/README.md.
 */
const regions = () => pixels(readFileSync(path.resolve(process.cwd(), "lib/providers/local/__fixtures__/coffee-regions.png")));

// The neural model takes tens of seconds on a loaded 2-core machine; timing belongs to `npm run bench`.
const NEURAL_TIMEOUT = 240_000;

describe("removeBackground (neural)", () => {
  it(
    "keeps the cup and saucer of coffee.png opaque and clears its border, reporting progress",
    async () => {
      const photo = readSample("coffee.png");
      const seen: number[] = [];
      const tracked = trackProgress((fraction) => seen.push(fraction));
      const out = await removeBackground(photo, { progressKey: tracked.key }).finally(tracked.dispose);
      const [result, original, mask] = await Promise.all([pixels(out.bytes), pixels(photo), regions()]);
      expect([out.width, out.height, result.width, result.height, result.channels]).toEqual([600, 400, 600, 400, 4]);

      let subject = 0;
      let subjectOpaque = 0;
      let border = 0;
      let borderClear = 0;
      for (let y = 0; y < 400; y++) {
        for (let x = 0; x < 600; x++) {
          const alpha = at(result, x, y, 3);
          if (at(mask, x, y, 0) > 127) {
            subject++;
            if (alpha >= 250) subjectOpaque++;
          }
          if (at(mask, x, y, 1) > 127) {
            border++;
            if (alpha <= 5) borderClear++;
          }
        }
      }
      console.info(
        `coffee.png: subject region ${((100 * subjectOpaque) / subject).toFixed(2)} % opaque, border region ${((100 * borderClear) / border).toFixed(2)} % transparent`,
      );
      expect(subject).toBeGreaterThan(80_000);
      expect(border).toBeGreaterThan(30_000);
      expect(subjectOpaque / subject).toBeGreaterThanOrEqual(0.95);
      expect(borderClear / border).toBeGreaterThanOrEqual(0.95);
      // Colours are kept where the subject is.
      for (const c of [0, 1, 2]) expect(at(result, 290, 140, c)).toBe(at(original, 290, 140, c));
      // Progress rose to near the end, in order.
      expect(seen.length).toBeGreaterThanOrEqual(3);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(seen.at(-1)).toBeGreaterThanOrEqual(0.9);
    },
    NEURAL_TIMEOUT,
  );

  it(
    "keeps existing transparency",
    async () => {
      const raw = Buffer.alloc(64 * 64 * 4);
      for (let p = 0; p < 64 * 64; p++) raw.set(p % 64 < 32 ? [200, 40, 30, 255] : [0, 0, 0, 0], p * 4);
      const image = await sharp(raw, { raw: { width: 64, height: 64, channels: 4 } })
        .png()
        .toBuffer();
      const result = await pixels((await removeBackground(image)).bytes);
      for (let y = 0; y < 64; y += 8) for (let x = 40; x < 64; x += 8) expect(at(result, x, y, 3)).toBe(0);
    },
    NEURAL_TIMEOUT,
  );
});
