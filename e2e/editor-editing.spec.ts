/**
 * Editing the graph as a designer coming from ComfyUI or n8n would: copy and paste nodes (also
 * into another workflow), duplicate, select all, right-click menus, quick add by double-click,
 * Space or a wire dropped on empty canvas, auto-layout, palette clicks that land in free space,
 * and undo of each. Screenshots of the menus and lists are written to the test's output folder.
 */
import { expect, test, type Page } from "@playwright/test";
import { connect, createWorkflow, dragFromPalette, handle, savedGraph, waitSaved } from "./support/editor";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const pane = (page: Page) => page.locator("[data-testid=canvas] .react-flow__pane");
const nodes = (page: Page) => page.locator(".react-flow__node");
const edges = (page: Page) => page.locator(".react-flow__edge");
/** The canvas, whose `data-node-count` counts the graph's nodes, on screen or not (off-screen cards are left out of the page). */
const nodeCount = (page: Page) => page.getByTestId("canvas");

/** A point on the canvas, in page pixels, `(x, y)` from its top-left corner. */
async function canvasPoint(page: Page, x: number, y: number) {
  const box = (await pane(page).boundingBox())!;
  return { x: box.x + x, y: box.y + y };
}

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function nodeBoxes(page: Page): Promise<Box[]> {
  const all = await nodes(page).all();
  return Promise.all(all.map(async (n) => (await n.boundingBox())!));
}

/** Prompt → Generation with a prompt text, the start of most tests. */
async function promptIntoGeneration(page: Page, text: string) {
  await dragFromPalette(page, "prompt", 180, 200);
  await dragFromPalette(page, "generation", 520, 200);
  await connect(page, "prompt-1", "text", "generation-1", "prompt");
  await page.getByTestId("node-prompt-1").click();
  await page.getByTestId("field-text").fill(text);
}

test("copy and paste nodes at the pointer with their settings and edges, undo it, and paste into another workflow", async ({ page }) => {
  const id = await createWorkflow(page, "Copy source");
  await promptIntoGeneration(page, "A teal bicycle against a brick wall");
  await page.getByTestId("node-generation-1").click();
  await page.getByTestId("field-aspectRatio").selectOption("16:9");

  // Select all, copy, and paste where the pointer is.
  await pane(page).click({ position: { x: 800, y: 30 } });
  await page.keyboard.press("ControlOrMeta+a");
  await expect(page.locator(".react-flow__node.selected")).toHaveCount(2);
  await page.keyboard.press("ControlOrMeta+c");
  const target = await canvasPoint(page, 260, 520);
  await page.mouse.move(target.x, target.y);
  await page.keyboard.press("ControlOrMeta+v");
  await expect(nodes(page)).toHaveCount(4);
  await expect(edges(page)).toHaveCount(2);
  // The pasted block's top-left corner is at the pointer (snapped to the 8 px grid at zoom ≤ 1).
  const pasted = (await page.getByTestId("node-prompt-2").boundingBox())!;
  expect(Math.abs(pasted.x - target.x)).toBeLessThan(40);
  expect(Math.abs(pasted.y - target.y)).toBeLessThan(40);
  // The pasted nodes are the new selection, and not the originals.
  await expect(page.locator(".react-flow__node.selected")).toHaveCount(2);
  await expect(page.locator('.react-flow__node.selected[data-id="prompt-2"]')).toHaveCount(1);
  await waitSaved(page);

  const graph = await savedGraph(page, id);
  const byId = Object.fromEntries(graph.nodes.map((n) => [n.id, n]));
  expect(byId["prompt-2"].data).toMatchObject({ text: "A teal bicycle against a brick wall" });
  expect(byId["generation-2"].data).toMatchObject({ aspectRatio: "16:9" });
  expect(graph.edges).toContainEqual(
    expect.objectContaining({ source: "prompt-2", sourceHandle: "text", target: "generation-2", targetHandle: "prompt" }),
  );

  // One undo takes the whole paste back.
  await pane(page).click({ position: { x: 800, y: 30 } });
  await page.keyboard.press("ControlOrMeta+z");
  await expect(nodes(page)).toHaveCount(2);
  await expect(edges(page)).toHaveCount(1);

  // Pasting text that is not copied nodes does nothing.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", '{"format":"workflow-studio/graph","version":1,"nodes":[{"id":"x","type":"__proto__"}]}');
    document.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
  });
  await page.keyboard.press("ControlOrMeta+v"); // the clipboard still holds the copy: paste again works
  // This paste lands at the last click, near the top right: its Generation is off-screen, so its card is not in the page; count the graph's nodes.
  await expect(nodeCount(page)).toHaveAttribute("data-node-count", "4");
  await expect(page.getByTestId("minimap-node")).toHaveCount(4);

  // Duplicate a single node with Ctrl+D: a new id with the same settings, undoable.
  await page.getByTestId("node-generation-1").click();
  await page.keyboard.press("ControlOrMeta+d");
  await expect(page.getByTestId("node-generation-3")).toBeVisible();
  await expect(nodeCount(page)).toHaveAttribute("data-node-count", "5");
  await page.keyboard.press("ControlOrMeta+z");
  await expect(nodeCount(page)).toHaveAttribute("data-node-count", "4");

  // Another workflow: the system clipboard still holds the graph.
  const other = await createWorkflow(page, "Paste target");
  const at = await canvasPoint(page, 400, 300);
  await page.mouse.move(at.x, at.y);
  await page.keyboard.press("ControlOrMeta+v");
  await expect(nodes(page)).toHaveCount(2);
  await expect(edges(page)).toHaveCount(1);
  await waitSaved(page);
  const copied = await savedGraph(page, other);
  expect(copied.nodes.find((n) => n.type === "prompt")!.data).toMatchObject({ text: "A teal bicycle against a brick wall" });
});

