import { describe, expect, it } from "vitest";
import { idRecord, ownValue } from "./id-record";
import { issuesByNode } from "./issues";
import { validateGraph } from "./validate";

describe("records keyed by node ids", () => {
  it("have nothing under constructor, toString or __proto__ until it is stored", () => {
    const byNode = issuesByNode([]);
    expect(byNode["constructor"]).toBeUndefined();
    expect(byNode["toString"]).toBeUndefined();
    expect(byNode["__proto__"]).toBeUndefined();
  });

  it("group issues of nodes called constructor and __proto__ like any other", () => {
    const byNode = issuesByNode([
      { code: "missing_input", message: "a", nodeId: "constructor" },
      { code: "missing_input", message: "b", nodeId: "__proto__" },
      { code: "missing_input", message: "c", nodeId: "__proto__" },
    ]);
    expect(byNode["constructor"].map((i) => i.message)).toEqual(["a"]);
    expect(byNode["__proto__"].map((i) => i.message)).toEqual(["b", "c"]);
    expect(Object.keys(byNode).sort()).toEqual(["__proto__", "constructor"]);
  });

  it("validation names a broken node called constructor instead of throwing", () => {
    const result = validateGraph(
      {
        nodes: [
          { id: "constructor", type: "output", position: { x: 0, y: 0 }, data: {} },
          { id: "toString", type: "output", position: { x: 0, y: 0 }, data: {} },
        ],
        edges: [{ id: "__proto__", source: "toString", sourceHandle: "image", target: "constructor", targetHandle: "image" }],
      },
      "run",
    );
    expect(result.ok).toBe(false);
    expect(result.nodeIssues["constructor"]?.length ?? 0).toBeGreaterThan(0);
  });

  it("ownValue never returns an inherited member", () => {
    expect(ownValue({}, "constructor")).toBeUndefined();
    expect(ownValue(idRecord([["constructor", 1]]), "constructor")).toBe(1);
  });
});
