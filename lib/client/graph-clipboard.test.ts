import { describe, expect, it } from "vitest";
import { CLIPBOARD_FORMAT, parseClipboard, prepareGraphPaste, serializeNodes } from "./graph-clipboard";

const nodes = [
  { id: "prompt-1", type: "prompt", position: { x: 100, y: 40 }, data: { text: "a red bicycle" } },
  { id: "generation-1", type: "generation", position: { x: 400, y: 60 }, data: { count: 2, settings: { steps: 30 } } },
  { id: "output-1", type: "output", position: { x: 700, y: 60 }, data: {} },
];
const edges = [
  { id: "e1", source: "prompt-1", sourceHandle: "text", target: "generation-1", targetHandle: "prompt" },
  { id: "e2", source: "generation-1", sourceHandle: "image", target: "output-1", targetHandle: "image" },
];

describe("graph clipboard", () => {
  it("round-trips the chosen nodes with their settings and the edges between them only", () => {
    const text = serializeNodes(new Set(["prompt-1", "generation-1"]), nodes, edges)!;
    const graph = parseClipboard(text)!;
    expect(graph.nodes.map((n) => n.id)).toEqual(["prompt-1", "generation-1"]);
    expect(graph.nodes[1].data).toEqual({ count: 2, settings: { steps: 30 } });
    expect(graph.edges.map((e) => e.id)).toEqual(["e1"]);
  });

  it("copies nothing when no node is chosen", () => {
    expect(serializeNodes(new Set(), nodes, edges)).toBeNull();
  });

  it("ignores text that is not a copied graph", () => {
    for (const text of [
      "",
      "hello",
      "{",
      "{}",
      "[1,2]",
      JSON.stringify({ format: CLIPBOARD_FORMAT, version: 2, nodes: [], edges: [] }),
      "null",
    ]) {
      expect(parseClipboard(text)).toBeNull();
    }
    const bad = { format: CLIPBOARD_FORMAT, version: 1, nodes: [{ id: "x", type: "prompt", position: { x: "a", y: 0 } }], edges: [] };
    expect(parseClipboard(JSON.stringify(bad))).toBeNull();
  });

  it("drops unknown node kinds and edges that name missing ports", () => {
    const text = JSON.stringify({
      format: CLIPBOARD_FORMAT,
      version: 1,
      nodes: [...nodes, { id: "evil", type: "__proto__", position: { x: 0, y: 0 }, data: {} }],
      edges: [
        ...edges,
        { id: "e3", source: "evil", target: "output-1" },
        { id: "e4", source: "prompt-1", sourceHandle: "nope", target: "output-1", targetHandle: "image" },
      ],
    });
    const graph = parseClipboard(text)!;
    expect(graph.nodes.map((n) => n.type)).toEqual(["prompt", "generation", "output"]);
    expect(graph.edges.map((e) => e.id)).toEqual(["e1", "e2"]);
  });

  it("pastes with fresh ids, copied settings and the block's corner at the pointer", () => {
    const graph = parseClipboard(serializeNodes(new Set(["prompt-1", "generation-1"]), nodes, edges)!)!;
    const pasted = prepareGraphPaste({ nodes }, graph, { x: 1000, y: 500 });
    expect(pasted.nodes.map((n) => n.id)).toEqual(["prompt-2", "generation-2"]);
    expect(pasted.nodes.map((n) => n.position)).toEqual([
      { x: 1000, y: 500 },
      { x: 1300, y: 520 },
    ]);
    expect(pasted.edges).toEqual([
      expect.objectContaining({ source: "prompt-2", sourceHandle: "text", target: "generation-2", targetHandle: "prompt" }),
    ]);
    // A deep copy: editing the paste leaves the original alone.
    (pasted.nodes[1].data.settings as { steps: number }).steps = 5;
    expect(graph.nodes[1].data.settings).toEqual({ steps: 30 });
  });

  it("copies, pastes and re-ids the chosen sticky notes and groups with their size and text", () => {
    const annotations = [
      { id: "group-1", kind: "group" as const, position: { x: 60, y: -20 }, size: { width: 600, height: 320 }, text: "Look" },
      { id: "note-1", kind: "note" as const, position: { x: 20, y: 400 }, size: { width: 240, height: 160 }, text: "Try a blue one" },
      { id: "note-2", kind: "note" as const, position: { x: 900, y: 0 }, size: { width: 240, height: 160 }, text: "left out" },
    ];
    // Notes alone are something to copy.
    const notesOnly = parseClipboard(serializeNodes(new Set(["note-1"]), nodes, edges, annotations)!)!;
    expect(notesOnly.nodes).toEqual([]);
    expect(notesOnly.annotations?.map((a) => a.text)).toEqual(["Try a blue one"]);

    const text = serializeNodes(new Set(["prompt-1", "group-1", "note-1"]), nodes, edges, annotations)!;
    const graph = parseClipboard(text)!;
    expect(graph.annotations?.map((a) => a.id)).toEqual(["group-1", "note-1"]);
    const pasted = prepareGraphPaste({ nodes, annotations }, graph, { x: 1000, y: 1000 });
    // The block's corner is the smallest x (the note, 20) and y (the group, -20) of everything copied.
    expect(pasted.nodes[0]).toMatchObject({ id: "prompt-2", position: { x: 1080, y: 1060 } });
    expect(pasted.annotations).toEqual([
      { id: "group-2", kind: "group", position: { x: 1040, y: 1000 }, size: { width: 600, height: 320 }, text: "Look" },
      { id: "note-3", kind: "note", position: { x: 1000, y: 1420 }, size: { width: 240, height: 160 }, text: "Try a blue one" },
    ]);
  });
});