test("a paste that lands partly off-screen counts every pasted node, on the canvas, in the overview and in the save", async ({ page }) => {
  const id = await createWorkflow(page, "Paste off-screen");
  await promptIntoGeneration(page, "A red kite over the dunes");
  await pane(page).click({ position: { x: 800, y: 30 } });
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("ControlOrMeta+c");
  // Paste at the canvas's bottom-right corner: the pasted Generation lands beyond the edge of the view.
  const box = (await pane(page).boundingBox())!;
  const corner = await canvasPoint(page, box.width - 80, box.height - 120);
  await page.mouse.move(corner.x, corner.y);
  await page.keyboard.press("ControlOrMeta+v");
  await expect(nodeCount(page)).toHaveAttribute("data-node-count", "4");
  await expect(nodeCount(page)).toHaveAttribute("data-edge-count", "2");
  // The overview draws every node, on screen or not; the off-screen card is left out of the page.
  await expect(page.getByTestId("minimap-node")).toHaveCount(4);
  await expect(page.getByTestId("node-generation-2")).toHaveCount(0);
  await waitSaved(page);
  const graph = await savedGraph(page, id);
  expect(graph.nodes.map((n) => n.id).sort()).toEqual(["generation-1", "generation-2", "prompt-1", "prompt-2"]);
  expect(graph.nodes.find((n) => n.id === "prompt-2")!.data).toMatchObject({ text: "A red kite over the dunes" });
  expect(graph.edges).toContainEqual(expect.objectContaining({ source: "prompt-2", target: "generation-2", targetHandle: "prompt" }));
  // Fitting the view brings the pasted card into the page.
  await page.locator(".react-flow__controls-fitview").click();
  await expect(nodes(page)).toHaveCount(4);
  await expect(page.getByTestId("node-generation-2")).toBeVisible();
});

