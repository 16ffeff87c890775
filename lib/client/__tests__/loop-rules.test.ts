/** Loop rules (lib/graph/loops.ts): what a For each … End must look like to run, in designer sentences. */
import { describe, expect, it } from "vitest";
import { describeIssue } from "../error-copy";
import type { GraphEdge, GraphNode, WorkflowGraph } from "../../graph/schema";
import { validateGraph } from "../../graph/validate";

const node = (id: string, type: string, data: Record<string, unknown> = {}): GraphNode => ({ id, type, position: { x: 0, y: 0 }, data });
const edge = (source: string, sourceHandle: string, target: string, targetHandle: string): GraphEdge => ({
  id: `${source}-${target}-${targetHandle}`,
  source,
  sourceHandle,
  target,
  targetHandle,
});

/** Split text → For each → Generation → End → Output, plus `extra`. */
function loop(extra: { nodes?: GraphNode[]; edges?: GraphEdge[] } = {}): WorkflowGraph {
  return {
    nodes: [
      node("split", "splitText", { text: "mug\nvase" }),
      node("each", "forEach"),
      node("gen", "generation"),
      node("end", "forEachEnd"),
      node("out", "output"),
      ...(extra.nodes ?? []),
    ],
    edges: [
      edge("split", "list", "each", "list"),
      edge("each", "item", "gen", "prompt"),
      edge("gen", "image", "end", "image"),
      edge("end", "images", "out", "image"),
      ...(extra.edges ?? []),
    ],
  };
}

const sentences = (graph: WorkflowGraph) => {
  const result = validateGraph(graph, "run");
  return result.issues.map((issue) => describeIssue(issue, { nodes: graph.nodes }));
};

describe("loop rules", () => {
  it("accepts a loop, and a node outside it feeding the body (it runs once, before the items)", () => {
    expect(validateGraph(loop(), "run").ok).toBe(true);
    const graph = loop({ nodes: [node("in", "imageInput", { assetId: "a1" }), node("fix", "retouch", { prompt: "x", maskAssetId: "m" })] });
    graph.edges = graph.edges.filter((e) => e.source !== "gen");
    graph.edges.push(edge("gen", "image", "fix", "image"), edge("in", "image", "fix", "mask"), edge("fix", "image", "end", "image"));
    expect(validateGraph(graph, "run").issues).toEqual([]);
  });

  it("refuses an End without a For each", () => {
    const graph: WorkflowGraph = {
      nodes: [node("p", "prompt", { text: "x" }), node("gen", "generation"), node("end", "forEachEnd")],
      edges: [edge("p", "text", "gen", "prompt"), edge("gen", "image", "end", "image")],
    };
    expect(validateGraph(graph, "run").issues.map((i) => [i.code, i.nodeId])).toEqual([["loop_without_start", "end"]]);
    expect(sentences(graph)).toEqual([
      "The End node has no For each before it. Connect a For each's item to the steps that lead to it, or delete it.",
    ]);
    // A half-built loop still saves.
    expect(validateGraph(graph, "save").ok).toBe(true);
  });

  it("refuses a For each without an End", () => {
    const graph = loop();
    graph.nodes = graph.nodes.filter((n) => n.id !== "end");
    graph.edges = graph.edges.filter((e) => e.source !== "end" && e.target !== "end");
    graph.edges.push(edge("gen", "image", "out", "image"));
    const issues = validateGraph(graph, "run").issues;
    expect(issues.map((i) => i.code)).toEqual(["loop_without_end"]);
  });

  it("refuses a body node that feeds a node outside the loop without passing End", () => {
    const graph = loop({ nodes: [node("side", "output", { label: "Side" })], edges: [edge("gen", "image", "side", "image")] });
    const issues = validateGraph(graph, "run").issues;
    expect(issues.map((i) => [i.code, i.nodeId, i.relatedNodeId])).toEqual([["loop_escape", "gen", "side"]]);
    expect(sentences(graph)).toEqual([
      "The Generation node runs once per item of the loop, but it also feeds the Side node, which is outside the loop. Take the loop's results from its End instead.",
    ]);
  });

  it("refuses loops inside loops", () => {
    const graph = loop({
      nodes: [node("split2", "splitText", { text: "a" }), node("each2", "forEach"), node("end2", "forEachEnd")],
      edges: [],
    });
    // each → gen → split2 → each2 → end2 → … the inner loop sits in the outer one's body.
    graph.edges = [
      edge("split", "list", "each", "list"),
      edge("each", "item", "split2", "text"),
      edge("split2", "list", "each2", "list"),
      edge("each2", "item", "gen", "prompt"),
      edge("gen", "image", "end2", "image"),
      edge("end2", "images", "end", "image"),
      edge("end", "images", "out", "image"),
    ];
    const issues = validateGraph(graph, "run").issues;
    expect(issues.map((i) => i.code)).toContain("loop_nested");
    expect(sentences(graph)).toContain("Loops inside loops are not supported yet: move the inner For each out of the loop.");
  });

  it("refuses two loops sharing one End", () => {
    const graph = loop({
      nodes: [node("split2", "splitText", { text: "a" }), node("each2", "forEach"), node("gen2", "generation")],
      edges: [edge("split2", "list", "each2", "list"), edge("each2", "item", "gen2", "prompt"), edge("gen2", "image", "end", "text")],
    });
    // An image cannot go on the End's text port: use the item text instead.
    graph.edges[graph.edges.length - 1] = edge("each2", "item", "end", "text");
    graph.edges = graph.edges.filter((e) => e.source !== "gen2" && e.target !== "gen2");
    graph.nodes = graph.nodes.filter((n) => n.id !== "gen2");
    const issues = validateGraph(graph, "run").issues;
    expect(issues.map((i) => [i.code, i.nodeId])).toEqual([["loop_end_shared", "end"]]);
  });
});
