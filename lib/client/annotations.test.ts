import { beforeEach, describe, expect, it } from "vitest";
import { workflowGraphSchema } from "@/lib/graph/schema";
import { validateGraph } from "@/lib/graph/validate";
import { useEditorStore } from "./editor-store";
import { groupMembers } from "./annotations";
import { toGraph } from "./graph-doc";

const store = () => useEditorStore.getState();
const graph = () => toGraph(store().nodes, store().edges, store().annotations);

beforeEach(() => {
  store().load({ id: "w1", name: "Test", version: 1, createdAt: "", updatedAt: "", graph: { nodes: [], edges: [] } });
});

describe("sticky notes and groups", () => {
  it("are saved beside the nodes, survive a reload, and leave graphs without them unchanged", () => {
    store().addNode("prompt", { x: 0, y: 0 });
    expect(graph()).not.toHaveProperty("annotations");
    const note = store().addAnnotation("note", { x: 400, y: 0 });
    store().setAnnotationText(note, "Client wants warmer light");
    const saved = workflowGraphSchema.parse(JSON.parse(JSON.stringify(graph())));
    expect(saved.annotations).toEqual([
      { id: "note-1", kind: "note", position: { x: 400, y: 0 }, size: { width: 240, height: 160 }, text: "Client wants warmer light" },
    ]);
    store().load({ id: "w1", name: "Test", version: 2, createdAt: "", updatedAt: "", graph: saved });
    expect(store().annotations).toHaveLength(1);
    expect(store().nodes.map((n) => n.id)).toEqual(["prompt-1"]);
    expect(graph()).toEqual(saved);
  });

  it("are not nodes to the validator: a graph with only a note and a prompt has the same plan as without", () => {
    store().addNode("prompt", { x: 0, y: 0 });
    store().addAnnotation("group", { x: -50, y: -50 }, ["prompt-1"]);
    const result = validateGraph(graph(), "save");
    expect(result.ok).toBe(true);
    expect(result.plan!.order).toEqual(["prompt-1"]);
  });

  it("a group frames the selected nodes and carries them when dragged, as one undo step", () => {
    store().addNode("prompt", { x: 100, y: 100 });
    store().addNode("output", { x: 2000, y: 100 });
    const group = store().addAnnotation("group", { x: 0, y: 0 }, ["prompt-1"]);
    const frame = store().annotations[0];
    expect(frame.position.x).toBeLessThan(100);
    expect(frame.width! + frame.position.x).toBeGreaterThan(100 + 248);

    store().markDragStart([frame]);
    store().onNodesChange([
      { type: "position", id: group, position: { x: frame.position.x + 50, y: frame.position.y + 30 }, dragging: true },
    ]);
    store().onNodesChange([
      { type: "position", id: group, position: { x: frame.position.x + 80, y: frame.position.y + 40 }, dragging: false },
    ]);
    expect(store().nodes.find((n) => n.id === "prompt-1")!.position).toEqual({ x: 180, y: 140 });
    // A node outside the frame stays where it was.
    expect(store().nodes.find((n) => n.id === "output-1")!.position).toEqual({ x: 2000, y: 100 });

    store().undo();
    expect(store().nodes.find((n) => n.id === "prompt-1")!.position).toEqual({ x: 100, y: 100 });
    expect(store().annotations[0].position).toEqual(frame.position);
  });

  it("resizing is one undo step, and deleting a note is undoable", () => {
    const note = store().addAnnotation("note", { x: 0, y: 0 });
    store().markDragStart();
    store().onNodesChange([{ type: "dimensions", id: note, dimensions: { width: 300, height: 200 }, resizing: true, setAttributes: true }]);
    store().onNodesChange([{ type: "dimensions", id: note, dimensions: { width: 320, height: 220 }, resizing: true, setAttributes: true }]);
    store().onNodesChange([{ type: "dimensions", id: note, dimensions: { width: 320, height: 220 }, resizing: false }]);
    expect(graph().annotations![0].size).toEqual({ width: 320, height: 220 });
    store().undo();
    expect(graph().annotations![0].size).toEqual({ width: 240, height: 160 });
    store().deleteNodes([note]);
    expect(store().annotations).toHaveLength(0);
    store().undo();
    expect(store().annotations).toHaveLength(1);
  });
});

describe("auto-layout with a group", () => {
  it("refits the group around the nodes it held, and one undo puts both back", () => {
    store().load({ id: "w", name: "Layout", version: 1, createdAt: "", updatedAt: "", graph: { nodes: [], edges: [] } });
    // Stacked at one point, so the layout must move them apart.
    const p = store().addNode("prompt", { x: 0, y: 0 });
    const g = store().addNode("generation", { x: 10, y: 10 });
    store().connect({ source: p, sourceHandle: "text", target: g, targetHandle: "prompt" });
    const group = store().addAnnotation("group", { x: 0, y: 0 }, [p, g]);
    const before = store().annotations.find((a) => a.id === group)!;

    store().autoLayout();
    const after = store().annotations.find((a) => a.id === group)!;
    const [prompt, generation] = [p, g].map((id) => store().nodes.find((n) => n.id === id)!);
    expect(generation.position.x).toBeGreaterThan(prompt.position.x + 200); // left to right
    expect(groupMembers(after, store().nodes).sort()).toEqual([g, p].sort());
    expect(after.width).toBeGreaterThan(before.width!);

    store().undo();
    const undone = store().annotations.find((a) => a.id === group)!;
    expect({ position: undone.position, width: undone.width, height: undone.height }).toEqual({
      position: before.position,
      width: before.width,
      height: before.height,
    });
  });
});
