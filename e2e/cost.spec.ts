/**
 * Whole-workflow cost before running (issue 11), as the owner sees it: the editor shows what one
 * run of the graph on screen costs next to Run, with a per-node breakdown that follows the edits;
 * a per-run credit limit set in that breakdown refuses a run that would cost more, before anything
 * starts; an App with a limit set in its manage dialog warns and refuses the same way.
 * Screenshots of the header cost, its breakdown and the limit fields go to test-results/cost/.
 */
import { expect, test, type Page } from "@playwright/test";
import { dragFromPalette } from "./support/editor";

const SHOTS = "test-results/cost";

const graph = {
  nodes: [
    { id: "p", type: "prompt", position: { x: 60, y: 160 }, data: { text: "a ceramic cup on a wooden table" } },
    {
      id: "gen",
      type: "generation",
      position: { x: 340, y: 120 },
      data: { model: "model_imagen4-fast", numOutputs: 2, aspectRatio: "1:1" },
    },
    { id: "up", type: "upscale", position: { x: 640, y: 120 }, data: { model: "model_upscale-v3", factor: 2 } },
    { id: "out", type: "output", position: { x: 920, y: 160 }, data: { label: "Final" } },
  ],
  edges: [
    { id: "e1", source: "p", sourceHandle: "text", target: "gen", targetHandle: "prompt" },
    { id: "e2", source: "gen", sourceHandle: "image", target: "up", targetHandle: "image" },
    { id: "e3", source: "up", sourceHandle: "image", target: "out", targetHandle: "image" },
  ],
};

async function createViaApi(page: Page, name: string): Promise<string> {
  const created = await page.request.post("/api/workflows", { data: { name, graph } });
  expect(created.status()).toBe(201);
  return (await created.json()).workflow.id as string;
}

const figureOf = async (page: Page) => Number(/≈ ([\d.]+) CU/.exec((await page.getByTestId("run-cost-value").textContent()) ?? "")?.[1]);

test("the editor shows the cost of a run before Run, per node, and a capped workflow refuses to run", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const id = await createViaApi(page, `Cost check ${Date.now()}`);
  await page.goto(`/workflows/${id}`);

  const cost = page.getByTestId("run-cost");
  await expect(cost).toHaveAttribute("data-state", "ready");
  await expect(page.getByTestId("run-cost-value")).toHaveText(/^≈ \d+(\.\d+)? CU$/);
  const before = await figureOf(page);
  expect(before).toBeGreaterThan(0);

  await cost.click();
  const breakdown = page.getByTestId("run-cost-breakdown");
  await expect(breakdown.getByTestId("run-cost-node")).toHaveCount(2);
  await expect(breakdown.getByTestId("run-cost-node").nth(0)).toContainText("Generation");
  await expect(breakdown.getByTestId("run-cost-node").nth(0)).toContainText("model_imagen4-fast");
  // Upscale runs once per image the Generation makes.
  await expect(breakdown.getByTestId("run-cost-node").nth(1)).toContainText("Upscale");
  await expect(breakdown.getByTestId("run-cost-node").nth(1)).toContainText("× 2");
  await expect(breakdown.getByTestId("workflow-credit-limit-input")).toHaveValue("");
  await page.screenshot({ path: `${SHOTS}/editor-cost-1440.png` });
  await page.keyboard.press("Escape");
  await expect(breakdown).toBeHidden();

  // An edit (another Upscale, not saved yet) is priced after a short pause.
  await dragFromPalette(page, "upscale", 700, 520);
  await expect.poll(() => figureOf(page), { timeout: 15_000 }).toBeGreaterThan(before);
  await cost.click();
  await expect(breakdown.getByTestId("run-cost-node")).toHaveCount(3);
  // Undone: the unconnected node would keep the graph from running.
  await page.keyboard.press("Escape");
  await page.getByTestId("undo").click();
  await expect.poll(() => figureOf(page), { timeout: 15_000 }).toBe(before);
  await cost.click();

  // The owner caps the workflow below the figure: the header warns and Run is refused.
  await breakdown.getByTestId("workflow-credit-limit-input").fill("1");
  await breakdown.getByTestId("workflow-credit-limit-save").click();
  await expect(breakdown.getByTestId("run-cost-over")).toContainText("limit of 1 CU per run");
  await page.screenshot({ path: `${SHOTS}/editor-cost-limit-1440.png` });
  await page.keyboard.press("Escape");
  await page.getByTestId("run-button").click();
  const toast = page.getByTestId("toast").filter({ hasText: "Run not started" });
  await expect(toast).toContainText(
    /This run would cost about [\d.]+ CU; the workflow's limit is 1 CU per run\. Raise the limit or lower the image count\./,
  );
  const runs = await (await page.request.get(`/api/workflows/${id}/runs`)).json();
  expect(runs.runs).toHaveLength(0);

  // Phone width: the figure stays next to Run; the breakdown fits the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("run-cost-value")).toBeVisible();
  await cost.click();
  await expect(breakdown).toBeVisible();
  const box = (await breakdown.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/editor-cost-390.png` });
});

test("an App over its per-run credit limit warns before Run and refuses the run", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const id = await createViaApi(page, `Capped App ${Date.now()}`);
  const slug = `capped-${Date.now().toString(36)}`;
  const published = await page.request.post(`/api/workflows/${id}/publish`, {
    data: {
      name: "Capped cups",
      slug,
      description: "Cups, within budget",
      inputs: [{ key: "prompt", nodeId: "p", field: "text", label: "Prompt", required: true }],
    },
  });
  expect(published.status()).toBe(201);

  await page.goto(`/apps/${slug}`);
  await page.getByTestId("app-manage").click();
  const limit = page.getByTestId("app-credit-limit");
  await expect(limit.getByTestId("app-credit-limit-input")).toHaveValue("");
  await limit.getByTestId("app-credit-limit-input").fill("2");
  await limit.getByTestId("app-credit-limit-save").click();
  await expect(limit.getByTestId("app-credit-limit-clear")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/app-limit-1440.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await limit.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/app-limit-390.png` });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.keyboard.press("Escape");

  await page.getByTestId("app-input-prompt").fill("a blue cup");
  await expect(page.getByTestId("app-estimate-value")).toContainText(/≈ [\d.]+ CU for 1 run/);
  await expect(page.getByTestId("app-estimate-over")).toContainText("limit of 2 CU per run");
  await page.getByTestId("app-run-button").click();
  await expect(page.getByTestId("app-run-error")).toContainText(
    /This run would cost about [\d.]+ CU; the App's limit is 2 CU per run\. Raise the limit or lower the image count\./,
  );
  await expect(page.getByTestId("app-run-card")).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/app-refused-1440.png` });
});
