/**
 * Published Apps, tried as new users would: the owner (who signed up first in auth.setup.ts, so
 * owns the first team) builds Image input → Expand → Upscale → Output in the editor, publishes it as an
 * App exposing the upload and Expand's platform, and invites a member with a link. The member
 * signs up through the link, lands on the Apps home, never reaches the editor, runs the App on
 * chelsea.png for an Instagram story after seeing the estimated cost, downloads the result at
 * its expected size (451×300 → 1080×1920 canvas → Upscale 2x → 2160×3840), then runs a batch of
 * three images and downloads the three results as one zip.
 */
import { expect, test, type Download, type Page } from "@playwright/test";
import { unzipSync } from "fflate";
import { readFile } from "node:fs/promises";
import sharp from "sharp";
import { OWNER } from "./support/accounts";
import { connect, createWorkflow, dragFromPalette, fixture, runAndWait, waitSaved } from "./support/editor";
import { inviteAndSignUp } from "./support/team";

const MEMBER = { name: "Max Member", email: `member-${Date.now()}@example.test`, password: "max-password-1" };

/**
 * The owner signed up in e2e/auth.setup.ts as the installation's first account (so owns the
 * first team); this spec starts from that signed-in state.
 */
async function ownerIsSignedIn(page: Page): Promise<void> {
  await page.goto("/");
  // Owners land on the workflows list.
  await expect(page.getByTestId("new-workflow")).toBeVisible();
  const me = await (await page.request.get("/api/auth/me")).json();
  expect(me).toMatchObject({ user: { email: OWNER.email }, role: "owner" });
}

/** Pixel size of a downloaded PNG. */
async function pngSize(download: Download): Promise<{ width?: number; height?: number; format?: string }> {
  const { width, height, format } = await sharp(await download.path()).metadata();
  return { width, height, format };
}

/** Pixel sizes of the PNGs in a downloaded zip. */
async function zipPngSizes(download: Download): Promise<Array<{ width?: number; height?: number }>> {
  const entries = unzipSync(new Uint8Array(await readFile(await download.path())));
  const pngs = Object.entries(entries).filter(([name]) => name.toLowerCase().endsWith(".png"));
  return Promise.all(
    pngs.map(async ([, bytes]) =>
      sharp(Buffer.from(bytes))
        .metadata()
        .then(({ width, height }) => ({ width, height })),
    ),
  );
}

