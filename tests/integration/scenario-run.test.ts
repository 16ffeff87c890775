/**
 * The executor driving the Scenario provider over real HTTP against the local stand-in of
 * Scenario's API (lib/providers/scenario/mock-server.ts): what the studio sends when
 * SCENARIO_API_KEY and SCENARIO_API_SECRET are set.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRun } from "@/lib/engine/executor";
import { MemoryAssetStore, MemoryExecutionStore } from "@/lib/engine/testing/memory-store";
import { editChain } from "@/lib/graph/__tests__/fixtures";
import { validateGraph } from "@/lib/graph/validate";
import { startMockScenarioServer, type MockScenarioServer } from "@/lib/providers/scenario/mock-server";
import { ScenarioProvider } from "@/lib/providers/scenario";
import { createSchemaSource } from "@/lib/engine/model-schemas";
import { modelSchemaFromRecord, type ModelSchema } from "@/lib/providers/model-schema";

/**
 * Input schemas of the two models the edit chain uses that have no recorded record, as
 * scenario-api-contract.md §6 documents them (Smart Reframe: exact width and height; Upscale V3:
 * image, upscaleFactor, preset); the other models' come from the catalog's recorded records.
 */
const CONTRACT_SCHEMAS: Record<string, ModelSchema> = {
  "model_scenario-smart-reframe": modelSchemaFromRecord({
    id: "model_scenario-smart-reframe",
    inputs: [
      { name: "image", type: "file", kind: "image", required: { always: true } },
      { name: "width", type: "number", min: 64, max: 4096, step: 1, required: { always: true } },
      { name: "height", type: "number", min: 64, max: 4096, step: 1, required: { always: true } },
      { name: "prompt", type: "string" },
    ],
  })!,
  "model_upscale-v3": modelSchemaFromRecord({
    id: "model_upscale-v3",
    inputs: [
      { name: "image", type: "file", kind: "image", required: { always: true } },
      { name: "upscaleFactor", type: "number", allowedValues: [1, 2, 4], default: 2 },
      { name: "preset", type: "string", allowedValues: ["precise", "balanced", "creative"], default: "precise" },
      { name: "prompt", type: "string" },
    ],
  })!,
};
const catalogOrContract = createSchemaSource({});
const schemas = async (modelId: string) =>
  CONTRACT_SCHEMAS[modelId] ? { schema: CONTRACT_SCHEMAS[modelId], origin: "catalog" as const } : catalogOrContract(modelId);

let server: MockScenarioServer;

beforeAll(async () => {
  server = await startMockScenarioServer();
});
afterAll(() => server.close());

async function runEditChain() {
  const provider = new ScenarioProvider({
    apiKey: server.credentials.apiKey,
    apiSecret: server.credentials.apiSecret,
    baseUrl: server.baseUrl,
    retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 },
  });
  const assets = new MemoryAssetStore();
  const photo = await assets.add(readFileSync(path.resolve("e2e/fixtures/coffee.png")));
  const mask = await assets.add(readFileSync(path.resolve("e2e/fixtures/chelsea.png")));
  const plan = validateGraph(editChain(photo.assetId, mask.assetId), "run").plan!;
  const store = new MemoryExecutionStore();
  const result = await executeRun({ runId: "r", plan, provider, store, assets, pollIntervalMs: 5, schemas });
  return { result, store, photo, mask };
}

describe("a run on the Scenario provider", () => {
  it("uploads each input once, sends remote asset ids to /generate/custom/{modelId}, polls jobs and downloads outputs", async () => {
    server.script.reset();
    const { result, store } = await runEditChain();
    expect(result.status).toBe("succeeded");
    const requests = server.state.requests;
    expect(
      requests.every(
        (r) =>
          r.path.startsWith("/files/") || r.headers.authorization === `Basic ${Buffer.from("test-key:test-secret").toString("base64")}`,
      ),
    ).toBe(true);

    const generates = requests.filter((r) => r.method === "POST" && r.path.startsWith("/v1/generate/custom/"));
    expect(generates.map((r) => r.path)).toEqual([
      "/v1/generate/custom/model_openai-gpt-image-2",
      "/v1/generate/custom/model_scenario-smart-reframe",
      "/v1/generate/custom/model_upscale-v3",
    ]);
    const inpaint = generates[0].body as Record<string, unknown>;
    // GPT Image 2's own inputs: the photo in referenceImages, the mask beside it, no strength.
    expect(Object.keys(inpaint).sort()).toEqual(["mask", "prompt", "referenceImages"]);
    expect(inpaint.prompt).toBe("steam");
    // Asset ids in bodies are Scenario's, returned by POST /assets — never the studio's own.
    expect(server.state.assets.has(String((inpaint.referenceImages as string[])[0]))).toBe(true);
    expect(server.state.assets.has(String(inpaint.mask))).toBe(true);
    expect(generates[1].body).toMatchObject({ width: 720, height: 405 });
    expect(generates[2].body).toMatchObject({ upscaleFactor: 2, preset: "balanced" });

    // Photo and mask are uploaded once each; later inputs are uploaded as the studio copies them.
    expect(requests.filter((r) => r.method === "POST" && r.path === "/v1/assets")).toHaveLength(4);
    expect(store.node("r", "upscale")!.providerJobIds).toHaveLength(1);
    expect(result.credits).toBeGreaterThan(0);
  });

  it("retries a 429 on generate, and fails the node with the job's failure reason", async () => {
    server.script.reset();
    server.script.failNext("POST /v1/generate/custom/*", {
      status: 429,
      body: { reason: "Too many requests" },
      headers: { "retry-after": "0" },
    });
    server.script.jobOutcome("next", "failure", "NSFW content detected");
    const { result, store } = await runEditChain();
    expect(result.status).toBe("failed");
    expect(store.node("r", "retouch")).toMatchObject({ status: "failed", error: "NSFW content detected" });
    expect(store.node("r", "upscale")!.status).toBe("skipped");
    expect(server.state.requests.filter((r) => r.method === "POST" && r.path.startsWith("/v1/generate/custom/"))).toHaveLength(2);
  });
});
