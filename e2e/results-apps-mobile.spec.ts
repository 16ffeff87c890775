/**
 * Seeing results, Apps for teammates and small screens (issue 9), as a designer and a teammate
 * would try them: the before/after slider on an upscaled image (drag and arrow keys), in the
 * editor's lightbox and in an App's result; a Retouch App lets a teammate paint the mask on their
 * own photo (leaving the designer's mask fixed is refused with the reason); and at 390×844 the editor keeps Run reachable and
 * opens the palette as a sheet, while the lists, the App form and the team page fit the width.
 *
 * The workflows are made through the API (what is under test is what the pages show), then used
 * through the pages. With SCREENSHOTS=1 every page is captured at both sizes (test-results/screens/).
 */
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { createWorkflowFromGraph as createWorkflow, uploadFixture as upload, type GraphJson as Graph } from "./support/api";
import { fixture, runAndWait } from "./support/editor";
import { DESKTOP, PHONE, expectNoSidewaysScroll, shoot } from "./support/screens";
import { inviteAndSignUp } from "./support/team";

const stamp = Date.now().toString(36);

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

/** Pixels of an image as raw RGB at its own size. */
async function rgb(buffer: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(buffer).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

test("a Retouch App lets the teammate paint the mask on their own photo; the result changes only where they painted", async ({
  page,
  browser,
}) => {
  const photo = await upload(page.request, "chelsea.png");
  const designerMask = await upload(page.request, "coffee.png");
  const id = await createWorkflow(page.request, `Retouch ${stamp}`, {
    nodes: [
      { id: "in", type: "imageInput", position: { x: 0, y: 80 }, data: { assetId: photo } },
      { id: "fix", type: "retouch", position: { x: 320, y: 80 }, data: { prompt: "a clean wall", maskAssetId: designerMask, strength: 1 } },
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
  // The mask is offered as an input the teammate paints, checked and required.
  const maskRow = dialog.getByTestId("publish-input-fix-maskAssetId");
  await expect(maskRow).toHaveAttribute("data-enabled", "true");
  await expect(maskRow).toContainText("Painted by the member");
  await expect(maskRow.getByTestId("publish-input-fix-maskAssetId-label")).toHaveValue("Paint the area to change");
  await expect(maskRow.getByTestId("publish-input-fix-maskAssetId-required")).toBeChecked();
  await shoot(page, "publish-retouch");

  // Left out, the designer's mask would land on every teammate's photo: publishing says why.
  await maskRow.getByTestId("publish-input-fix-maskAssetId-toggle").uncheck();
  await dialog.getByTestId("publish-name").fill(`Retouch my photo ${stamp}`);
  await dialog.getByTestId("publish-submit").click();
  const error = dialog.getByTestId("publish-error");
  await expect(error).toContainText("Retouch would paint the mask you drew on your own picture");
  await expect(error).toContainText("Paint the area to change");
  await expect(error).not.toContainText("maskAssetId");
  await expect(dialog.getByTestId("publish-success")).toHaveCount(0);
  expect((await page.request.get(`/api/apps/retouch-my-photo-${stamp}`)).status()).toBe(404);

  await maskRow.getByTestId("publish-input-fix-maskAssetId-toggle").check();
  await dialog.getByTestId("publish-submit").click();
  await expect(dialog.getByTestId("publish-success")).toContainText("Version 1");
  const slug = `retouch-my-photo-${stamp}`;

  // A teammate opens the App, uploads their photo and paints on it.
  const teammate = { name: "Rita Retouch", email: `rita-${stamp}@example.test`, password: "rita-password-1" };
  const { page: member, context } = await inviteAndSignUp(page, browser, teammate);
  await member.waitForURL(/\/apps$/);
  await member.goto(`/apps/${slug}`);
  const paint = member.getByTestId("app-input-mask-paint");
  await expect(paint).toBeDisabled();
  await expect(member.getByTestId("app-field-mask")).toContainText("Upload an image for “Image” first");
  // One image only: the mask is painted on it.
  await expect(member.getByTestId("app-input-image-file")).not.toHaveAttribute("multiple", "");
  await member.getByTestId("app-input-image-file").setInputFiles(fixture("coffee.png"));
  await expect(member.getByTestId("app-image-dimensions")).toContainText("×");
  // Nothing painted yet: the App cannot run.
  await expect(member.getByTestId("app-run-button")).toBeDisabled();
  await expect(member.getByTestId("app-run-hint")).toContainText(/required fields|marked in red/);
  await expect(member.getByTestId("app-input-mask-state")).toHaveText("Nothing painted yet.");
  await shoot(member, "app-form-mask");

  await expect(paint).toBeEnabled();
  await paint.click();
  const canvas = member.getByTestId("mask-canvas");
  await expect(canvas).toBeVisible();
  const box = (await canvas.boundingBox())!;
  // A short stroke across the upper left quarter of the picture.
  await member.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.25);
  await member.mouse.down();
  for (let i = 1; i <= 10; i++) await member.mouse.move(box.x + box.width * (0.2 + i * 0.02), box.y + box.height * 0.25);
  await member.mouse.up();
  await shoot(member, "app-mask-painter");
  await member.getByTestId("mask-save").click();
  await expect(member.getByTestId("mask-editor")).toBeHidden();
  await expect(member.getByTestId("app-input-mask-preview")).toBeVisible();
  await expect(member.getByTestId("app-input-mask-state")).toHaveText("Mask painted.");
  await expect(member.getByTestId("app-run-button")).toBeEnabled();
  await shoot(member, "app-form-mask-painted");
  // On a phone the field and the painter fit the width.
  await member.setViewportSize(PHONE);
  await expectNoSidewaysScroll(member);
  await shoot(member, "app-form-mask-painted");
  await member.getByTestId("app-input-mask-paint").click();
  await expect(member.getByTestId("mask-canvas")).toBeVisible();
  await expectNoSidewaysScroll(member);
  await shoot(member, "app-mask-painter");
  await member.getByRole("button", { name: "Cancel" }).click();
  await expect(member.getByTestId("mask-editor")).toBeHidden();
  await member.setViewportSize(DESKTOP);

  await member.getByTestId("app-run-button").click();
  await expect(member.getByTestId("app-run-card").first()).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  await shoot(member, "app-result-retouch");

  // The run used the teammate's photo and mask: compare its output with the photo, pixel by pixel.
  const runs = await (await member.request.get(`/api/apps/${slug}/runs?mine=1`)).json();
  const run = runs.runs[0];
  const maskId = run.inputs.mask as string;
  expect(maskId).not.toBe(designerMask);
  const fetchFile = async (assetId: string) => Buffer.from(await (await member.request.get(`/api/assets/${assetId}/file`)).body());
  const [input, output, mask] = await Promise.all([
    rgb(await fetchFile(run.inputs.image)),
    rgb(await fetchFile(run.outputs[0].assetId)),
    rgb(await fetchFile(maskId)),
  ]);
  expect([output.width, output.height]).toEqual([input.width, input.height]);
  expect([mask.width, mask.height]).toEqual([input.width, input.height]);
  let changedInside = 0;
  let changedOutside = 0;
  let inside = 0;
  for (let p = 0; p < input.width * input.height; p++) {
    const i = p * 3;
    const changed =
      input.data[i] !== output.data[i] || input.data[i + 1] !== output.data[i + 1] || input.data[i + 2] !== output.data[i + 2];
    if (mask.data[i] > 127) {
      inside++;
      if (changed) changedInside++;
    } else if (changed) changedOutside++;
  }
  expect(inside).toBeGreaterThan(100);
  expect(inside).toBeLessThan(input.width * input.height * 0.25);
  expect(changedOutside).toBe(0);
  expect(changedInside).toBeGreaterThan(inside * 0.2);
  await context.close();
});

test.describe("at 390×844", () => {
  test.use({ viewport: PHONE, hasTouch: true });

  test("the editor opens fitted with Run reachable, and the palette and the inspector open as sheets", async ({ page }) => {
    const photo = await upload(page.request, "chelsea.png");
    const id = await createWorkflow(page.request, `Phone ${stamp}`, upscaleGraph(photo));
    await page.goto(`/workflows/${id}`);
    const run = page.getByTestId("run-button");
    await expect(run).toBeInViewport();
    // The view fits the first node at a readable zoom (at least 60 %), not all three at 40 %.
    await expect(page.getByTestId("node-in")).toBeInViewport({ ratio: 0.9 });
    const zoom = async () => page.locator(".react-flow__viewport").evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
    await expect.poll(zoom).toBeGreaterThanOrEqual(0.6);
    await expect(page.getByTestId("sheet-palette")).toHaveAttribute("data-open", "false");
    await expect(page.getByTestId("palette-upscale")).toBeHidden();
    await expectNoSidewaysScroll(page);
    await shoot(page, "editor");

    // Run is one tap away, and the run finishes with its result on the canvas.
    await run.click();
    await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
    // The Upscale node is a pan away (the canvas renders only the cards in view): the fit button shows the whole graph.
    await page.locator(".react-flow__controls-fitview").tap();
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
    // The node id is not part of the settings: it waits behind a closed "Details".
    const nodeDetails = page.getByTestId("inspector").getByTestId("inspector-node-details");
    await expect(nodeDetails).not.toHaveAttribute("open");
    await expect(nodeDetails.getByText(/Node id:/)).toBeHidden();
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

test("a long workflow name ends in an ellipsis with the full name on hover, and keeps its room next to the save state on a phone", async ({
  page,
}) => {
  const name = `A very long workflow name for the spring campaign hero shots, retouched and upscaled for print ${stamp}`;
  const id = await createWorkflow(page.request, name, upscaleGraph(null));
  await page.setViewportSize(DESKTOP);
  await page.goto(`/workflows/${id}`);
  const input = page.getByTestId("workflow-name");
  await expect(input).toHaveValue(name);
  await expect(input).toHaveAttribute("title", name);
  await expect(input).toHaveCSS("text-overflow", "ellipsis");
  // Cut: the field is narrower than its text.
  expect(await input.evaluate((el: HTMLInputElement) => el.scrollWidth > el.clientWidth)).toBe(true);
  await shoot(page, "editor-long-name");

  await page.setViewportSize(PHONE);
  // On a phone the save state is an icon or a dot (its words stay for screen readers), and the name keeps at least 80 px.
  await expect(page.getByTestId("save-status").getByText("Saved")).toHaveClass(/sr-only/);
  expect((await input.boundingBox())!.width).toBeGreaterThanOrEqual(80);
  await shoot(page, "editor-long-name");
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
