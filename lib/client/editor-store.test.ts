import { beforeEach, describe, expect, it } from "vitest";
import { useEditorStore } from "./editor-store";
import { getNodeDefinition } from "@/lib/nodes";
import { estimatedNodeSize } from "./free-space";
import { toGraph } from "./graph-doc";

const store = () => useEditorStore.getState();

beforeEach(() => {
  store().load({ id: "w1", name: "Test", version: 1, createdAt: "", updatedAt: "", graph: { nodes: [], edges: [] } });
});

describe("editor store", () => {
  it("adds nodes with definition defaults and readable ids", () => {
    const id = store().addNode("upscale", { x: 0, y: 0 });
    expect(id).toBe("upscale-1");
    expect(store().addNode("upscale", { x: 10, y: 0 })).toBe("upscale-2");
    expect(store().nodes[0].data).toMatchObject({ factor: 2, preset: "balanced", model: "auto" });
    expect(store().revision).toBe(2);
  });

  it("does not count selection or in-drag moves as document changes", () => {
    const id = store().addNode("prompt", { x: 0, y: 0 });
    const revision = store().revision;
    store().onNodesChange([{ type: "select", id, selected: false }]);
    store().markDragStart();
    store().onNodesChange([{ type: "position", id, position: { x: 50, y: 0 }, dragging: true }]);
    expect(store().revision).toBe(revision);
    store().onNodesChange([{ type: "position", id, position: { x: 80, y: 0 }, dragging: false }]);
    expect(store().revision).toBe(revision + 1);
    // The whole drag is one undo step.
    store().undo();
    expect(store().nodes[0].position).toEqual({ x: 0, y: 0 });
  });

  it("coalesces typing into one undo step and redoes it", () => {
    const id = store().addNode("prompt", { x: 0, y: 0 });
    store().updateNodeData(id, { text: "a" }, "text");
    store().updateNodeData(id, { text: "ab" }, "text");
    store().undo();
    expect(store().nodes[0].data.text).toBe("");
    store().redo();
    expect(store().nodes[0].data.text).toBe("ab");
  });

  it("refuses invalid connections and serialises only the document", () => {
    const p = store().addNode("prompt", { x: 0, y: 0 });
    const r = store().addNode("retouch", { x: 300, y: 0 });
    expect(store().connect({ source: p, sourceHandle: "text", target: r, targetHandle: "mask" })).toBe(false);
    expect(store().connect({ source: p, sourceHandle: "text", target: r, targetHandle: "prompt" })).toBe(true);
    const graph = toGraph(store().nodes, store().edges);
    expect(graph.edges).toEqual([{ id: expect.any(String), source: p, sourceHandle: "text", target: r, targetHandle: "prompt" }]);
    expect(Object.keys(graph.nodes[0]).sort()).toEqual(["data", "id", "position", "type"]);
  });

  it("tracks saved revisions", () => {
    store().addNode("prompt", { x: 0, y: 0 });
    const { revision } = store();
    store().markSaved(revision, 2);
    expect(store().savedRevision).toBe(revision);
    expect(store().version).toBe(2);
  });

  it("adds a drafted graph as one undo step, below existing nodes, re-ided on collision", () => {
    store().addNode("prompt", { x: 0, y: 0 });
    const ids = store().addGraph({
      nodes: [
        { id: "prompt-1", type: "prompt", position: { x: 0, y: 0 }, data: { text: "a keeper" } },
        { id: "draft-2", type: "generation", position: { x: 300, y: 0 }, data: {} },
      ],
      edges: [{ id: "d-e1", source: "prompt-1", sourceHandle: "text", target: "draft-2", targetHandle: "prompt" }],
    });
    expect(ids).toEqual(["prompt-2", "draft-2"]);
    expect(
      store()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id),
    ).toEqual(ids);
    expect(store().nodes[1].position.y).toBeGreaterThan(0);
    expect(store().edges).toEqual([expect.objectContaining({ source: "prompt-2", target: "draft-2", className: "edge-text" })]);
    store().undo();
    expect(store().nodes.map((n) => n.id)).toEqual(["prompt-1"]);
    expect(store().edges).toEqual([]);
  });

  it("lays a drafted graph out left to right, so nodes drafted on top of each other open apart", () => {
    const at = { x: 0, y: 0 };
    store().addGraph({
      nodes: [
        { id: "p", type: "prompt", position: at, data: {} },
        { id: "i", type: "imageInput", position: at, data: {} },
        { id: "g", type: "generation", position: at, data: {} },
        { id: "o", type: "output", position: at, data: {} },
      ],
      edges: [
        { id: "e1", source: "p", sourceHandle: "text", target: "g", targetHandle: "prompt" },
        { id: "e2", source: "i", sourceHandle: "image", target: "g", targetHandle: "image" },
        { id: "e3", source: "g", sourceHandle: "image", target: "o", targetHandle: "image" },
      ],
    });
    const rect = (id: string) => {
      const n = store().nodes.find((x) => x.id === id)!;
      return { ...n.position, width: 248, height: estimatedNodeSize(getNodeDefinition(n.type!)!).height };
    };
    const ids = ["p", "i", "g", "o"];
    for (const a of ids)
      for (const b of ids) {
        if (a >= b) continue;
        const r = rect(a);
        const q = rect(b);
        expect(r.x < q.x + q.width && q.x < r.x + r.width && r.y < q.y + q.height && q.y < r.y + r.height, `${a} overlaps ${b}`).toBe(
          false,
        );
      }
    expect(rect("p").x).toBeLessThan(rect("g").x);
    expect(rect("g").x).toBeLessThan(rect("o").x);
  });
});
