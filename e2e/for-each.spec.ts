/**
 * A For each loop built in the editor (issue 11): Prompt (three product names, one per line) →
 * Split text → For each → Generation → Upscale → End → Output, run on the offline engine: one
 * upscaled image per line, per-item progress on the canvas and in the run panel, and every
 * result downloadable.
 */
import { expect, test } from "@playwright/test";
import { mkdirSync } from "node:fs";
import sharp from "sharp";
import { connect, createWorkflow, dragFromPalette, expectNodesSucceeded, waitSaved } from "./support/editor";

const SHOTS = process.env.E2E_SHOTS_DIR;
const shot = async (page: import("@playwright/test").Page, name: string) => {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
};

/**
 * Builds, in the editor, the loop both tests share: Prompt (three product names, one per line) →
 * Split text → For each → Generation (1:1) → Upscale (Precise) → End, with End's images left for
 * the test to connect. Node ids are `<type>-1`.
 */
async function buildProductLoop(page: import("@playwright/test").Page, name: string) {
  await createWorkflow(page, name);
  await dragFromPalette(page, "prompt", 150, 60);
  await dragFromPalette(page, "splitText", 420, 60);
  await dragFromPalette(page, "forEach", 690, 60);
  await dragFromPalette(page, "generation", 150, 330);
  await dragFromPalette(page, "upscale", 420, 330);
  await dragFromPalette(page, "forEachEnd", 690, 330);

  await connect(page, "prompt-1", "text", "splitText-1", "text");
  await connect(page, "splitText-1", "list", "forEach-1", "list");
  await connect(page, "forEach-1", "item", "generation-1", "prompt");
  await connect(page, "generation-1", "image", "upscale-1", "image");
  await connect(page, "upscale-1", "image", "forEachEnd-1", "image");

  await page.getByTestId("node-prompt-1").click();
  await page.getByTestId("field-text").fill("Ceramic mug\nWalnut side table\nLinen lamp shade");
  await page.getByTestId("node-generation-1").click();
  await page.getByTestId("field-aspectRatio").selectOption("1:1");
  await page.getByTestId("node-upscale-1").click();
  await page.getByTestId("field-preset").selectOption("precise");
}

test("Split text → For each (Generation → Upscale) → End → Output makes one upscaled image per line, and each downloads", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await buildProductLoop(page, "Product shots");
  await dragFromPalette(page, "output", 690, 610);
  await connect(page, "forEachEnd-1", "images", "output-1", "image");
  await page.getByTestId("node-upscale-1").click();
  await page.getByTestId("field-factor").selectOption("2");
  await waitSaved(page);

  await page.getByTestId("run-button").click();
  // While it runs, the body nodes count their items.
  await expect(page.getByTestId("node-generation-1").getByTestId("node-item-progress")).toContainText("/ 3 done", { timeout: 60_000 });
  await shot(page, "loop-running");
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout: 240_000 });
  await expectNodesSucceeded(page, ["prompt-1", "splitText-1", "forEach-1", "generation-1", "upscale-1", "forEachEnd-1", "output-1"]);
  await expect(page.getByTestId("node-upscale-1").getByTestId("node-item-progress")).toHaveText("3 / 3 done");
  await expect(page.getByTestId("node-forEach-1").getByTestId("node-item-progress")).toHaveText("3 items");
  await shot(page, "loop-done");

  // The run panel lists each item with its steps.
  const panel = page.getByTestId("run-panel");
  if ((await page.getByTestId("loop-items").count()) === 0) await panel.getByRole("button", { name: "Run" }).first().click();
  await expect(page.getByTestId("loop-item")).toHaveCount(3);
  await expect(page.getByTestId("loop-items-summary")).toHaveText("3 / 3 done");
  await expect(page.getByTestId("loop-item").nth(1)).toContainText("Walnut side table");
  await expect(page.getByTestId("loop-item").nth(1)).toHaveAttribute("data-status", "succeeded");
  await shot(page, "loop-run-panel");

  // Three outputs, each the generated 1:1 image upscaled 2x, each downloadable.
  const links = page.getByTestId("download-link");
  await expect(links).toHaveCount(3);
  const sizes = [];
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) {
    expect(href).toMatch(/\/api\/assets\/.+\/file\?download=1/);
    const response = await page.request.get(href);
    expect(response.ok()).toBe(true);
    expect(response.headers()["content-disposition"]).toMatch(/attachment/);
    const meta = await sharp(await response.body()).metadata();
    sizes.push(`${meta.width}×${meta.height}`);
  }
  const generated = await page.request.get(`/api/runs/${await page.getByTestId("run-status").getAttribute("data-run-id")}`);
  const run = (await generated.json()).run as { nodes: { nodeId: string; items?: { outputs: { width: number; height: number }[] }[] }[] };
  const gen = run.nodes.find((n) => n.nodeId === "generation-1")!;
  expect(gen.items).toHaveLength(3);
  const first = gen.items![0].outputs[0];
  expect(sizes).toEqual(Array(3).fill(`${first.width * 2}×${first.height * 2}`));
  const [download] = await Promise.all([page.waitForEvent("download"), links.first().click()]);
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  await page.getByTestId("loop-items").scrollIntoViewIfNeeded();
  await shot(page, "loop-items-list");
  if (SHOTS) {
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "loop-mobile");
  }
});

