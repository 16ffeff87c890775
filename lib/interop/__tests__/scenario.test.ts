import { describe, expect, it } from "vitest";
import type { ExposedInput } from "../../apps/exposable-inputs";
import type { WorkflowGraph } from "../../graph/schema";
import { validateGraph } from "../../graph/validate";
import { getNodeDefinition } from "../../nodes";
import { catalogModels } from "../models";
import { exportScenarioFile } from "../scenario/export";
import { importScenarioFile } from "../scenario/import";
import { ImportFileError } from "../report";

const node = (id: string, type: string, data: Record<string, unknown>, x = 0, y = 0) => ({ id, type, position: { x, y }, data });
const edge = (source: string, sourceHandle: string, target: string, targetHandle: string) => ({
  id: `${source}->${target}.${targetHandle}`,
  source,
  sourceHandle,
  target,
  targetHandle,
});

/** Parameters filled with each kind's defaults, as the studio saves them after an edit. */
function filled(graph: WorkflowGraph): WorkflowGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => ({ ...n, data: getNodeDefinition(n.type)!.paramsSchema.parse(n.data) as Record<string, unknown> })),
  };
}

const GRAPH: WorkflowGraph = filled({
  nodes: [
    node("subject", "prompt", { text: "a ceramic mug on a walnut table" }, 0, 0),
    node("gen", "generation", { aspectRatio: "16:9", seed: 42, numOutputs: 2, strength: 0.4 }, 320, 0),
    node("flux", "generation", { model: "model_bfl-flux-1-dev", prompt: "a red fox", seed: 7, settings: { guidance: 3.5 } }, 320, 300),
    node("up", "upscale", { factor: 4, preset: "precise" }, 640, 0),
    node("photo", "imageInput", { assetId: "asset_local_123" }, 0, 600),
    node(
      "fix",
      "retouch",
      { model: "model_openai-gpt-image-2", prompt: "a blue sky", maskAssetId: "asset_mask_1", strength: 0.7 },
      320,
      600,
    ),
    node("cut", "removeBackground", {}, 640, 600),
    node("video", "runModel", { capability: "img2video", model: "model_bytedance-seedance-2-0", prompt: "slow pan" }, 960, 600),
    node("cel", "placeholder", {
      origin: "scenario",
      foreignType: "llm",
      title: "Compose prompt",
      reason: "Language-model steps are not available here yet.",
      original: { type: "llm", data: { title: "Compose prompt", value: "'a ' + subject_output" } },
    }),
    node("face", "placeholder", {
      origin: "comfyui",
      foreignType: "FaceDetailer",
      title: "Face fix",
      reason: "ComfyUI's “FaceDetailer” node has no equivalent here yet.",
      original: { class_type: "FaceDetailer", inputs: { guide_size: 384 } },
    }),
    node("final", "output", { label: "Hero shot" }, 960, 0),
    node("clip", "output", { label: "Clip" }, 1280, 600),
  ],
  edges: [
    edge("subject", "text", "gen", "prompt"),
    edge("gen", "image", "up", "image"),
    edge("up", "image", "final", "image"),
    edge("photo", "image", "fix", "image"),
    edge("fix", "image", "cut", "image"),
    edge("cut", "image", "video", "image"),
    edge("video", "asset", "clip", "image"),
    edge("subject", "text", "cel", "text"),
  ],
  annotations: [
    { id: "note-1", kind: "note", position: { x: 0, y: -200 }, size: { width: 240, height: 160 }, text: "Shot list for the mug campaign" },
    { id: "group-1", kind: "group", position: { x: 300, y: -40 }, size: { width: 560, height: 360 }, text: "Hero" },
  ],
});

const INPUTS: ExposedInput[] = [
  { key: "subject", nodeId: "subject", field: "text", label: "Subject", help: "What the picture shows", required: true, default: "a mug" },
  { key: "photo", nodeId: "photo", field: "assetId", label: "Product photo", required: false },
];

