/**
 * Model intelligence in the studio, as a user meets it: draft a workflow from a description
 * and run it; browse the model picker's ranking (numbers, estimate labels, priority) and pick a
 * model; size a Generation node for a platform and get an image of exactly that size. Runs on
 * the offline engine (playwright.config.ts).
 */
import { expect, test, type Page } from "@playwright/test";
import { connect, createWorkflow, dragFromPalette, openFirstOutput, runAndWait, savedGraph, waitSaved } from "./support/editor";
import { formatMetrics } from "../lib/client/model-metrics";
import type { RecommendResponse } from "../lib/client/types";

async function recommend(page: Page, body: { capability: string; prompt: string; priority: string }): Promise<RecommendResponse> {
  // The picker asks for the whole ranking (the API's maximum).
  const response = await page.request.post("/api/recommend", { data: { ...body, limit: 50 } });
  expect(response.ok()).toBe(true);
  return response.json();
}

test("drafts a photorealism polish workflow from a description, adds it to the canvas and runs it", async ({ page }) => {
  const id = await createWorkflow(page, "Lighthouse keeper");
  const description = "photorealistic portrait of a lighthouse keeper, remove the AI look";

  // The header button says its shortcut; the shortcut opens the dialog too.
  await expect(page.getByTestId("draft-open")).toHaveAttribute("title", /Draft a workflow from a description \((Ctrl|⌘)\+K\)/);
  await page.keyboard.press("Control+k");
  const dialog = page.getByTestId("draft-dialog");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.getByTestId("draft-open").click();
  await expect(dialog).toBeVisible();

  // An empty description is refused with a hint, without asking the server.
  await dialog.getByTestId("draft-submit").click();
  await expect(dialog.getByTestId("draft-error")).toContainText("Describe the workflow first");

  await dialog.getByTestId("draft-description").fill(description);
  await dialog.getByTestId("draft-submit").click();
  const preview = dialog.getByTestId("plan-preview");
  await expect(preview.getByTestId("plan-kind")).toContainText("photorealism_polish");
  const steps = preview.getByTestId("plan-step");
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText("txt2img");
  await expect(steps.nth(1)).toContainText("upscale");
  await expect(preview.getByTestId("plan-rules").locator("li").first()).toContainText("creative upscaler");
  await expect(preview.getByTestId("plan-graph-summary")).toContainText(
    "Adds 4 nodes (Prompt, Generation, Upscale, Output) and 3 connections",
  );

  await dialog.getByTestId("draft-add").click();
  await expect(dialog).toBeHidden();
  await expect(page.locator(".react-flow__node")).toHaveCount(4);
  await expect(page.locator(".react-flow__edge")).toHaveCount(3);
  await waitSaved(page);

  // Saved: Prompt (the description) → Generation → Upscale (creative, 2x) → Output.
  const graph = await savedGraph(page, id);
  const byType = Object.fromEntries(graph.nodes.map((n) => [n.type, n]));
  expect(graph.nodes.map((n) => n.type).sort()).toEqual(["generation", "output", "prompt", "upscale"]);
  expect(byType.prompt.data.text).toBe(description);
  expect(byType.upscale.data).toMatchObject({ preset: "creative", factor: 2 });
  const link = (from: string, to: string) => graph.edges.some((e) => e.source === byType[from].id && e.target === byType[to].id);
  expect(link("prompt", "generation") && link("generation", "upscale") && link("upscale", "output")).toBe(true);
  await expect(page.getByTestId(`node-${byType.upscale.id}`).getByTestId("node-summary")).toHaveText("2x · creative");

  await runAndWait(page);
  for (const node of graph.nodes) await expect(page.getByTestId(`node-${node.id}`)).toHaveAttribute("data-status", "succeeded");

  // The Generation node and its run panel row say which model ran and why.
  const generation = page.getByTestId(`node-${byType.generation.id}`);
  const model = String(byType.generation.data.model);
  await expect(generation.getByTestId("node-model")).toHaveText(model === "auto" ? /^model_/ : model);
  await expect(generation.getByTestId("node-model-reason")).toBeVisible();
  await expect(generation.getByTestId("node-model-reason")).not.toBeEmpty();
  const row = page.locator(`[data-testid=run-node-row][data-node-id="${byType.generation.id}"]`);
  await expect(row.getByTestId("run-node-model")).toHaveText(await generation.getByTestId("node-model").innerText());
  await expect(row.getByTestId("run-node-model-reason")).toHaveAttribute(
    "title",
    await generation.getByTestId("node-model-reason").innerText(),
  );

  // Generation at its drafted aspect ratio (1:1 → 1024 × 1024), then upscaled 2x.
  expect(byType.generation.data).toMatchObject({ aspectRatio: "1:1", platform: null, width: null, height: null });
  expect(await openFirstOutput(page)).toEqual({ width: 2048, height: 2048 });
});

