/**
 * How the end-to-end tests drive the editor as a user: the list page's "New workflow",
 * dragging from the palette, connecting handles, uploading a photo, painting a mask, picking a
 * model, waiting for autosave, reading what was saved, running, and opening a result at full
 * size. Shared by e2e/studio.spec.ts (offline engine) and e2e/scenario/ (Scenario's API).
 */
import { expect, type Page } from "@playwright/test";
import path from "node:path";

/** A sample photo of e2e/fixtures (see SOURCES.md there). */
export const fixture = (name: string) => path.resolve("e2e/fixtures", name);

/** Creates a workflow from the list page and waits for its editor; returns its id. */
export async function createWorkflow(page: Page, name: string): Promise<string> {
  await page.goto("/");
  await page.getByTestId("new-workflow").click();
  await page.getByTestId("new-workflow-name").fill(name);
  await page.getByTestId("new-workflow-submit").click();
  await page.waitForURL(/\/workflows\/[^/]+$/);
  await expect(page.locator("[data-testid=canvas] .react-flow__pane")).toBeVisible();
  return decodeURIComponent(page.url().split("/workflows/")[1]);
}

/** Drags a node kind from the palette to canvas point (x, y) and waits for it to appear. */
export async function dragFromPalette(page: Page, type: string, x: number, y: number): Promise<void> {
  const before = await page.locator(`.react-flow__node-${type}`).count();
  await page.getByTestId(`palette-${type}`).dragTo(page.locator("[data-testid=canvas] .react-flow__pane"), { targetPosition: { x, y } });
  await expect(page.locator(`.react-flow__node-${type}`)).toHaveCount(before + 1);
}

/** A node's handle: `source` for an output port, `target` for an input port. */
export function handle(page: Page, nodeId: string, kind: "source" | "target", port: string) {
  return page.locator(`[data-testid="node-${nodeId}"] .react-flow__handle.${kind}[data-handleid="${port}"]`);
}

/** Drags from an output handle to an input handle and waits for the new edge. */
export async function connect(page: Page, from: string, fromPort: string, to: string, toPort: string): Promise<void> {
  const before = await page.locator(".react-flow__edge").count();
  await handle(page, from, "source", fromPort).dragTo(handle(page, to, "target", toPort));
  await expect(page.locator(".react-flow__edge")).toHaveCount(before + 1);
}

/** Waits until autosave reports "saved". */
export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
}

export interface SavedGraph {
  nodes: Array<{ id: string; type: string; position: { x: number; y: number }; data: Record<string, unknown> }>;
  edges: Array<{ id: string; source: string; sourceHandle: string | null; target: string; targetHandle: string | null }>;
}

/** The graph as the server has it saved. */
export async function savedGraph(page: Page, id: string): Promise<SavedGraph> {
  const response = await page.request.get(`/api/workflows/${id}`);
  expect(response.ok()).toBe(true);
  return (await response.json()).workflow.graph;
}

/** Opens the first run output full size and returns its natural pixel size; closes it with Escape. */
export async function openFirstOutput(page: Page): Promise<{ width: number; height: number }> {
  await page.getByTestId("run-output").first().click();
  const image = page.getByTestId("lightbox-image");
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const size = await image.evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, height: img.naturalHeight }));
  await page.keyboard.press("Escape");
  await expect(image).toBeHidden();
  return size;
}

/** Selects an Image input node, uploads `name` from e2e/fixtures and waits for the inspector to show `dimensions` ("600 × 400 px"). */
export async function uploadToImageInput(page: Page, nodeId: string, name: string, dimensions: string): Promise<void> {
  await page.getByTestId(`node-${nodeId}`).click();
  await page.getByTestId("upload-input").setInputFiles(fixture(name));
  await expect(page.getByTestId("asset-dimensions")).toContainText(dimensions);
}

