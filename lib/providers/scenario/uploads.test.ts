/**
 * Uploads the real way (scenario-api-contract.md §4): base64 `POST /assets` for images below
 * 3.5 MB, the multipart `POST /uploads` flow for larger images and every video or audio file; the
 * strict mock refuses base64 images of 6 MB and more.
 */
import { randomBytes } from "node:crypto";

import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { ScenarioClient } from "./client";
import { startMockScenarioServer, type MockScenarioServer } from "./mock-server";
import { ScenarioProvider } from "./scenario-provider";

let server: MockScenarioServer;
let provider: ScenarioProvider;

beforeAll(async () => {
  server = await startMockScenarioServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.script.reset();
  provider = new ScenarioProvider({
    ...server.credentials,
    baseUrl: server.baseUrl,
    uploadPollIntervalMs: 1,
    uploadPartBytes: 3 * 1024 * 1024,
    retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2, sleep: async () => {} },
  });
});

const routes = () => server.state.requests.map((r) => `${r.method} ${r.path.replace(/(upload|job|asset)_\w+/g, "$1_*")}`);

/** A PNG of random pixels: incompressible, so its size is about width × height × 3 bytes. */
async function noisyPng(width: number, height: number): Promise<Buffer> {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

describe("uploads", () => {
  it("sends an image below 3.5 MB as base64 POST /assets", async () => {
    const bytes = await noisyPng(600, 400);
    const id = await provider.uploadAsset({ bytes, mimeType: "image/png", name: "photo.png" });
    expect(routes()).toEqual(["POST /v1/assets"]);
    expect(server.state.assets.get(id)).toMatchObject({ kind: "image", width: 600, height: 400 });
    expect(server.state.assets.get(id)!.bytes.equals(bytes)).toBe(true);
  });

  it("sends a 7 MB image through POST /uploads in parts, then uses it in a generate", async () => {
    const bytes = await noisyPng(1600, 1500);
    expect(bytes.length).toBeGreaterThan(7_000_000);
    const id = await provider.uploadAsset({ bytes, mimeType: "image/png", name: "big.png" });

    const create = server.state.requests.find((r) => r.path === "/v1/uploads")!;
    expect(create.body).toEqual({ fileName: "big.png", fileSize: bytes.length, contentType: "image/png", kind: "image", parts: 3 });
    const puts = server.state.requests.filter((r) => r.method === "PUT");
    expect(puts.map((r) => [r.bodyBytes, r.headers.authorization, r.status])).toEqual([
      [3 * 1024 * 1024, undefined, 200],
      [3 * 1024 * 1024, undefined, 200],
      [bytes.length - 6 * 1024 * 1024, undefined, 200],
    ]);
    expect(routes().filter((r) => r !== "GET /v1/jobs/job_*")).toEqual([
      "POST /v1/uploads",
      "PUT /upload-parts/upload_*/1",
      "PUT /upload-parts/upload_*/2",
      "PUT /upload-parts/upload_*/3",
      "POST /v1/uploads/upload_*/action",
    ]);
    expect(server.state.requests.filter((r) => r.path === "/v1/assets")).toEqual([]);
    expect(server.state.assets.get(id)).toMatchObject({ kind: "image", width: 1600, height: 1500 });
    expect(server.state.assets.get(id)!.bytes.equals(bytes)).toBe(true);

    const { jobId } = await provider.submit({ modelId: "model_upscale-v3", capability: "upscale", body: { image: id, upscaleFactor: 2 } });
    expect(server.state.jobs.get(jobId)!.body).toEqual({ image: id, upscaleFactor: 2 });
  });

  it("sends a small mp4 and mp3 through POST /uploads (never base64), usable as Seedance references", async () => {
    const clip = Buffer.concat([Buffer.from("\0\0\0\x18ftypisom"), randomBytes(2000)]);
    const song = Buffer.concat([Buffer.from("ID3"), randomBytes(1500)]);
    const videoId = await provider.uploadAsset({ bytes: clip, mimeType: "video/mp4", name: "clip.mp4" });
    const audioId = await provider.uploadAsset({ bytes: song, mimeType: "audio/mpeg", name: "song.mp3" });
    const creates = server.state.requests.filter((r) => r.path === "/v1/uploads").map((r) => r.body);
    expect(creates).toEqual([
      { fileName: "clip.mp4", fileSize: clip.length, contentType: "video/mp4", kind: "video", parts: 1 },
      { fileName: "song.mp3", fileSize: song.length, contentType: "audio/mpeg", kind: "audio", parts: 1 },
    ]);
    expect(server.state.requests.filter((r) => r.path === "/v1/assets")).toEqual([]);
    expect(server.state.assets.get(videoId)).toMatchObject({ kind: "video", mimeType: "video/mp4" });
    expect(server.state.assets.get(audioId)).toMatchObject({ kind: "audio", mimeType: "audio/mpeg" });

    const body = { prompt: "a dancer", referenceVideos: [videoId], referenceAudio: [audioId] };
    const { jobId } = await provider.submit({ modelId: "model_bytedance-seedance-2-0", capability: "txt2video", body });
    let job = await provider.getJob(jobId);
    while (job.status !== "succeeded") job = await provider.getJob(jobId);
    expect((await provider.downloadAsset(job.assetIds[0])).mimeType).toBe("video/mp4");
    // The audio is not a video: the mock refuses it in a video field.
    await expect(
      provider.submit({
        modelId: "model_bytedance-seedance-2-0",
        capability: "txt2video",
        body: { prompt: "x", referenceVideos: [audioId] },
      }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("the mock refuses a base64 image of 6 MB or more, and parts that do not add up to fileSize", async () => {
    const client = new ScenarioClient({ ...server.credentials, baseUrl: server.baseUrl });
    const big = await noisyPng(1600, 1400);
    expect(big.length).toBeGreaterThanOrEqual(6 * 1024 * 1024);
    await expect(client.uploadBase64Image({ bytes: big, mimeType: "image/png", name: "big.png" })).rejects.toMatchObject({
      status: 400,
      message: "Scenario API 400: base64 upload is for images under 6 MB; upload larger files with POST /uploads",
    });

    const created = await fetch(`${server.baseUrl}/uploads`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from("test-key:test-secret").toString("base64")}`, "content-type": "application/json" },
      body: JSON.stringify({ fileName: "a.bin", fileSize: 100, contentType: "model/gltf-binary", kind: "3d", parts: 1 }),
    });
    const { upload } = (await created.json()) as { upload: { id: string; parts: { url: string }[] } };
    expect((await fetch(upload.parts[0].url, { method: "PUT", body: new Uint8Array(99) })).status).toBe(200);
    const complete = await fetch(`${server.baseUrl}/uploads/${upload.id}/action`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from("test-key:test-secret").toString("base64")}`, "content-type": "application/json" },
      body: JSON.stringify({ action: "complete" }),
    });
    expect(await complete.json()).toEqual({ reason: "Uploaded parts total 99 bytes; fileSize is 100" });
  });
});
