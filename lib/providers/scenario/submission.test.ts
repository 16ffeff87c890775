/**
 * Never paying twice and staying under Scenario's limits (scenario-api-contract.md §1, §3;
 * api-integration-guide.txt "Error handling"): a generate whose answer was lost is not sent
 * again and is found with `GET /jobs`; a 429 waits `remainingSeconds` and holds new submissions
 * under the `actionLimit` it names; an unknown job status fails the job; schemas come from
 * `GET /models/{id}` and are cached.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { ProviderError, type ModelRequest } from "../types";
import { startMockScenarioServer, type MockScenarioServer } from "./mock-server";
import { ScenarioProvider, type ScenarioProviderOptions } from "./scenario-provider";

let server: MockScenarioServer;
let clientDelays: number[];

beforeAll(async () => {
  server = await startMockScenarioServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.script.reset();
  server.state.maxJobsInFlight = null;
  clientDelays = [];
});

function makeProvider(options: ScenarioProviderOptions = {}, timeoutMs?: number): ScenarioProvider {
  return new ScenarioProvider(
    {
      ...server.credentials,
      baseUrl: server.baseUrl,
      timeoutMs,
      retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 2, sleep: async (ms) => void clientDelays.push(ms) },
    },
    options,
  );
}

const foxRequest: ModelRequest = {
  modelId: "model_google-gemini-3-1-flash",
  capability: "txt2img",
  body: { prompt: "a red fox in snow", aspectRatio: "16:9" },
};
const generates = () =>
  server.state.requests.filter((r) => r.method === "POST" && r.path.startsWith("/v1/generate/custom/") && !r.query.dryRun);

async function untilDone(provider: ScenarioProvider, jobId: string) {
  let job = await provider.getJob(jobId);
  while (job.status === "pending" || job.status === "running") job = await provider.getJob(jobId);
  return job;
}

describe("a generate whose answer was lost", () => {
  it.each([
    ["the connection drops", { networkError: true }],
    ["the API answers 500", { status: 500, body: { id: "err", error: "Internal error" } }],
  ])("is sent once when %s, and findSubmittedJob finds the job it created", async (what, fault) => {
    const provider = makeProvider();
    // Its own body: jobs of the other cases stay on the shared mock.
    const fox: ModelRequest = { ...foxRequest, body: { ...foxRequest.body, prompt: `a red fox (${what})` } };
    const jobsBefore = server.state.jobs.size;
    const before = new Date();
    server.script.failNext("POST /v1/generate/custom/*", { ...fault, processFirst: true });
    const error = await provider.submit(fox).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: "submission_unknown", retryable: false });
    expect(generates()).toHaveLength(1);
    expect(server.state.jobs.size).toBe(jobsBefore + 1);
    const created = [...server.state.jobs.values()].at(-1)!;

    // A job of another model and another body are not it.
    await provider.submit({ ...fox, body: { prompt: "a grey wolf" } });
    await provider.submit({ modelId: "model_openai-gpt-image-2", capability: "txt2img", body: { prompt: fox.body.prompt } });

    expect(await provider.findSubmittedJob(fox, before)).toBe(created.jobId);
    expect(await provider.findSubmittedJob(fox, before)).toBe(created.jobId);
    expect(await provider.findSubmittedJob(fox, new Date(Date.now() + 120_000))).toBeNull();
    expect(await provider.findSubmittedJob({ ...fox, body: { prompt: "never sent" } }, before)).toBeNull();
    expect(generates()).toHaveLength(3);
    expect((await untilDone(provider, created.jobId)).status).toBe("succeeded");
  });

  it("is sent once after a timeout", async () => {
    const fox = { ...foxRequest, body: { prompt: "a slow fox" } };
    const provider = makeProvider({}, 100);
    server.script.failNext("POST /v1/generate/custom/*", { delayMs: 400, processFirst: true });
    await expect(provider.submit(fox)).rejects.toMatchObject({ code: "submission_unknown" });
    await new Promise((r) => setTimeout(r, 400));
    expect(generates()).toHaveLength(1);
  });

  it("never returns a job another submission already got", async () => {
    const fox = { ...foxRequest, body: { prompt: "an accepted fox" } };
    const provider = makeProvider();
    const before = new Date();
    const { jobId } = await provider.submit(fox);
    expect(await provider.findSubmittedJob(fox, before)).toBeNull();
    expect(jobId).toMatch(/^job_/);
  });

  it("is retried after a 429, which creates nothing", async () => {
    const provider = makeProvider();
    server.script.failNext("POST /v1/generate/custom/*", { status: 429, body: { reason: "Slow down", remainingSeconds: 3 } });
    const jobsBefore = server.state.jobs.size;
    await provider.submit(foxRequest);
    expect(generates().map((r) => r.status)).toEqual([429, 200]);
    expect(server.state.jobs.size).toBe(jobsBefore + 1);
    expect(clientDelays).toEqual([3000]);
  });
});

describe("jobs in flight", () => {
  it("honours the actionLimit and remainingSeconds of a 429: never more jobs in flight than the limit", async () => {
    server.state.maxJobsInFlight = 2;
    server.state.rateLimitRemainingSeconds = 2;
    server.state.peakJobsInFlight = 0;
    for (const job of server.state.jobs.values()) if (!["success", "failure", "canceled"].includes(job.status)) job.status = "canceled";
    const waits: number[] = [];
    const provider = makeProvider({ sleep: async (ms) => void waits.push(ms) });

    const submissions = Array.from({ length: 5 }, (_, i) => provider.submit({ ...foxRequest, body: { prompt: `fox ${i}` } }));
    const jobIds = new Set<string>();
    const done = new Set<string>();
    let settled = 0;
    submissions.forEach((p) => p.then(({ jobId }) => jobIds.add(jobId)).finally(() => settled++));
    let peakAfterLimit = 0;
    while (settled < 5 || done.size < jobIds.size) {
      for (const jobId of jobIds) {
        if (done.has(jobId)) continue;
        const job = await provider.getJob(jobId);
        if (job.status === "succeeded") done.add(jobId);
      }
      if (provider.jobLimit === 2) peakAfterLimit = Math.max(peakAfterLimit, provider.jobsInFlight);
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(submissions);
    expect(done.size).toBe(5);
    expect(provider.jobLimit).toBe(2);
    expect(peakAfterLimit).toBeLessThanOrEqual(2);
    expect(server.state.peakJobsInFlight).toBe(2);
    expect(provider.jobsInFlight).toBe(0);
    // Each refusal was waited out for its remainingSeconds.
    expect(waits.length).toBeGreaterThanOrEqual(3);
    expect(waits.every((ms) => ms === 2000)).toBe(true);
    expect(generates().filter((r) => r.status === 200)).toHaveLength(5);
  });

  it("holds a submission while the known limit is reached, until a job ends", async () => {
    const provider = makeProvider({ maxJobsInFlight: 1 });
    const first = await provider.submit(foxRequest);
    let secondDone = false;
    const second = provider.submit({ ...foxRequest, body: { prompt: "second" } }).then((r) => ((secondDone = true), r));
    await new Promise((r) => setTimeout(r, 50));
    expect(secondDone).toBe(false);
    expect(generates()).toHaveLength(1);
    await untilDone(provider, first.jobId);
    await second;
    expect(generates()).toHaveLength(2);
  });
});

describe("job status", () => {
  it("fails a job whose status the contract does not list, and frees its slot", async () => {
    const provider = makeProvider();
    const { jobId } = await provider.submit(foxRequest);
    expect(provider.jobsInFlight).toBe(1);
    server.script.failNext("GET /v1/jobs/*", { status: 200, body: { job: { jobId, status: "exploded", progress: 0.3 } } });
    const job = await provider.getJob(jobId);
    expect(job.status).toBe("failed");
    expect(job.error).toMatch(/"exploded"/);
    expect(provider.jobsInFlight).toBe(0);
  });
});

describe("getModelSchema", () => {
  it("reads GET /models/{id} into a ModelSchema, cached for the TTL", async () => {
    let now = Date.parse("2026-12-01T10:00:00Z");
    const provider = makeProvider({ schemaTtlMs: 60_000, now: () => now });
    const schema = await provider.getModelSchema("model_openai-gpt-image-2");
    expect(schema).toMatchObject({ modelId: "model_openai-gpt-image-2", capabilities: ["txt2img", "img2img"] });
    expect(schema!.inputs.map((i) => i.name)).toEqual([
      "prompt",
      "referenceImages",
      "mask",
      "numOutputs",
      "width",
      "height",
      "quality",
      "background",
    ]);
    expect(schema!.uiConfig?.resolutionComponent?.widthInput).toBe("width");
    await provider.getModelSchema("model_openai-gpt-image-2");
    const reads = () => server.state.requests.filter((r) => r.path === "/v1/models/model_openai-gpt-image-2").length;
    expect(reads()).toBe(1);
    now += 61_000;
    await provider.getModelSchema("model_openai-gpt-image-2");
    expect(reads()).toBe(2);
  });

  it("throws ProviderError 404 for an unknown model", async () => {
    await expect(makeProvider().getModelSchema("model_nope")).rejects.toMatchObject({
      status: 404,
      message: "Scenario API 404: Model model_nope not found",
    });
  });
});
