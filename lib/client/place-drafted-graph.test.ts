import { describe, expect, it } from "vitest";
import { freshId, placeDraftedGraph } from "./place-drafted-graph";

const drafted = {
  nodes: [
    { id: "draft-1", type: "prompt", position: { x: 0, y: 40 }, data: { text: "a lighthouse keeper" } },
    { id: "draft-2", type: "generation", position: { x: 320, y: 0 }, data: {} },
  ],
  edges: [{ id: "draft-e1", source: "draft-1", sourceHandle: "text", target: "draft-2", targetHandle: "prompt" }],
};

describe("placeDraftedGraph", () => {
  it("keeps the drafted layout and ids on an empty canvas", () => {
    const placed = placeDraftedGraph({ nodes: [], edges: [] }, drafted);
    expect(placed.nodes.map((n) => [n.id, n.position])).toEqual([
      ["draft-1", { x: 0, y: 40 }],
      ["draft-2", { x: 320, y: 0 }],
    ]);
    expect(placed.edges).toEqual([{ id: "draft-e1", source: "draft-1", sourceHandle: "text", target: "draft-2", targetHandle: "prompt" }]);
    expect(placed.renamed.size).toBe(0);
  });

  it("moves the block below the existing nodes, aligned left", () => {
    const existing = {
      nodes: [
        { id: "a", position: { x: 100, y: 0 }, measured: { height: 200 } },
        { id: "b", position: { x: 400, y: 300 } },
      ],
      edges: [],
    };
    const placed = placeDraftedGraph(existing, drafted, 50);
    // Lowest bottom: b at 300 + 160 (unmeasured) = 460; drafted top 0 → 510. Left 100.
    expect(placed.nodes.map((n) => n.position)).toEqual([
      { x: 100, y: 550 },
      { x: 420, y: 510 },
    ]);
  });

  it("re-ids colliding nodes and edges without clashing with other drafted ids", () => {
    const existing = { nodes: [{ id: "draft-1", position: { x: 0, y: 0 } }], edges: [{ id: "draft-e1" }] };
    const placed = placeDraftedGraph(existing, drafted);
    expect(placed.nodes.map((n) => n.id)).toEqual(["draft-3", "draft-2"]);
    expect(placed.renamed.get("draft-1")).toBe("draft-3");
    expect(placed.edges[0]).toMatchObject({ source: "draft-3", target: "draft-2" });
    expect(placed.edges[0].id).not.toBe("draft-e1");
    const all = new Set([...existing.nodes.map((n) => n.id), ...placed.nodes.map((n) => n.id)]);
    expect(all.size).toBe(3);
  });

  it("drops edges to nodes outside the drafted graph", () => {
    const placed = placeDraftedGraph(
      { nodes: [], edges: [] },
      { nodes: drafted.nodes, edges: [...drafted.edges, { id: "x", source: "nope", target: "draft-2" }] },
    );
    expect(placed.edges).toHaveLength(1);
  });

  it("finds the next free id with the same stem", () => {
    expect(freshId("draft-1", new Set(["draft-1", "draft-2"]))).toBe("draft-3");
    expect(freshId("prompt", new Set(["prompt"]))).toBe("prompt-2");
  });
});
