/**
 * ScenarioClient against the mock Scenario server over real HTTP (scenario-api-contract.md §1–§4).
 */
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { ProviderError } from "../types";
import { ScenarioClient, type ScenarioClientOptions } from "./client";
import { startMockScenarioServer, type MockScenarioServer } from "./mock-server";

let server: MockScenarioServer;
let delays: number[];

beforeAll(async () => {
  server = await startMockScenarioServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.script.reset();
  server.script.setJobIdField("jobId");
  delays = [];
});

function makeClient(overrides: Partial<ScenarioClientOptions> = {}): ScenarioClient {
  return new ScenarioClient({
    apiKey: server.credentials.apiKey,
    apiSecret: server.credentials.apiSecret,
    baseUrl: server.baseUrl,
    retry: {
      retries: 3,
      baseDelayMs: 1,
      maxDelayMs: 4,
      sleep: async (ms) => {
        delays.push(ms);
      },
    },
    ...overrides,
  });
}

async function samplePng(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 80, b: 20 } } })
    .png()
    .toBuffer();
}

async function catchError(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }
  throw new Error("expected the call to fail");
}

const requestsTo = (method: string, pathPrefix: string) =>
  server.state.requests.filter((r) => r.method === method && r.path.startsWith(pathPrefix));

describe("ScenarioClient: auth and generate", () => {
  it("sends Authorization: Basic base64(key:secret) and a JSON body", async () => {
    await makeClient().generate("model_google-gemini-3-1-flash", { prompt: "a red fox" });
    const [request] = requestsTo("POST", "/v1/generate/custom/");
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from("test-key:test-secret").toString("base64")}`);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.path).toBe("/v1/generate/custom/model_google-gemini-3-1-flash");
    expect(request.body).toEqual({ prompt: "a red fox" });
  });

  it("reads the job id from job.jobId, with the credits cost", async () => {
    const result = await makeClient().generate("model_google-gemini-3-1-flash", { prompt: "x", numOutputs: 2 });
    expect(result.jobId).toMatch(/^job_/);
    expect(result.creditsCost).toBe(22); // 11 CU per Gemini 3.1 Flash image (__fixtures__/costs.json)
    expect(server.state.jobs.has(result.jobId)).toBe(true);
  });

  it("reads the job id from job.id (help-page shape)", async () => {
    server.script.setJobIdField("id");
    const result = await makeClient().generate("model_google-gemini-3-1-flash", { prompt: "x" });
    expect(result.jobId).toMatch(/^job_/);
    expect(server.state.jobs.has(result.jobId)).toBe(true);
  });

  it("adds projectId to every call when configured", async () => {
    await makeClient({ projectId: "proj_1" }).generate("model_google-gemini-3-1-flash", { prompt: "x" });
    expect(requestsTo("POST", "/v1/generate/custom/")[0].query).toEqual({ projectId: "proj_1" });
  });

  it("refuses to build without a key or secret", () => {
    expect(() => new ScenarioClient({ apiKey: "k", apiSecret: "" })).toThrow(ProviderError);
  });
});

describe("ScenarioClient: life cycle", () => {
  it("uploads, generates, polls to success and downloads the same bytes", async () => {
    const client = makeClient();
    const png = await samplePng();

    const assetId = await client.uploadAsset({ bytes: png, mimeType: "image/png", name: "input.png" });
    const upload = requestsTo("POST", "/v1/assets")[0];
    expect(upload.body).toEqual({ image: `data:image/png;base64,${png.toString("base64")}`, name: "input.png" });

    const input = await client.getAsset(assetId);
    expect(input).toMatchObject({ id: assetId, mimeType: "image/png", width: 40, height: 30 });
    expect(input.url).toContain("?sig=abc");

    const { jobId } = await client.generate("model_upscale-v3", { image: assetId, upscaleFactor: 2 });
    const seen: string[] = [];
    let job = await client.getJob(jobId);
    seen.push(job.status);
    for (let i = 0; i < 5 && job.status !== "succeeded"; i++) {
      job = await client.getJob(jobId);
      seen.push(job.status);
    }
    expect(seen).toEqual(["running", "succeeded"]);
    expect(job.progress).toBe(1);
    expect(job.assetIds).toHaveLength(1);

    const downloaded = await client.downloadAsset(job.assetIds[0]);
    expect(downloaded.mimeType).toBe("image/png");
    // Upscale ×2 of the 40×30 input.
    expect(await sharp(downloaded.bytes).metadata()).toMatchObject({ format: "png", width: 80, height: 60 });

    // The signed URL was fetched with its query intact and without our credentials.
    const file = requestsTo("GET", "/files/").at(-1)!;
    expect(file.query).toEqual({ sig: "abc" });
    expect(file.headers.authorization).toBeUndefined();
    expect(file.status).toBe(200);
  });

  it("reports progress 0.5 while in progress and generated PNG outputs without an input image", async () => {
    const client = makeClient();
    const { jobId } = await client.generate("model_google-gemini-3-1-flash", { prompt: "a cat", numOutputs: 2 });
    const running = await client.getJob(jobId);
    expect(running).toMatchObject({ jobId, status: "running", progress: 0.5, assetIds: [] });
    const done = await client.getJob(jobId);
    expect(done.status).toBe("succeeded");
    expect(done.assetIds).toHaveLength(2);
    const image = await client.downloadAsset(done.assetIds[1]);
    const meta = await sharp(image.bytes).metadata();
    // aspectRatio "auto" without an input image: 1:1 at the default 1K.
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 1024, 1024]);
  });

  it("maps a failure job to failed with metadata.error", async () => {
    const client = makeClient();
    server.script.jobOutcome("next", "failure", "NSFW content detected");
    const { jobId } = await client.generate("model_google-gemini-3-1-flash", { prompt: "x" });
    await client.getJob(jobId);
    const job = await client.getJob(jobId);
    expect(job).toMatchObject({ jobId, status: "failed", error: "NSFW content detected", assetIds: [] });
  });

  it("throws 404 for an unknown job", async () => {
    const error = await catchError(makeClient().getJob("job_nope"));
    expect(error.status).toBe(404);
    expect(error.message).toBe("Scenario API 404: Job job_nope not found");
  });
});

describe("ScenarioClient: dry run and cancel", () => {
  it("asks ?dryRun=true, accepts HTTP 269 and parses the credits", async () => {
    const jobsBefore = server.state.jobs.size;
    const body = { prompt: "a small wooden cabin in a snowy forest" };
    const estimate = await makeClient().dryRun("model_bfl-flux-1-dev", body);
    // The recorded figure (contracts.json, base_only).
    expect(estimate).toEqual({ credits: 10.75, discount: 0, details: { "custom-generation": 9, "quality-gate": 1.75 } });
    const [request] = requestsTo("POST", "/v1/generate/custom/");
    expect(request.query).toEqual({ dryRun: "true" });
    expect(request.status).toBe(269);
    expect(request.body).toEqual(body);
    expect(server.state.jobs.size).toBe(jobsBefore);
  });

  it("resolves quietly when Scenario answers 400 Cannot cancel this type of job", async () => {
    const client = makeClient();
    const { jobId } = await client.generate("model_google-gemini-3-1-flash", { prompt: "x" });
    await expect(client.cancelJob(jobId)).resolves.toBeUndefined();
    const [request] = requestsTo("POST", `/v1/jobs/${jobId}/action`);
    expect(request.body).toEqual({ action: "cancel" });
    expect(request.status).toBe(400);
  });

  it("still throws when cancelling an unknown job", async () => {
    const error = await catchError(makeClient().cancelJob("job_nope"));
    expect(error.status).toBe(404);
  });
});

describe("ScenarioClient: errors and retries", () => {
  it("retries a 429 and honours Retry-After", async () => {
    server.script.failNext("POST /v1/generate/custom/*", {
      status: 429,
      body: { reason: "Too many requests" },
      headers: { "retry-after": "2" },
    });
    const result = await makeClient().generate("model_google-gemini-3-1-flash", { prompt: "x" });
    expect(result.jobId).toMatch(/^job_/);
    expect(requestsTo("POST", "/v1/generate/custom/").map((r) => r.status)).toEqual([429, 200]);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(2000);
  });

  it("retries a 429 after the body's remainingSeconds when there is no Retry-After", async () => {
    server.script.failNext("POST /v1/generate/custom/*", { status: 429, body: { reason: "Cooling down", remainingSeconds: 4 } });
    await makeClient().generate("model_google-gemini-3-1-flash", { prompt: "x" });
    expect(requestsTo("POST", "/v1/generate/custom/").map((r) => r.status)).toEqual([429, 200]);
    expect(delays).toEqual([4000]);
  });

  it("retries a 429 with Retry-After: 0 at once", async () => {
    server.script.failNext("POST /v1/generate/custom/*", {
      status: 429,
      body: { reason: "Too many requests" },
      headers: { "retry-after": "0" },
    });
    await makeClient().generate("model_google-gemini-3-1-flash", { prompt: "x" });
    expect(requestsTo("POST", "/v1/generate/custom/")).toHaveLength(2);
    expect(delays).toHaveLength(1);
  });

  it("honours a Retry-After HTTP date, and gives up at once on one beyond maxRetryAfterMs", async () => {
    const client = makeClient();
    const { jobId } = await client.generate("model_google-gemini-3-1-flash", { prompt: "x" });
    server.script.failNext("GET /v1/jobs/*", {
      status: 503,
      body: { reason: "Maintenance" },
      headers: { "retry-after": new Date(Date.now() + 30_000).toUTCString() },
    });
    await client.getJob(jobId);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThan(25_000);

    server.script.reset();
    delays = [];
    server.script.failNext("POST /v1/generate/custom/*", { status: 429, body: { reason: "Quota" }, headers: { "retry-after": "3600" } });
    const error = await catchError(makeClient().generate("model_google-gemini-3-1-flash", { prompt: "x" }));
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: 3_600_000, message: "Scenario API 429: Quota" });
    expect(delays).toEqual([]);
    expect(requestsTo("POST", "/v1/generate/custom/")).toHaveLength(1);
  });

  it("retries a 500 then succeeds, with a backoff within maxDelayMs", async () => {
    server.script.failNext("GET /v1/jobs/*", { status: 500, body: { id: "err_1", error: "Internal error", apiError: "internal" } });
    const client = makeClient();
    const { jobId } = await client.generate("model_google-gemini-3-1-flash", { prompt: "x" });
    const job = await client.getJob(jobId);
    expect(job.status).toBe("running");
    expect(requestsTo("GET", "/v1/jobs/").map((r) => r.status)).toEqual([500, 200]);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(0);
    expect(delays[0]).toBeLessThanOrEqual(4);
  });

  it("gives up after the configured retries with the last 5xx", async () => {
    server.script.failNext("GET /v1/models/*", {
      status: 503,
      body: { id: "err_2", error: "Service unavailable", apiError: "overloaded" },
      times: 10,
    });
    const error = await catchError(makeClient().getModel("model_upscale-v3"));
    expect(error.status).toBe(503);
    expect(error.retryable).toBe(true);
    expect(error.message).toBe("Scenario API 503: Service unavailable (overloaded)");
    expect(requestsTo("GET", "/v1/models/")).toHaveLength(4);
  });

  it("never sends a generate again after a 5xx: one request, code submission_unknown", async () => {
    server.script.failNext("POST /v1/generate/custom/*", { status: 502, body: { reason: "Bad gateway" }, processFirst: true });
    const jobsBefore = server.state.jobs.size;
    const error = await catchError(makeClient().generate("model_google-gemini-3-1-flash", { prompt: "x" }));
    expect(error).toMatchObject({ status: 502, retryable: false, code: "submission_unknown" });
    expect(error.message).toMatch(/may have started\. It was not sent again/);
    expect(requestsTo("POST", "/v1/generate/custom/")).toHaveLength(1);
    expect(server.state.jobs.size).toBe(jobsBefore + 1);
    expect(delays).toEqual([]);
  });

  it("fails at once on 400 with the API's reason", async () => {
    server.script.failNext("POST /v1/generate/custom/*", {
      status: 400,
      body: { reason: "Input loras must be at most 6 items long" },
    });
    const error = await catchError(makeClient().generate("model_bfl-flux-1-dev", { prompt: "x", loras: [] }));
    expect(error.status).toBe(400);
    expect(error.retryable).toBe(false);
    expect(error.code).toBe("bad_request");
    expect(error.message).toBe("Scenario API 400: Input loras must be at most 6 items long");
    expect(requestsTo("POST", "/v1/generate/custom/")).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it("reads {message} and {error} bodies", async () => {
    server.script.failNext("POST /v1/generate/custom/*", { status: 403, body: { message: "Forbidden resource" } });
    const forbidden = await catchError(makeClient().generate("model_upscale-v3", {}));
    expect(forbidden.message).toMatch(/^Scenario API 403: Forbidden resource \(.*key or secret is wrong, or your plan lacks access/);
    expect(forbidden.retryable).toBe(false);

    server.script.failNext("POST /v1/generate/custom/*", { status: 422, body: { error: "Unprocessable input" } });
    const unprocessable = await catchError(makeClient().generate("model_upscale-v3", {}));
    expect(unprocessable.message).toBe("Scenario API 422: Unprocessable input");
  });

  it("answers 404 for an unknown model, without retrying", async () => {
    const error = await catchError(makeClient().generate("model_X", { prompt: "x" }));
    expect(error.status).toBe(404);
    expect(error.message).toBe("Scenario API 404: Model model_X not found");
    expect(requestsTo("POST", "/v1/generate/custom/")).toHaveLength(1);
  });

  it("explains a 401 without leaking the secret", async () => {
    const client = makeClient({ apiKey: "test-key", apiSecret: "wrong-secret-123" });
    const error = await catchError(client.generate("model_google-gemini-3-1-flash", { prompt: "x" }));
    expect(error.status).toBe(401);
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/^Scenario API 401: Unauthorized/);
    expect(error.message).toMatch(/key or secret is wrong/);
    expect(error.message).not.toContain("wrong-secret-123");
    expect(error.message).not.toContain(Buffer.from("test-key:wrong-secret-123").toString("base64"));
    expect(JSON.stringify(error)).not.toContain("wrong-secret-123");
    expect(requestsTo("POST", "/v1/generate/custom/")).toHaveLength(1);
  });

  it("retries network errors", async () => {
    server.script.failNext("GET /v1/assets/*", { networkError: true });
    const client = makeClient();
    const assetId = await client.uploadAsset({ bytes: await samplePng(), mimeType: "image/png", name: "a.png" });
    const asset = await client.getAsset(assetId);
    expect(asset.id).toBe(assetId);
    expect(requestsTo("GET", "/v1/assets/")).toHaveLength(2);
    expect(delays).toHaveLength(1);
  });

  it("times out a slow read and retries it", async () => {
    const client = makeClient({ timeoutMs: 100 });
    const assetId = await client.uploadAsset({ bytes: await samplePng(), mimeType: "image/png", name: "a.png" });
    server.script.failNext("GET /v1/assets/*", { delayMs: 400, status: 200, body: {} });
    const asset = await client.getAsset(assetId);
    expect(asset.id).toBe(assetId);
    expect(requestsTo("GET", "/v1/assets/")).toHaveLength(2);
  });

  it("does not resubmit a paid generate after a timeout (the job may exist): one request, a clear error", async () => {
    server.script.failNext("POST /v1/generate/custom/*", {
      delayMs: 400,
      processFirst: true,
      status: 200,
      body: { job: { jobId: "job_slow" } },
    });
    const error = await catchError(makeClient({ timeoutMs: 100 }).generate("model_google-gemini-3-1-flash", { prompt: "x" }));
    expect(error).toMatchObject({ retryable: false, code: "submission_unknown" });
    expect(error.message).toMatch(/did not answer in time/);
    expect(requestsTo("POST", "/v1/generate/custom/")).toHaveLength(1);
  });

  it("reports a timeout as a retryable ProviderError once retries are spent", async () => {
    server.script.failNext("GET /v1/jobs/*", { delayMs: 300, status: 200, body: {}, times: 2 });
    const client = makeClient({ timeoutMs: 50, retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {} } });
    const error = await catchError(client.getJob("job_whatever"));
    expect(error.code).toBe("timeout");
    expect(error.status).toBeNull();
    expect(error.retryable).toBe(true);
  });

  it("rejects a malformed success reply without retrying", async () => {
    server.script.failNext("POST /v1/generate/custom/*", { status: 200, body: { job: {} } });
    const error = await catchError(makeClient().generate("model_upscale-v3", {}));
    expect(error.code).toBe("invalid_response");
    expect(requestsTo("POST", "/v1/generate/custom/")).toHaveLength(1);
  });

  it("fails a download whose signed URL is refused", async () => {
    const client = makeClient();
    const assetId = await client.uploadAsset({ bytes: await samplePng(), mimeType: "image/png", name: "a.png" });
    server.script.failNext("GET /files/*", { status: 403, body: "Request has expired" });
    const error = await catchError(client.downloadAsset(assetId));
    expect(error.code).toBe("download_failed");
    expect(error.status).toBe(403);
    expect(error.message).toBe("Scenario asset download 403: Request has expired");
  });

  it("uses an injected fetch", async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response(JSON.stringify({ job: { jobId: "job_fake", status: "finalizing", progress: 0.9 } }), { status: 200 });
    };
    const job = await makeClient({ baseUrl: "https://example.test/v1/", fetch: fakeFetch }).getJob("job_fake");
    expect(calls).toEqual(["https://example.test/v1/jobs/job_fake"]);
    expect(job).toEqual({ jobId: "job_fake", status: "running", progress: 0.9, assetIds: [] });
  });
});
