import { describe, expect, it } from "vitest";
import { validateGraph } from "../validate";
import { editChain, generationChain } from "./fixtures";

describe("validateGraph", () => {
  it("accepts a complete edit chain for running and returns it in execution order", () => {
    const result = validateGraph(editChain(), "run");
    expect(result.issues).toEqual([]);
    expect(result.plan!.order).toEqual(["in", "retouch", "expand", "upscale", "out"]);
    expect(result.plan!.nodes.get("upscale")!.params).toMatchObject({ factor: 2, preset: "balanced", model: "auto" });
  });

  it("refuses a cycle and names the nodes on it", () => {
    const graph = editChain();
    graph.edges.push({ id: "back", source: "upscale", sourceHandle: "image", target: "retouch", targetHandle: "mask" });
    const result = validateGraph(graph, "save");
    expect(result.ok).toBe(false);
    const cycle = result.issues.find((i) => i.code === "cycle")!;
    expect(cycle.message).toContain('"retouch"');
    expect(cycle.message).toContain('"expand"');
    expect(cycle.message).toContain('"upscale"');
  });

  it("refuses a text output wired into an image port, naming node and port", () => {
    const graph = generationChain();
    graph.nodes.push({ id: "up", type: "upscale", position: { x: 0, y: 300 }, data: {} });
    graph.edges.push({ id: "bad", source: "p", sourceHandle: "text", target: "up", targetHandle: "image" });
    const result = validateGraph(graph, "save");
    const issue = result.issues.find((i) => i.code === "port_type_mismatch")!;
    expect(issue).toMatchObject({ nodeId: "up", port: "image", edgeId: "bad" });
    expect(issue.message).toMatch(/Upscale node "up": input "image" takes image.*Prompt node "p" output "text" gives text/);
  });

  it("saves a half-built graph but refuses to run it, naming the unconnected port", () => {
    const graph = editChain();
    graph.edges = graph.edges.filter((e) => e.id !== "e3");
    expect(validateGraph(graph, "save").ok).toBe(true);
    const run = validateGraph(graph, "run");
    expect(run.ok).toBe(false);
    expect(run.issues).toContainEqual(expect.objectContaining({ code: "missing_input", nodeId: "upscale", port: "image" }));
    expect(run.nodeIssues.upscale[0].message).toBe('Upscale node "upscale": input "image" is not connected');
  });

  it("refuses to run a Retouch without a mask and an Image input without an upload", () => {
    const result = validateGraph(editChain(null, null), "run");
    expect(result.issues).toContainEqual(expect.objectContaining({ nodeId: "in", field: "assetId" }));
    expect(result.issues).toContainEqual(expect.objectContaining({ nodeId: "retouch", port: "mask", field: "maskAssetId" }));
  });

  it("refuses an unknown node kind, naming the node", () => {
    const graph = editChain();
    graph.nodes.push({ id: "x", type: "teleport", position: { x: 0, y: 0 }, data: {} });
    const result = validateGraph(graph, "save");
    expect(result.issues).toContainEqual({ code: "unknown_node_type", nodeId: "x", message: 'Node "x" has an unknown type "teleport"' });
  });

  it("refuses an unknown port and an edge to a missing node", () => {
    const graph = editChain();
    graph.edges.push({ id: "e5", source: "in", sourceHandle: "image", target: "upscale", targetHandle: "style" });
    graph.edges.push({ id: "e6", source: "ghost", sourceHandle: "image", target: "out", targetHandle: "image" });
    const result = validateGraph(graph, "save");
    expect(result.issues).toContainEqual(expect.objectContaining({ code: "unknown_port", nodeId: "upscale", port: "style" }));
    expect(result.issues).toContainEqual(expect.objectContaining({ code: "unknown_node", edgeId: "e6" }));
  });

  it("refuses a second edge into the same input port", () => {
    const graph = editChain();
    graph.edges.push({ id: "e5", source: "in", sourceHandle: "image", target: "upscale", targetHandle: "image" });
    const result = validateGraph(graph, "save");
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: "port_already_connected", nodeId: "upscale", port: "image", edgeId: "e5" }),
    );
  });

  it("refuses parameters out of range, naming node and field", () => {
    const graph = generationChain(7);
    const result = validateGraph(graph, "save");
    expect(result.issues).toContainEqual(expect.objectContaining({ code: "invalid_parameter", nodeId: "gen", field: "numOutputs" }));
    expect(result.issues[0].message).toContain('Generation node "gen": parameter "numOutputs" must be 1 to 4');
  });

  it("refuses a malformed graph with the path of the problem", () => {
    const result = validateGraph({ nodes: [{ id: "a", type: "prompt", position: { x: "left" } }], edges: [] }, "save");
    expect(result.ok).toBe(false);
    expect(result.issues[0].message).toMatch(/^graph\.nodes\.0\.position\.x/);
  });

  it("resolves an edge without handle ids when both nodes have a single port", () => {
    const graph = editChain();
    graph.edges[3] = { id: "e4", source: "upscale", target: "out" };
    const result = validateGraph(graph, "run");
    expect(result.ok).toBe(true);
    expect(result.plan!.edges.find((e) => e.id === "e4")).toMatchObject({ sourceHandle: "image", targetHandle: "image" });
  });
});