test('a close call between two templates offers the other one, and "Use this instead" drafts it', async ({ page }) => {
  await createWorkflow(page, "Sneaker spot");
  await page.getByTestId("draft-open").click();
  const dialog = page.getByTestId("draft-dialog");
  await dialog.getByTestId("draft-description").fill("a spokesperson in our product video");
  await dialog.getByTestId("draft-submit").click();
  const preview = dialog.getByTestId("plan-preview");
  const alternative = preview.getByTestId("plan-alternative");
  await expect(alternative).toContainText("Close call: this could also be");
  const firstKind = (await preview.getByTestId("plan-kind").textContent()) ?? "";
  const otherTitle = (await alternative.locator("span").textContent()) ?? "";
  await alternative.getByTestId("plan-use-alternative").click();
  await expect(preview.getByTestId("plan-title")).toHaveText(otherTitle);
  await expect(preview.getByTestId("plan-kind")).not.toHaveText(firstKind);
  // The plan now offers the first template back.
  await expect(preview.getByTestId("plan-alternative")).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 900 });
  await dialog.screenshot({ path: "test-results/draft-alternative-1440.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await dialog.screenshot({ path: "test-results/draft-alternative-390.png" });
});

test("the model picker ranks models with their figures, re-ranks by priority and saves the pick", async ({ page }) => {
  const id = await createWorkflow(page, "Picker");
  const prompt = "a watercolor fox in the snow";
  await dragFromPalette(page, "generation", 420, 260);
  await page.getByTestId("node-generation-1").click();
  await page.getByTestId("field-prompt").fill(prompt);

  const picker = page.getByTestId("field-model");
  await expect(picker).toContainText("Auto (recommended)");
  await expect(page.getByTestId("catalog-snapshot")).toContainText("Catalog snapshot 2026-11-20");

  // Open: Auto first, then the ranking the API gives for this capability and prompt, with the numbers.
  const quality = await recommend(page, { capability: "txt2img", prompt, priority: "quality" });
  expect(quality.recommendations.length).toBeGreaterThan(2);
  await picker.click();
  const listbox = page.getByTestId("model-listbox");
  const options = listbox.locator("[data-option=model]");
  await expect(listbox.getByTestId("model-option").first()).toHaveAttribute("data-option", "auto");
  await expect
    .poll(() => options.evaluateAll((els) => els.map((el) => el.getAttribute("data-model-id"))))
    .toEqual(quality.recommendations.map((r) => r.modelId));
  for (const [i, rec] of quality.recommendations.slice(0, 5).entries()) {
    await expect(options.nth(i)).toContainText(rec.name);
    await expect(options.nth(i)).toContainText(formatMetrics(rec.metrics));
  }
  // The catalog's figures are mostly estimates: they say so.
  const anyEstimate = quality.recommendations.find((r) => formatMetrics(r.metrics).includes("est."));
  expect(anyEstimate).toBeDefined();
  await expect(listbox).toContainText("est.");

  // Highlighting a model explains it below the list.
  await options.nth(1).hover();
  await expect(page.getByTestId("model-info")).toContainText(quality.recommendations[1].explanation);

  // Speed re-ranks (same order as the API's).
  await page.keyboard.press("Escape");
  await page.getByTestId("priority-speed").click();
  const speed = await recommend(page, { capability: "txt2img", prompt, priority: "speed" });
  await picker.click();
  await expect
    .poll(() => options.evaluateAll((els) => els.map((el) => el.getAttribute("data-model-id"))))
    .toEqual(speed.recommendations.map((r) => r.modelId));

  // Pick the second fastest: the node saves its id.
  const picked = speed.recommendations[1];
  await options.nth(1).click();
  await expect(listbox).toBeHidden();
  await expect(picker).toHaveAttribute("data-value", picked.modelId);
  await expect(picker).toContainText(picked.name);
  await expect(page.getByTestId("model-info")).toContainText(picked.explanation);
  await expect(page.getByTestId("node-generation-1").getByTestId("node-model")).toHaveText(picked.modelId);
  await waitSaved(page);
  expect((await savedGraph(page, id)).nodes[0].data.model).toBe(picked.modelId);

  // Keyboard: back to Auto.
  await picker.focus();
  await page.keyboard.press("ArrowDown");
  await expect(listbox).toBeVisible();
  await page.keyboard.press("Home");
  await page.keyboard.press("Enter");
  await expect(picker).toHaveAttribute("data-value", "auto");

  // The free model id is still there.
  await picker.click();
  await listbox.locator("[data-option=custom]").click();
  await page.getByTestId("field-model-id").fill("model_my-custom-lora");
  await waitSaved(page);
  expect((await savedGraph(page, id)).nodes[0].data.model).toBe("model_my-custom-lora");
});

