/**
 * Connection lost and recovered during a run (issue 9): when the studio's server stops answering
 * (every /api request refused by the browser: the health ping and the run's event stream
 * included), the header says so within 5 s and the live run shows "reconnecting"; when the
 * server answers again the notice goes by itself and the run is followed to its end. (An edit
 * made offline and saved on recovery: e2e/editor-errors.spec.ts.)
 */
import { expect, test, type Page } from "@playwright/test";
import { createWorkflowFromGraph, uploadFixture } from "./support/api";
import { PHONE, shoot } from "./support/screens";

async function cutServer(page: Page): Promise<void> {
  await page.route("**/api/**", (route) => route.abort("connectionrefused"));
}

test("a live run shows reconnecting while the server is away, and is followed to its end when it is back", async ({ page }) => {
  const photo = await uploadFixture(page.request, "chelsea.png");
  const id = await createWorkflowFromGraph(page.request, `Connection ${Date.now().toString(36)}`, {
    nodes: [
      { id: "in", type: "imageInput", position: { x: 0, y: 80 }, data: { assetId: photo } },
      { id: "up", type: "upscale", position: { x: 320, y: 80 }, data: { factor: 4, preset: "balanced" } },
      { id: "out", type: "output", position: { x: 640, y: 80 }, data: { label: "Upscaled" } },
    ],
    edges: [
      { id: "a", source: "in", sourceHandle: "image", target: "up", targetHandle: "image" },
      { id: "b", source: "up", sourceHandle: "image", target: "out", targetHandle: "image" },
    ],
  });
  await page.goto(`/workflows/${id}`);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await expect(page.getByTestId("connection-status")).toHaveCount(0);

  await page.getByTestId("run-button").click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", /queued|running/);
  await cutServer(page);
  const cutAt = Date.now();
  const notice = page.getByTestId("connection-status");
  await expect(notice).toBeVisible({ timeout: 5_000 });
  expect(Date.now() - cutAt).toBeLessThan(5_000);
  await expect(notice).toContainText("Connection lost");
  await expect(page.getByTestId("run-reconnecting")).toBeVisible();

  await shoot(page, "connection-lost");
  await page.setViewportSize(PHONE);
  await expect(page.getByTestId("connection-status")).toContainText("Offline");
  await shoot(page, "connection-lost");
  await page.setViewportSize({ width: 1440, height: 900 });

  // The server answers again: the notice goes by itself and the run is followed to its end, with its output.
  await page.unroute("**/api/**");
  await expect(notice).toHaveCount(0, { timeout: 6_000 });
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  await expect(page.getByTestId("run-reconnecting")).toHaveCount(0);
  await expect(page.getByTestId("run-output").first()).toBeVisible();
});