test("Split text → For each (Generation → Upscale) → End → Pick → Output: the run pauses with one candidate per line, and the two picked download", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await buildProductLoop(page, "Pick the best products");
  await dragFromPalette(page, "pick", 150, 610);
  await dragFromPalette(page, "output", 420, 610);
  await connect(page, "forEachEnd-1", "images", "pick-1", "images");
  await connect(page, "pick-1", "image", "output-1", "image");
  await page.getByTestId("node-pick-1").click();
  await page.getByTestId("field-maxPicks").fill("2");
  await waitSaved(page);

  await page.getByTestId("run-button").click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "waiting", { timeout: 240_000 });
  const runId = (await page.getByTestId("run-status").getAttribute("data-run-id"))!;
  const pickNode = page.getByTestId("node-pick-1");
  await expect(pickNode.getByTestId("pick-candidate")).toHaveCount(3);
  await expect(page.getByTestId("node-output-1")).toHaveAttribute("data-status", "queued");
  await shot(page, "loop-pick-waiting");

  const waiting = (await (await page.request.get(`/api/runs/${runId}`)).json()).run as {
    nodes: { nodeId: string; pick?: { candidates: { assetId: string }[] } }[];
  };
  const candidates = waiting.nodes.find((n) => n.nodeId === "pick-1")!.pick!.candidates;
  expect(candidates).toHaveLength(3);
  // The chooser's lower half may sit under the run panel: its controls are clicked directly.
  await pickNode.getByTestId("pick-candidate").nth(0).dispatchEvent("click");
  await pickNode.getByTestId("pick-candidate").nth(2).dispatchEvent("click");
  await pickNode.getByTestId("pick-continue").dispatchEvent("click");

  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout: 120_000 });
  const run = (await (await page.request.get(`/api/runs/${runId}`)).json()).run as {
    nodes: { nodeId: string; outputs: { assetId: string; width: number; height: number }[] }[];
  };
  const picked = run.nodes.find((n) => n.nodeId === "pick-1")!.outputs.map((o) => o.assetId);
  expect(picked).toEqual([candidates[0].assetId, candidates[2].assetId]);
  expect(run.nodes.find((n) => n.nodeId === "output-1")!.outputs.map((o) => o.assetId)).toEqual(picked);

  const links = page.getByTestId("download-link");
  await expect(links).toHaveCount(2);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) {
    const response = await page.request.get(href);
    expect(response.ok()).toBe(true);
    expect(response.headers()["content-disposition"]).toMatch(/attachment/);
    const meta = await sharp(await response.body()).metadata();
    expect(meta.width).toBeGreaterThan(1024);
  }
  await shot(page, "loop-pick-done");
});
