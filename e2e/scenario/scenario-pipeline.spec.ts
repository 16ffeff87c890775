/**
 * The studio on Scenario's API (issue 7), through the strict local mock (scripts/scenario-mock.ts),
 * which refuses every body field a model's record does not list with the real API's reasons.
 * A designer builds and runs, with models chosen explicitly in each node's picker:
 * - Prompt → Generation ×3 on GPT Image 2, Gemini 3.1 Flash and FLUX.2 dev;
 * - Image input → Retouch (GPT Image 2, painted mask) → Expand (Smart Reframe, 16:9) → Upscale
 *   (Upscale V3, 2x) → Output, and Image input → Remove background (Photoroom) → Output.
 * Every node must succeed, and each output must have the pixel size its node asked for
 * (the mock's output rules: lib/providers/scenario/__fixtures__/SOURCES.md).
 */
import { expect, test, type Page } from "@playwright/test";
import {
  connect,
  createWorkflow,
  dragFromPalette,
  expectNodesSucceeded,
  latestRun,
  outputSizes as sizesOf,
  paintMask,
  pickModel,
  runUntilFinished,
  uploadToImageInput,
  waitSaved,
} from "../support/editor";

/** Runs the workflow and expects every node to succeed; on failure names each node and the API's refusal. */
async function runToSuccess(page: Page, workflowId: string, nodeIds: string[]) {
  await runUntilFinished(page, 150_000);
  const run = await latestRun(page, workflowId);
  expect(run.nodes.filter((n) => n.status !== "succeeded").map((n) => `${n.nodeId}: ${n.status} ${n.error ?? ""}`)).toEqual([]);
  expect(run.status).toBe("succeeded");
  await expectNodesSucceeded(page, nodeIds);
  return run;
}

test("the studio runs on Scenario: GET /api/engine says so", async ({ page }) => {
  const engine = await (await page.request.get("/api/engine")).json();
  expect(engine.provider.id).toBe("scenario");
});

test("Generation with GPT Image 2, Gemini 3.1 Flash and FLUX.2 dev, each model picked explicitly", async ({ page }) => {
  const id = await createWorkflow(page, "Three generators");
  await dragFromPalette(page, "prompt", 140, 360);
  await dragFromPalette(page, "generation", 480, 140);
  await dragFromPalette(page, "generation", 480, 380);
  await dragFromPalette(page, "generation", 480, 620);
  for (const gen of ["generation-1", "generation-2", "generation-3"]) await connect(page, "prompt-1", "text", gen, "prompt");

  await page.getByTestId("node-prompt-1").click();
  await page.getByTestId("field-text").fill("A lighthouse on a cliff at dawn, watercolor");

  await pickModel(page, "generation-1", "model_openai-gpt-image-2");
  await page.getByTestId("field-width").fill("1536");
  await page.getByTestId("field-height").fill("1024");

  await pickModel(page, "generation-2", "model_google-gemini-3-1-flash");
  await page.getByTestId("field-aspectRatio").selectOption("16:9");

  await pickModel(page, "generation-3", "model_bfl-flux-2-dev");
  await page.getByTestId("field-width").fill("1216");
  await page.getByTestId("field-height").fill("832");
  await waitSaved(page);

  const run = await runToSuccess(page, id, ["prompt-1", "generation-1", "generation-2", "generation-3"]);
  expect(run.nodes.find((n) => n.nodeId === "generation-1")!.model).toBe("model_openai-gpt-image-2");
  expect(run.nodes.find((n) => n.nodeId === "generation-2")!.model).toBe("model_google-gemini-3-1-flash");
  expect(run.nodes.find((n) => n.nodeId === "generation-3")!.model).toBe("model_bfl-flux-2-dev");
  expect(sizesOf(run, "generation-1")).toEqual([{ width: 1536, height: 1024 }]);
  // Gemini 3.1 Flash sizes by aspectRatio × resolution: 16:9 at 1K is 1376×768.
  expect(sizesOf(run, "generation-2")).toEqual([{ width: 1376, height: 768 }]);
  expect(sizesOf(run, "generation-3")).toEqual([{ width: 1216, height: 832 }]);
  expect(run.credits).toBeGreaterThan(0);
});

test("Retouch with a painted mask → Expand → Upscale, and Remove background, on coffee.png", async ({ page }) => {
  const id = await createWorkflow(page, "Coffee on Scenario");
  // The canvas is about 850 px wide between the palette and the inspector: three rows.
  await dragFromPalette(page, "imageInput", 120, 140);
  await dragFromPalette(page, "retouch", 380, 140);
  await dragFromPalette(page, "expand", 640, 140);
  await dragFromPalette(page, "upscale", 380, 400);
  await dragFromPalette(page, "output", 640, 400);
  await dragFromPalette(page, "removeBackground", 380, 640);
  await dragFromPalette(page, "output", 640, 640);

  await connect(page, "imageInput-1", "image", "retouch-1", "image");
  await connect(page, "retouch-1", "image", "expand-1", "image");
  await connect(page, "expand-1", "image", "upscale-1", "image");
  await connect(page, "upscale-1", "image", "output-1", "image");
  await connect(page, "imageInput-1", "image", "removeBackground-1", "image");
  await connect(page, "removeBackground-1", "image", "output-2", "image");

  await uploadToImageInput(page, "imageInput-1", "coffee.png", "600 × 400 px");

  await pickModel(page, "retouch-1", "model_openai-gpt-image-2");
  await page.getByTestId("field-prompt").fill("a swirl of latte art");
  await paintMask(page);

  await pickModel(page, "expand-1", "model_scenario-smart-reframe");
  await page.getByTestId("field-aspectRatio").selectOption("16:9");
  await pickModel(page, "upscale-1", "model_upscale-v3");
  await page.getByTestId("field-factor").selectOption("2");
  await pickModel(page, "removeBackground-1", "model_photoroom-background-removal");
  await waitSaved(page);

  const run = await runToSuccess(page, id, [
    "imageInput-1",
    "retouch-1",
    "expand-1",
    "upscale-1",
    "output-1",
    "removeBackground-1",
    "output-2",
  ]);
  // Retouch keeps 600×400; Expand to the smallest 16:9 canvas (720×405); Upscale 2x; the cut-out keeps 600×400.
  expect(sizesOf(run, "retouch-1")).toEqual([{ width: 600, height: 400 }]);
  expect(sizesOf(run, "expand-1")).toEqual([{ width: 720, height: 405 }]);
  expect(sizesOf(run, "upscale-1")).toEqual([{ width: 1440, height: 810 }]);
  expect(sizesOf(run, "removeBackground-1")).toEqual([{ width: 600, height: 400 }]);
});