test("right-click menus on a node and on the canvas, keyboard operable", async ({ page }, testInfo) => {
  await createWorkflow(page, "Menus");
  await promptIntoGeneration(page, "A lighthouse at dusk");

  await page.getByTestId("node-generation-1").click({ button: "right" });
  const menu = page.getByTestId("context-menu");
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("menuitem")).toHaveText([/Duplicate/, /Copy/, /Run from here/, /Delete/]);
  await expect(page.getByTestId("menu-duplicate")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByTestId("menu-copy")).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(page.getByTestId("menu-delete")).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath("node-context-menu-1440.png") });
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(nodes(page)).toHaveCount(2);

  // Duplicate from the menu, then delete the copy from the menu with Enter.
  await page.getByTestId("node-generation-1").click({ button: "right" });
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("node-generation-2")).toBeVisible();
  await page.getByTestId("node-generation-2").click({ button: "right" });
  await page.getByTestId("menu-delete").click();
  await expect(page.getByTestId("node-generation-2")).toHaveCount(0);

  // The canvas menu: select all, then add a node at the clicked point.
  await pane(page).click({ button: "right", position: { x: 760, y: 460 } });
  await expect(menu.getByRole("menuitem")).toHaveText([
    /Add node/,
    /Paste/,
    /Add sticky note/,
    /Add group|Group selected/,
    /Select all/,
    /Auto-layout/,
  ]);
  await page.screenshot({ path: testInfo.outputPath("canvas-context-menu-1440.png") });
  await page.getByTestId("menu-select-all").click();
  await expect(page.locator(".react-flow__node.selected")).toHaveCount(2);
  await pane(page).click({ button: "right", position: { x: 760, y: 460 } });
  await page.getByTestId("menu-add-node").click();
  await expect(page.getByTestId("quick-add")).toBeVisible();
  await page.getByTestId("quick-add-input").fill("upscale");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("node-upscale-1")).toBeVisible();

  // Shift-click adds to the selection.
  await page.getByTestId("node-prompt-1").click();
  await page.getByTestId("node-upscale-1").click({ modifiers: ["Shift"] });
  await expect(page.locator(".react-flow__node.selected")).toHaveCount(2);
});

test("quick add by double-click and Space filters by name and description", async ({ page }, testInfo) => {
  await createWorkflow(page, "Quick add");
  await pane(page).dblclick({ position: { x: 500, y: 300 } });
  const list = page.getByTestId("quick-add");
  await expect(list).toBeVisible();
  await expect(page.getByTestId("quick-add-input")).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath("quick-add-1440.png") });
  // "background" only appears in Remove background's name or description.
  await page.keyboard.type("background");
  await expect(page.getByTestId("quick-add-removeBackground")).toBeVisible();
  await expect(page.getByTestId("quick-add-prompt")).toBeHidden();
  await page.keyboard.press("Escape");
  await expect(list).toBeHidden();
  await expect(nodes(page)).toHaveCount(0);

  const point = await canvasPoint(page, 600, 400);
  await page.mouse.move(point.x, point.y);
  await page.keyboard.press("Space");
  await expect(list).toBeVisible();
  await page.keyboard.type("prompt");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("node-prompt-1")).toBeVisible();
  // Placed at the pointer.
  const box = (await page.getByTestId("node-prompt-1").boundingBox())!;
  expect(Math.abs(box.x + box.width / 2 - point.x)).toBeLessThan(40);
});

