import { describe, expect, it } from "vitest";
import { workflow } from "@/tests/support/workflow-builder";
import { validateGraph, type ExecutionPlan } from "../graph/validate";
import { catalogCost } from "../intelligence/catalog/helpers";
import { getCatalog } from "../intelligence/catalog/get-catalog";
import { LocalProvider } from "../providers/local/local-provider";
import { localModelSchema } from "../providers/local/model-schemas";
import { ProviderError, type ModelRequest } from "../providers/types";
import { executeRun } from "../engine/executor";
import { FakeProvider } from "../engine/testing/fake-provider";
import { MemoryAssetStore, MemoryExecutionStore } from "../engine/testing/memory-store";
import { rankModelsWithResolver } from "./choose-model";
import { estimateGraph, type EstimateGraphDeps } from "./estimate-graph";
import { requestsPerNode } from "./requests-per-node";

const schemas = async (modelId: string) => ({ schema: localModelSchema(modelId), origin: "provider" as const });
const plan = (graph: unknown): ExecutionPlan => {
  const validation = validateGraph(graph, "run");
  if (!validation.ok) throw new Error(validation.issues[0].message);
  return validation.plan!;
};

/** A provider that quotes 3 CU per output and records every dry run it is asked for. */
function quotingProvider() {
  const asked: ModelRequest[] = [];
  const provider: EstimateGraphDeps["provider"] = {
    id: "scenario",
    async estimateCost(request) {
      asked.push(request);
      const outputs = typeof request.body.numOutputs === "number" ? request.body.numOutputs : 1;
      return { credits: 3 * outputs };
    },
  };
  return { provider, asked };
}

const deps = (provider: EstimateGraphDeps["provider"], extra: Partial<EstimateGraphDeps> = {}): EstimateGraphDeps => ({
  provider,
  schemas,
  rankModels: rankModelsWithResolver,
  imageSize: () => ({ width: 800, height: 600 }),
  ...extra,
});

const genUpscale = (numOutputs: number, model = "model_imagen4-fast") =>
  workflow()
    .prompt("p", "a ceramic cup on a table")
    .node("gen", "generation", { model, numOutputs, aspectRatio: "1:1" }, { prompt: "p" })
    .node("up", "upscale", { model: "model_upscale-v3", factor: 2 }, { image: "gen" })
    .output("out", "up")
    .graph();

