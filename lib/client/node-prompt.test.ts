import { describe, expect, it } from "vitest";
import { nodePromptText } from "./node-prompt";

describe("nodePromptText", () => {
  const nodes = [
    { id: "p", type: "prompt", data: { text: "  a lighthouse keeper  " } },
    { id: "g", type: "generation", data: { prompt: "own prompt" } },
    { id: "u", type: "upscale", data: {} },
  ];

  it("reads the connected Prompt node's text first", () => {
    expect(nodePromptText("g", nodes, [{ source: "p", target: "g", targetHandle: "prompt" }])).toBe("a lighthouse keeper");
  });

  it("falls back to the node's own prompt, or empty", () => {
    expect(nodePromptText("g", nodes, [])).toBe("own prompt");
    expect(nodePromptText("u", nodes, [])).toBe("");
  });
});