test("a wire dropped on empty canvas offers only compatible nodes and connects the chosen one; undo removes both", async ({
  page,
}, testInfo) => {
  const id = await createWorkflow(page, "Wire drop");
  await dragFromPalette(page, "prompt", 200, 260);
  const from = (await handle(page, "prompt-1", "source", "text").boundingBox())!;
  const drop = await canvasPoint(page, 700, 320);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + ((drop.x - from.x) * i) / 10, from.y + ((drop.y - from.y) * i) / 10);
  await page.mouse.up();

  await expect(page.getByTestId("quick-add")).toBeVisible();
  await expect(page.getByTestId("quick-add")).toContainText("Connect a new node");
  // Text feeds Generation's prompt; an Image input or an Upscale has no text input.
  await expect(page.getByTestId("quick-add-generation")).toBeVisible();
  await expect(page.getByTestId("quick-add-imageInput")).toHaveCount(0);
  await expect(page.getByTestId("quick-add-upscale")).toHaveCount(0);
  // The wire stays drawn from the handle to where the list opened.
  const wire = page.getByTestId("pending-wire").locator("path");
  await expect(wire).toBeVisible();
  const wireBox = (await wire.boundingBox())!;
  expect(Math.abs(wireBox.x - (from.x + from.width / 2))).toBeLessThan(6);
  expect(Math.abs(wireBox.x + wireBox.width - drop.x)).toBeLessThan(6);
  await page.screenshot({ path: testInfo.outputPath("quick-add-wire-1440.png") });
  await page.keyboard.type("gener");
  await page.keyboard.press("Enter");

  await expect(page.getByTestId("node-generation-1")).toBeVisible();
  await expect(edges(page)).toHaveCount(1);
  await expect(page.getByTestId("pending-wire")).toHaveCount(0);
  const placed = (await page.getByTestId("node-generation-1").boundingBox())!;
  expect(Math.abs(placed.x - drop.x)).toBeLessThan(40);
  await waitSaved(page);
  expect((await savedGraph(page, id)).edges).toEqual([
    expect.objectContaining({ source: "prompt-1", sourceHandle: "text", target: "generation-1", targetHandle: "prompt" }),
  ]);

  await pane(page).click({ position: { x: 800, y: 30 } });
  await page.keyboard.press("ControlOrMeta+z");
  await expect(nodes(page)).toHaveCount(1);
  await expect(edges(page)).toHaveCount(0);
});

test("auto-layout arranges left to right without overlaps, is undoable, and palette clicks land in free space", async ({ page }) => {
  const id = await createWorkflow(page, "Layout");
  // Three palette clicks: three nodes, none on top of another.
  for (const type of ["output", "generation", "prompt"]) await page.getByTestId(`palette-${type}`).click();
  await expect(nodes(page)).toHaveCount(3);
  const clicked = await nodeBoxes(page);
  for (let i = 0; i < clicked.length; i++) for (let j = i + 1; j < clicked.length; j++) expect(overlap(clicked[i], clicked[j])).toBe(false);

  await connect(page, "prompt-1", "text", "generation-1", "prompt");
  await connect(page, "generation-1", "image", "output-1", "image");
  await waitSaved(page);
  const before = await savedGraph(page, id);

  await page.getByTestId("toolbar-layout").click();
  await waitSaved(page);
  const after = await savedGraph(page, id);
  const x = Object.fromEntries(after.nodes.map((n) => [n.id, n.position.x]));
  expect(x["prompt-1"]).toBeLessThan(x["generation-1"]);
  expect(x["generation-1"]).toBeLessThan(x["output-1"]);
  const laid = await nodeBoxes(page);
  for (let i = 0; i < laid.length; i++) for (let j = i + 1; j < laid.length; j++) expect(overlap(laid[i], laid[j])).toBe(false);

  await pane(page).click({ position: { x: 800, y: 30 } });
  await page.keyboard.press("ControlOrMeta+z");
  await waitSaved(page);
  expect((await savedGraph(page, id)).nodes.map((n) => n.position)).toEqual(before.nodes.map((n) => n.position));

  // The shortcut lays it out again.
  await page.keyboard.press("ControlOrMeta+Shift+l");
  await waitSaved(page);
  expect((await savedGraph(page, id)).nodes.map((n) => n.position)).toEqual(after.nodes.map((n) => n.position));
});

