import { describe, expect, it } from "vitest";
import { connectedInputsByNode, connectedInputsOf } from "./connected-inputs";

const edges = [
  { id: "a", source: "prompt-1", sourceHandle: "text", target: "generation-1", targetHandle: "prompt" },
  { id: "b", source: "image-1", sourceHandle: "image", target: "generation-1", targetHandle: "image" },
  { id: "c", source: "generation-1", sourceHandle: "image", target: "output-1", targetHandle: "image" },
];

describe("connected input ports", () => {
  it("lists each node's wired input ports, and none for a node without incoming edges", () => {
    expect([...connectedInputsOf(edges, "generation-1")].sort()).toEqual(["image", "prompt"]);
    expect([...connectedInputsOf(edges, "output-1")]).toEqual(["image"]);
    expect(connectedInputsOf(edges, "prompt-1").size).toBe(0);
  });

  it("builds the lookup once per edges array and again for a new array", () => {
    const first = connectedInputsByNode(edges);
    expect(connectedInputsByNode(edges)).toBe(first);
    expect(connectedInputsOf(edges, "generation-1")).toBe(connectedInputsOf(edges, "generation-1"));
    const fewer = edges.filter((e) => e.id !== "b");
    expect(connectedInputsByNode(fewer)).not.toBe(first);
    expect([...connectedInputsOf(fewer, "generation-1")]).toEqual(["prompt"]);
  });
});
