import { describe, expect, it } from "vitest";
import { pullPushFill } from "./pull-push";

describe("pullPushFill", () => {
  it("keeps known pixels and interpolates a hole between two colours", () => {
    // 1 channel, 9×1: left known 0, right known 200, middle unknown.
    const pixels = Uint8Array.from([0, 0, 0, 0, 0, 0, 200, 200, 200]);
    const known = Uint8Array.from([1, 1, 1, 0, 0, 0, 1, 1, 1]);
    const fill = pullPushFill(pixels, known, 9, 1, 1)!;
    expect(Array.from(fill.slice(0, 3))).toEqual([0, 0, 0]);
    expect(Array.from(fill.slice(6))).toEqual([200, 200, 200]);
    // A membrane fill is linear in 1-D: 50, 100, 150 between the last 0 and the first 200.
    const hole = Array.from(fill.slice(3, 6));
    hole.forEach((value, i) => expect(Math.abs(value - 50 * (i + 1))).toBeLessThan(3));
  });

  it("fills a flat surrounding with its own colour", () => {
    const width = 16;
    const pixels = new Uint8Array(width * width * 3).fill(90);
    const known = new Uint8Array(width * width).fill(1);
    for (let y = 4; y < 12; y++) for (let x = 4; x < 12; x++) known[y * width + x] = 0;
    const fill = pullPushFill(pixels, known, width, width, 3)!;
    for (const value of fill) expect(value).toBeCloseTo(90, 3);
  });

  it("returns null when nothing is known", () => {
    expect(pullPushFill(new Uint8Array(4), new Uint8Array(4), 2, 2, 1)).toBeNull();
  });
});