test("sticky notes and groups are saved with the graph, a group carries its nodes, and undo puts them back", async ({ page }, testInfo) => {
  const id = await createWorkflow(page, "Notes and groups");
  await promptIntoGeneration(page, "A ceramic vase, studio light");

  // Frame both nodes in a titled group.
  await pane(page).click({ position: { x: 800, y: 30 } });
  await page.keyboard.press("ControlOrMeta+a");
  await page.getByTestId("toolbar-group").click();
  const group = page.getByTestId("group-group-1");
  await expect(group).toBeVisible();
  await group.getByTestId("group-title").fill("Hero shot");

  // A sticky note in free space.
  await pane(page).click({ position: { x: 800, y: 30 } });
  await page.getByTestId("toolbar-note").click();
  const note = page.getByTestId("note-note-1");
  await expect(note).toBeVisible();
  await note.getByTestId("note-text").fill("Client wants warmer light");
  const noteBox = (await note.boundingBox())!;
  for (const box of [await page.getByTestId("node-prompt-1").boundingBox(), await page.getByTestId("node-generation-1").boundingBox()]) {
    expect(overlap(noteBox, box!)).toBe(false);
  }
  await waitSaved(page);
  await page.screenshot({ path: testInfo.outputPath("note-and-group-1440.png") });

  const saved = await savedGraph(page, id);
  expect((saved as unknown as { annotations: unknown[] }).annotations).toEqual([
    expect.objectContaining({ id: "group-1", kind: "group", text: "Hero shot" }),
    expect.objectContaining({ id: "note-1", kind: "note", text: "Client wants warmer light" }),
  ]);
  // Not nodes: the workflow still has its two nodes, and runs nothing extra.
  expect(saved.nodes.map((n) => n.id).sort()).toEqual(["generation-1", "prompt-1"]);

  // Dragging the group by its title bar moves the nodes inside it.
  const before = saved.nodes.find((n) => n.id === "prompt-1")!.position;
  const grip = (await group.getByTestId("group-grip").boundingBox())!;
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(grip.x + grip.width / 2 + i * 10, grip.y + grip.height / 2 + i * 5);
  await page.mouse.up();
  await waitSaved(page);
  const moved = (await savedGraph(page, id)).nodes.find((n) => n.id === "prompt-1")!.position;
  expect(moved.x - before.x).toBeGreaterThan(50);
  expect(moved.y - before.y).toBeGreaterThan(20);

  // One undo takes the whole move back.
  await pane(page).click({ position: { x: 800, y: 30 } });
  await page.keyboard.press("ControlOrMeta+z");
  await waitSaved(page);
  expect((await savedGraph(page, id)).nodes.find((n) => n.id === "prompt-1")!.position).toEqual(before);

  // A reload brings both back.
  await page.reload();
  await expect(page.getByTestId("note-note-1").getByTestId("note-text")).toHaveValue("Client wants warmer light");
  await expect(page.getByTestId("group-group-1").getByTestId("group-title")).toHaveValue("Hero shot");

  // Copy and paste take the notes and groups along with the nodes.
  await pane(page).click({ position: { x: 800, y: 30 } });
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("ControlOrMeta+c");
  const target = await canvasPoint(page, 700, 560);
  await page.mouse.move(target.x, target.y);
  await page.keyboard.press("ControlOrMeta+v");
  // The paste lands partly out of view, and the canvas renders only what is in view: fit first.
  await page.locator(".react-flow__controls-fitview").click();
  await expect(page.getByTestId("group-group-2").getByTestId("group-title")).toHaveValue("Hero shot");
  await expect(page.getByTestId("note-note-2").getByTestId("note-text")).toHaveValue("Client wants warmer light");
  await expect(page.getByTestId("node-prompt-2")).toBeVisible();
  await waitSaved(page);
  await page.screenshot({ path: testInfo.outputPath("notes-pasted-1440.png") });
  const pasted = (await savedGraph(page, id)) as unknown as { nodes: unknown[]; annotations: Array<{ id: string; text: string }> };
  expect(pasted.nodes).toHaveLength(4);
  expect(pasted.annotations.map((a) => `${a.id}: ${a.text}`).sort()).toEqual([
    "group-1: Hero shot",
    "group-2: Hero shot",
    "note-1: Client wants warmer light",
    "note-2: Client wants warmer light",
  ]);
  // One undo takes the whole paste back.
  await pane(page).click({ position: { x: 800, y: 30 } });
  await page.keyboard.press("ControlOrMeta+z");
  await expect(page.getByTestId("group-group-2")).toHaveCount(0);
  await expect(page.getByTestId("note-note-2")).toHaveCount(0);

  // Duplicate a note from its right-click menu.
  await page.getByTestId("note-note-1").click({ button: "right", position: { x: 8, y: 8 } });
  await page.getByTestId("menu-duplicate").click();
  await expect(page.getByTestId("note-note-2").getByTestId("note-text")).toHaveValue("Client wants warmer light");
});
