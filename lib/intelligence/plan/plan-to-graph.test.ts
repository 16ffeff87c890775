import { describe, expect, it } from "vitest";
import { validateGraph } from "../../graph/validate";
import type { GraphNode, WorkflowGraph } from "../../graph/schema";
import type { PickFn } from "./pick";
import { planGeneration, type GenerationPlan } from "./plan-generation";
import { draftGraphFromPlan, PLAN_GRAPH_LAYOUT, planToGraph } from "./plan-to-graph";
import type { TemplateId } from "./templates";

const pick: PickFn = (capability) => ({ modelId: `model_${capability}`, name: capability });
const planFor = (description: string, p: PickFn = pick): GenerationPlan => planGeneration({ description }, { pick: p }).plan;

const byType = (graph: WorkflowGraph, type: string): GraphNode[] => graph.nodes.filter((n) => n.type === type);
const edgesInto = (graph: WorkflowGraph, id: string) => graph.edges.filter((e) => e.target === id);
const source = (graph: WorkflowGraph, target: string, port: string) =>
  graph.edges.find((e) => e.target === target && e.targetHandle === port)?.source;

/** One description per template (with every optional step mentioned) plus composed plans. */
const TEMPLATE_DESCRIPTIONS: Record<TemplateId, string> = {
  product_video: "a product video for headphones with voiceover and music",
  talking_head: "a talking head welcome video for new users",
  game_asset_3d: "a 3d game asset: a mossy treasure chest",
  character_sheet: "a character sheet for a red fox knight",
  logo_to_vector: "an svg logo for a bakery",
  video_chain_long: "a 60 second video of a harbour at dawn",
  video_extend: "extend the video of the waterfall",
  style_transfer: "make it look like a ghibli film",
  photorealism_polish: "remove the AI look from a street portrait",
};

const COMPOSED = [
  "a 3D model of a treasure chest",
  "cut out my product photo and vectorize it",
  "voice narration with background music for a podcast",
  "a picture of a lamp, retouched, expanded to fill the canvas, upscaled",
  "surprise me",
];

