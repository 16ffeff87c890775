/**
 * Errors in a designer's words (issue 9), tried as a designer would: the server stops answering
 * and comes back (the header says so within 5 s, an edit made meanwhile is saved by itself), an
 * uploaded image too large for the model after expanding (a sentence about the image, no run
 * started, nothing spent), a preset over the model's maximum shown adjusted with the ratio
 * locked, and unsaved edits kept in the browser across a reload while saves fail.
 * Screenshots of each state at 1440×900 and 390×844 go to test-results/editor-errors/.
 */
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { createWorkflowFromGraph } from "./support/api";
import { savedGraph, waitSaved } from "./support/editor";

const SHOTS = "test-results/editor-errors";

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}-1440.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/${name}-390.png` });
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function openEditor(page: Page, id: string) {
  await page.goto(`/workflows/${id}`);
  await expect(page.locator("[data-testid=canvas] .react-flow__pane")).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
}

const textGraph = {
  nodes: [
    { id: "prompt-1", type: "prompt", position: { x: 80, y: 120 }, data: { text: "a red kite over the sea" } },
    { id: "generation-1", type: "generation", position: { x: 380, y: 120 }, data: { aspectRatio: "1:1" } },
    { id: "output-1", type: "output", position: { x: 680, y: 120 }, data: {} },
  ],
  edges: [
    { id: "e1", source: "prompt-1", sourceHandle: "text", target: "generation-1", targetHandle: "prompt" },
    { id: "e2", source: "generation-1", sourceHandle: "image", target: "output-1", targetHandle: "image" },
  ],
};

test("connection lost and recovered: the header says so within 5 s, and an edit made offline is saved once the server is back", async ({
  page,
}) => {
  const id = await createWorkflowFromGraph(page.request, "Kite offline", textGraph);
  await openEditor(page, id);
  await expect(page.getByTestId("connection-status")).toHaveCount(0);

  // The server stops answering.
  await page.route("**/api/**", (route) => route.abort("connectionrefused"));
  const lostAt = Date.now();
  await expect(page.getByTestId("connection-status")).toBeVisible({ timeout: 5_000 });
  expect(Date.now() - lostAt).toBeLessThan(5_000);
  await expect(page.getByTestId("connection-status")).toContainText("Connection lost");

  // An edit while offline waits in the browser, said as such (not as an error).
  const name = page.getByTestId("workflow-name");
  await name.fill("Kite, edited offline");
  await name.press("Enter");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "queued");
  await expect(page.getByTestId("save-status")).toContainText("Waiting to save");
  await expect(page.getByTestId("save-status")).toContainText("kept in this browser");
  await shoot(page, "offline-header");

  // The server answers again: the notice goes and the edit is saved by itself.
  await page.unroute("**/api/**");
  await expect(page.getByTestId("connection-status")).toHaveCount(0, { timeout: 10_000 });
  await waitSaved(page);
  const saved = await (await page.request.get(`/api/workflows/${id}`)).json();
  expect(saved.workflow.name).toBe("Kite, edited offline");
});

test("an image too large for the model after expanding is refused before running, in a sentence about the image, with nothing spent", async ({
  page,
}) => {
  // 6000 × 3000 px, under the upload limits; expanded to 1:1 it would be 6000 px wide.
  const png = await sharp({ create: { width: 6000, height: 3000, channels: 3, background: "#3a6f8f" } })
    .png()
    .toBuffer();
  const upload = await page.request.post("/api/assets", {
    multipart: { file: { name: "wide-banner.png", mimeType: "image/png", buffer: png } },
  });
  expect(upload.status()).toBe(201);
  const assetId = (await upload.json()).asset.id;
  const id = await createWorkflowFromGraph(page.request, "Banner to square", {
    nodes: [
      { id: "imageInput-1", type: "imageInput", position: { x: 80, y: 120 }, data: { assetId } },
      { id: "expand-1", type: "expand", position: { x: 380, y: 120 }, data: { aspectRatio: "1:1" } },
      { id: "output-1", type: "output", position: { x: 680, y: 120 }, data: {} },
    ],
    edges: [
      { id: "e1", source: "imageInput-1", sourceHandle: "image", target: "expand-1", targetHandle: "image" },
      { id: "e2", source: "expand-1", sourceHandle: "image", target: "output-1", targetHandle: "image" },
    ],
  });
  await openEditor(page, id);

  // The warning is on the node as soon as the workflow opens: no run needed to learn it.
  const sentence =
    "The image is 6,000 px wide after expanding; the model allows at most 4,096 px. Use a smaller input or a lower target size.";
  await expect(page.getByTestId("node-expand-1").getByTestId("node-model-warnings")).toContainText(sentence);

  await page.getByTestId("run-button").click();
  const toast = page.getByTestId("toast").filter({ hasText: "can't run yet" });
  await expect(toast).toContainText(sentence);
  // What the designer reads (the closed "Details" are not shown) names no node id.
  await expect(toast).not.toContainText(/expand-1|body\.|node "/, { useInnerText: true });
  await toast.getByTestId("error-details").locator("summary").click();
  await expect(toast.getByTestId("error-details")).toContainText("model_refusal");
  await shoot(page, "error-details");

  // No run was created, so nothing was spent.
  const runs = await (await page.request.get(`/api/workflows/${id}/runs`)).json();
  expect(runs.runs).toEqual([]);
  await expect(page.getByTestId("run-panel")).toContainText("Not run yet");
  // "Run again (ignore cache)" only exists once the node has run.
  await page.getByTestId("node-expand-1").click();
  await expect(page.getByTestId("inspector")).toContainText("Expand");
  await expect(page.getByTestId("run-again")).toHaveCount(0);
});

test("a platform preset over the model's maximum is shown adjusted, and the aspect ratio is the preset's, locked", async ({ page }) => {
  const id = await createWorkflowFromGraph(page.request, "Poster", textGraph);
  await openEditor(page, id);
  await page.getByTestId("node-generation-1").click();
  const platform = page.getByTestId("field-platform");
  // The offline engine makes at most 4,096 px a side: the poster's 3000 × 4500 becomes 2731 × 4096.
  await expect(platform.locator("option[value=print_poster]")).toHaveText("Poster print — 3000 × 4500 → 2731 × 4096");
  await platform.selectOption("print_poster");
  await expect(page.getByTestId("preset-fit-note")).toHaveText("Poster print 3000 × 4500 → 2731 × 4096, the model's maximum");
  const ratio = page.getByTestId("field-aspectRatio");
  await expect(ratio).toBeDisabled();
  await expect(ratio).toHaveValue("2:3");
  await expect(page.getByTestId("field-aspectRatio-locked")).toContainText("Poster print preset");
  await waitSaved(page);
  await shoot(page, "preset-adjusted");

  // Back to no preset: the ratio can be chosen again.
  await platform.selectOption("");
  await expect(ratio).toBeEnabled();
});

test("while saves fail, unsaved edits survive a reload in the browser, and a name cannot be typed past the limit", async ({ page }) => {
  // Leaving a page with unsaved edits asks first; the reload below answers "leave".
  page.on("dialog", (dialog) => void dialog.accept());
  const id = await createWorkflowFromGraph(page.request, "Draft keeper", textGraph);
  await openEditor(page, id);

  // The name field stops at the limit the server applies.
  const name = page.getByTestId("workflow-name");
  await name.fill("x".repeat(200));
  await expect(name).toHaveValue("x".repeat(120));
  await name.press("Escape");

  // Every save is refused for a reason the designer can act on.
  await page.route(`**/api/workflows/${id}`, (route) =>
    route.request().method() === "PUT"
      ? route.fulfill({
          status: 400,
          contentType: "application/json",
          body: JSON.stringify({
            error: {
              code: "validation_error",
              message: "body.graph.nodes[1].data.prompt: must be at most 4000 characters",
              details: { fields: [{ path: "body.graph.nodes.1.data.prompt", message: "must be at most 4000 characters" }] },
            },
          }),
        })
      : route.continue(),
  );
  await page.getByTestId("node-prompt-1").click();
  await page.getByTestId("field-text").fill("a red kite over a stormy sea, at dusk");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "error");
  await expect(page.getByTestId("save-error")).toHaveText("The prompt must be at most 4000 characters.");
  const bar = page.getByTestId("save-error-bar");
  await expect(bar).toContainText("Your edits are kept in this browser");
  await expect(bar).not.toContainText(/body\.|nodes\[/, { useInnerText: true });
  await bar.getByTestId("error-details").locator("summary").click();
  await expect(bar.getByTestId("error-details")).toContainText("body.graph.nodes[1].data.prompt");
  await shoot(page, "save-error");

  // Reload: the edit comes back from the browser, with a notice.
  await page.reload();
  await expect(page.getByTestId("draft-notice")).toBeVisible();
  await expect(page.getByTestId("draft-notice")).toContainText("Restored your unsaved edits");
  await page.getByTestId("node-prompt-1").click();
  await expect(page.getByTestId("field-text")).toHaveValue("a red kite over a stormy sea, at dusk");
  await shoot(page, "draft-restored");

  // The restored edit is sent again and still refused: it stays in the browser.
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "error");
  expect(await page.evaluate((key) => localStorage.getItem(key), `studio:draft:${id}`)).toContain("stormy sea");

  // Saves work again: Retry saves the restored edit, and the browser's copy is dropped.
  await page.unroute(`**/api/workflows/${id}`);
  await page.getByTestId("save-retry").click();
  await waitSaved(page);
  const graph = await savedGraph(page, id);
  expect(graph.nodes.find((n) => n.id === "prompt-1")?.data.text).toBe("a red kite over a stormy sea, at dusk");
  expect(await page.evaluate((key) => localStorage.getItem(key), `studio:draft:${id}`)).toBeNull();
});
