import { describe, expect, it } from "vitest";
import { openingViewport } from "./opening-viewport";
import type { StudioNode } from "./graph-doc";

const options = { padding: 0.25, minZoom: 0.2, maxZoom: 1 };
const node = (id: string, x: number, y: number, type = "upscale"): StudioNode => ({ id, type, position: { x, y }, data: {} });

describe("opening viewport", () => {
  it("opens a small graph at zoom 1 with the graph in the middle of the canvas", () => {
    const viewport = openingViewport([node("a", 0, 0), node("b", 300, 0)], 1440, 900, options)!;
    expect(viewport.zoom).toBe(1);
    // 548 px of cards (300 + 248) centred in 1440 px.
    expect(viewport.x).toBeCloseTo((1440 - 548) / 2, 0);
  });

  it("zooms out to fit a big graph, down to the minimum zoom", () => {
    const wide = Array.from({ length: 40 }, (_, i) => node(`n${i}`, (i % 20) * 300, Math.floor(i / 20) * 260));
    const viewport = openingViewport(wide, 1440, 900, options)!;
    expect(viewport.zoom).toBeLessThan(0.35);
    expect(viewport.zoom).toBeGreaterThanOrEqual(0.2);
    const huge = Array.from({ length: 1000 }, (_, i) => node(`n${i}`, (i % 20) * 300, Math.floor(i / 20) * 260));
    expect(openingViewport(huge, 1440, 900, options)!.zoom).toBe(0.2);
  });

  it("has nothing to fit on an empty graph or an unsized canvas", () => {
    expect(openingViewport([], 1440, 900, options)).toBeNull();
    expect(openingViewport([node("a", 0, 0)], 0, 0, options)).toBeNull();
  });
});
