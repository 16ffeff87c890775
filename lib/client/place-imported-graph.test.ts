import { describe, expect, it } from "vitest";
import { placeImportedGraph } from "./place-imported-graph";

describe("placeImportedGraph", () => {
  const imported = {
    nodes: [
      { id: "prompt-6", type: "prompt", position: { x: 400, y: 200 }, data: { text: "a lighthouse" } },
      { id: "generation-3", type: "generation", position: { x: 800, y: 200 }, data: {} },
    ],
    edges: [{ id: "e1", source: "prompt-6", sourceHandle: "text", target: "generation-3", targetHandle: "prompt" }],
    annotations: [{ id: "note-1", kind: "note" as const, position: { x: 0, y: 200 }, size: { width: 240, height: 160 }, text: "read me" }],
  };

  it("keeps the file's layout on an empty canvas", () => {
    const placed = placeImportedGraph({ nodes: [], edges: [] }, imported);
    expect(placed.nodes.map((n) => n.position)).toEqual([
      { x: 400, y: 200 },
      { x: 800, y: 200 },
    ]);
    expect(placed.annotations[0].position).toEqual({ x: 0, y: 200 });
  });

  it("moves nodes and sticky notes together below the canvas, with free ids", () => {
    const existing = {
      nodes: [
        { id: "prompt-6", position: { x: 100, y: 0 }, measured: { height: 120 } },
        { id: "note-1", position: { x: 100, y: 300 }, height: 160 },
      ],
      edges: [{ id: "e1" }],
    };
    const placed = placeImportedGraph(existing, imported);
    const top = Math.min(...placed.nodes.map((n) => n.position.y), ...placed.annotations.map((a) => a.position.y));
    expect(top).toBeGreaterThanOrEqual(460);
    // The layout inside the block is kept: the note stays 400 px left of the prompt, level with it.
    const prompt = placed.nodes.find((n) => n.type === "prompt")!;
    expect(placed.annotations[0].position).toEqual({ x: prompt.position.x - 400, y: prompt.position.y });
    expect(prompt.id).not.toBe("prompt-6");
    expect(placed.annotations[0].id).not.toBe("note-1");
    expect(placed.edges[0]).toMatchObject({ source: prompt.id, target: "generation-3" });
    expect(placed.edges[0].id).not.toBe("e1");
  });
});
