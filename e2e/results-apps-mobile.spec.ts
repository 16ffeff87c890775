/**
 * Seeing results, Apps for teammates and small screens (issue 9), as a designer and a teammate
 * would try them: the before/after slider on an upscaled image (drag and arrow keys), in the
 * editor's lightbox and in an App's result; a Retouch App whose painted mask would land on a
 * teammate's photo is refused with the reason; and at 390×844 the editor keeps Run reachable and
 * opens the palette as a sheet, while the lists, the App form and the team page fit the width.
 *
 * The workflows are made through the API (what is under test is what the pages show), then used
 * through the pages. With SCREENSHOTS=1 every page is captured at both sizes (test-results/screens/).
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { fixture, runAndWait } from "./support/editor";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const stamp = Date.now().toString(36);

async function upload(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.post("/api/assets", {
    multipart: { file: { name, mimeType: name.endsWith(".jpg") ? "image/jpeg" : "image/png", buffer: await readFile(fixture(name)) } },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).asset.id;
}

type Graph = { nodes: Array<Record<string, unknown>>; edges: Array<Record<string, unknown>> };

async function createWorkflow(request: APIRequestContext, name: string, graph: Graph): Promise<string> {
  const response = await request.post("/api/workflows", { data: { name, graph } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).workflow.id;
}

/** Image input → Upscale 2x → Output. */
function upscaleGraph(photo: string | null): Graph {
  return {
    nodes: [
      { id: "in", type: "imageInput", position: { x: 0, y: 80 }, data: { assetId: photo } },
      { id: "up", type: "upscale", position: { x: 320, y: 80 }, data: { factor: 2, preset: "balanced" } },
      { id: "out", type: "output", position: { x: 640, y: 80 }, data: { label: "Upscaled" } },
    ],
    edges: [
      { id: "a", source: "in", sourceHandle: "image", target: "up", targetHandle: "image" },
      { id: "b", source: "up", sourceHandle: "image", target: "out", targetHandle: "image" },
    ],
  };
}

/** Where SCREENSHOTS=1 puts captures (a path instead of 1 keeps them out of Playwright's cleared output folder). */
function screensDir(): string {
  return process.env.SCREENSHOTS === "1" ? "test-results/screens" : process.env.SCREENSHOTS!;
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS) return;
  await page.waitForTimeout(400);
  await page.screenshot({
    path: `${screensDir()}/${name}-${page.viewportSize()?.width}.png`,
    fullPage: page.viewportSize()?.width === PHONE.width,
  });
}

