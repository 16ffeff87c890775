import sharp from "sharp";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ProviderError, type ModelRequest } from "../types";
import { readSample } from "./__fixtures__/sample-images";
import { LocalProvider, type LocalProviderOptions } from "./local-provider";
import { textToImage } from "./operations/text-to-image";

const providers: LocalProvider[] = [];
function provider(options: LocalProviderOptions = {}): LocalProvider {
  const created = new LocalProvider(options);
  providers.push(created);
  return created;
}
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(providers.splice(0).map((p) => p.close()));
});

async function upload(p: LocalProvider, name: "coffee.png" | "chelsea.png" | "astronaut.png" | "rocket.jpg") {
  return p.uploadAsset({ bytes: readSample(name), mimeType: name.endsWith(".jpg") ? "image/jpeg" : "image/png", name });
}

async function size(bytes: Buffer) {
  const meta = await sharp(bytes).metadata();
  return { format: meta.format, width: meta.width, height: meta.height };
}

describe("LocalProvider life cycle", () => {
  it("uploads, runs an upscale job and serves the output", async () => {
    const p = provider();
    expect([p.id, p.label, p.pollIntervalMs]).toEqual(["local", "Local preview engine", 25]);
    const image = await upload(p, "coffee.png");
    expect(image).toMatch(/^local_asset_[0-9a-f]{16}$/);

    const submitted = await p.submit({
      modelId: "model_upscale-v3",
      capability: "upscale",
      body: { image, upscaleFactor: 2, preset: "balanced" },
    });
    expect(submitted.jobId).toMatch(/^local_job_[0-9a-f]{16}$/);
    expect(submitted.creditsCost).toBe(10); // the catalog's p50CostCU of Upscale v3 (catalog-credits.ts)

    const job = await p.waitForJob(submitted.jobId, {});
    expect(job).toMatchObject({ jobId: submitted.jobId, status: "succeeded", progress: 1 });
    expect(job.assetIds).toHaveLength(1);
    // The tests' setting sends Balanced through Lanczos (vitest.config.ts): the job says so.
    expect(job.notes).toEqual(["Upscaled with Lanczos: the neural model is turned off on this machine."]);
    expect(await p.getJob(submitted.jobId)).toEqual(job);

    const output = await p.downloadAsset(job.assetIds[0]);
    expect(output.mimeType).toBe("image/png");
    expect(await size(output.bytes)).toEqual({ format: "png", width: 1200, height: 800 });
  });

  it("keeps an uploaded JPEG as JPEG", async () => {
    const p = provider();
    const id = await upload(p, "rocket.jpg");
    const asset = await p.downloadAsset(id);
    expect(asset.mimeType).toBe("image/jpeg");
    expect(Buffer.compare(asset.bytes, readSample("rocket.jpg"))).toBe(0);
  });

  it("runs every offline capability to an image of the expected size", async () => {
    const p = provider();
    const image = await upload(p, "coffee.png");
    const mask = await p.uploadAsset({
      bytes: await sharp({ create: { width: 600, height: 400, channels: 3, background: "#fff" } })
        .extract({ left: 0, top: 0, width: 600, height: 400 })
        .png()
        .toBuffer(),
      mimeType: "image/png",
      name: "mask.png",
    });
    const cases: Array<[ModelRequest, { width: number; height: number; count: number }]> = [
      [
        { modelId: "m", capability: "txt2img", body: { prompt: "a red fox", width: 320, height: 200, numOutputs: 2, seed: 9 } },
        { width: 320, height: 200, count: 2 },
      ],
      [
        { modelId: "m", capability: "img2img", body: { image, prompt: "oil painting", strength: 0.4, width: 256, height: 256 } },
        { width: 256, height: 256, count: 1 },
      ],
      [
        { modelId: "m", capability: "inpaint", body: { image, mask, prompt: "wood", strength: 1 } },
        { width: 600, height: 400, count: 1 },
      ],
      [
        { modelId: "m", capability: "outpaint", body: { image, width: 720, height: 405 } },
        { width: 720, height: 405, count: 1 },
      ],
      [
        { modelId: "m", capability: "background-removal", body: { image } },
        { width: 600, height: 400, count: 1 },
      ],
    ];
    for (const [request, expected] of cases) {
      const { jobId } = await p.submit(request);
      const seen: number[] = [];
      const job = await p.waitForJob(jobId, { onProgress: (value) => seen.push(value) });
      expect(job.status, `${request.capability}: ${job.error}`).toBe("succeeded");
      // The neural model reports real progress between start and end.
      if (request.capability === "background-removal") expect(seen.filter((v) => v > 0 && v < 1).length).toBeGreaterThanOrEqual(2);
      expect(job.assetIds).toHaveLength(expected.count);
      for (const id of job.assetIds) {
        expect(await size((await p.downloadAsset(id)).bytes)).toMatchObject({ width: expected.width, height: expected.height });
      }
    }
  }, 240_000); // background removal runs the neural model (tens of seconds on a loaded 2-core machine)

  it("makes numOutputs images with seeds seed, seed + 1, …", async () => {
    const p = provider();
    const { jobId, creditsCost } = await p.submit({
      modelId: "model_x",
      capability: "txt2img",
      body: { prompt: "a lighthouse", width: 128, height: 96, numOutputs: 3, seed: 100 },
    });
    expect(creditsCost).toBe(15);
    const job = await p.waitForJob(jobId, {});
    const outputs = await Promise.all(job.assetIds.map((id) => p.downloadAsset(id)));
    for (const [i, output] of outputs.entries()) {
      const expected = await textToImage({ prompt: "a lighthouse", seed: 100 + i, width: 128, height: 96 });
      expect(Buffer.compare(output.bytes, expected.bytes)).toBe(0);
    }
  });

  it("reports progress while a simulated latency elapses", async () => {
    const p = provider({ latencyMs: 80 });
    const { jobId } = await p.submit({ modelId: "m", capability: "txt2img", body: { prompt: "x", width: 64, height: 64, seed: 1 } });
    expect(["pending", "running"]).toContain((await p.getJob(jobId)).status);
    const seen: number[] = [];
    const job = await p.waitForJob(jobId, { onProgress: (value) => seen.push(value) });
    expect(job.status).toBe("succeeded");
    expect(seen).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it("finishes a zero-latency job without any timer", async () => {
    const p = provider();
    vi.useFakeTimers({ toFake: ["setTimeout", "setInterval", "setImmediate"] });
    const { jobId } = await p.submit({ modelId: "m", capability: "txt2img", body: { prompt: "x", width: 64, height: 64, seed: 1 } });
    const job = await p.waitForJob(jobId, {});
    expect(job.status).toBe("succeeded");
    expect(vi.getTimerCount()).toBe(0);
  }, 5_000); // a timer-based job would never finish under fake timers
});

describe("LocalProvider validation", () => {
  it("refuses capabilities it cannot run offline, naming the way to Scenario", async () => {
    const p = provider();
    const error = await p.submit({ modelId: "model_kling", capability: "img2video", body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 400, retryable: false });
    expect((error as Error).message).toBe(
      "img2video is not available offline (local preview engine); set SCENARIO_API_KEY and SCENARIO_API_SECRET to use Scenario",
    );
    await expect(p.estimateCost({ modelId: "m", capability: "txt2audio", body: {} })).rejects.toThrow(/txt2audio is not available offline/);
  });

  it("names the invalid field", async () => {
    const p = provider();
    const image = await upload(p, "coffee.png");
    const cases: Array<[ModelRequest["capability"], Record<string, unknown>, string | RegExp]> = [
      ["upscale", { image: "local_asset_x" }, "body.image: unknown asset id local_asset_x"],
      ["outpaint", { image, width: 500, height: 400 }, "body.width must be ≥ the image width 600, got 500"],
      ["outpaint", { image, width: 700 }, "body.height is required"],
      ["txt2img", { width: 512 }, "body.prompt is required"],
      ["txt2img", { prompt: "x", numOutputs: 5 }, /^body\.numOutputs must be an integer between 1 and 4/],
      ["txt2img", { prompt: "x", width: "big" }, /^body\.width must be an integer between 64 and 4096 px, got "big"/],
      ["upscale", { image, upscaleFactor: 3 }, "body.upscaleFactor must be one of 2, 4, got 3"],
      ["img2img", { image, prompt: "x", strength: 2 }, /^body\.strength must be a number between 0 and 1/],
      ["inpaint", { image }, "body.mask is required (an asset id)"],
    ];
    for (const [capability, body, message] of cases) {
      const error = await p.submit({ modelId: "m", capability, body }).catch((e: unknown) => e);
      expect(error, capability).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).status).toBe(400);
      if (typeof message === "string") expect((error as Error).message).toBe(message);
      else expect((error as Error).message).toMatch(message);
    }
  });

  it("rejects uploads that are not images, and unknown ids with 404", async () => {
    const p = provider();
    await expect(p.uploadAsset({ bytes: Buffer.from("hello"), mimeType: "image/png", name: "x.png" })).rejects.toMatchObject({
      status: 400,
    });
    await expect(p.getJob("local_job_0000000000000000")).rejects.toMatchObject({ status: 404 });
    await expect(p.downloadAsset("local_asset_0000000000000000")).rejects.toMatchObject({ status: 404 });
    await expect(p.waitForJob("nope", {})).rejects.toMatchObject({ status: 404 });
  });

  it("estimates the nominal cost without running", async () => {
    const p = provider();
    expect(await p.estimateCost({ modelId: "m", capability: "txt2img", body: { prompt: "x", numOutputs: 4 } })).toEqual({ credits: 20 });
    expect(await p.estimateCost({ modelId: "m", capability: "upscale", body: { image: "not-uploaded-yet" } })).toEqual({ credits: 15 });
    expect(await p.estimateCost({ modelId: "m", capability: "background-removal", body: {} })).toEqual({ credits: 5 });
  });
});

