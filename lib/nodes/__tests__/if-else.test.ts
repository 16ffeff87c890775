import { describe, expect, it } from "vitest";
import { validateGraph } from "../../graph/validate";
import { chooseBranch, ifElseNode } from "../if-else";

const image = { assetId: "a1", url: "/a1", width: 640, height: 480 };

describe("If / else", () => {
  it("takes the first condition that holds, ignoring case and surrounding spaces", () => {
    const conditions = [
      { operator: "contains" as const, value: "Mug" },
      { operator: "isNotEmpty" as const, value: "" },
    ];
    expect(chooseBranch("  a ceramic MUG ", conditions)).toBe("if1");
    expect(chooseBranch("a vase", conditions)).toBe("if2");
    expect(chooseBranch("   ", conditions)).toBe("else");
  });

  it("applies each operator", () => {
    const branch = (operator: "isEmpty" | "notContains" | "equals" | "notEquals", value = "") =>
      chooseBranch("Lamp", [{ operator, value }]);
    expect([branch("isEmpty"), branch("notContains", "amp"), branch("notContains", "mug")]).toEqual(["else", "else", "if1"]);
    expect([branch("equals", " lamp "), branch("equals", "lam"), branch("notEquals", "lamp"), branch("notEquals", "mug")]).toEqual([
      "if1",
      "else",
      "else",
      "if1",
    ]);
  });

  it("passes the text, and the images when connected, on the chosen branch only", async () => {
    const params = ifElseNode.paramsSchema.parse({ conditions: [{ operator: "contains", value: "night" }] });
    expect(await ifElseNode.evaluate!({ params, inputs: { text: "a city at night" } })).toEqual({ if1: "a city at night" });
    expect(await ifElseNode.evaluate!({ params, inputs: { text: "a beach", image: [image] } })).toEqual({
      else: "a beach",
      elseImage: [image],
    });
  });

  it("needs at least one condition, and a value for the comparing ones, before running", () => {
    const graph = (conditions: unknown) => ({
      nodes: [
        { id: "p", type: "prompt", position: { x: 0, y: 0 }, data: { text: "x" } },
        { id: "b", type: "ifElse", position: { x: 0, y: 0 }, data: { conditions } },
      ],
      edges: [{ id: "e", source: "p", sourceHandle: "text", target: "b", targetHandle: "text" }],
    });
    expect(validateGraph(graph([]), "save").ok).toBe(true);
    expect(validateGraph(graph([]), "run").issues.map((i) => i.message)).toEqual([
      'If / else node "b": An If / else needs at least one condition: add one',
    ]);
    expect(validateGraph(graph([{ operator: "equals", value: " " }]), "run").issues.map((i) => i.message)).toEqual([
      'If / else node "b": Condition 1 (“equals”) has no value to compare with: type one',
    ]);
    expect(validateGraph(graph(Array.from({ length: 5 }, () => ({ operator: "isEmpty" }))), "save").ok).toBe(false);
  });

  it("shows one branch per condition, and image branches only with an image connected", () => {
    const params = ifElseNode.paramsSchema.parse({ conditions: [{ operator: "isEmpty" }, { operator: "isNotEmpty" }] });
    expect(ifElseNode.visibleOutputs!(params, new Set(["text"]))).toEqual(["if1", "if2", "else"]);
    expect(ifElseNode.visibleOutputs!(params, new Set(["text", "image"]))).toHaveLength(6);
  });
});