/** Nothing scrolls sideways: the document is no wider than the phone. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

/** Drags the comparison's handle and presses arrow keys on it, checking the split follows. */
async function exerciseSlider(page: Page, view: ReturnType<Page["getByTestId"]>): Promise<void> {
  await expect(view).toHaveAttribute("data-position", "50");
  const slider = view.getByRole("slider");
  await slider.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(view).toHaveAttribute("data-position", "60");
  await page.keyboard.press("ArrowLeft");
  await expect(view).toHaveAttribute("data-position", "55");

  const box = (await view.boundingBox())!;
  const handle = (await slider.boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => Number(await view.getAttribute("data-position"))).toBeLessThan(30);
  // Both sides are real images: the input (451 px) under the upscaled result (902 px).
  await expect.poll(() => view.getByTestId("compare-before").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
}

test("an upscaled image compares with its input: a slider in the editor's lightbox, dragged and moved with the arrow keys", async ({
  page,
}) => {
  const photo = await upload(page.request, "chelsea.png");
  const id = await createWorkflow(page.request, `Compare ${stamp}`, upscaleGraph(photo));
  await page.goto(`/workflows/${id}`);
  await runAndWait(page);
  await shoot(page, "editor");

  // The run panel's thumbnail is the small rendition, not the 902 px PNG.
  const thumb = page.getByTestId("run-output").first();
  await expect(thumb).toHaveAttribute("src", /\?size=thumb$/);
  await thumb.click();
  const lightbox = page.getByTestId("lightbox");
  const view = lightbox.getByTestId("compare-view");
  await expect(view).toBeVisible();
  await expect.poll(() => lightbox.getByTestId("lightbox-image").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(902);
  await shoot(page, "editor-compare");
  await exerciseSlider(page, view);

  // The designer can look at the result alone, and back.
  await lightbox.getByTestId("lightbox-compare-toggle").click();
  await expect(view).toBeHidden();
  await expect(lightbox.getByTestId("lightbox-image")).toBeVisible();
  await lightbox.getByTestId("lightbox-compare-toggle").click();
  await expect(lightbox.getByTestId("compare-view")).toBeVisible();
  await page.keyboard.press("Escape");

  // The list shows the workflow with its latest output as a thumbnail.
  await page.goto("/");
  const row = page.locator(`[data-testid=workflow-row][data-workflow-id="${id}"]`);
  await expect(row.getByTestId("workflow-thumbnail")).toHaveAttribute("src", /\/api\/assets\/.+\/file\?size=thumb$/);
  await expect.poll(() => row.getByTestId("workflow-thumbnail").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(512);
  await shoot(page, "workflows");
});

test("an App's result compares with the teammate's photo, and the App's cover is the workflow's latest editor output", async ({ page }) => {
  const photo = await upload(page.request, "chelsea.png");
  const id = await createWorkflow(page.request, `Upscale app ${stamp}`, upscaleGraph(photo));
  const slug = `upscale-${stamp}`;
  const published = await page.request.post(`/api/workflows/${id}/publish`, {
    data: {
      name: "Upscale my photo",
      slug,
      description: "Twice the pixels.",
      inputs: [{ key: "photo", nodeId: "in", field: "assetId", label: "Your photo", required: true }],
    },
  });
  expect(published.status(), await published.text()).toBe(201);

  // The designer runs the workflow once in the editor: its result becomes the App's cover.
  await page.goto(`/workflows/${id}`);
  await runAndWait(page);

  await page.goto(`/apps/${slug}`);
  await expect(page.getByTestId("app-cover")).toHaveAttribute("src", /\?size=thumb$/);
  await page.getByTestId("app-input-photo-file").setInputFiles(fixture("coffee.png"));
  await expect(page.getByTestId("app-run-button")).toBeEnabled();
  await shoot(page, "app-form");
  await page.getByTestId("app-run-button").click();
  await expect(page.getByTestId("app-run-card").first()).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  const view = page.getByTestId("app-result").first().getByTestId("compare-view");
  await expect(view).toBeVisible();
  await shoot(page, "app-result");
  await exerciseSlider(page, view);

  // The Apps home shows the App with the workflow's latest image as its cover, not a letter.
  await page.goto("/apps");
  const card = page.getByTestId("app-card").filter({ hasText: "Upscale my photo" });
  await expect(card.getByTestId("app-cover")).toHaveAttribute("src", /\?size=thumb$/);
  await expect(card.getByTestId("app-cover-placeholder")).toHaveCount(0);
  await shoot(page, "apps");
});

test("a Retouch App cannot paint the designer's mask onto a teammate's photo: publishing says why", async ({ page }) => {
  const photo = await upload(page.request, "chelsea.png");
  const mask = await upload(page.request, "coffee.png");
  const id = await createWorkflow(page.request, `Retouch ${stamp}`, {
    nodes: [
      { id: "in", type: "imageInput", position: { x: 0, y: 80 }, data: { assetId: photo } },
      { id: "fix", type: "retouch", position: { x: 320, y: 80 }, data: { prompt: "a clean wall", maskAssetId: mask } },
      { id: "out", type: "output", position: { x: 640, y: 80 }, data: { label: "Retouched" } },
    ],
    edges: [
      { id: "a", source: "in", sourceHandle: "image", target: "fix", targetHandle: "image" },
      { id: "b", source: "fix", sourceHandle: "image", target: "out", targetHandle: "image" },
    ],
  });
  await page.goto(`/workflows/${id}`);
  await page.getByTestId("publish-open").click();
  const dialog = page.getByTestId("publish-dialog");
  await expect(dialog.getByTestId("publish-input-in-assetId")).toHaveAttribute("data-enabled", "true");
  await dialog.getByTestId("publish-name").fill(`Retouch my photo ${stamp}`);
  await dialog.getByTestId("publish-submit").click();
  const error = dialog.getByTestId("publish-error");
  await expect(error).toContainText("Retouch would paint the mask you drew on your own picture");
  await expect(error).toContainText("Connect a mask image instead");
  await expect(error).not.toContainText("maskAssetId");
  await expect(dialog.getByTestId("publish-success")).toHaveCount(0);
  expect((await page.request.get(`/api/apps/retouch-my-photo-${stamp}`)).status()).toBe(404);
});

test.describe("at 390×844", () => {
  test.use({ viewport: PHONE, hasTouch: true });

  test("the editor opens fitted with Run reachable, and the palette and the inspector open as sheets", async ({ page }) => {
    const photo = await upload(page.request, "chelsea.png");
    const id = await createWorkflow(page.request, `Phone ${stamp}`, upscaleGraph(photo));
    await page.goto(`/workflows/${id}`);
    const run = page.getByTestId("run-button");
    await expect(run).toBeInViewport();
    // Fit view: every node is on screen.
    for (const node of ["in", "up", "out"]) await expect(page.getByTestId(`node-${node}`)).toBeInViewport();
    await expect(page.getByTestId("sheet-palette")).toHaveAttribute("data-open", "false");
    await expect(page.getByTestId("palette-upscale")).toBeHidden();
    await expectNoSidewaysScroll(page);
    await shoot(page, "editor");

    // Run is one tap away, and the run finishes with its result on the canvas.
    await run.click();
    await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
    await expect(page.getByTestId("node-up").getByTestId("node-output")).toBeVisible();

    await page.getByTestId("mobile-add-node").click();
    await expect(page.getByTestId("sheet-palette")).toHaveAttribute("data-open", "true");
    // The sheet scrolls: the last kinds are reached by scrolling it, as a finger would.
    await page.getByTestId("palette-removeBackground").scrollIntoViewIfNeeded();
    await expect(page.getByTestId("palette-removeBackground")).toBeInViewport();
    await shoot(page, "editor-palette");
    await page.getByTestId("palette-removeBackground").click();
    await expect(page.locator(".react-flow__node-removeBackground")).toHaveCount(1);
    await expect(page.getByTestId("sheet-palette")).toHaveAttribute("data-open", "false");

    // The new node is selected: its settings open as a sheet.
    await page.getByTestId("mobile-edit-node").click();
    await expect(page.getByTestId("sheet-inspector")).toHaveAttribute("data-open", "true");
    await expect(page.getByTestId("inspector")).toBeInViewport();
    await shoot(page, "editor-inspector");
    await page.getByTestId("sheet-close").click();
    await expect(page.getByTestId("sheet-inspector")).toHaveAttribute("data-open", "false");

    await expectNoSidewaysScroll(page);
  });

  test("the workflow list, Apps, the App form and result, and the team page fit without sideways scrolling", async ({ page }) => {
    const photo = await upload(page.request, "chelsea.png");
    const id = await createWorkflow(page.request, `Phone app ${stamp}`, upscaleGraph(photo));
    const slug = `phone-${stamp}`;
    const published = await page.request.post(`/api/workflows/${id}/publish`, {
      data: {
        name: "Phone upscale with a rather long name for a small screen",
        slug,
        inputs: [{ key: "photo", nodeId: "in", field: "assetId", label: "Your photo", required: true }],
      },
    });
    expect(published.status()).toBe(201);

    for (const [path, name] of [
      ["/", "workflows"],
      ["/apps", "apps"],
      ["/team", "team"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByTestId("nav-apps")).toBeVisible();
      await expectNoSidewaysScroll(page);
      await shoot(page, name);
    }

    await page.goto(`/apps/${slug}`);
    await expect(page.getByTestId("app-run-button")).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.getByTestId("app-input-photo-file").setInputFiles(fixture("coffee.png"));
    await shoot(page, "app-form");
    await page.getByTestId("app-run-button").click();
    await expect(page.getByTestId("app-run-card").first()).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
    await expect(page.getByTestId("app-result").first().getByTestId("compare-view")).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shoot(page, "app-result");
  });
});

test("every page at 1440×900 carries the sections nav", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  for (const [path, name] of [
    ["/", "workflows"],
    ["/apps", "apps"],
    ["/team", "team"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByTestId("nav-apps")).toBeVisible();
    await expect(page.getByTestId("nav-team")).toBeVisible();
    await expect(page.getByTestId("nav-workflows")).toBeVisible();
    await shoot(page, name);
  }
});