describe("estimateGraph", () => {
  it("prices each model node with the provider's quote, one request per input image", async () => {
    const { provider, asked } = quotingProvider();
    const estimate = await estimateGraph(plan(genUpscale(3)), deps(provider));
    expect(estimate.nodes.map(({ nodeId, label, model, credits, requests }) => ({ nodeId, label, model, credits, requests }))).toEqual([
      // One request making 3 images: 3 × 3 CU.
      { nodeId: "gen", label: "Generation", model: "model_imagen4-fast", credits: 9, requests: 1 },
      // Upscale runs once per image Generation makes: 3 requests of 3 CU.
      { nodeId: "up", label: "Upscale", model: "model_upscale-v3", credits: 9, requests: 3 },
    ]);
    expect(estimate.credits).toBe(18);
    expect(estimate.estimated).toBe(false);
    // The dry run is asked once per node (the first request), with the body the executor would send.
    expect(asked.map((r) => [r.modelId, r.capability, r.body.numOutputs])).toEqual([
      ["model_imagen4-fast", "txt2img", 3],
      ["model_upscale-v3", "upscale", undefined],
    ]);
  });

  it("counts a node fed by a batch of images once per image, and each Image input once", async () => {
    const { provider } = quotingProvider();
    const one = await estimateGraph(plan(genUpscale(1)), deps(provider));
    const four = await estimateGraph(plan(genUpscale(4)), deps(provider));
    expect(one.nodes.find((n) => n.nodeId === "up")).toMatchObject({ requests: 1, credits: 3 });
    expect(four.nodes.find((n) => n.nodeId === "up")).toMatchObject({ requests: 4, credits: 12 });
    expect(four.credits - one.credits).toBe(9 + 9);

    const photo = workflow()
      .imageInput("img", "asset-photo")
      .node("up", "upscale", { model: "model_upscale-v3" }, { image: "img" })
      .output("o", "up");
    const single = await estimateGraph(plan(photo.graph()), deps(provider));
    expect(single.nodes).toEqual([expect.objectContaining({ nodeId: "up", requests: 1, credits: 3 })]);
  });

  it("resolves Auto as the executor does, and counts the model calls the run makes", async () => {
    const { provider, asked } = quotingProvider();
    const graph = genUpscale(2, "auto");
    const estimate = await estimateGraph(plan(graph), deps(provider));
    const gen = estimate.nodes.find((n) => n.nodeId === "gen")!;
    expect(gen.model).not.toBeNull();
    expect(gen.model).not.toBe("auto");
    expect(asked[0].modelId).toBe(gen.model);

    // Run the same graph: the executor picks the same model and makes as many calls per node.
    const fake = new FakeProvider();
    const assets = new MemoryAssetStore();
    const result = await executeRun({
      runId: "r",
      plan: plan(graph),
      provider: fake,
      store: new MemoryExecutionStore(),
      assets,
      rankModels: rankModelsWithResolver,
    });
    expect(result.status).toBe("succeeded");
    const calls = (capability: string) => fake.submitted.filter((r) => r.capability === capability);
    expect(calls("txt2img").map((r) => r.modelId)).toEqual([gen.model]);
    expect(calls("upscale")).toHaveLength(estimate.nodes.find((n) => n.nodeId === "up")!.requests);

    const injected = await estimateGraph(
      plan(graph),
      deps(quotingProvider().provider, { rankModels: () => [{ modelId: "model_imagen4-fast", reason: "test" }] }),
    );
    expect(injected.nodes[0].model).toBe("model_imagen4-fast");
  });

  it("multiplies a node's requests by how often it runs (the For each hook)", async () => {
    const { provider } = quotingProvider();
    const repeat = (p: ExecutionPlan) => new Map([...requestsPerNode(p)].map(([id, n]) => [id, id === "up" ? 5 : n]));
    const estimate = await estimateGraph(plan(genUpscale(2)), deps(provider, { requestsPerNode: repeat }));
    expect(estimate.nodes.find((n) => n.nodeId === "gen")).toMatchObject({ requests: 1, credits: 6 });
    expect(estimate.nodes.find((n) => n.nodeId === "up")).toMatchObject({ requests: 10, credits: 30 });
    expect([...requestsPerNode(plan(genUpscale(2))).values()]).toEqual([1, 1, 1, 1]);
  });

  it("offline: the local engine's catalog figures, labelled estimated", async () => {
    const estimate = await estimateGraph(plan(genUpscale(2)), deps(new LocalProvider()));
    const perImage = catalogCost(getCatalog(), "model_imagen4-fast", "txt2img")!.creditsPerOutput;
    const perUpscale = catalogCost(getCatalog(), "model_upscale-v3", "upscale")!.creditsPerOutput;
    expect(estimate.nodes.map((n) => n.credits)).toEqual([perImage * 2, perUpscale * 2]);
    expect(estimate.credits).toBe(perImage * 2 + perUpscale * 2);
    expect(estimate.estimated).toBe(true);
  });

  it("a dry run the provider refuses: nominal figure, unpriced, with the provider's reason", async () => {
    const provider: EstimateGraphDeps["provider"] = {
      id: "scenario",
      async estimateCost(request) {
        if (request.capability === "upscale")
          throw new ProviderError("Scenario API 400: image too large (req-1)", { status: 400, code: "bad_request" });
        return { credits: 4 };
      },
    };
    const estimate = await estimateGraph(plan(genUpscale(1)), deps(provider));
    expect(estimate.nodes[1]).toMatchObject({
      nodeId: "up",
      credits: 15,
      unpriced: true,
      note: "the model refused this request (image too large)",
    });
    expect(estimate.nodes[0].unpriced).toBeUndefined();
    expect(estimate.estimated).toBe(true);
  });

  it("leaves out nodes that call no model, and names a node by its own label", async () => {
    const graph = genUpscale(1);
    graph.nodes.find((n) => n.id === "up")!.data.label = "Hero upscale";
    const estimate = await estimateGraph(plan(graph), deps(quotingProvider().provider));
    expect(estimate.nodes.map((n) => n.label)).toEqual(["Generation", "Hero upscale"]);
    const empty = await estimateGraph(plan(workflow().prompt("p", "x").graph()), deps(quotingProvider().provider));
    expect(empty).toEqual({ credits: 0, nodes: [], estimated: false });
  });
});

describe("estimateGraph with a For each loop", () => {
  it("multiplies the loop's body by the number of items the list will have", async () => {
    const { provider } = quotingProvider();
    const graph = {
      nodes: [
        { id: "p", type: "prompt", position: { x: 0, y: 0 }, data: { text: "red mug\nblue mug\ngreen mug" } },
        { id: "split", type: "splitText", position: { x: 0, y: 0 }, data: {} },
        { id: "each", type: "forEach", position: { x: 0, y: 0 }, data: {} },
        { id: "gen", type: "generation", position: { x: 0, y: 0 }, data: { model: "model_imagen4-fast", aspectRatio: "1:1" } },
        { id: "end", type: "forEachEnd", position: { x: 0, y: 0 }, data: {} },
        { id: "up", type: "upscale", position: { x: 0, y: 0 }, data: { model: "model_upscale-v3", factor: 2 } },
        { id: "out", type: "output", position: { x: 0, y: 0 }, data: {} },
      ],
      edges: [
        { id: "a", source: "p", sourceHandle: "text", target: "split", targetHandle: "text" },
        { id: "b", source: "split", sourceHandle: "list", target: "each", targetHandle: "list" },
        { id: "c", source: "each", sourceHandle: "item", target: "gen", targetHandle: "prompt" },
        { id: "d", source: "gen", sourceHandle: "image", target: "end", targetHandle: "image" },
        { id: "e", source: "end", sourceHandle: "images", target: "up", targetHandle: "image" },
        { id: "f", source: "up", sourceHandle: "image", target: "out", targetHandle: "image" },
      ],
    };
    const estimate = await estimateGraph(plan(graph), deps(provider));
    // Three items: the Generation inside the loop runs 3 times, and the Upscale after End gets its 3 images.
    expect(estimate.nodes.map(({ nodeId, requests, credits }) => ({ nodeId, requests, credits }))).toEqual([
      { nodeId: "gen", requests: 3, credits: 9 },
      { nodeId: "up", requests: 3, credits: 9 },
    ]);
    expect(estimate.credits).toBe(18);
  });
});
