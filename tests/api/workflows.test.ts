import { beforeAll, describe, expect, it } from "vitest";
import { getNodeDefinition } from "@/lib/nodes";
import { actAsNewOwner, call, useFreshDataDir } from "./harness";

useFreshDataDir();
const list = await import("@/app/api/workflows/route");
const one = await import("@/app/api/workflows/[id]/route");
await actAsNewOwner();

const validGraph = {
  nodes: [
    { id: "p", type: "prompt", position: { x: 0, y: 0 }, data: { text: "a fox" }, selected: true, measured: { width: 200, height: 80 } },
    { id: "g", type: "generation", position: { x: 300, y: 0 }, data: { aspectRatio: "1:1" } },
  ],
  edges: [{ id: "e", source: "p", sourceHandle: "text", target: "g", targetHandle: "prompt" }],
};

async function create(name = "Fox", graph: unknown = validGraph) {
  return call(list.POST, { method: "POST", json: { name, graph } });
}

beforeAll(async () => {
  // Open the database once before the timed tests.
  await call(list.GET);
}, 60_000);

describe("workflows API", () => {
  it("creates, lists, reads, updates and deletes a workflow", async () => {
    const created = await create();
    expect(created.status).toBe(201);
    const { workflow } = created.body;
    expect(workflow).toMatchObject({ name: "Fox", version: 1 });
    // Stored in React Flow's shape, without UI-only keys.
    expect(workflow.graph.nodes[0]).toEqual({ id: "p", type: "prompt", position: { x: 0, y: 0 }, data: { text: "a fox" } });

    const listed = await call(list.GET);
    expect(listed.body.workflows.find((w: any) => w.id === workflow.id)).toMatchObject({ name: "Fox", nodeCount: 2, version: 1 });

    const read = await call(one.GET, { params: { id: workflow.id } });
    expect(read.body.workflow.graph.edges).toHaveLength(1);

    const moved = structuredClone(validGraph);
    moved.nodes[1].position = { x: 500, y: 40 };
    const updated = await call(one.PUT, { method: "PUT", params: { id: workflow.id }, json: { name: "Fox v2", graph: moved, version: 1 } });
    expect(updated.status).toBe(200);
    expect(updated.body.workflow).toMatchObject({ name: "Fox v2", version: 2 });
    expect(updated.body.workflow.graph.nodes[1].position).toEqual({ x: 500, y: 40 });

    const deleted = await call(one.DELETE, { method: "DELETE", params: { id: workflow.id } });
    expect(deleted.status).toBe(204);
    expect((await call(one.GET, { params: { id: workflow.id } })).status).toBe(404);
    expect((await call(list.GET)).body.workflows.some((w: any) => w.id === workflow.id)).toBe(false);
  });

  it("answers 409 to a save based on a stale version and keeps the newer graph", async () => {
    const { workflow } = (await create("Race")).body;
    const first = await call(one.PUT, {
      method: "PUT",
      params: { id: workflow.id },
      json: { graph: validGraph, name: "Tab A", version: 1 },
    });
    expect(first.status).toBe(200);
    const stale = await call(one.PUT, {
      method: "PUT",
      params: { id: workflow.id },
      json: { graph: { nodes: [], edges: [] }, name: "Tab B", version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "version_conflict", details: { currentVersion: 2 } });
    const read = await call(one.GET, { params: { id: workflow.id } });
    expect(read.body.workflow).toMatchObject({ name: "Tab A", version: 2 });
    expect(read.body.workflow.graph.nodes).toHaveLength(2);
  });

  it("saves sticky notes and groups beside the nodes, refuses a malformed one with 400, and keeps older graphs as they were", async () => {
    const { workflow } = (await create("Notes")).body;
    expect(workflow.graph).not.toHaveProperty("annotations");
    const annotations = [
      { id: "group-1", kind: "group", position: { x: -40, y: -80 }, size: { width: 640, height: 300 }, text: "Hero shot" },
      { id: "note-1", kind: "note", position: { x: 700, y: 0 }, size: { width: 240, height: 160 }, text: "Warmer light" },
    ];
    const saved = await call(one.PUT, {
      method: "PUT",
      params: { id: workflow.id },
      json: { graph: { ...validGraph, annotations }, version: 1 },
    });
    expect(saved.status).toBe(200);
    const read = await call(one.GET, { params: { id: workflow.id } });
    expect(read.body.workflow.graph.annotations).toEqual(annotations);
    // Still two nodes: annotations are not nodes.
    expect(read.body.workflow.graph.nodes).toHaveLength(2);

    const tiny = [{ ...annotations[1], size: { width: 2, height: 2 } }];
    const refused = await call(one.PUT, {
      method: "PUT",
      params: { id: workflow.id },
      json: { graph: { ...validGraph, annotations: tiny }, version: 2 },
    });
    expect(refused.status).toBe(400);
  });

  it("refuses an invalid graph with 400 naming node and port, and saves nothing", async () => {
    const before = (await call(list.GET)).body.workflows.length;
    const bad = structuredClone(validGraph);
    bad.nodes.push({ id: "u", type: "upscale", position: { x: 0, y: 0 }, data: {} } as any);
    bad.edges.push({ id: "x", source: "p", sourceHandle: "text", target: "u", targetHandle: "image" });
    const refused = await create("Bad", bad);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("invalid_graph");
    expect(refused.body.error.message).toContain('Upscale node "u": input "image" takes image');
    expect(refused.body.error.details.issues[0]).toMatchObject({ nodeId: "u", port: "image", code: "port_type_mismatch" });
    expect((await call(list.GET)).body.workflows.length).toBe(before);
  });

  it("refuses an update with an invalid graph and leaves the stored one unchanged", async () => {
    const { workflow } = (await create("Keep")).body;
    const cyclic = {
      nodes: [
        { id: "a", type: "upscale", position: { x: 0, y: 0 }, data: {} },
        { id: "b", type: "upscale", position: { x: 0, y: 0 }, data: {} },
      ],
      edges: [
        { id: "1", source: "a", sourceHandle: "image", target: "b", targetHandle: "image" },
        { id: "2", source: "b", sourceHandle: "image", target: "a", targetHandle: "image" },
      ],
    };
    const refused = await call(one.PUT, { method: "PUT", params: { id: workflow.id }, json: { graph: cyclic, version: 1 } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/cycle: "a" → "b" → "a"/);
    const read = await call(one.GET, { params: { id: workflow.id } });
    expect(read.body.workflow.version).toBe(1);
    expect(read.body.workflow.graph.nodes.map((n: any) => n.id)).toEqual(["p", "g"]);
  });

  it("answers 400 naming the field for a bad body, and for malformed JSON", async () => {
    const empty = await create("   ");
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe("body.name: must not be empty");
    const malformed = await call(list.POST, { method: "POST", json: "{not json" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("invalid_json");
    const noVersion = await call(one.PUT, { method: "PUT", params: { id: "whatever" }, json: { graph: validGraph } });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.message).toMatch(/^body\.version:/);
  });

  it("answers 404 for unknown ids on read, update and delete", async () => {
    expect((await call(one.GET, { params: { id: "nope" } })).status).toBe(404);
    expect((await call(one.PUT, { method: "PUT", params: { id: "nope" }, json: { graph: validGraph, version: 1 } })).status).toBe(404);
    expect((await call(one.DELETE, { method: "DELETE", params: { id: "nope" } })).status).toBe(404);
  });

  /**
   * A graph as the editor saves it: `count` nodes in chains of Image input → Retouch → Expand →
   * Upscale → Output, each with its node kind's default settings, ids as the editor makes them.
   */
  function editorGraph(count: number) {
    const chain = ["imageInput", "retouch", "expand", "upscale", "output"];
    const nodes = Array.from({ length: count }, (_, i) => {
      const type = chain[i % chain.length];
      return {
        id: `${type}-${i + 1}`,
        type,
        position: { x: (i % chain.length) * 260.5, y: Math.floor(i / chain.length) * 180.25 },
        data: structuredClone(getNodeDefinition(type)!.defaults),
      };
    });
    const edges = nodes
      .slice(1)
      .flatMap((node, i) =>
        i % chain.length === chain.length - 1
          ? []
          : [{ id: `e-${i}`, source: nodes[i].id, sourceHandle: "image", target: node.id, targetHandle: "image" }],
      );
    return { nodes, edges };
  }

  it("saves and reads back a graph of 2,000 nodes, and refuses one of 2,001 naming the limit", async () => {
    const big = editorGraph(2000);
    expect(JSON.stringify({ name: "Big", graph: big }).length).toBeLessThan(1024 * 1024);
    const created = await create("Two thousand", big);
    expect(created.status).toBe(201);
    const read = await call(one.GET, { params: { id: created.body.workflow.id } });
    expect(read.body.workflow.graph.nodes).toHaveLength(2000);
    expect(read.body.workflow.graph.edges).toHaveLength(big.edges.length);

    const tooBig = await create("Too big", editorGraph(2001));
    expect(tooBig.status).toBe(400);
    expect(JSON.stringify(tooBig.body.error)).toContain("2000");
  });
});