const sortEdges = (edges: WorkflowGraph["edges"]) =>
  edges
    .map(({ source, sourceHandle, target, targetHandle }) => ({ source, sourceHandle, target, targetHandle }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe("Scenario export", () => {
  const { file, notes } = exportScenarioFile({ name: "Mug campaign", graph: GRAPH, inputs: INPUTS }, catalogModels);
  const byId = new Map(file.editorInfo.nodes.map((n) => [n.id, n]));

  it("writes the export envelope with reversed edges and Scenario's handle ids", () => {
    expect(Object.keys(file).sort()).toEqual(["description", "editorInfo", "inputs", "name", "tagSet", "version"]);
    expect(file.version).toBe("1.0");
    const promptEdge = file.editorInfo.edges.find((e) => e.target === "subject" && e.source === "gen");
    expect(promptEdge).toMatchObject({ sourceHandle: "gen-source-prompt", targetHandle: "subject-target-output" });
    // GPT Image 2 takes its image on `referenceImages` and its mask on `mask`.
    const fixEdge = file.editorInfo.edges.find((e) => e.source === "fix");
    expect(fixEdge).toMatchObject({ target: "photo", sourceHandle: "fix-source-referenceImages" });
    // Output nodes are not nodes in Scenario: their producers are marked.
    expect(byId.has("final")).toBe(false);
    expect(byId.get("up")?.data.isOutput).toBe(true);
    expect(byId.get("video")?.data.isOutput).toBe(true);
    expect(notes).toEqual([]);
  });

  it("writes model nodes with their model and a form in the model's input names", () => {
    expect(byId.get("gen")).toMatchObject({ type: "model", data: { modelId: "model_google-gemini-3-1-flash" } });
    // The prompt is wired: never in the form. Gemini takes the ratio as `aspectRatio` and the count as `numOutputs`.
    expect(byId.get("gen")?.data.form).toEqual({ aspectRatio: "16:9", numOutputs: 2 });
    expect(byId.get("flux")?.data.form).toMatchObject({ prompt: "a red fox", seed: 7, guidance: 3.5 });
    expect(byId.get("up")?.data.modelId).toBe("model_upscale-v3");
    expect(byId.get("subject")).toMatchObject({ type: "text", data: { value: "a ceramic mug on a walnut table", isInput: true } });
    // Asset values are left out of exports (Scenario's own rule); the studio hint keeps ours.
    expect(byId.get("photo")?.data).not.toHaveProperty("value");
    expect(byId.get("cel")).toMatchObject({ type: "llm", data: { value: "'a ' + subject_output" } });
    expect(byId.get("note-1")).toMatchObject({ type: "stickyNote", data: { value: "Shot list for the mug campaign" } });
  });

  it("pins App inputs as isInput nodes with inputs entries, in order", () => {
    expect(file.editorInfo.inputKeys).toEqual(["subject", "photo"]);
    expect(file.inputs).toEqual([
      {
        type: "string",
        name: "subject",
        label: "Subject",
        required: { always: true },
        description: "What the picture shows",
        prompt: true,
        default: "a mug",
      },
      { type: "file", kind: "image", name: "photo", label: "Product photo", required: { always: false } },
    ]);
  });

  it("round trip: export → JSON → import gives the same graph and inputs", () => {
    const back = importScenarioFile(JSON.parse(JSON.stringify(file)), catalogModels);
    const sortNodes = (g: WorkflowGraph) => [...g.nodes].sort((a, b) => a.id.localeCompare(b.id));
    expect(sortNodes(back.graph)).toEqual(sortNodes(GRAPH));
    expect(sortEdges(back.graph.edges)).toEqual(sortEdges(GRAPH.edges));
    expect(back.graph.annotations).toEqual(GRAPH.annotations);
    expect(back.inputs).toEqual(INPUTS);
  });

  it("without App inputs, every Prompt and Image input is pinned", () => {
    const plain = exportScenarioFile({ name: "x", graph: GRAPH }, catalogModels).file;
    expect(plain.editorInfo.inputKeys).toEqual(["subject", "photo"]);
    expect(plain.inputs.map((i) => i.type)).toEqual(["string", "file"]);
  });
});

describe("Scenario import of a file made in Scenario", () => {
  const file = {
    version: "1.0",
    name: "Poster",
    description: "",
    editorInfo: {
      nodes: [
        { id: "t1", type: "text", position: { x: 0, y: 0 }, data: { value: "neon city at night", isInput: true, title: "Scene" } },
        {
          id: "m1",
          type: "model",
          position: { x: 400, y: 0 },
          data: { modelId: "model_bfl-flux-1-dev", form: { guidance: 4, seed: 99, numInferenceSteps: 30 }, title: "FLUX" },
          measured: { width: 300, height: 200 },
          selected: true,
        },
        { id: "up1", type: "model", position: { x: 800, y: 0 }, data: { modelId: "model_topaz-image-upscale", form: {}, isOutput: true } },
        { id: "x1", type: "model", position: { x: 800, y: 300 }, data: { modelId: "model_nobody-knows", title: "Upscale (Topaz)" } },
        { id: "c1", type: "transformText", position: { x: 200, y: 300 }, data: { value: "t1_output + ' poster'" } },
        { id: "s1", type: "stickyNote", position: { x: 0, y: -300 }, data: { value: "Check the neon colours" }, width: 300, height: 200 },
        { id: "w1", type: "weirdNewThing", position: { x: 0, y: 600 }, data: {} },
      ],
      edges: [
        { id: "e1", source: "m1", sourceHandle: "m1-source-prompt", target: "t1", targetHandle: "t1-target-output" },
        { id: "e2", source: "up1", sourceHandle: "up1-source-image", target: "m1", targetHandle: "m1-target-output" },
        { id: "e3", source: "c1", sourceHandle: "c1-source-t1_output", target: "t1", targetHandle: "t1-target-output" },
        { id: "e4", source: "x1", sourceHandle: "x1-source-image", target: "m1", targetHandle: "m1-target-output" },
        { id: "e5", source: "m1", sourceHandle: "m1-source-controlImage", target: "t1", targetHandle: "t1-target-output" },
      ],
      inputKeys: ["t1"],
    },
    inputs: [{ type: "string", name: "t1", label: "Scene", required: { always: true } }],
    tagSet: [],
  };
  const result = importScenarioFile(file, catalogModels);
  const byId = new Map(result.graph.nodes.map((n) => [n.id, n]));

  it("maps text and model nodes by the model's capabilities, reading the form", () => {
    expect(byId.get("t1")).toMatchObject({ type: "prompt", data: { text: "neon city at night" } });
    expect(byId.get("m1")).toMatchObject({
      type: "generation",
      data: { model: "model_bfl-flux-1-dev", seed: 99, settings: { guidance: 4, numInferenceSteps: 30 } },
    });
    expect(byId.get("up1")).toMatchObject({ type: "upscale", data: { model: "model_topaz-image-upscale" } });
    const outputs = result.graph.nodes.filter((n) => n.type === "output");
    expect(outputs).toHaveLength(1);
    expect(result.graph.edges).toContainEqual(expect.objectContaining({ source: "up1", target: outputs[0].id, targetHandle: "image" }));
    expect(result.graph.edges).toContainEqual(
      expect.objectContaining({ source: "t1", sourceHandle: "text", target: "m1", targetHandle: "prompt" }),
    );
    expect(result.inputs).toEqual([{ key: "scene", nodeId: "t1", field: "text", label: "Scene", required: true }]);
    expect(result.graph.annotations).toEqual([
      { id: "s1", kind: "note", position: { x: 0, y: -300 }, size: { width: 300, height: 200 }, text: "Check the neon colours" },
    ]);
  });

  it("keeps unknown types and models as placeholders the validator refuses with a sentence", () => {
    expect(byId.get("x1")).toMatchObject({ type: "placeholder", data: { title: "Upscale (Topaz)", origin: "scenario" } });
    expect(byId.get("w1")).toMatchObject({ type: "placeholder", data: { foreignType: "weirdNewThing" } });
    // Their connections are kept.
    expect(result.graph.edges).toContainEqual(expect.objectContaining({ source: "m1", target: "x1", targetHandle: "media" }));
    const validation = validateGraph(result.graph, "run");
    expect(validation.ok).toBe(false);
    const messages = validation.issues.filter((i) => i.nodeId === "x1").map((i) => i.message);
    expect(messages.join(" ")).toContain("“Upscale (Topaz)” came from Scenario and has no equivalent here yet: replace or delete it");
    expect(validateGraph(result.graph, "save").ok).toBe(true);
  });

  it("reports every node and the connection it had to leave out", () => {
    const outcome = Object.fromEntries(result.report.items.filter((i) => i.foreignType !== "edge").map((i) => [i.foreignId, i.outcome]));
    expect(outcome).toEqual({
      t1: "mapped",
      m1: "mapped",
      up1: "mapped",
      x1: "placeholder",
      c1: "mapped",
      s1: "mapped",
      w1: "placeholder",
    });
    const left = result.report.items.filter((i) => i.outcome === "left-out");
    expect(left).toHaveLength(1);
    expect(left[0].message).toContain("controlImage");
  });

  it("reads a transformText as a CEL Text template whose wired input keeps the expression's variable name", () => {
    expect(byId.get("c1")).toMatchObject({
      type: "textTemplate",
      data: { mode: "cel", template: "t1_output + ' poster'", names: "t1_output" },
    });
    expect(result.graph.edges).toContainEqual(expect.objectContaining({ source: "t1", target: "c1", targetHandle: "a" }));
  });

  it("refuses a file that is not a Scenario workflow, with a sentence", () => {
    expect(() => importScenarioFile({ editorInfo: { nodes: "no" } }, catalogModels)).toThrow(ImportFileError);
    expect(() => importScenarioFile({ editorInfo: { nodes: "no" } }, catalogModels)).toThrow(/not a Scenario workflow file/);
  });
});

describe("Scenario files with logic nodes", () => {
  const logic: WorkflowGraph = filled({
    nodes: [
      node("p1", "prompt", { text: "red mug\nblue mug" }),
      node("split", "splitText", { mode: "delimiter", delimiter: ";" }, 300),
      node("tpl", "textTemplate", { mode: "simple", template: "A photo of {subject}, it's {style}", names: "subject, style" }, 300, 300),
      node("p2", "prompt", { text: "studio light" }, 0, 300),
      node("cond", "ifElse", { conditions: [{ operator: "contains", value: "mug" }] }, 600, 300),
      node("ratio", "aspectRatio", { aspectRatio: "9:16" }, 0, 600),
      node("gen", "generation", { model: "auto", prompt: "" }, 900, 300),
      node("out", "output", { label: "Result" }, 1200, 300),
    ],
    edges: [
      edge("p1", "text", "split", "text"),
      edge("p1", "text", "tpl", "a"),
      edge("p2", "text", "tpl", "b"),
      edge("tpl", "text", "cond", "text"),
      edge("cond", "if1", "gen", "prompt"),
      edge("ratio", "aspectRatio", "gen", "aspectRatio"),
      edge("gen", "image", "out", "image"),
    ],
  });
  const { file } = exportScenarioFile({ name: "Logic", graph: logic }, catalogModels);
  const written = new Map(file.editorInfo.nodes.map((n) => [n.id, n]));

  it("writes Split text, Text template, If / else and Aspect ratio as Scenario's own node types", () => {
    expect(written.get("split")).toMatchObject({ type: "splitText", data: { splitDelimiter: ";" } });
    expect(written.get("tpl")).toMatchObject({ type: "transformText", data: { value: "'A photo of ' + subject + ', it\\'s ' + style" } });
    expect(written.get("cond")).toMatchObject({
      type: "ifElse",
      data: { conditionBlocks: [{ logic: "and", conditions: [{ field: "text", operator: "contains", value: "mug" }] }] },
    });
    expect(written.get("ratio")).toMatchObject({ type: "aspectRatio", data: { output: "9:16" } });
  });

  it("round trip: export → JSON → import gives the same logic nodes and edges", () => {
    const back = importScenarioFile(JSON.parse(JSON.stringify(file)), catalogModels);
    const sortNodes = (g: WorkflowGraph) => [...g.nodes].sort((a, b) => a.id.localeCompare(b.id));
    expect(sortNodes(back.graph)).toEqual(sortNodes(logic));
    expect(sortEdges(back.graph.edges)).toEqual(sortEdges(logic.edges));
  });
});
