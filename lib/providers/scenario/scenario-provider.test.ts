/**
 * ScenarioProvider (the Provider interface) against the mock Scenario server over real HTTP.
 */
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { ProviderError, type Provider } from "../types";
import { startMockScenarioServer, type MockScenarioServer } from "./mock-server";
import { ScenarioProvider } from "./scenario-provider";

let server: MockScenarioServer;
let provider: ScenarioProvider;

beforeAll(async () => {
  server = await startMockScenarioServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.script.reset();
  provider = new ScenarioProvider({
    apiKey: server.credentials.apiKey,
    apiSecret: server.credentials.apiSecret,
    baseUrl: server.baseUrl,
    retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2, sleep: async () => {} },
  });
});

describe("ScenarioProvider", () => {
  it("describes itself and polls (no waitForJob)", () => {
    const p: Provider = provider;
    expect([p.id, p.label, p.pollIntervalMs]).toEqual(["scenario", "Scenario API", 2000]);
    expect(p.waitForJob).toBeUndefined();
  });

  it("runs upload → submit → poll → download", async () => {
    const png = await sharp({ create: { width: 16, height: 16, channels: 4, background: "#3366ff" } })
      .png()
      .toBuffer();
    const remoteId = await provider.uploadAsset({ bytes: png, mimeType: "image/png", name: "in.png" });
    const submitted = await provider.submit({
      modelId: "model_photoroom-background-removal",
      capability: "background-removal",
      body: { image: remoteId },
    });
    expect(submitted.creditsCost).toBe(3); // Photoroom background removal (__fixtures__/costs.json)
    const request = server.state.requests.find((r) => r.path.startsWith("/v1/generate/"))!;
    expect(request.body).toEqual({ image: remoteId });

    let job = await provider.getJob(submitted.jobId);
    while (job.status === "pending" || job.status === "running") job = await provider.getJob(submitted.jobId);
    expect(job.status).toBe("succeeded");
    const out = await provider.downloadAsset(job.assetIds[0]);
    expect(out.mimeType).toBe("image/png");
    // Background removal keeps the input's size and gives it an alpha channel.
    expect(await sharp(out.bytes).metadata()).toMatchObject({ width: 16, height: 16, hasAlpha: true });
  });

  it("estimates cost with a dry run", async () => {
    const estimate = await provider.estimateCost({
      modelId: "model_bfl-flux-2-dev",
      capability: "txt2img",
      body: { prompt: "a cabin", numOutputs: 2 },
    });
    expect(estimate).toEqual({ credits: 33.75, details: { "custom-generation": 32, "quality-gate": 1.75 } });
  });

  it("names the capability and model in submit errors, keeping status and reason", async () => {
    const error = await provider.submit({ modelId: "model_X", capability: "txt2img", body: { prompt: "x" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).status).toBe(404);
    expect((error as ProviderError).retryable).toBe(false);
    expect((error as ProviderError).message).toBe("Scenario API 404: Model model_X not found (txt2img with model_X)");
  });

  it("gets 404 for an unknown job and cancels quietly", async () => {
    await expect(provider.getJob("job_missing")).rejects.toMatchObject({ status: 404 });
    const { jobId } = await provider.submit({ modelId: "model_google-gemini-3-1-flash", capability: "txt2img", body: { prompt: "x" } });
    await expect(provider.cancelJob(jobId)).resolves.toBeUndefined();
  });
});

describe("mock Scenario server", () => {
  it("refuses requests without Basic auth and signed URLs without their signature", async () => {
    const unauth = await fetch(`${server.baseUrl}/jobs/job_1`);
    expect(unauth.status).toBe(401);
    expect(await unauth.json()).toEqual({ reason: "Unauthorized" });

    const remoteId = await provider.uploadAsset({
      bytes: await sharp({ create: { width: 2, height: 2, channels: 3, background: "#000" } })
        .png()
        .toBuffer(),
      mimeType: "image/png",
      name: "b.png",
    });
    expect((await fetch(`${server.url}/files/${remoteId}`)).status).toBe(403);
    expect((await fetch(`${server.url}/files/${remoteId}?sig=abc`)).status).toBe(200);
  });

  it("cancels jobs when cancelSupported is set", async () => {
    const other = await startMockScenarioServer({ cancelSupported: true });
    try {
      const p = new ScenarioProvider({ apiKey: "test-key", apiSecret: "test-secret", baseUrl: other.baseUrl });
      const { jobId } = await p.submit({ modelId: "model_google-gemini-3-1-flash", capability: "txt2img", body: { prompt: "x" } });
      await p.cancelJob(jobId);
      expect((await p.getJob(jobId)).status).toBe("canceled");
    } finally {
      await other.close();
    }
  });
});
