/**
 * Workflow files in and out of the editor (issue 11, "Import and export"): File → Import a ComfyUI
 * workflow (with a node the studio has no equivalent for), read the report, undo the import; drop a
 * ComfyUI API file on the canvas; File → Export as Scenario file and read what was downloaded.
 * Screenshots of the File menu and the report dialog go to the test's output folder.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createWorkflow, savedGraph, waitSaved } from "./support/editor";

const COMFY = path.resolve("lib/interop/__fixtures__/comfyui");
const comfyJson = (name: string) => JSON.parse(readFileSync(path.join(COMFY, name), "utf8"));
const nodes = (page: Page) => page.locator(".react-flow__node:not(.react-flow__node-studio-note):not(.react-flow__node-studio-group)");

test("import a ComfyUI file from the File menu, read the report, undo and redo it", async ({ page }, testInfo) => {
  const id = await createWorkflow(page, "ComfyUI import");
  // The txt2img fixture, with a custom node between the decoder and the save node.
  const workflow = comfyJson("txt2img.ui.json");
  workflow.nodes.push({
    id: 20,
    type: "FaceDetailer",
    title: "Face fix",
    pos: [1300, 400],
    inputs: [{ name: "image", type: "IMAGE", link: 30 }],
    outputs: [{ name: "IMAGE", type: "IMAGE", links: [31], slot_index: 0 }],
    widgets_values: [384, true],
  });
  workflow.links = workflow.links.filter((l: number[]) => l[0] !== 9);
  workflow.nodes.find((n: { id: number }) => n.id === 9).inputs[0].link = 31;
  workflow.links.push([30, 8, 0, 20, 0, "IMAGE"], [31, 20, 0, 9, 0, "IMAGE"]);
  const file = testInfo.outputPath("lighthouse.json");
  writeFileSync(file, JSON.stringify(workflow));

  await page.getByTestId("file-menu").click();
  await expect(page.getByRole("menu", { name: "File" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("file-menu-1440.png") });
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("file-import").click();
  await (await chooser).setFiles(file);

  const report = page.getByTestId("import-report");
  await expect(report).toBeVisible();
  await expect(report).toContainText("from ComfyUI");
  const attention = page.getByTestId("import-report-attention");
  await expect(attention).toContainText("Face fix");
  await expect(attention).toContainText("FaceDetailer");
  await expect(attention).toContainText("negative prompt");
  await expect(page.getByTestId("import-report-folded")).toContainText("sd_xl_base_1.0.safetensors");
  await page.screenshot({ path: testInfo.outputPath("import-report-1440.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("import-report-390.png") });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId("import-report-close").click();
  await expect(report).toBeHidden();

  // The nodes are on the canvas: Prompt → Generation → placeholder → Output, and the ComfyUI note as a sticky note.
  await expect(nodes(page)).toHaveCount(4);
  await expect(page.getByTestId("node-generation-3")).toBeVisible();
  await expect(page.getByTestId("node-placeholder-20")).toContainText("no equivalent here yet");
  // The canvas renders only what is in view: fit it to see the imported note too.
  await page.locator(".react-flow__controls-fitview").click();
  await expect(page.locator(".react-flow__node-studio-note")).toHaveCount(1);
  await page.getByTestId("node-placeholder-20").click();
  await page.screenshot({ path: testInfo.outputPath("imported-canvas-1440.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("imported-canvas-390.png") });
  await page.setViewportSize({ width: 1440, height: 900 });
  await waitSaved(page);
  const graph = await savedGraph(page, id);
  expect(graph.nodes.map((n) => n.type).sort()).toEqual(["generation", "output", "placeholder", "prompt"]);
  expect(graph.nodes.find((n) => n.type === "generation")?.data).toMatchObject({ width: 768, height: 512 });
  expect(graph.edges).toHaveLength(3);

  // One undo step takes the whole import away; redo brings it back.
  await page.getByTestId("undo").click();
  await expect(nodes(page)).toHaveCount(0);
  await page.getByTestId("redo").click();
  await expect(nodes(page)).toHaveCount(4);
});

test("a ComfyUI file dropped on the canvas is imported below what is there", async ({ page }) => {
  const id = await createWorkflow(page, "ComfyUI drop");
  const savedGraphWith = async (count: number) => {
    await expect.poll(async () => (await savedGraph(page, id)).nodes.length, { timeout: 15_000 }).toBe(count);
    return savedGraph(page, id);
  };
  const drop = async (name: string) => {
    const text = readFileSync(path.join(COMFY, name), "utf8");
    const dataTransfer = await page.evaluateHandle(
      ({ text, name }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], name, { type: "application/json" }));
        return transfer;
      },
      { text, name },
    );
    await page.dispatchEvent("[data-testid=canvas] .react-flow__pane", "drop", { dataTransfer, clientX: 600, clientY: 400 });
  };
  await drop("img2img-upscale.api.json");
  await expect(page.getByTestId("import-report")).toBeVisible();
  await page.getByTestId("import-report-close").click();
  // LoadImage, the prompt, the sampler, the upscale and the two outputs.
  await expect(nodes(page)).toHaveCount(6);
  await expect(page.getByTestId("node-upscale-13")).toBeVisible();
  const firstIds = new Set((await savedGraphWith(6)).nodes.map((n) => n.id));

  // A second drop lands below the first (in canvas coordinates), with fresh ids for the ones taken.
  await drop("inpaint.ui.json");
  await page.getByTestId("import-report-close").click();
  await expect(nodes(page)).toHaveCount(11);
  const graph = await savedGraphWith(11);
  const first = graph.nodes.filter((n) => firstIds.has(n.id));
  const second = graph.nodes.filter((n) => !firstIds.has(n.id));
  expect(second.map((n) => n.type).sort()).toEqual(["imageInput", "imageInput", "output", "prompt", "retouch"]);
  expect(Math.min(...second.map((n) => n.position.y))).toBeGreaterThan(Math.max(...first.map((n) => n.position.y)));
});

test("export as Scenario file downloads the workflow in Scenario's format", async ({ page }) => {
  await createWorkflow(page, "Lighthouse poster");
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("file-menu").click();
  await page.getByTestId("file-import").click();
  await (await chooser).setFiles(path.join(COMFY, "txt2img.ui.json"));
  await page.getByTestId("import-report-close").click();
  await expect(nodes(page)).toHaveCount(3);
  await waitSaved(page);

  const download = page.waitForEvent("download");
  await page.getByTestId("file-menu").click();
  await page.getByTestId("file-export-scenario").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("lighthouse-poster.scenario.json");
  const exported = JSON.parse(readFileSync((await file.path())!, "utf8"));
  expect(exported).toMatchObject({ version: "1.0", name: "Lighthouse poster", tagSet: [] });
  const types = exported.editorInfo.nodes.map((n: { type: string }) => n.type).sort();
  expect(types).toEqual(["model", "stickyNote", "text"]);
  const model = exported.editorInfo.nodes.find((n: { type: string }) => n.type === "model");
  expect(model.data.isOutput).toBe(true);
  expect(typeof model.data.modelId).toBe("string");
  const text = exported.editorInfo.nodes.find((n: { type: string }) => n.type === "text");
  expect(text.data).toMatchObject({ value: "a lighthouse on a cliff at sunset, oil painting, warm light", isInput: true });
  // Reversed edge: the consuming model node is the source, with Scenario's handle ids.
  expect(exported.editorInfo.edges).toEqual([
    expect.objectContaining({
      source: model.id,
      sourceHandle: `${model.id}-source-prompt`,
      target: text.id,
      targetHandle: `${text.id}-target-output`,
    }),
  ]);
  expect(exported.editorInfo.inputKeys).toEqual([text.id]);
  expect(exported.inputs).toEqual([expect.objectContaining({ type: "string", name: text.id })]);
});