test("the picker says which models have an input schema, where the cost comes from, and offers owners a refresh", async ({ page }) => {
  await createWorkflow(page, "Picker schemas");
  const prompt = "a ceramic mug on a walnut table";
  await dragFromPalette(page, "generation", 420, 260);
  await page.getByTestId("node-generation-1").click();
  await page.getByTestId("field-prompt").fill(prompt);
  const ranking = await recommend(page, { capability: "txt2img", prompt, priority: "quality" });
  const catalog = await (await page.request.get("/api/catalog")).json();
  const hasSchema = new Map<string, boolean>(catalog.models.map((m: { id: string; hasSchema: boolean }) => [m.id, m.hasSchema]));

  const picker = page.getByTestId("field-model");
  await picker.click();
  const options = page.getByTestId("model-listbox").locator("[data-option=model]");
  await expect.poll(() => options.count()).toBe(ranking.recommendations.length);
  const withSchema = ranking.recommendations.findIndex((r) => hasSchema.get(r.modelId));
  const without = ranking.recommendations.findIndex((r) => !hasSchema.get(r.modelId));
  expect(withSchema).toBeGreaterThanOrEqual(0);
  expect(without).toBeGreaterThanOrEqual(0);

  const info = page.getByTestId("model-info");
  await options.nth(without).hover();
  await expect(info.getByTestId("model-schema-note")).toHaveText(
    "No input schema in the snapshot: the studio asks Scenario for it when the node runs.",
  );
  await options.nth(withSchema).hover();
  await expect(info.getByTestId("model-schema-note")).toHaveText(/^Input schema in the snapshot \(recorded 2026-08\)\.$/);
  // Offline, the catalog figure is what a run charges.
  const rec = ranking.recommendations[withSchema];
  await expect(info.getByTestId("model-cost-note")).toContainText(
    `${formatMetrics(rec.metrics).split(" · ")[2].replace(" est.", "")} per output is the catalog's`,
  );
  await expect(info.getByTestId("model-cost-note")).toContainText("offline runs charge exactly this");

  // The owner sees Refresh models; without Scenario keys on the server it is off and says why.
  const refresh = page.getByTestId("catalog-refresh");
  await expect(refresh).toBeVisible();
  await expect(refresh).toBeDisabled();
  await expect(page.getByTestId("catalog-refresh-unavailable")).toHaveText("Refreshing needs Scenario API keys on the server.");
  await page.getByTestId("catalog-footer").scrollIntoViewIfNeeded();
  await page.getByTestId("model-picker").screenshot({ path: "test-results/model-picker-schema.png" });
  await info.screenshot({ path: "test-results/model-picker-info.png" });
});

test("a Generation node set to Instagram story shows its size and makes a 1080 × 1920 image with Auto", async ({ page }) => {
  const id = await createWorkflow(page, "Story");
  await dragFromPalette(page, "prompt", 140, 220);
  await dragFromPalette(page, "generation", 440, 220);
  await dragFromPalette(page, "output", 760, 220);
  await connect(page, "prompt-1", "text", "generation-1", "prompt");
  await connect(page, "generation-1", "image", "output-1", "image");
  await page.getByTestId("node-prompt-1").click();
  await page.getByTestId("field-text").fill("A lighthouse at dusk, teal and orange");

  await page.getByTestId("node-generation-1").click();
  await page.getByTestId("field-platform").selectOption("instagram_story");
  await expect(page.getByTestId("node-generation-1").getByTestId("node-summary")).toHaveText("Instagram story · 1080 × 1920 px");

  // Expand offers the same presets.
  await dragFromPalette(page, "expand", 440, 520);
  await page.getByTestId("field-platform").selectOption("youtube_thumbnail");
  await expect(page.getByTestId("node-expand-1").getByTestId("node-summary")).toHaveText("YouTube thumbnail · 1280 × 720 px");
  await page.getByTestId("inspector-delete-node").click();
  await expect(page.locator(".react-flow__node-expand")).toHaveCount(0);
  await waitSaved(page);
  expect((await savedGraph(page, id)).nodes.find((n) => n.id === "generation-1")?.data).toMatchObject({
    platform: "instagram_story",
    model: "auto",
  });

  await runAndWait(page);
  for (const nodeId of ["prompt-1", "generation-1", "output-1"])
    await expect(page.getByTestId(`node-${nodeId}`)).toHaveAttribute("data-status", "succeeded");

  // Auto: the node and the run panel say which model the resolver chose, and why.
  const generation = page.getByTestId("node-generation-1");
  await expect(generation.getByTestId("node-model")).toHaveText(/^model_/);
  await expect(generation.getByTestId("node-model-reason")).toContainText(/^Auto: /);
  await expect(generation.getByTestId("node-model-reason")).toHaveAttribute("title", /^Auto: .+/);
  const row = page.locator("[data-testid=run-node-row][data-node-id=generation-1]");
  await expect(row.getByTestId("run-node-model-reason")).toContainText(/^Auto: /);

  expect(await openFirstOutput(page)).toEqual({ width: 1080, height: 1920 });
});
