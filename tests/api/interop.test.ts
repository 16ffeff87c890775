import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { actAsNewOwner, call, useFreshDataDir } from "./harness";

useFreshDataDir();
const importRoute = await import("@/app/api/interop/import/route");
const exportRoute = await import("@/app/api/workflows/[id]/export/route");
const workflows = await import("@/app/api/workflows/route");
await actAsNewOwner();

const comfy = (name: string) => JSON.parse(readFileSync(path.join(__dirname, "../../lib/interop/__fixtures__/comfyui", name), "utf8"));

describe("interop API", () => {
  it("imports a ComfyUI file into a graph and a report, saving nothing", async () => {
    const before = (await call(workflows.GET)).body.workflows.length;
    const answer = await call(importRoute.POST, { method: "POST", json: comfy("inpaint.ui.json") });
    expect(answer.status).toBe(200);
    expect(answer.body.kind).toBe("comfyui");
    expect(answer.body.graph.nodes.map((n: { type: string }) => n.type).sort()).toEqual([
      "imageInput",
      "imageInput",
      "output",
      "prompt",
      "retouch",
    ]);
    expect(answer.body.report.items.length).toBe(9);
    expect((await call(workflows.GET)).body.workflows.length).toBe(before);
  }, 60_000);

  it("refuses what is not a workflow file with a 400 and a sentence", async () => {
    for (const json of [
      { hello: 1 },
      [1, 2],
      JSON.stringify("text"),
      { nodes: [{ id: {} }], links: [] },
      { editorInfo: { nodes: [{ id: "" }] } },
    ]) {
      const answer = await call(importRoute.POST, { method: "POST", json });
      expect(answer.status, JSON.stringify(json)).toBe(400);
      expect(answer.body.error.message).toMatch(/^This /);
    }
    const huge = await call(importRoute.POST, { method: "POST", json: { blob: "x".repeat(5 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
  });

  it("exports a saved workflow as a Scenario file download that imports back to the same nodes", async () => {
    const imported = (await call(importRoute.POST, { method: "POST", json: comfy("img2img-upscale.api.json") })).body;
    const created = await call(workflows.POST, { method: "POST", json: { name: "Sneaker watercolor", graph: imported.graph } });
    expect(created.status).toBe(201);
    const id = created.body.workflow.id;
    const file = await call(exportRoute.GET, { params: { id }, url: `http://localhost/api/workflows/${id}/export?format=scenario` });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toBe('attachment; filename="sneaker-watercolor.scenario.json"');
    expect(file.body.editorInfo.nodes.map((n: { type: string }) => n.type).sort()).toEqual(["asset", "model", "model", "text"]);
    const back = await call(importRoute.POST, { method: "POST", json: file.body });
    expect(back.body.kind).toBe("scenario");
    const kinds = (g: { nodes: Array<{ id: string; type: string }> }) => g.nodes.map((n) => `${n.id}:${n.type}`).sort();
    expect(kinds(back.body.graph)).toEqual(kinds(imported.graph));

    const studio = await call(exportRoute.GET, { params: { id }, url: `http://localhost/api/workflows/${id}/export?format=studio` });
    expect(studio.body).toMatchObject({ format: "workflow-studio/workflow", version: 1, name: "Sneaker watercolor" });
    const bad = await call(exportRoute.GET, { params: { id }, url: `http://localhost/api/workflows/${id}/export?format=comfy` });
    expect(bad.status).toBe(400);
  }, 60_000);
});
