import { describe, expect, it } from "vitest";
import { topologicalOrder } from "../topological-order";

describe("topologicalOrder", () => {
  it("puts every node after its upstream nodes", () => {
    const { order, cycle } = topologicalOrder(
      ["out", "b", "a", "src"],
      [
        { source: "src", target: "a" },
        { source: "src", target: "b" },
        { source: "a", target: "out" },
        { source: "b", target: "out" },
      ],
    );
    expect(cycle).toBeNull();
    expect(order).toEqual(["src", "a", "b", "out"]);
  });

  it("names the cycle's nodes in edge order", () => {
    const { cycle, order } = topologicalOrder(
      ["a", "b", "c", "d"],
      [
        { source: "a", target: "b" },
        { source: "b", target: "c" },
        { source: "c", target: "b" },
        { source: "c", target: "d" },
      ],
    );
    expect(order).toEqual(["a"]);
    expect(cycle).toEqual(["b", "c"]);
  });

  it("detects a self-loop", () => {
    expect(topologicalOrder(["a"], [{ source: "a", target: "a" }]).cycle).toEqual(["a"]);
  });
});