describe("planToGraph: every template and composed plans pass the studio validator", () => {
  it.each(Object.entries(TEMPLATE_DESCRIPTIONS))("%s", (id, description) => {
    const plan = planFor(description);
    expect(plan.template).toBe(id);
    const graph = planToGraph(plan);
    const result = validateGraph(graph, "save");
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it.each(COMPOSED)("composed: %s", (description) => {
    const plan = planFor(description);
    expect(plan.composed).toBe(true);
    const result = validateGraph(planToGraph(plan), "save");
    expect(result.issues).toEqual([]);
  });

  it("templates that need no upload or mask are runnable as drafted", () => {
    for (const id of [
      "product_video",
      "talking_head",
      "game_asset_3d",
      "character_sheet",
      "logo_to_vector",
      "video_chain_long",
      "video_extend",
      "photorealism_polish",
    ] as const) {
      const result = validateGraph(planToGraph(planFor(TEMPLATE_DESCRIPTIONS[id])), "run");
      expect(result.issues, id).toEqual([]);
    }
  });

  it("passes with the default resolver too", () => {
    for (const description of [...Object.values(TEMPLATE_DESCRIPTIONS), ...COMPOSED]) {
      expect(validateGraph(planToGraph(planGeneration({ description }).plan), "save").ok, description).toBe(true);
    }
  });
});

describe("planToGraph: node kinds, wiring and layout", () => {
  it("txt2img → a Prompt node (the description) feeding a Generation node with the step's model", () => {
    const graph = planToGraph(planFor("photo polish of a street"));
    const [prompt] = byType(graph, "prompt");
    expect(prompt.data.text).toBe("photo polish of a street");
    const [generation] = byType(graph, "generation");
    expect(generation.data.model).toBe("model_txt2img");
    expect(source(graph, generation.id, "prompt")).toBe(prompt.id);
  });

  it("photorealism_polish upscales 2x with the creative preset; game_asset_3d with balanced", () => {
    expect(byType(planToGraph(planFor("photo polish of a street")), "upscale")[0].data).toMatchObject({
      factor: 2,
      preset: "creative",
      model: "model_upscale",
    });
    expect(byType(planToGraph(planFor("3d game asset of a barrel")), "upscale")[0].data).toMatchObject({ factor: 2, preset: "balanced" });
  });

  it("style transfer: an Image input to upload (assetId null) and the prompt feed one Generation node", () => {
    const drafted = draftGraphFromPlan(planFor("make it look like a ghibli film"));
    const { graph } = drafted;
    const [upload] = byType(graph, "imageInput");
    expect(upload.data.assetId).toBeNull();
    const [generation] = byType(graph, "generation");
    expect(source(graph, generation.id, "image")).toBe(upload.id);
    expect(source(graph, generation.id, "prompt")).toBe(byType(graph, "prompt")[0].id);
    expect(drafted.notes.join(" ")).toMatch(/upload/);
  });

  it("product video: generation → remove background → runModel img2video, audio branches from the prompt, one output per result", () => {
    const plan = planFor(TEMPLATE_DESCRIPTIONS.product_video);
    const { graph, stepNodes } = draftGraphFromPlan(plan);
    expect(graph.nodes.map((n) => n.type)).toEqual([
      "prompt",
      "generation",
      "removeBackground",
      "runModel",
      "runModel",
      "runModel",
      "output",
      "output",
      "output",
    ]);
    expect(source(graph, stepNodes.cutout, "image")).toBe(stepNodes.hero);
    expect(source(graph, stepNodes.reveal, "image")).toBe(stepNodes.cutout);
    const reveal = graph.nodes.find((n) => n.id === stepNodes.reveal)!;
    expect(reveal.data).toEqual({ capability: "img2video", model: "model_img2video", prompt: plan.description, settings: {} });
    for (const key of ["voiceover", "music"]) expect(source(graph, stepNodes[key], "prompt")).toBe("draft-1");
    const outputs = byType(graph, "output");
    const main = outputs.find((o) => source(graph, o.id, "image") === stepNodes.reveal)!;
    expect(main.data.label).toBe("Product video");
    expect(outputs.filter((o) => o !== main).map((o) => o.data.label)).toEqual([
      "Product video: Generate voiceover",
      "Product video: Generate background music",
    ]);
    expect(graph.edges.find((e) => e.source === stepNodes.reveal && e.target === main.id)?.sourceHandle).toBe("asset");
  });

  it("talking head: lipsync takes the portrait on image and the voice on media", () => {
    const { graph, stepNodes } = draftGraphFromPlan(planFor(TEMPLATE_DESCRIPTIONS.talking_head));
    const lipsync = graph.nodes.find((n) => n.id === stepNodes.lipsync)!;
    expect(lipsync.data).toMatchObject({ capability: "lipsync", model: "model_lipsync" });
    const image = graph.edges.find((e) => e.target === lipsync.id && e.targetHandle === "image")!;
    const media = graph.edges.find((e) => e.target === lipsync.id && e.targetHandle === "media")!;
    expect([image.source, image.sourceHandle]).toEqual([stepNodes.portrait, "image"]);
    expect([media.source, media.sourceHandle]).toEqual([stepNodes.voiceover, "asset"]);
    expect(source(graph, stepNodes.voiceover, "prompt")).toBe("draft-1");
  });

  it("character sheet: both scenes take the reference image, as parallel branches one row apart", () => {
    const { graph, stepNodes } = draftGraphFromPlan(planFor(TEMPLATE_DESCRIPTIONS.character_sheet));
    expect(source(graph, stepNodes.scene1, "image")).toBe(stepNodes.reference);
    expect(source(graph, stepNodes.scene2, "image")).toBe(stepNodes.reference);
    const [s1, s2] = [stepNodes.scene1, stepNodes.scene2].map((id) => graph.nodes.find((n) => n.id === id)!.position);
    expect(s1.x).toBe(s2.x);
    expect(Math.abs(s2.y - s1.y)).toBe(PLAN_GRAPH_LAYOUT.rowHeight);
    expect(byType(graph, "output")).toHaveLength(2);
  });

  it("long video: skips the manage_assets step (noted), clip 2 takes clip 1 on media with the same model", () => {
    const drafted = draftGraphFromPlan(planFor(TEMPLATE_DESCRIPTIONS.video_chain_long));
    const { graph, stepNodes } = drafted;
    expect(stepNodes.lastFrame).toBeUndefined();
    expect(drafted.notes.join(" ")).toMatch(/Skipped "Read clip 1's lastFrame asset ID"/);
    const clip2 = graph.nodes.find((n) => n.id === stepNodes.clip2)!;
    expect(edgesInto(graph, clip2.id).map((e) => [e.source, e.sourceHandle, e.targetHandle])).toEqual(
      expect.arrayContaining([[stepNodes.clip1, "asset", "media"]]),
    );
    expect(source(graph, clip2.id, "image")).toBeUndefined();
    expect(clip2.data.model).toBe(graph.nodes.find((n) => n.id === stepNodes.clip1)!.data.model);
  });

  it("video extend: the extension takes the first clip on media", () => {
    const { graph, stepNodes } = draftGraphFromPlan(planFor(TEMPLATE_DESCRIPTIONS.video_extend));
    expect(graph.nodes.find((n) => n.id === stepNodes.clip)!.data).toMatchObject({ capability: "txt2video" });
    expect(source(graph, stepNodes.extend, "media")).toBe(stepNodes.clip);
  });

  it("game asset and logo: runModel img23d / img2svg take the last image", () => {
    const game = draftGraphFromPlan(planFor(TEMPLATE_DESCRIPTIONS.game_asset_3d));
    expect(source(game.graph, game.stepNodes.model3d, "image")).toBe(game.stepNodes.upscale);
    expect(game.graph.nodes.find((n) => n.id === game.stepNodes.model3d)!.data).toMatchObject({ capability: "img23d" });
    const logo = draftGraphFromPlan(planFor(TEMPLATE_DESCRIPTIONS.logo_to_vector));
    expect(source(logo.graph, logo.stepNodes.vectorize, "image")).toBe(logo.stepNodes.logo);
  });

  it("outpaint → Expand, inpaint → Retouch (mask left to the user, noted)", () => {
    const drafted = draftGraphFromPlan(planFor("a picture of a lamp, retouched, expanded to fill the canvas, upscaled"));
    expect(drafted.graph.nodes.map((n) => n.type)).toEqual(["prompt", "generation", "retouch", "expand", "upscale", "output"]);
    expect(drafted.notes.join(" ")).toMatch(/paint the mask/);
  });

  it("a runModel step whose capability has no model keeps model 'auto'", () => {
    const graph = planToGraph(planFor("talking head", (c) => (c === "lipsync" ? null : pick(c))));
    expect(byType(graph, "runModel").find((n) => n.data.capability === "lipsync")!.data.model).toBe("auto");
  });

  it("lays out left to right: ids draft-N, x on the column grid, y on the row grid, every edge going right", () => {
    for (const description of [...Object.values(TEMPLATE_DESCRIPTIONS), ...COMPOSED]) {
      const graph = planToGraph(planFor(description));
      graph.nodes.forEach((n, i) => {
        expect(n.id).toBe(`draft-${i + 1}`);
        expect(n.position.x % PLAN_GRAPH_LAYOUT.columnWidth).toBe(0);
        expect(n.position.y % PLAN_GRAPH_LAYOUT.rowHeight).toBe(0);
      });
      const at = new Map(graph.nodes.map((n) => [n.id, n.position]));
      for (const e of graph.edges) expect(at.get(e.target)!.x).toBeGreaterThan(at.get(e.source)!.x);
      const cells = graph.nodes.map((n) => `${n.position.x},${n.position.y}`);
      expect(new Set(cells).size).toBe(cells.length);
      expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
    }
  });

  it("ends with an Output node labelled with the plan title", () => {
    const plan = planFor("surprise me");
    const graph = planToGraph(plan);
    expect(byType(graph, "output").map((n) => n.data.label)).toEqual([plan.title]);
    expect(graph.nodes[graph.nodes.length - 1].type).toBe("output");
  });
});