describe("LocalProvider faults", () => {
  const request: ModelRequest = { modelId: "m", capability: "txt2img", body: { prompt: "x", width: 64, height: 64, seed: 1 } };

  it("retries a 429 on submit and then succeeds", async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    const p = provider({ faults: { submit: [{ status: 429, retryAfterMs: 5 }] }, retry: { sleep, baseDelayMs: 1 } });
    const { jobId } = await p.submit(request);
    expect((await p.waitForJob(jobId, {})).status).toBe("succeeded");
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([5]);
  });

  it("retries with real (tiny) delays too", async () => {
    const p = provider({ faults: { submit: [{ status: 503 }, { status: 429 }] }, retry: { baseDelayMs: 2 } });
    const { jobId } = await p.submit(request);
    expect((await p.getJob(jobId)).jobId).toBe(jobId);
  });

  it("gives up after the retries, and does not retry a 4xx", async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    const failing = provider({ faults: { submit: Array(5).fill({ status: 500, message: "upstream down" }) }, retry: { sleep } });
    await expect(failing.submit(request)).rejects.toMatchObject({ status: 500, message: "upstream down" });
    expect(sleep).toHaveBeenCalledTimes(4);

    const forbidden = provider({ faults: { submit: [{ status: 403 }] }, retry: { sleep } });
    await expect(forbidden.submit(request)).rejects.toMatchObject({ status: 403 });
    expect(sleep).toHaveBeenCalledTimes(4);
    // The fault was consumed: the next submit goes through.
    await expect(forbidden.submit(request)).resolves.toMatchObject({ creditsCost: 5 });
  });

  it("ends a job as failed with the planned message", async () => {
    const p = provider({
      latencyMs: 10,
      faults: { jobFailure: (req) => (req.body.prompt === "doomed" ? "Model crashed (injected)" : null) },
    });
    const doomed = await p.submit({ ...request, body: { ...request.body, prompt: "doomed" } });
    const job = await p.waitForJob(doomed.jobId, {});
    expect(job).toMatchObject({ status: "failed", error: "Model crashed (injected)", assetIds: [] });
    expect(await p.getJob(doomed.jobId)).toEqual(job);
    const fine = await p.submit(request);
    expect((await p.waitForJob(fine.jobId, {})).status).toBe("succeeded");
  });

  it("cancels a running job", async () => {
    const p = provider({ latencyMs: 5_000 });
    const { jobId } = await p.submit(request);
    const waiting = p.waitForJob(jobId, {});
    await p.cancelJob(jobId);
    expect(await waiting).toMatchObject({ status: "canceled", assetIds: [] });
    await p.cancelJob(jobId); // finished: no-op
    expect((await p.getJob(jobId)).status).toBe("canceled");
  });

  it("stops waiting when the signal aborts", async () => {
    const p = provider({ latencyMs: 5_000 });
    const { jobId } = await p.submit(request);
    const controller = new AbortController();
    const waiting = p.waitForJob(jobId, { signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
    expect((await p.getJob(jobId)).status).toBe("running");
  });
});

