/**
 * The offline engine's neural background removal as a new user meets it: Image input → Remove
 * background → Output on coffee.png, run without keys. The node shows real progress while the
 * model runs, and the result is a cut-out: the table at the corners is transparent, the cup
 * stays opaque, at the photo's size.
 */
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { connect, createWorkflow, dragFromPalette, fixture, openFirstOutput } from "./support/editor";

test("Remove background runs the neural model offline: progress on the node, a clean cut-out of coffee.png", async ({ page }) => {
  test.setTimeout(360_000); // the model takes tens of seconds on a loaded 2-core machine
  await createWorkflow(page, "Coffee cut-out");
  await dragFromPalette(page, "imageInput", 140, 220);
  await dragFromPalette(page, "removeBackground", 420, 220);
  await dragFromPalette(page, "output", 700, 220);
  await connect(page, "imageInput-1", "image", "removeBackground-1", "image");
  await connect(page, "removeBackground-1", "image", "output-1", "image");

  await page.getByTestId("node-imageInput-1").click();
  await page.getByTestId("upload-input").setInputFiles(fixture("coffee.png"));
  await expect(page.getByTestId("asset-dimensions")).toContainText("600 × 400 px");

  await page.getByTestId("run-button").click();
  const node = page.getByTestId("node-removeBackground-1");
  // Real progress from the job (decode 10 %, model loaded 20 %, …), not an indeterminate bar.
  await expect(node.getByRole("progressbar")).toHaveAttribute("aria-valuenow", /^[1-9][0-9]?$/, { timeout: 120_000 });
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout: 300_000 });
  await expect(node).toHaveAttribute("data-status", "succeeded");
  expect(await openFirstOutput(page)).toEqual({ width: 600, height: 400 });

  const href = await page.getByTestId("download-link").first().getAttribute("href");
  const file = await page.request.get(href!);
  expect(file.ok()).toBe(true);
  const { data, info } = await sharp(await file.body())
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const alpha = (x: number, y: number) => data[(y * info.width + x) * 4 + 3];
  expect([info.width, info.height]).toEqual([600, 400]);
  for (const [x, y] of [
    [5, 5],
    [594, 5],
    [5, 394],
    [594, 394],
    [560, 200],
  ])
    expect(alpha(x, y), `table at ${x},${y}`).toBeLessThan(10);
  for (const [x, y] of [
    [290, 140],
    [280, 300],
    [150, 230],
    [420, 230],
  ])
    expect(alpha(x, y), `cup and saucer at ${x},${y}`).toBeGreaterThan(245);
});