/** On the selected Retouch node: opens the mask editor, paints one zigzag stroke over the middle of the image, saves, and waits for the thumbnail. */
export async function paintMask(page: Page): Promise<void> {
  await page.getByTestId("mask-open").click();
  const canvas = page.getByTestId("mask-canvas");
  await expect(canvas).toBeVisible();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.3);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + box.width * (0.4 + i * 0.015), box.y + box.height * (0.3 + (i % 2) * 0.04));
  await page.mouse.up();
  await page.getByTestId("mask-save").click();
  await expect(page.getByTestId("mask-thumbnail")).toBeVisible();
}

/** Selects a model node and chooses `modelId` in its model picker: its ranked option, else "Other model id…"; waits for the node card to show it. */
export async function pickModel(page: Page, nodeId: string, modelId: string): Promise<void> {
  await page.getByTestId(`node-${nodeId}`).click();
  await page.getByTestId("field-model").click();
  const listbox = page.getByTestId("model-listbox");
  await expect(listbox).toBeVisible();
  const ranked = listbox.locator(`[data-model-id="${modelId}"]`);
  if (await ranked.count()) {
    await ranked.first().click();
  } else {
    await listbox.locator("[data-option=custom]").click();
    await page.getByTestId("field-model-id").fill(modelId);
  }
  await expect(page.getByTestId(`node-${nodeId}`).getByTestId("node-model")).toHaveText(modelId);
}

/** Clicks Run and waits until the run has finished, whatever its outcome; returns the final status. */
export async function runUntilFinished(page: Page, timeout = 60_000): Promise<string> {
  await page.getByTestId("run-button").click();
  const status = page.getByTestId("run-status");
  await expect(status).toHaveAttribute("data-status", /succeeded|failed|canceled/, { timeout });
  return (await status.getAttribute("data-status"))!;
}

/** Clicks Run and waits for the run to succeed. */
export async function runAndWait(page: Page, timeout = 60_000): Promise<void> {
  await page.getByTestId("run-button").click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout });
}

/**
 * Waits until each node's run on display has succeeded: read from the run API (the run id the
 * run panel shows), since the canvas leaves off-screen cards out of the page; then each of those
 * cards that is in the page must show "succeeded" too.
 */
export async function expectNodesSucceeded(page: Page, nodeIds: readonly string[]): Promise<void> {
  const runId = await page.getByTestId("run-status").getAttribute("data-run-id");
  expect(runId, "the run panel names the run on display").toBeTruthy();
  await expect
    .poll(async () => {
      const { run } = await (await page.request.get(`/api/runs/${runId}`)).json();
      const statuses = new Map((run as RunSnapshot).nodes.map((n) => [n.nodeId, n.status]));
      return nodeIds.map((id) => `${id}: ${statuses.get(id) ?? "not in the run"}`);
    })
    .toEqual(nodeIds.map((id) => `${id}: succeeded`));
  for (const nodeId of nodeIds) {
    const card = page.getByTestId(`node-${nodeId}`);
    if ((await card.count()) > 0) await expect(card).toHaveAttribute("data-status", "succeeded");
  }
}

/** A finished run as `GET /api/runs/:id` answers it (the fields the tests read). */
export interface RunSnapshot {
  status: string;
  credits: number | null;
  nodes: { nodeId: string; status: string; model: string | null; error: string | null; outputs: { width: number; height: number }[] }[];
}

/** The latest run of a workflow (`GET /api/workflows/:id/runs`, then `GET /api/runs/:id`). */
export async function latestRun(page: Page, workflowId: string): Promise<RunSnapshot> {
  const { runs } = await (await page.request.get(`/api/workflows/${workflowId}/runs`)).json();
  const { run } = await (await page.request.get(`/api/runs/${runs[0].id}`)).json();
  return run as RunSnapshot;
}

/** Pixel sizes of a node's outputs in a run. */
export const outputSizes = (run: RunSnapshot, nodeId: string) =>
  run.nodes.find((n) => n.nodeId === nodeId)!.outputs.map((o) => ({ width: o.width, height: o.height }));
