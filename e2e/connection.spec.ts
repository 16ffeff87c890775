/**
 * Connection lost and recovered (issue 9): when the studio's server stops answering (every
 * /api request refused by the browser, the health ping and the run's event stream included),
 * the header says so within 5 s, a live run shows "reconnecting", an edit waits in the browser;
 * when the server answers again the notice goes by itself, the edit is saved and the run ends.
 */
import { expect, test, type Page } from "@playwright/test";
import { createWorkflowFromGraph, uploadFixture } from "./support/api";
import { savedGraph } from "./support/editor";
import { PHONE, shoot } from "./support/screens";

async function cutServer(page: Page): Promise<void> {
  await page.route("**/api/**", (route) => route.abort("connectionrefused"));
}

test("the header says the connection is lost within 5 s, a live run reconnects, and an edit made meanwhile is saved on recovery", async ({
  page,
}) => {
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

  // An edit while the server is away waits in the browser.
  await page.getByTestId("workflow-name").fill("Renamed while offline");
  await page.getByTestId("workflow-name").press("Enter");
  await expect(page.getByTestId("save-status")).not.toHaveAttribute("data-state", "saved");
  await shoot(page, "connection-lost");
  await page.setViewportSize(PHONE);
  await expect(page.getByTestId("connection-status")).toContainText("Offline");
  await shoot(page, "connection-lost");
  await page.setViewportSize({ width: 1440, height: 900 });

  // The server answers again: the notice goes by itself, the edit is saved, the run is followed to its end.
  await page.unroute("**/api/**");
  await expect(notice).toHaveCount(0, { timeout: 6_000 });
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  await expect(page.getByTestId("run-reconnecting")).toHaveCount(0);
  const workflow = await (await page.request.get(`/api/workflows/${id}`)).json();
  expect(workflow.workflow.name).toBe("Renamed while offline");
  expect((await savedGraph(page, id)).nodes.map((n) => n.id)).toEqual(["in", "up", "out"]);
});
