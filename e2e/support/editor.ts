/**
 * How the end-to-end tests drive the editor as a user: the list page's "New workflow",
 * dragging from the palette, connecting handles, waiting for autosave, reading what was saved
 * and opening a result at full size.
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

/** Clicks Run and waits for the run to succeed. */
export async function runAndWait(page: Page): Promise<void> {
  await page.getByTestId("run-button").click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
}
