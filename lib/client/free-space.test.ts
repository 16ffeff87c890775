import { describe, expect, it } from "vitest";
import { DEFAULT_NODE_SIZE, estimatedNodeSize, findFreeSpot, nodeRect } from "./free-space";

const overlap = (a: ReturnType<typeof nodeRect>, b: ReturnType<typeof nodeRect>) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("findFreeSpot", () => {
  it("keeps the wanted spot on an empty canvas", () => {
    expect(findFreeSpot([], { x: 10, y: 20 })).toEqual({ x: 10, y: 20 });
  });

  it("places each of many clicks at the same spot on free space, never on another node", () => {
    const placed: { position: { x: number; y: number }; measured: { width: number; height: number } }[] = [];
    for (let i = 0; i < 12; i++) {
      const spot = findFreeSpot(placed, { x: 0, y: 0 });
      placed.push({ position: spot, measured: { ...DEFAULT_NODE_SIZE } });
    }
    const rects = placed.map(nodeRect);
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(overlap(rects[i], rects[j])).toBe(false);
    // Nearest first: the second node sits right beside the first, not far away.
    expect(Math.hypot(placed[1].position.x, placed[1].position.y)).toBeLessThanOrEqual(DEFAULT_NODE_SIZE.width + 24);
  });

  it("uses measured sizes: a tall node pushes the new one further", () => {
    const tall = [{ position: { x: 0, y: 0 }, measured: { width: 248, height: 900 } }];
    const spot = findFreeSpot(tall, { x: 0, y: 300 });
    expect(overlap(nodeRect({ position: spot }), nodeRect(tall[0]))).toBe(false);
  });
});

describe("estimatedNodeSize", () => {
  it("reserves the preview frame for kinds that show media, not for text-only ones", () => {
    const generation = estimatedNodeSize({ role: "model", inputs: [{ type: "text" }, { type: "image" }], outputs: [{ type: "image" }] });
    const prompt = estimatedNodeSize({ role: "source", inputs: [], outputs: [{ type: "text" }] });
    expect(generation.height).toBeGreaterThan(148 + 2 * 24);
    expect(prompt.height).toBeLessThan(generation.height);
  });
});
