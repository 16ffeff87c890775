/**
 * The studio as a new user tries it: create a workflow from the list, build it by dragging
 * nodes from the palette and connecting their handles, upload a photo, paint a mask, set
 * parameters, run on the offline engine, watch every node succeed, open the result at its
 * expected pixel size, and find the graph unchanged after a reload.
 */
import { expect, test } from "@playwright/test";
import {
  connect,
  createWorkflow,
  dragFromPalette,
  expectNodesSucceeded,
  handle,
  openFirstOutput,
  paintMask,
  runAndWait,
  savedGraph,
  uploadToImageInput,
  waitSaved,
} from "./support/editor";

test("build, run and reload Image input → Retouch → Expand → Upscale → Output on coffee.png", async ({ page }) => {
  test.setTimeout(360_000); // Upscale's default preset (Balanced) runs ESRGAN offline: tens of seconds on 2 loaded cores
  const id = await createWorkflow(page, "Coffee hero");

  await dragFromPalette(page, "imageInput", 140, 200);
  await dragFromPalette(page, "retouch", 400, 200);
  await dragFromPalette(page, "expand", 660, 200);
  await dragFromPalette(page, "upscale", 400, 480);
  await dragFromPalette(page, "output", 660, 480);

  await connect(page, "imageInput-1", "image", "retouch-1", "image");
  await connect(page, "retouch-1", "image", "expand-1", "image");
  await connect(page, "expand-1", "image", "upscale-1", "image");
  await connect(page, "upscale-1", "image", "output-1", "image");

  // Upload the photo through the Image input's inspector.
  await uploadToImageInput(page, "imageInput-1", "coffee.png", "600 × 400 px");

  // Paint a mask over the cup for Retouch.
  await page.getByTestId("node-retouch-1").click();
  await page.getByTestId("field-prompt").fill("a swirl of latte art");
  await paintMask(page);

  await page.getByTestId("node-expand-1").click();
  await page.getByTestId("field-aspectRatio").selectOption("16:9");
  await page.getByTestId("node-upscale-1").click();
  await page.getByTestId("field-factor").selectOption("2");
  await waitSaved(page);

  // The saved graph holds what was built: the upload, a mask the size of the photo, 16:9, 2x.
  const before = await savedGraph(page, id);
  const data = Object.fromEntries(before.nodes.map((n) => [n.id, n.data]));
  expect(before.edges).toHaveLength(4);
  expect(data["expand-1"]).toMatchObject({ aspectRatio: "16:9" });
  expect(data["upscale-1"]).toMatchObject({ factor: 2 });
  const mask = await (await page.request.get(`/api/assets/${data["retouch-1"].maskAssetId}`)).json();
  expect(mask.asset).toMatchObject({ width: 600, height: 400, mimeType: "image/png" });

  await runAndWait(page, 240_000);
  await expectNodesSucceeded(page, ["imageInput-1", "retouch-1", "expand-1", "upscale-1", "output-1"]);
  // 600×400 expanded to the smallest 16:9 canvas (720×405), then upscaled 2x.
  expect(await openFirstOutput(page)).toEqual({ width: 1440, height: 810 });
  await expect(page.getByTestId("download-link").first()).toHaveAttribute("href", /\/api\/assets\/.+\/file\?download=1/);

  // Reload: the same graph comes back, nothing lost.
  await page.reload();
  await expect(page.locator(".react-flow__node")).toHaveCount(5);
  await expect(page.locator(".react-flow__edge")).toHaveCount(4);
  expect(await savedGraph(page, id)).toEqual(before);
  await page.getByTestId("node-upscale-1").click();
  await expect(page.getByTestId("field-factor")).toHaveValue("2");
});

test("Prompt → Generation → Output runs text-to-image, and a wrong connection is refused visibly", async ({ page }) => {
  const id = await createWorkflow(page, "Fox poster");

  await dragFromPalette(page, "prompt", 140, 220);
  await dragFromPalette(page, "generation", 440, 220);
  await dragFromPalette(page, "upscale", 440, 520);
  await dragFromPalette(page, "output", 760, 220);

  // A Prompt's text cannot feed an image port: no edge, and the user is told why.
  await handle(page, "prompt-1", "source", "text").dragTo(handle(page, "upscale-1", "target", "image"));
  await expect(page.getByTestId("toast").filter({ hasText: "takes image" })).toBeVisible();
  await expect(page.locator(".react-flow__edge")).toHaveCount(0);

  // Remove the spare Upscale node with the keyboard.
  await page.getByTestId("node-upscale-1").click();
  await page.keyboard.press("Delete");
  await expect(page.locator(".react-flow__node-upscale")).toHaveCount(0);

  await connect(page, "prompt-1", "text", "generation-1", "prompt");
  await connect(page, "generation-1", "image", "output-1", "image");
  await page.getByTestId("node-prompt-1").click();
  await page.getByTestId("field-text").fill("A red fox in fresh snow, golden hour");
  await page.getByTestId("node-generation-1").click();
  await page.getByTestId("field-aspectRatio").selectOption("16:9");
  await waitSaved(page);

  await runAndWait(page);
  await expectNodesSucceeded(page, ["prompt-1", "generation-1", "output-1"]);
  // The offline engine says it does not draw the prompt.
  await expect(page.getByTestId("local-engine-note").first()).toBeVisible();
  expect(await openFirstOutput(page)).toEqual({ width: 1024, height: 576 });

  const graph = await savedGraph(page, id);
  expect(graph.nodes.map((n) => n.type).sort()).toEqual(["generation", "output", "prompt"]);
  const run = (await (await page.request.get(`/api/workflows/${id}/runs`)).json()).runs[0];
  expect(run.status).toBe("succeeded");
});
