/**
 * The strict Scenario mock refuses what the real API refuses (shared/reference/scenario-models/
 * SOURCES.md, contracts.json), with the same reasons, against the recorded model records; its dry
 * runs give the recorded figures and its jobs produce images of the size the body asks for.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ScenarioClient } from "./client";
import { loadMockModelRecords, loadRecordedDryRuns } from "./mock-fixtures";
import { startMockScenarioServer, type MockScenarioServer } from "./mock-server";

let server: MockScenarioServer;
let client: ScenarioClient;
let photo: string; // 600×400 RGB
let mask: string; // 600×400 with alpha
let smallMask: string; // 300×200 with alpha
let video: string;

const auth = () => ({
  authorization: `Basic ${Buffer.from("test-key:test-secret").toString("base64")}`,
  "content-type": "application/json",
});

async function generate(modelId: string, body: unknown, dryRun = false): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${server.baseUrl}/generate/custom/${modelId}${dryRun ? "?dryRun=true" : ""}`, {
    method: "POST",
    headers: auth(),
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const png = (width: number, height: number, channels: 3 | 4) =>
  sharp({ create: { width, height, channels, background: { r: 40, g: 90, b: 200, alpha: 1 } } })
    .png()
    .toBuffer();

beforeAll(async () => {
  server = await startMockScenarioServer();
  client = new ScenarioClient({ ...server.credentials, baseUrl: server.baseUrl, uploadPollIntervalMs: 1 });
  photo = await client.uploadAsset({ bytes: await png(600, 400, 3), mimeType: "image/png", name: "photo.png" });
  mask = await client.uploadAsset({ bytes: await png(600, 400, 4), mimeType: "image/png", name: "mask.png" });
  smallMask = await client.uploadAsset({ bytes: await png(300, 200, 4), mimeType: "image/png", name: "small.png" });
  video = await client.uploadAsset({ bytes: Buffer.from("not really a video"), mimeType: "video/mp4", name: "clip.mp4" });
});
afterAll(() => server.close());

describe("strict mock: model records", () => {
  it("reads each record's inputs as the studio's ModelInput, refusing a file whose input is not one", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mock-records-"));
    writeFileSync(
      path.join(dir, "model_ok.json"),
      JSON.stringify({ model: { id: "model_ok", inputs: [{ name: "steps", type: "number", min: 1, max: 50 }] } }),
    );
    expect(loadMockModelRecords(dir)[0].inputs).toEqual([{ name: "steps", type: "number", min: 1, max: 50 }]);
    writeFileSync(
      path.join(dir, "model_bad.json"),
      JSON.stringify({ model: { id: "model_bad", inputs: [{ name: "steps", type: "number", min: "one" }] } }),
    );
    expect(() => loadMockModelRecords(dir)).toThrow(/model_bad\.json inputs\[0\] is not a model input/);
  });
});

describe("strict mock: refusals with the real API's reasons", () => {
  it.each([
    ["an unknown field", "model_openai-gpt-image-2", { prompt: "a fox", aspectRatio: "16:9" }, "Unknown input aspectRatio"],
    ["a wrong type", "model_openai-gpt-image-2", { prompt: "a fox", numOutputs: "2" }, "Input numOutputs must be a number"],
    [
      "an off-step number",
      "model_openai-gpt-image-2",
      { prompt: "a fox", width: 1024, height: 1000 },
      "Input height must be a multiple of 16",
    ],
    ["a number above max", "model_bfl-flux-2-dev", { prompt: "a fox", width: 4096 }, "Input width must be at most 2048"],
    ["a number below min", "model_bfl-flux-1-dev", { prompt: "a fox", numInferenceSteps: 0 }, "Input numInferenceSteps must be at least 1"],
    [
      "a value outside allowedValues",
      "model_google-gemini-3-1-flash",
      { prompt: "a fox", resolution: "8K" },
      'Input resolution must be one of "512", "1K", "2K", "4K"',
    ],
    ["a string over maxLength", "model_bfl-flux-1-dev", { prompt: "x".repeat(2049) }, "Input prompt must be at most 2048 characters long"],
    ["a missing required input", "model_google-gemini-3-1-flash", { aspectRatio: "1:1" }, "Input prompt is required"],
    [
      "a boolean of the wrong type",
      "model_google-gemini-3-1-flash",
      { prompt: "a fox", useGoogleSearch: "yes" },
      "Input useGoogleSearch must be a boolean",
    ],
  ])("refuses %s", async (_what, modelId, body, reason) => {
    const jobsBefore = server.state.jobs.size;
    expect(await generate(modelId, body)).toEqual({ status: 400, json: { reason } });
    expect(await generate(modelId, body, true)).toEqual({ status: 400, json: { reason } });
    expect(server.state.jobs.size).toBe(jobsBefore);
  });

  it("refuses an array over maxLength (items) and a scalar sent to a file_array", async () => {
    const six = Array.from({ length: 6 }, () => photo);
    expect(await generate("model_bfl-flux-2-dev", { prompt: "a fox", referenceImages: six })).toEqual({
      status: 400,
      json: { reason: "Input referenceImages must be at most 5 items long" },
    });
    expect(await generate("model_openai-gpt-image-2", { prompt: "a fox", referenceImages: photo })).toEqual({
      status: 400,
      json: { reason: "Input referenceImages must be an array of asset ids" },
    });
  });

  it("applies ifDefined rules with the record's own message", async () => {
    expect(await generate("model_openai-gpt-image-2", { prompt: "fill", mask })).toEqual({
      status: 400,
      json: { reason: "A reference image is required when a mask is provided." },
    });
    expect(await generate("model_bytedance-seedance-2-0", { prompt: "a fox runs", lastFrameImage: photo })).toEqual({
      status: 400,
      json: { reason: "A first frame must be provided if a last frame is set." },
    });
  });

  it("applies ifNotDefined rules", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "scenario-models-"));
    writeFileSync(
      path.join(dir, "model_acme-edit.json"),
      JSON.stringify({
        model: {
          id: "model_acme-edit",
          name: "Acme Edit",
          type: "custom",
          privacy: "public",
          status: "trained",
          capabilities: ["img2img"],
          tags: [],
          inputs: [
            {
              name: "image",
              type: "file",
              kind: "image",
              required: { ifNotDefined: { imageUrl: { message: "Give an image or an image URL." } } },
            },
            { name: "imageUrl", type: "string", maxLength: 2000 },
          ],
        },
      }),
    );
    const other = await startMockScenarioServer({ modelsDir: dir });
    try {
      const call = async (body: unknown) =>
        (
          await fetch(`${other.baseUrl}/generate/custom/model_acme-edit`, { method: "POST", headers: auth(), body: JSON.stringify(body) })
        ).json();
      expect(await call({})).toEqual({ reason: "Give an image or an image URL." });
      expect(await call({ imageUrl: "https://example.test/a.png" })).toMatchObject({ job: { status: "queued" } });
      expect([...other.state.modelRecords.keys()]).toEqual(["model_acme-edit"]);
      expect(
        (await fetch(`${other.baseUrl}/generate/custom/model_openai-gpt-image-2`, { method: "POST", headers: auth(), body: "{}" })).status,
      ).toBe(404);
    } finally {
      await other.close();
    }
  });

  it("refuses an unknown asset id, an asset of the wrong kind and a mask that does not match its image", async () => {
    expect(await generate("model_upscale-v3", { image: "asset_nope" })).toEqual({
      status: 400,
      json: { reason: "Asset asset_nope not found (input image)" },
    });
    expect(await generate("model_upscale-v3", { image: video })).toEqual({
      status: 400,
      json: { reason: `Input image takes image assets; ${video} is video` },
    });
    expect((await generate("model_openai-gpt-image-2", { prompt: "fill", referenceImages: [photo], mask: smallMask })).json.reason).toBe(
      "The mask (300x200) must have the same dimensions as the image it edits (600x400)",
    );
    expect((await generate("model_openai-gpt-image-2", { prompt: "fill", referenceImages: [photo], mask: photo })).json.reason).toBe(
      "The mask must include an alpha channel",
    );
    expect((await generate("model_openai-gpt-image-2", { prompt: "fill", referenceImages: [photo], mask })).status).toBe(200);
  });

  it("answers 404 for an unknown model", async () => {
    expect(await generate("model_nope", { prompt: "x" })).toEqual({ status: 404, json: { reason: "Model model_nope not found" } });
  });

  it("replays every recorded dry run of contracts.json with its recorded status and reply", async () => {
    const cases = loadRecordedDryRuns().filter((d) => d.target !== "model_flux-kontext-editing"); // no record of that model here
    expect(cases.length).toBeGreaterThanOrEqual(18);
    for (const recorded of cases) {
      const { status, json } = await generate(recorded.target, recorded.body, true);
      expect({ case: recorded.case, status, json }).toEqual({ case: recorded.case, status: recorded.status, json: recorded.reply });
    }
  });
});

describe("strict mock: costs", () => {
  it("answers a dry run with HTTP 269 and charges the generate exactly what it estimated", async () => {
    const bodies: [string, Record<string, unknown>][] = [
      ["model_bfl-flux-1-dev", { prompt: "a small wooden cabin in a snowy forest" }],
      ["model_bfl-flux-2-dev", { prompt: "a cabin", numOutputs: 3 }],
      ["model_openai-gpt-image-2", { prompt: "a cabin", width: 1024, height: 1024 }],
      ["model_upscale-v3", { image: photo, upscaleFactor: 2 }],
    ];
    const figures: number[] = [];
    for (const [modelId, body] of bodies) {
      const estimate = await generate(modelId, body, true);
      expect(estimate.status).toBe(269);
      const run = await generate(modelId, body);
      expect(run.status).toBe(200);
      expect(run.json.creativeUnitsCost).toBe(estimate.json.creativeUnitsCost);
      figures.push(estimate.json.creativeUnitsCost as number);
    }
    // FLUX.1 dev: recorded 9 + 1.75; FLUX.2 dev: 3 × 16 + 1.75; GPT Image 2: 11; Upscale V3: 10.
    expect(figures).toEqual([10.75, 49.75, 11, 10]);
  });
});

describe("strict mock: outputs of the asked size", () => {
  async function outputSize(modelId: string, body: Record<string, unknown>) {
    const { jobId } = await client.generate(modelId, body);
    let job = await client.getJob(jobId);
    while (job.status !== "succeeded") {
      expect(job.status).not.toBe("failed");
      job = await client.getJob(jobId);
    }
    const { bytes } = await client.downloadAsset(job.assetIds[0]);
    const meta = await sharp(bytes).metadata();
    return { width: meta.width, height: meta.height, count: job.assetIds.length };
  }

  it.each([
    ["width × height", "model_openai-gpt-image-2", { prompt: "a fox", width: 1536, height: 1024 }, { width: 1536, height: 1024, count: 1 }],
    [
      "aspectRatio × resolution",
      "model_google-gemini-3-1-flash",
      { prompt: "a fox", aspectRatio: "16:9", resolution: "2K", numOutputs: 2 },
      { width: 2752, height: 1536, count: 2 },
    ],
    ["the record's default size", "model_bfl-flux-1-dev", { prompt: "a fox" }, { width: 1104, height: 832, count: 1 }],
  ])("%s", async (_rule, modelId, body, expected) => {
    expect(await outputSize(modelId, body)).toEqual(expected);
  });

  it("upscales by the factor, keeps the input's size for background removal and reframes to the exact size", async () => {
    expect(await outputSize("model_upscale-v3", { image: photo, upscaleFactor: 2 })).toEqual({ width: 1200, height: 800, count: 1 });
    expect(await outputSize("model_photoroom-background-removal", { image: photo })).toEqual({ width: 600, height: 400, count: 1 });
    expect(await outputSize("model_scenario-smart-reframe", { image: photo, width: 720, height: 405 })).toEqual({
      width: 720,
      height: 405,
      count: 1,
    });
    expect(await outputSize("model_photoroom-expand", { image: photo, outputWidth: 800, outputHeight: 400 })).toEqual({
      width: 800,
      height: 400,
      count: 1,
    });
    expect(await outputSize("model_openai-gpt-image-2", { prompt: "latte art", referenceImages: [photo], mask })).toEqual({
      width: 600,
      height: 400,
      count: 1,
    });
  });
});

describe("strict mock: GET /jobs", () => {
  it("lists jobs newest first with their input, filtered by status and type, page by page", async () => {
    const a = await client.generate("model_google-gemini-3-1-flash", { prompt: "first" });
    const b = await client.generate("model_google-gemini-3-1-flash", { prompt: "second" });
    const page = await client.listJobs({ pageSize: 2, type: "custom" });
    expect(page.jobs.map((j) => j.jobId)).toEqual([b.jobId, a.jobId]);
    expect(page.jobs[0]).toMatchObject({
      modelId: "model_google-gemini-3-1-flash",
      status: "queued",
      input: { prompt: "second" },
      jobType: "custom",
    });
    expect(page.nextPaginationToken).toBeTruthy();
    const next = await client.listJobs({ pageSize: 2, type: "custom", paginationToken: page.nextPaginationToken! });
    expect(next.jobs.every((j) => Date.parse(j.createdAt!) <= Date.parse(page.jobs[1].createdAt!))).toBe(true);
    const uploads = await client.listJobs({ type: ["upload"], status: "success" });
    expect(uploads.jobs.length).toBeGreaterThan(0);
    expect(uploads.jobs.every((j) => j.jobType === "upload" && j.status === "success")).toBe(true);
  });
});
