import { describe, expect, it } from "vitest";
import { validateGraph } from "../../graph/validate";
import { applyInputs, AppInputsError, buildInputsSchema, listAppOutputs, listExposableInputs } from "../exposable-inputs";
import { localModelSchema } from "../../providers/local/model-schemas";
import { planModelRequests } from "../model-requests";

/** The offline engine's schema for every model, as a run on it would use. */
const localSchemas = async (modelId: string) => ({ schema: localModelSchema(modelId), origin: "provider" as const });
import { formatWait, nextUtcMidnight, quotaMessage, utcDayStart } from "../quota";
import { resolveExposedInputs } from "../resolve-exposed-inputs";
import { generationGraph, storyGraph, storyInputs } from "./fixtures";

describe("listExposableInputs", () => {
  it("lists the image upload and Expand's and Upscale's parameters, with kinds and options from the node fields", () => {
    const candidates = listExposableInputs(storyGraph());
    expect(candidates.map((c) => [c.nodeId, c.field, c.kind, c.suggestedKey])).toEqual([
      ["in", "assetId", "image", "image"],
      ["exp", "platform", "select", "platform"],
      ["exp", "aspectRatio", "select", "aspect_ratio"],
      ["up", "factor", "select", "factor"],
      ["up", "preset", "select", "preset"],
    ]);
    const platform = candidates.find((c) => c.field === "platform")!;
    expect(platform).toMatchObject({ nodeType: "expand", nodeLabel: "Expand", label: "Platform", defaultValue: "" });
    expect(platform.options).toContainEqual({ value: "instagram_story", label: "Instagram story — 1080 × 1920" });
    expect(candidates.find((c) => c.field === "factor")).toMatchObject({
      defaultValue: "2",
      options: [
        { value: "2", label: "2x" },
        { value: "4", label: "4x" },
      ],
    });
    expect(candidates.find((c) => c.field === "assetId")).toMatchObject({ label: "Image", defaultValue: "asset-photo" });
  });

  it("lists a Prompt's text and Generation's outputs count (a number with bounds)", () => {
    const candidates = listExposableInputs(generationGraph());
    expect(candidates.find((c) => c.nodeId === "p")).toMatchObject({
      field: "text",
      kind: "textarea",
      label: "Prompt",
      defaultValue: "a red bicycle",
      suggestedKey: "prompt",
    });
    expect(candidates.find((c) => c.field === "numOutputs")).toMatchObject({ kind: "number", min: 1, max: 4, defaultValue: 2 });
    expect(candidates.filter((c) => c.nodeId === "gen").map((c) => c.field)).toEqual(["numOutputs", "aspectRatio", "platform"]);
  });

  it("gives nothing for what is not a graph, and names the Output nodes", () => {
    expect(listExposableInputs({ nodes: "x" })).toEqual([]);
    expect(listAppOutputs(storyGraph())).toEqual([{ nodeId: "out", label: "Story" }]);
    expect(listAppOutputs(generationGraph())).toEqual([{ nodeId: "out", label: "Output" }]);
  });
});

describe("buildInputsSchema", () => {
  const schema = buildInputsSchema(storyInputs);

  it("applies defaults, takes numbers for select options, and drops unknown keys", () => {
    expect(schema.parse({ image: "a1", factor: 4, extra: "x" })).toEqual({ image: "a1", platform: "instagram_story", factor: "4" });
    expect(schema.parse({ image: "a1", platform: "" })).toEqual({ image: "a1", platform: "" });
  });

  it("names each refused key", () => {
    const result = schema.safeParse({ platform: "myspace", factor: "3" });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toContain("image: required");
    expect(messages.find((m) => m.startsWith("platform:"))).toMatch(/must be one of the options: "", instagram_story, youtube_thumbnail/);
    expect(messages.find((m) => m.startsWith("factor:"))).toMatch(/must be one of the options: 2, 4/);
  });

  it("checks numbers and text, and lets a partial form (cost preview) leave required inputs out", () => {
    const numbers = buildInputsSchema([
      { key: "count", nodeId: "gen", field: "numOutputs", label: "Images", required: true, kind: "number", min: 1, max: 4, step: 1 },
      { key: "prompt", nodeId: "p", field: "text", label: "Prompt", required: true, kind: "textarea" },
    ]);
    expect(numbers.safeParse({ count: 5, prompt: "x" }).error?.issues[0]).toMatchObject({ path: ["count"], message: "must be at most 4" });
    expect(numbers.safeParse({ count: 1.5, prompt: "x" }).error?.issues[0]).toMatchObject({ message: "must be a whole number" });
    expect(numbers.safeParse({ count: 2, prompt: "" }).error?.issues[0]).toMatchObject({ path: ["prompt"], message: "required" });
    expect(numbers.parse({ count: 2, prompt: "a cat" })).toEqual({ count: 2, prompt: "a cat" });
    expect(buildInputsSchema(storyInputs, { partial: true }).parse({})).toEqual({ platform: "instagram_story" });
  });
});