describe("LocalProvider within one run (issue 14)", () => {
  const upscaleOf = (image: string, intermediate?: boolean): ModelRequest => ({
    modelId: "model_upscale-v3",
    capability: "upscale",
    body: { image, upscaleFactor: 2, preset: "balanced" },
    ...(intermediate ? { intermediate } : {}),
  });
  const pixels = (bytes: Buffer) => sharp(bytes).raw().toBuffer();

  it("encodes an intermediate output for speed (PNG level 0) with the same pixels, and a final one well compressed", async () => {
    const p = provider();
    const image = await upload(p, "coffee.png");
    const final = await p.waitForJob((await p.submit(upscaleOf(image))).jobId, {});
    const fast = await p.waitForJob((await p.submit(upscaleOf(image, true))).jobId, {});
    const finalBytes = (await p.downloadAsset(final.assetIds[0])).bytes;
    const fastBytes = (await p.downloadAsset(fast.assetIds[0])).bytes;
    expect((await pixels(fastBytes)).equals(await pixels(finalBytes))).toBe(true);
    // Level 0 stores the pixels as they are (filter byte per row aside): 1200 × 800 RGB(A).
    const meta = await sharp(fastBytes).metadata();
    expect(fastBytes.length).toBeGreaterThanOrEqual(1200 * 800 * (meta.channels ?? 3));
    expect(finalBytes.length).toBeLessThan(fastBytes.length * 0.9);
  });

  it("answers the size it knows with a download, and takes its own output back as input without storing it again", async () => {
    const p = provider();
    const image = await upload(p, "coffee.png");
    const job = await p.waitForJob((await p.submit(upscaleOf(image, true))).jobId, {});
    const downloaded = await p.downloadAsset(job.assetIds[0]);
    expect({ width: downloaded.width, height: downloaded.height }).toEqual({ width: 1200, height: 800 });
    expect(await p.uploadAsset({ bytes: downloaded.bytes, mimeType: "image/png", name: "again" })).toBe(job.assetIds[0]);
    // Equal bytes in another Buffer are a new upload.
    expect(await p.uploadAsset({ bytes: Buffer.from(downloaded.bytes), mimeType: "image/png", name: "copy" })).not.toBe(job.assetIds[0]);
  });
});
