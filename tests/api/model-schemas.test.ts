/**
 * GET /api/models/:id/schema (the schema a run would use) and the save response's model warnings,
 * against the real route handlers, the embedded database and the offline engine.
 */
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { actAsNewOwner, call, useFreshDataDir } from "./harness";

useFreshDataDir();
const schemaRoute = await import("@/app/api/models/[id]/schema/route");
const list = await import("@/app/api/workflows/route");
const one = await import("@/app/api/workflows/[id]/route");
const upload = await import("@/app/api/assets/route");
await actAsNewOwner();

beforeAll(async () => {
  await call(list.GET);
}, 60_000);

describe("GET /api/models/:id/schema", () => {
  it("answers the offline engine's own schema while the studio runs offline", async () => {
    const answer = await call(schemaRoute.GET, { params: { id: "model_openai-gpt-image-2" } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ modelId: "model_openai-gpt-image-2", name: "GPT Image 2", origin: "provider", message: null });
    expect(answer.body.schema.source).toBe("local preview engine");
    expect(answer.body.schema.inputs.map((i: { name: string }) => i.name)).toContain("upscaleFactor");
  });

  it("refuses Auto and malformed ids with a 400 naming the problem", async () => {
    const auto = await call(schemaRoute.GET, { params: { id: "auto" } });
    expect(auto.status).toBe(400);
    expect(auto.body.error.message).toBe('"auto" is not a model id: pick a model (Auto has no settings of its own)');
    expect((await call(schemaRoute.GET, { params: { id: "bad id!" } })).status).toBe(400);
  });
});

describe("save response warnings", () => {
  it("a node the model cannot express is saved, with the run's refusal as a warning on it", async () => {
    const graph = {
      nodes: [
        { id: "p", type: "prompt", position: { x: 0, y: 0 }, data: { text: "a fox" } },
        { id: "g", type: "generation", position: { x: 300, y: 0 }, data: { numOutputs: 4, seed: 3 } },
      ],
      edges: [{ id: "e", source: "p", sourceHandle: "text", target: "g", targetHandle: "prompt" }],
    };
    const created = await call(list.POST, { method: "POST", json: { name: "Warn", graph } });
    expect(created.status).toBe(201);
    graph.nodes[1].data = { numOutputs: 4, seed: 3, settings: { guidance: 3 } } as never;
    const saved = await call(one.PUT, { method: "PUT", params: { id: created.body.workflow.id }, json: { graph, version: 1 } });
    expect(saved.status).toBe(200);
    expect(saved.body.warnings).toEqual([
      expect.objectContaining({
        code: "model_note",
        nodeId: "g",
        field: "guidance",
        message: expect.stringMatching(/^The setting guidance belongs to another model: it is not sent to /),
      }),
    ]);
    const read = await call(one.GET, { params: { id: created.body.workflow.id } });
    expect(read.body.warnings).toEqual(saved.body.warnings);
  });

  it("an uploaded image too large for the model after expanding is flagged at its real size when saved, before any run", async () => {
    const png = await sharp({ create: { width: 6000, height: 3000, channels: 3, background: "#5a7" } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(png)], { type: "image/png" }), "wide.png");
    const uploaded = await call(upload.POST, { method: "POST", body: form });
    expect(uploaded.status).toBe(201);
    const graph = {
      nodes: [
        { id: "img", type: "imageInput", position: { x: 0, y: 0 }, data: { assetId: uploaded.body.asset.id } },
        { id: "x", type: "expand", position: { x: 300, y: 0 }, data: { aspectRatio: "1:1" } },
      ],
      edges: [{ id: "e", source: "img", sourceHandle: "image", target: "x", targetHandle: "image" }],
    };
    const created = await call(list.POST, { method: "POST", json: { name: "Too wide", graph } });
    const saved = await call(one.PUT, { method: "PUT", params: { id: created.body.workflow.id }, json: { graph, version: 1 } });
    expect(saved.status).toBe(200);
    // 6000 × 3000 expanded to 1:1 is 6000 × 6000; the offline engine takes at most 4,096 px a side.
    expect(saved.body.warnings).toContainEqual(
      expect.objectContaining({
        code: "model_refusal",
        nodeId: "x",
        message: expect.stringContaining(
          "The image is 6,000 px wide after expanding; the model allows at most 4,096 px. Use a smaller input or a lower target size.",
        ),
      }),
    );
  });
});
