/**
 * The offline engine's own schema (requests built for it are the ones it accepts) and
 * findSubmittedJob over its on-disk job store (a submit whose answer was lost is found, never resent).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generationNode } from "../../nodes/generation";
import { prepareNodeRequest } from "../../nodes/prepare-request";
import { retouchNode } from "../../nodes/retouch";
import { upscaleNode } from "../../nodes/upscale";
import { readSample } from "./__fixtures__/sample-images";
import { LocalProvider } from "./local-provider";

let dataDir: string;
const providers: LocalProvider[] = [];
const provider = () => {
  const created = new LocalProvider({ dataDir });
  providers.push(created);
  return created;
};
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "local-schema-"));
});
afterEach(async () => {
  await Promise.all(providers.splice(0).map((p) => p.close()));
  await rm(dataDir, { recursive: true, force: true });
});

describe("LocalProvider.getModelSchema", () => {
  it("declares the fields its capabilities read, and the bodies built from it run", async () => {
    const p = provider();
    const schema = (await p.getModelSchema("model_openai-gpt-image-2"))!;
    expect(schema.inputs.map((i) => i.name)).toEqual([
      "prompt",
      "image",
      "mask",
      "strength",
      "width",
      "height",
      "numOutputs",
      "seed",
      "upscaleFactor",
      "preset",
    ]);
    const image = await p.uploadAsset({ bytes: readSample("coffee.png"), mimeType: "image/png", name: "coffee.png" });
    const photo = { assetId: image, url: "", width: 600, height: 400 };

    const gen = prepareNodeRequest({
      intent: generationNode.describeRequest!({
        params: generationNode.paramsSchema.parse({ aspectRatio: "3:2", numOutputs: 2 }),
        prompt: "a fox",
        seed: 7,
      }),
      schema,
      modelName: "local",
    });
    expect(gen.ok && gen.body).toEqual({ prompt: "a fox", width: 1024, height: 683, numOutputs: 2, seed: 7 });
    const job = await p.waitForJob((await p.submit({ modelId: "m", capability: "txt2img", body: gen.ok ? gen.body : {} })).jobId, {});
    expect(job).toMatchObject({ status: "succeeded" });
    expect(job.assetIds).toHaveLength(2);

    const up = prepareNodeRequest({
      intent: upscaleNode.describeRequest!({
        params: upscaleNode.paramsSchema.parse({ factor: 2, preset: "creative" }),
        prompt: "",
        image: photo,
        seed: null,
      }),
      schema,
      modelName: "local",
    });
    expect(up.ok && up.body).toEqual({ image, upscaleFactor: 2, preset: "creative" });

    const retouch = prepareNodeRequest({
      intent: retouchNode.describeRequest!({
        params: retouchNode.paramsSchema.parse({}),
        prompt: "",
        image: photo,
        mask: photo,
        seed: null,
      }),
      schema,
      modelName: "local",
    });
    // No maskFrom: the mask is sent as painted (white = repaint), without conversion.
    expect(retouch.ok && retouch.files.map((f) => [f.field, f.convert])).toEqual([
      ["image", undefined],
      ["mask", undefined],
    ]);
  });
});

describe("LocalProvider.findSubmittedJob", () => {
  it("finds a job by model, capability, body and time, from a new instance reading the data folder", async () => {
    const first = provider();
    const image = await first.uploadAsset({ bytes: readSample("coffee.png"), mimeType: "image/png", name: "coffee.png" });
    const before = new Date(Date.now() - 1);
    const request = { modelId: "model_x", capability: "upscale", body: { image, upscaleFactor: 2 } };
    const { jobId } = await first.submit(request);
    await first.waitForJob(jobId, {});
    await first.close();

    const second = provider();
    expect(await second.findSubmittedJob(request, before)).toBe(jobId);
    expect(await second.findSubmittedJob({ ...request, body: { image, upscaleFactor: 4 } }, before)).toBeNull();
    expect(await second.findSubmittedJob({ ...request, modelId: "model_y" }, before)).toBeNull();
    expect(await second.findSubmittedJob(request, new Date(Date.now() + 60_000))).toBeNull();
  });

  it("with a submission id, finds only the job of that submission, never another run's job with the same body", async () => {
    const first = provider();
    const image = await first.uploadAsset({ bytes: readSample("coffee.png"), mimeType: "image/png", name: "coffee.png" });
    const before = new Date(Date.now() - 1);
    const body = { image, upscaleFactor: 2 };
    // Two runs upscale the same image: identical bodies, one submission each.
    const runA = { modelId: "model_x", capability: "upscale", body, submissionId: "submission-run-a" };
    const runB = { ...runA, submissionId: "submission-run-b" };
    const a = await first.submit(runA);
    const b = await first.submit(runB);
    await Promise.all([first.waitForJob(a.jobId, {}), first.waitForJob(b.jobId, {})]);
    await first.close();

    const second = provider();
    expect(await second.findSubmittedJob(runA, before)).toBe(a.jobId);
    expect(await second.findSubmittedJob(runB, before)).toBe(b.jobId);
    // Run C's submit never reached the engine: its identical body must not adopt A's or B's job.
    expect(await second.findSubmittedJob({ ...runA, submissionId: "submission-run-c" }, before)).toBeNull();
    // A submission recorded before ids existed matches by body, among jobs without an id only.
    expect(await second.findSubmittedJob({ modelId: "model_x", capability: "upscale", body }, before)).toBeNull();
  });
});
