import { describe, expect, it } from "vitest";
import { layoutLeftToRight } from "./auto-layout";

const size = { width: 248, height: 160 };
const at = (id: string, x = 0, y = 0) => ({ id, position: { x, y }, measured: size });

describe("layoutLeftToRight", () => {
  it("puts each node right of the nodes feeding it, without overlaps, from the old top-left corner", () => {
    const nodes = [at("out", 50, 50), at("gen", 50, 50), at("prompt", 50, 50), at("image", 60, 50)];
    const edges = [
      { source: "prompt", target: "gen" },
      { source: "image", target: "gen" },
      { source: "gen", target: "out" },
    ];
    const p = layoutLeftToRight(nodes, edges);
    expect(p.get("gen")!.x).toBeGreaterThanOrEqual(p.get("prompt")!.x + size.width);
    expect(p.get("out")!.x).toBeGreaterThanOrEqual(p.get("gen")!.x + size.width);
    // The two sources share a column, one above the other.
    expect(p.get("prompt")!.x).toBe(p.get("image")!.x);
    expect(Math.abs(p.get("prompt")!.y - p.get("image")!.y)).toBeGreaterThanOrEqual(size.height);
    expect(Math.min(...[...p.values()].map((q) => q.x))).toBe(50);
    expect(Math.min(...[...p.values()].map((q) => q.y))).toBe(50);
  });

  it("lays out nothing for no nodes and ignores edges to unknown nodes", () => {
    expect(layoutLeftToRight([], []).size).toBe(0);
    expect(layoutLeftToRight([at("a")], [{ source: "a", target: "ghost" }]).get("a")).toEqual({ x: 0, y: 0 });
  });
});
