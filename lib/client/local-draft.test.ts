import { beforeEach, describe, expect, it } from "vitest";
import type { WorkflowGraph } from "@/lib/graph/schema";

// A browser's localStorage, for the module under test.
const stored = new Map<string, string>();
(globalThis as { window?: unknown }).window = {
  localStorage: {
    getItem: (k: string) => stored.get(k) ?? null,
    setItem: (k: string, v: string) => void stored.set(k, v),
    removeItem: (k: string) => void stored.delete(k),
  },
};

const { useEditorStore } = await import("./editor-store");
const { clearLocalDraftIfSaved, findLocalDraft, restoreLocalDraftOnLoad, useDraftNotice, writeLocalDraftFromStore } =
  await import("./local-draft");

const graph: WorkflowGraph = { nodes: [{ id: "p", type: "prompt", position: { x: 0, y: 0 }, data: { text: "a fox" } }], edges: [] };
const workflow = (version: number, text = "a fox") =>
  ({ id: "w1", name: "Fox", version, graph: { ...graph, nodes: [{ ...graph.nodes[0], data: { text } }] } }) as never;

beforeEach(() => {
  stored.clear();
  useEditorStore.getState().load(workflow(3));
  useDraftNotice.setState({ notice: null });
});

describe("local drafts", () => {
  it("keeps an unsaved edit and puts it back when the workflow is opened again", () => {
    useEditorStore.getState().updateNodeData("p", { text: "a fox in the snow" });
    writeLocalDraftFromStore();
    expect(stored.has("studio:draft:w1")).toBe(true);

    // Reload: the saved workflow still says "a fox".
    useEditorStore.getState().load(workflow(3));
    restoreLocalDraftOnLoad(workflow(3));
    const s = useEditorStore.getState();
    expect(s.nodes[0].data.text).toBe("a fox in the snow");
    expect(s.revision).not.toBe(s.savedRevision);
    expect(useDraftNotice.getState().notice?.kind).toBe("restored");
  });

  it("drops the draft once saved, and one equal to the saved workflow", () => {
    useEditorStore.getState().updateNodeData("p", { text: "a fox in the snow" });
    writeLocalDraftFromStore();
    useEditorStore.getState().markSaved(useEditorStore.getState().revision, 4);
    clearLocalDraftIfSaved();
    expect(stored.size).toBe(0);

    useEditorStore.getState().updateNodeData("p", { text: "a fox" });
    writeLocalDraftFromStore();
    expect(findLocalDraft(workflow(5))).toBeNull();
    expect(stored.size).toBe(0);
  });

  it("offers, without applying, a draft made on a version someone has saved over since", () => {
    useEditorStore.getState().updateNodeData("p", { text: "my edit" });
    writeLocalDraftFromStore();
    useEditorStore.getState().load(workflow(4, "their edit"));
    restoreLocalDraftOnLoad(workflow(4, "their edit"));
    expect(useEditorStore.getState().nodes[0].data.text).toBe("their edit");
    expect(useDraftNotice.getState().notice?.kind).toBe("stale");
  });
});