describe("applyInputs", () => {
  it("sets the exposed parameters with the node's own types, leaving the given graph unchanged", () => {
    const graph = storyGraph(null);
    const applied = applyInputs(graph, storyInputs, { image: "asset-2", platform: "instagram_story", factor: "4" });
    expect(applied.nodes.find((n) => n.id === "in")!.data).toEqual({ assetId: "asset-2" });
    expect(applied.nodes.find((n) => n.id === "exp")!.data).toMatchObject({ platform: "instagram_story", aspectRatio: "16:9" });
    expect(applied.nodes.find((n) => n.id === "up")!.data).toMatchObject({ factor: 4 });
    expect(graph.nodes[0].data).toEqual({ assetId: null });
    expect(validateGraph(applied, "run").ok).toBe(true);
  });

  it('turns the "" option into null, and keeps the published value for a key without value or default', () => {
    const applied = applyInputs(storyGraph(), storyInputs, { platform: "" });
    expect(applied.nodes.find((n) => n.id === "exp")!.data.platform).toBeNull();
    expect(applied.nodes.find((n) => n.id === "in")!.data.assetId).toBe("asset-photo");
    expect(applied.nodes.find((n) => n.id === "up")!.data.factor).toBe(2);
  });

  it("refuses a value the node's schema refuses, naming the input key", () => {
    let error: unknown;
    try {
      applyInputs(storyGraph(), storyInputs, { platform: "myspace", factor: "3" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppInputsError);
    expect((error as AppInputsError).issues.map((i) => i.key)).toEqual(["platform", "factor"]);
    expect((error as AppInputsError).message).toMatch(/^platform: .+; factor: must be 2 or 4$/);
    expect(() => applyInputs(storyGraph(), [{ ...storyInputs[0], nodeId: "gone" }], { image: "x" })).toThrow(
      'image: node "gone" is not in the workflow',
    );
  });
});

describe("resolveExposedInputs", () => {
  it("completes each input with kind and options from the graph", () => {
    const resolved = resolveExposedInputs(storyGraph(), [
      { key: "image", nodeId: "in", field: "assetId", label: "Photo", required: true },
      { key: "platform", nodeId: "exp", field: "platform", label: "Where", help: "Pick one", default: "tiktok", required: false },
    ]);
    expect(resolved.issues).toBeUndefined();
    expect(resolved.inputs![0]).toEqual({ key: "image", nodeId: "in", field: "assetId", label: "Photo", required: true, kind: "image" });
    expect(resolved.inputs![1]).toMatchObject({ kind: "select", help: "Pick one", default: "tiktok" });
    expect(resolved.inputs![1].options!.length).toBeGreaterThan(20);
  });

  it("names bad and duplicate keys, unknown nodes and fields, fields exposed twice, and bad defaults", () => {
    const resolved = resolveExposedInputs(storyGraph(), [
      { key: "Image", nodeId: "in", field: "assetId", label: "Photo", required: true },
      { key: "platform", nodeId: "exp", field: "platform", label: "P", required: false },
      { key: "platform", nodeId: "exp", field: "aspectRatio", label: "R", required: false },
      { key: "again", nodeId: "exp", field: "platform", label: "P2", required: false },
      { key: "model", nodeId: "up", field: "model", label: "Model", required: false },
      { key: "ghost", nodeId: "nope", field: "text", label: "Ghost", required: false },
      { key: "factor", nodeId: "up", field: "factor", label: "Factor", default: "8", required: false },
    ]);
    expect(resolved.issues!.map((i) => i.path)).toEqual([
      "inputs[0].key",
      "inputs[2].key",
      "inputs[3].field",
      "inputs[4].field",
      "inputs[5].nodeId",
      "inputs[6].default",
    ]);
    expect(resolved.issues![1].message).toBe('"platform" is already the key of inputs[1]; each input needs its own key');
    expect(resolved.issues![3].message).toBe('"model" of Upscale node "up" cannot be exposed in an App form');
  });
});

describe("planModelRequests", () => {
  it("builds each model node's request with the sizes flowing through the graph", async () => {
    const graph = applyInputs(storyGraph(), storyInputs, { image: "asset-photo", platform: "instagram_story" });
    const plan = validateGraph(graph, "run").plan!;
    const requests = await planModelRequests(
      plan,
      () => ({ width: 451, height: 300 }),
      () => [{ modelId: "model_auto", reason: "test" }],
      localSchemas,
    );
    expect(requests).toEqual([
      expect.objectContaining({
        nodeId: "exp",
        capability: "outpaint",
        modelId: "model_auto",
        count: 1,
        body: { image: "asset-photo", width: 1080, height: 1920 },
      }),
      expect.objectContaining({ nodeId: "up", capability: "upscale", count: 1, body: expect.objectContaining({ upscaleFactor: 2 }) }),
    ]);
    // Upscale works on the 1080 × 1920 canvas Expand makes.
    expect(requests[1].body).toEqual({ image: expect.stringMatching(/^estimate-/), upscaleFactor: 2, preset: "balanced" });
  });

  it("counts one request per image a Generation node makes", async () => {
    const graph = generationGraph();
    graph.nodes.push({ id: "up", type: "upscale", position: { x: 3, y: 0 }, data: { model: "model_upscale-v3" } });
    graph.edges.push({ id: "c", source: "gen", sourceHandle: "image", target: "up", targetHandle: "image" });
    const requests = await planModelRequests(
      validateGraph(graph, "run").plan!,
      () => undefined,
      () => [{ modelId: "m", reason: "" }],
      localSchemas,
    );
    expect(requests.map((r) => [r.nodeId, r.modelId, r.count])).toEqual([
      ["gen", "m", 1],
      ["up", "model_upscale-v3", 2],
    ]);
    expect(requests[1].body).toMatchObject({ image: expect.stringMatching(/^estimate-/), upscaleFactor: 2 });
  });
});

describe("quota", () => {
  it("resets at 00:00 UTC and says when", () => {
    const now = new Date("2026-11-20T18:48:00Z");
    expect(utcDayStart(now).toISOString()).toBe("2026-11-20T00:00:00.000Z");
    expect(nextUtcMidnight(now).toISOString()).toBe("2026-11-21T00:00:00.000Z");
    expect(formatWait(5 * 3600_000 + 12 * 60_000)).toBe("5 h 12 min");
    expect(formatWait(3600_000)).toBe("1 h");
    expect(formatWait(30_000)).toBe("less than a minute");
    expect(quotaMessage(5, 5, 1, now)).toBe("Daily limit of 5 runs on this App reached; it resets at 00:00 UTC (in 5 h 12 min)");
    expect(quotaMessage(5, 3, 3, now)).toBe(
      "Daily limit of 5 runs on this App reached: 3 used today, so 2 more can start, not 3; it resets at 00:00 UTC (in 5 h 12 min)",
    );
  });
});

describe("listExposableInputs with lists and templates", () => {
  const at = { x: 0, y: 0 };
  it("suggests a Prompt feeding a Split text as a list input, and one feeding a Text template under the input's name", () => {
    const candidates = listExposableInputs({
      nodes: [
        { id: "names", type: "prompt", position: at, data: { text: "mug\nlamp" } },
        { id: "split", type: "splitText", position: at, data: {} },
        { id: "who", type: "prompt", position: at, data: { text: "a fox" } },
        { id: "t", type: "textTemplate", position: at, data: { template: "{subject}", names: "subject" } },
      ],
      edges: [
        { id: "e1", source: "names", sourceHandle: "text", target: "split", targetHandle: "text" },
        { id: "e2", source: "who", sourceHandle: "text", target: "t", targetHandle: "a" },
      ],
    });
    expect(candidates.map((c) => [c.nodeId, c.field, c.kind, c.label, c.suggestedKey])).toEqual([
      ["names", "text", "textarea", "Items, one per line", "items"],
      ["split", "text", "textarea", "Items, one per line", "items_2"],
      ["who", "text", "textarea", "Subject", "subject"],
    ]);
  });
});
