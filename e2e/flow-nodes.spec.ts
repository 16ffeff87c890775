/**
 * Value and branching nodes in the editor (issue 11): build Prompt + Prompt → Text template →
 * Generation → Output from the palette, name the template's inputs, run it on the offline
 * engine, and see the composed text on the Text template card and in the saved run; then lay
 * out Split text, If / else and Aspect ratio with their inspectors (screenshots for review).
 */
import { expect, test } from "@playwright/test";
import {
  connect,
  createWorkflow,
  dragFromPalette,
  expectNodesSucceeded,
  latestRun,
  openFirstOutput,
  runAndWait,
  waitSaved,
} from "./support/editor";

const SHOTS = process.env.FLOW_SHOTS_DIR;

test("Prompt + Prompt → Text template → Generation → Output composes the prompt and runs offline", async ({ page }) => {
  test.setTimeout(240_000);
  const id = await createWorkflow(page, "Templated poster");
  await dragFromPalette(page, "prompt", 140, 120);
  await dragFromPalette(page, "prompt", 140, 330);
  await dragFromPalette(page, "textTemplate", 420, 200);
  await dragFromPalette(page, "generation", 700, 150);
  await dragFromPalette(page, "output", 420, 560);

  await page.getByTestId("node-textTemplate-1").click();
  await page.getByTestId("field-names").fill("subject, style");
  await page.getByTestId("field-template").fill("A portrait of {subject} in the style of {style}");
  // The inputs are labelled with their names.
  await expect(page.getByTestId("node-textTemplate-1").getByText("subject", { exact: true })).toBeVisible();

  await connect(page, "prompt-1", "text", "textTemplate-1", "a");
  await connect(page, "prompt-2", "text", "textTemplate-1", "b");
  await connect(page, "textTemplate-1", "text", "generation-1", "prompt");
  await connect(page, "generation-1", "image", "output-1", "image");
  await page.getByTestId("node-prompt-1").click();
  await page.getByTestId("field-text").fill("a red fox");
  await page.getByTestId("node-prompt-2").click();
  await page.getByTestId("field-text").fill("ukiyo-e woodblock prints");
  await page.getByTestId("node-generation-1").click();
  await page.getByTestId("field-aspectRatio").selectOption("16:9");
  await waitSaved(page);

  await runAndWait(page);
  await expectNodesSucceeded(page, ["prompt-1", "prompt-2", "textTemplate-1", "generation-1", "output-1"]);
  const composed = "A portrait of a red fox in the style of ukiyo-e woodblock prints";
  await expect(page.getByTestId("node-textTemplate-1").getByTestId("node-transform-result")).toHaveText(composed);
  const run = await latestRun(page, id);
  expect(run.nodes.find((n) => n.nodeId === "textTemplate-1")).toMatchObject({ status: "succeeded", values: { text: composed } });
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/template-run-1440.png` });
  expect(await openFirstOutput(page)).toEqual({ width: 1024, height: 576 });
});

test("Split text, If / else and Aspect ratio show their ports and inspector fields", async ({ page }) => {
  await createWorkflow(page, "Logic nodes");
  await dragFromPalette(page, "splitText", 140, 140);
  await dragFromPalette(page, "ifElse", 460, 140);
  await dragFromPalette(page, "aspectRatio", 140, 480);
  await dragFromPalette(page, "generation", 780, 300);
  await connect(page, "aspectRatio-1", "aspectRatio", "generation-1", "aspectRatio");

  await page.getByTestId("node-ifElse-1").click();
  await page.getByRole("button", { name: "Add condition" }).click();
  await expect(page.getByTestId("condition-row")).toHaveCount(2);
  await page.getByLabel("Condition 2: operator").selectOption("contains");
  await page.getByLabel("Condition 2: value").fill("night");
  // One output per condition, plus Else.
  await expect(page.getByTestId("node-ifElse-1").getByText("If 2", { exact: true })).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/ifelse-inspector-1440.png` });

  // Generation's own aspect ratio gives way to the connected Aspect ratio node.
  await page.getByTestId("node-generation-1").click();
  await expect(page.getByTestId("field-aspectRatio-connected")).toContainText("from connected Aspect ratio node");

  await page.getByTestId("node-splitText-1").click();
  await page.getByTestId("field-text").fill("Ceramic mug\nWalnut side table\nLinen lamp shade");
  await waitSaved(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/split-inspector-1440.png` });
  if (SHOTS) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/logic-390.png` });
  }
});
