import { describe, expect, it } from "vitest";
import { validateGraph } from "../../graph/validate";
import { MAX_SPLIT_ITEMS, splitText, splitTextNode } from "../split-text";

describe("Split text", () => {
  it("gives one trimmed item per line and drops empty lines", () => {
    expect(splitText("Ceramic mug\r\n  Walnut table  \n\n\nLinen lamp\n", "lines", ",")).toEqual([
      "Ceramic mug",
      "Walnut table",
      "Linen lamp",
    ]);
  });

  it("splits on a delimiter of several characters", () => {
    expect(splitText("red || green||  || blue", "delimiter", "||")).toEqual(["red", "green", "blue"]);
  });

  it("refuses an empty delimiter and a list that is too long, with sentences", () => {
    expect(() => splitText("a,b", "delimiter", "")).toThrow(/delimiter is empty/);
    expect(() => splitText(Array.from({ length: MAX_SPLIT_ITEMS + 1 }, (_, i) => `item ${i}`).join("\n"), "lines", "")).toThrow(
      new RegExp(`${MAX_SPLIT_ITEMS + 1} items`),
    );
  });

  it("splits the connected text, else its own text", async () => {
    const params = splitTextNode.paramsSchema.parse({ text: "own one\nown two" });
    expect(await splitTextNode.evaluate!({ params, inputs: {} })).toEqual({ list: ["own one", "own two"] });
    expect(await splitTextNode.evaluate!({ params, inputs: { text: "wired" } })).toEqual({ list: ["wired"] });
  });

  it("is not ready with nothing to split; its list output never feeds a text input", () => {
    const empty = validateGraph({ nodes: [{ id: "s", type: "splitText", position: { x: 0, y: 0 }, data: {} }], edges: [] }, "run");
    expect(empty.issues.map((i) => i.message)).toEqual([expect.stringMatching(/nothing to split/)]);
    const listToText = validateGraph(
      {
        nodes: [
          { id: "s", type: "splitText", position: { x: 0, y: 0 }, data: { text: "a\nb" } },
          { id: "g", type: "generation", position: { x: 0, y: 0 }, data: {} },
        ],
        edges: [{ id: "e", source: "s", sourceHandle: "list", target: "g", targetHandle: "prompt" }],
      },
      "save",
    );
    expect(listToText.issues.map((i) => i.code)).toEqual(["port_type_mismatch"]);
  });
});
