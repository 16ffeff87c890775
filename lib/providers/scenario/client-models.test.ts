/**
 * ScenarioClient.listModels / getModel against the mock server's `GET /v1/models[/:id]`
 * (scenario-api-contract.md §5): pagination, filters, list rows without inputs, full records.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { ProviderError } from "../types";
import { ScenarioClient } from "./client";
import { DEFAULT_MOCK_MODELS, DEFAULT_MOCK_MODEL_RECORDS, startMockScenarioServer, type MockScenarioServer } from "./mock-server";

let server: MockScenarioServer;

beforeAll(async () => {
  server = await startMockScenarioServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.script.reset();
});

function makeClient(): ScenarioClient {
  return new ScenarioClient({
    apiKey: server.credentials.apiKey,
    apiSecret: server.credentials.apiSecret,
    baseUrl: server.baseUrl,
    retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2, sleep: async () => {} },
  });
}

const listRequests = () => server.state.requests.filter((r) => r.method === "GET" && r.path === "/v1/models");

describe("mock GET /v1/models", () => {
  it("seeds one record per default model id", () => {
    expect([...server.state.modelRecords.keys()]).toEqual(DEFAULT_MOCK_MODELS);
    expect(DEFAULT_MOCK_MODEL_RECORDS.every((r) => r.inputs.length > 0 && r.capabilities.length > 0)).toBe(true);
  });

  it("pages with nextPaginationToken and omits inputs on list rows", async () => {
    const response = await fetch(`${server.baseUrl}/models?pageSize=3`, {
      headers: { authorization: `Basic ${Buffer.from("test-key:test-secret").toString("base64")}` },
    });
    const body = (await response.json()) as { models: Record<string, unknown>[]; nextPaginationToken?: string };
    expect(response.status).toBe(200);
    expect(body.models).toHaveLength(3);
    expect(body.models[0]).not.toHaveProperty("inputs");
    expect(body.models[0]).not.toHaveProperty("uiConfig");
    expect(body.models[0]).toMatchObject({
      id: "model_bfl-flux-1-dev",
      capabilities: ["txt2img", "img2img", "controlnet", "outpaint"],
      status: "trained",
      type: "custom",
    });
    expect(typeof body.nextPaginationToken).toBe("string");
  });

  it("answers 400 for a pageSize above 500 or a bad token", async () => {
    const auth = { authorization: `Basic ${Buffer.from("test-key:test-secret").toString("base64")}` };
    expect((await fetch(`${server.baseUrl}/models?pageSize=501`, { headers: auth })).status).toBe(400);
    expect((await fetch(`${server.baseUrl}/models?paginationToken=nope`, { headers: auth })).status).toBe(400);
    expect((await fetch(`${server.baseUrl}/models`)).status).toBe(401);
  });
});

describe("ScenarioClient.listModels", () => {
  it("follows nextPaginationToken across pages and returns every row in order", async () => {
    const models = await makeClient().listModels({ pageSize: 5 });
    expect(models.map((m) => m.id)).toEqual(DEFAULT_MOCK_MODELS);
    const requests = listRequests();
    expect(requests).toHaveLength(3); // 12 records: 5 + 5 + 2
    expect(requests.map((r) => r.query.pageSize)).toEqual(["5", "5", "5"]);
    expect(requests[0].query.paginationToken).toBeUndefined();
    expect(requests[1].query.paginationToken).toBeTruthy();
    expect(requests[2].query.paginationToken).not.toBe(requests[1].query.paginationToken);
    expect(models.every((m) => m.inputs === undefined)).toBe(true);
    expect(models[0].tags).toContain("Black Forest Labs");
  });

  it("sends privacy and status, with pageSize 500 by default", async () => {
    await makeClient().listModels({ privacy: "public", status: "trained" });
    const [request] = listRequests();
    expect(request.query).toEqual({ pageSize: "500", privacy: "public", status: "trained" });
  });

  it("applies the filters (mock: private models and other statuses left out)", async () => {
    server.state.modelRecords.set("model_private-lora", {
      ...DEFAULT_MOCK_MODEL_RECORDS[0],
      id: "model_private-lora",
      privacy: "private",
      type: "flux.1-lora",
      status: "training",
    });
    try {
      const publicTrained = await makeClient().listModels({ privacy: "public", status: "trained" });
      expect(publicTrained.map((m) => m.id)).not.toContain("model_private-lora");
      const all = await makeClient().listModels();
      expect(all.map((m) => m.id)).toContain("model_private-lora");
    } finally {
      server.state.modelRecords.delete("model_private-lora");
    }
  });

  it("yields one page at a time with listModelPages", async () => {
    const pages: string[][] = [];
    for await (const page of makeClient().listModelPages({ pageSize: 5 })) pages.push(page.map((m) => m.id));
    expect(pages).toEqual([DEFAULT_MOCK_MODELS.slice(0, 5), DEFAULT_MOCK_MODELS.slice(5, 10), DEFAULT_MOCK_MODELS.slice(10)]);
  });

  it("retries a page that fails with 503", async () => {
    server.script.failNext("GET /v1/models", { status: 503, body: { reason: "busy" } });
    const models = await makeClient().listModels({ pageSize: 6 });
    expect(models).toHaveLength(DEFAULT_MOCK_MODELS.length);
    expect(listRequests().map((r) => r.status)).toEqual([503, 200, 200]);
  });

  it("refuses a pageSize outside 1–500 before calling", async () => {
    for (const pageSize of [0, 501, 2.5]) {
      const error = await makeClient()
        .listModels({ pageSize })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).code).toBe("invalid_input");
    }
    expect(listRequests()).toHaveLength(0);
  });

  it("stops on a repeated pagination token instead of looping", async () => {
    const token = "same-token";
    server.script.failNext("GET /v1/models", { status: 200, body: { models: [{ id: "model_a" }], nextPaginationToken: token }, times: 3 });
    const error = await makeClient()
      .listModels()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).code).toBe("invalid_response");
    expect(listRequests()).toHaveLength(2);
  });

  it("reports a malformed page as invalid_response", async () => {
    server.script.failNext("GET /v1/models", { status: 200, body: { items: [] } });
    const error = await makeClient()
      .listModels()
      .catch((e: unknown) => e);
    expect((error as ProviderError).code).toBe("invalid_response");
  });
});

describe("ScenarioClient.getModel", () => {
  it("returns {model} with inputs[], capabilities, tags, type and status", async () => {
    const { model } = await makeClient().getModel("model_openai-gpt-image-2");
    expect(model).toMatchObject({
      id: "model_openai-gpt-image-2",
      name: "GPT Image 2",
      type: "custom",
      status: "trained",
      privacy: "public",
      capabilities: ["txt2img", "img2img"],
      accessRestrictions: 25,
    });
    expect(model.tags).toContain("sc:third-party");
    const byName = Object.fromEntries((model.inputs ?? []).map((i) => [i.name, i]));
    expect(byName.prompt).toMatchObject({ type: "string", maxLength: 32000, required: { always: true } });
    expect(byName.referenceImages).toMatchObject({ type: "file_array", kind: "image", maxLength: 10 });
    expect(byName.mask).toMatchObject({ type: "file", maskFrom: "referenceImages" });
    expect(byName.numOutputs).toMatchObject({ type: "number", min: 1, max: 10, default: 1 });
    expect(byName.quality.allowedValues).toEqual(["auto", "high", "medium", "low"]);
    const [request] = server.state.requests;
    expect(request.path).toBe("/v1/models/model_openai-gpt-image-2");
  });

  it("throws a 404 ProviderError for an unknown model", async () => {
    const error = await makeClient()
      .getModel("model_nope")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).status).toBe(404);
    expect((error as ProviderError).message).toContain("Model model_nope not found");
  });

  it("drops malformed inputs[] items and defaults missing capabilities/tags to []", async () => {
    server.script.failNext("GET /v1/models/*", {
      status: 200,
      body: { model: { id: "model_x", name: "X", inputs: [{ name: "prompt", type: "string" }, { label: "no name" }, "junk"] } },
    });
    const { model } = await makeClient().getModel("model_x");
    expect(model.inputs).toEqual([{ name: "prompt", type: "string" }]);
    expect(model.capabilities).toEqual([]);
    expect(model.tags).toEqual([]);
  });

  it("requires a model id", async () => {
    const error = await makeClient()
      .getModel(" ")
      .catch((e: unknown) => e);
    expect((error as ProviderError).code).toBe("invalid_input");
  });
});