test("an owner publishes Image input → Expand → Upscale → Output as an App; an invited member runs it, alone and in a batch", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);

  // ——— The owner builds the workflow in the editor ———
  await ownerIsSignedIn(page);
  const workflowId = await createWorkflow(page, "Story maker");
  await dragFromPalette(page, "imageInput", 140, 200);
  await dragFromPalette(page, "expand", 400, 200);
  await dragFromPalette(page, "upscale", 400, 480);
  await dragFromPalette(page, "output", 660, 480);
  await connect(page, "imageInput-1", "image", "expand-1", "image");
  await connect(page, "expand-1", "image", "upscale-1", "image");
  await connect(page, "upscale-1", "image", "output-1", "image");
  await page.getByTestId("node-imageInput-1").click();
  await page.getByTestId("upload-input").setInputFiles(fixture("chelsea.png"));
  await expect(page.getByTestId("asset-dimensions")).toContainText("451 × 300 px");
  await page.getByTestId("node-upscale-1").click();
  await page.getByTestId("field-factor").selectOption("2");
  await waitSaved(page);
  // One run, so the publish dialog has a result to offer as the cover.
  await runAndWait(page);

  // ——— …and publishes it, exposing the upload and Expand's platform ———
  await page.getByTestId("publish-open").click();
  const dialog = page.getByTestId("publish-dialog");
  await expect(dialog.getByTestId("publish-form")).toBeVisible();
  await expect(dialog.getByTestId("publish-input-imageInput-1-assetId")).toHaveAttribute("data-enabled", "true");
  await dialog.getByTestId("publish-input-expand-1-platform-toggle").check();
  await dialog.getByTestId("publish-input-expand-1-platform-label").fill("Platform");
  await dialog.getByTestId("publish-input-expand-1-platform-help").fill("Where the image will be posted");
  await dialog.getByTestId("publish-input-expand-1-platform-required").check();
  await expect(dialog.getByTestId("publish-outputs")).toContainText("Output");
  await dialog.getByTestId("publish-name").fill("Story maker");
  await expect(dialog.getByTestId("publish-slug")).toHaveValue("story-maker");
  await dialog.getByTestId("publish-description").fill("Turns a photo into a 9:16 story, upscaled 2x.");
  await dialog.locator("[data-cover-kind=result]").first().click();
  await dialog.getByTestId("publish-submit").click();
  await expect(dialog.getByTestId("publish-success")).toContainText("Version 1");
  await expect(dialog.getByTestId("publish-open-app")).toHaveAttribute("href", "/apps/story-maker");

  // ——— The owner invites a member by link; the member signs up through it, in a browser of their own (no owner cookies) ———
  const { page: member, context: memberContext } = await inviteAndSignUp(page, browser, MEMBER);

  // Members land on the Apps home and see only Apps.
  await member.waitForURL(/\/apps$/);
  await expect(member.getByTestId("app-card")).toHaveCount(1);
  await expect(member.getByTestId("app-card-name")).toHaveText("Story maker");
  await expect(member.getByTestId("app-cover")).toBeVisible();
  await expect(member.getByTestId("nav-apps")).toBeVisible();
  await expect(member.getByTestId("nav-workflows")).toHaveCount(0);
  // The editor is not theirs: the page sends them away or refuses, and so does the API.
  await member.goto(`/workflows/${workflowId}`);
  await expect
    .poll(async () => /\/apps/.test(member.url()) || (await member.getByText(/owner or editor|not allowed|forbidden/i).count()) > 0, {
      timeout: 15_000,
    })
    .toBe(true);
  await expect(member.locator("[data-testid=canvas] .react-flow__pane")).toHaveCount(0);
  expect((await member.request.get(`/api/workflows/${workflowId}`)).status()).toBe(403);

  // ——— The member runs the App on chelsea.png for an Instagram story ———
  await member.goto("/apps");
  await member.getByTestId("app-card").click();
  await member.waitForURL(/\/apps\/story-maker$/);
  await expect(member.getByTestId("app-name")).toHaveText("Story maker");
  await expect(member.getByTestId("app-version")).toHaveText("Version 1");
  await expect(member.getByTestId("app-manage")).toHaveCount(0);
  await expect(member.getByTestId("app-run-button")).toBeDisabled();

  await member.getByTestId("app-input-image-file").setInputFiles(fixture("chelsea.png"));
  await expect(member.getByTestId("app-image-dimensions")).toHaveText("451 × 300 px");
  await member.getByTestId("app-input-platform").selectOption("instagram_story");
  await expect(member.getByTestId("app-estimate-value")).toContainText(/≈ \d+(\.\d+)? CU for 1 run/);
  await expect(member.getByTestId("app-quota")).toContainText("runs left today");
  await expect(member.getByTestId("app-run-button")).toBeEnabled();
  await member.getByTestId("app-run-button").click();

  const firstRun = member.getByTestId("app-run-card");
  await expect(firstRun).toHaveCount(1);
  await expect(firstRun).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  await expect(member.getByTestId("app-result-size")).toHaveText("2160 × 3840 px");

  // Provenance: how the image was made.
  await member.getByTestId("app-result-details").click();
  const provenance = member.getByTestId("app-provenance");
  await expect(provenance.getByTestId("app-provenance-step")).toHaveCount(3);
  await expect(provenance).toContainText("Upscale");
  await expect(provenance).toContainText("Expand");
  await expect(provenance).toContainText("Instagram story");
  await expect(provenance.getByTestId("app-provenance-credits")).toContainText("CU");

  // Full-size view, then the download at the expected size.
  await member.getByTestId("app-result-open").click();
  const lightboxImage = member.getByTestId("lightbox-image");
  await expect.poll(() => lightboxImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2160);
  await member.keyboard.press("Escape");
  await expect(lightboxImage).toBeHidden();
  const [single] = await Promise.all([member.waitForEvent("download"), member.getByTestId("app-result-download").click()]);
  expect(await pngSize(single)).toEqual({ width: 2160, height: 3840, format: "png" });

  // ——— A batch of three images gives three runs and three results ———
  await member.getByRole("button", { name: "Remove chelsea.png" }).click();
  await member.getByTestId("app-input-image-file").setInputFiles([fixture("chelsea.png"), fixture("coffee.png"), fixture("astronaut.png")]);
  await expect(member.getByTestId("app-image-thumb")).toHaveCount(3);
  await expect(member.getByTestId("app-input-image-count")).toHaveText("3 images · 3 runs");
  await expect(member.getByTestId("app-estimate-value")).toContainText("for 3 runs");
  await expect(member.getByTestId("app-run-button")).toHaveText(/Run 3 times/);
  await member.getByTestId("app-run-button").click();

  const batch = member.getByTestId("app-run-card");
  await expect(batch).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(batch.nth(i)).toHaveAttribute("data-status", "succeeded", { timeout: 90_000 });
  await expect(member.getByTestId("app-result")).toHaveCount(3);
  await expect(member.getByTestId("app-batch-summary")).toHaveText("3 of 3 succeeded");
  const [zip] = await Promise.all([member.waitForEvent("download"), member.getByTestId("app-download-all").click()]);
  expect(await zipPngSizes(zip)).toEqual(Array.from({ length: 3 }, () => ({ width: 2160, height: 3840 })));

  // "My runs" lists all four, each with its download and a re-run.
  await expect(member.getByTestId("my-run-row")).toHaveCount(4);
  await expect(member.getByTestId("my-run-download")).toHaveCount(4);
  await expect(member.getByTestId("my-run-rerun").first()).toBeEnabled();

  await memberContext.close();
});
