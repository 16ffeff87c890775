/**
 * Issue 7, "Done when": six workflows a designer builds run to `succeeded` through the executor and
 * the Scenario provider over real HTTP against the strict mock of Scenario's API
 * (lib/providers/scenario/mock-server.ts), with request bodies built from each model's own input
 * schema (`GET /models/{id}`) and nothing per model. Sizes are read from the saved output bytes.
 * A second block serves hand-made model records the studio has never seen. Graphs are built with
 * tests/support/workflow-builder.ts, so each reads like its row of the table.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockScenarioServer, type MockScenarioServer } from "@/lib/providers/scenario/mock-server";
import { multipartUploads, runOnScenario as run, savedSize } from "../support/scenario-run";
import { workflow } from "../support/workflow-builder";

const PHOTO = readFileSync(path.resolve("e2e/fixtures/coffee.png"));
const GPT_IMAGE_2 = "model_openai-gpt-image-2";
const GEMINI_FLASH = "model_google-gemini-3-1-flash";
const FLUX_2_DEV = "model_bfl-flux-2-dev";

describe("issue 7: six workflows on the Scenario provider (strict mock, real HTTP)", () => {
  let server: MockScenarioServer;
  beforeAll(async () => {
    server = await startMockScenarioServer();
  });
  afterAll(() => server.close());

  it("1. Prompt → Generation (GPT Image 2, 3:2) → Output", async () => {
    const ctx = await run(server, () =>
      workflow()
        .prompt("p", "a ceramic cup on a wooden table")
        .node("gen", "generation", { model: GPT_IMAGE_2, aspectRatio: "3:2" }, { prompt: "p" })
        .output("out", "gen")
        .graph(),
    );
    expect(ctx.failures).toEqual([]);
    expect(ctx.result.status).toBe("succeeded");
    expect(ctx.statuses).toEqual({ p: "succeeded", gen: "succeeded", out: "succeeded" });
    expect(ctx.generates.map((r) => r.path)).toEqual(["/v1/generate/custom/model_openai-gpt-image-2"]);
    const size = await savedSize(ctx, "gen");
    expect(size.width % 16).toBe(0);
    expect(size.height % 16).toBe(0);
    expect(size.width / size.height).toBeCloseTo(1.5, 1);
    expect(size).toEqual({ width: 1536, height: 1024 });
    expect(ctx.result.outputs?.[0]).toMatchObject({ nodeId: "out", width: size.width, height: size.height });
  });

  it("2. Image input (600×400 photo) → Generation (Gemini 3.1 Flash, photo as reference) → Output", async () => {
    const ctx = await run(server, async (assets) =>
      workflow()
        .imageInput("in", (await assets.add(PHOTO)).assetId)
        .node("gen", "generation", { model: GEMINI_FLASH, prompt: "same cup, watercolor", aspectRatio: "3:2" }, { image: "in" })
        .output("out", "gen")
        .graph(),
    );
    expect(ctx.failures).toEqual([]);
    expect(ctx.result.status).toBe("succeeded");
    expect(ctx.statuses).toEqual({ in: "succeeded", gen: "succeeded", out: "succeeded" });
    expect(ctx.generates).toHaveLength(1);
    expect(ctx.generates[0].path).toBe("/v1/generate/custom/model_google-gemini-3-1-flash");
    const body = ctx.generates[0].body as Record<string, unknown>;
    const refs = Object.values(body)
      .flat()
      .filter((v) => typeof v === "string" && server.state.assets.has(v));
    expect(refs).toHaveLength(1);
    const size = await savedSize(ctx, "gen");
    expect(size.width / size.height).toBeCloseTo(1.5, 1);
    expect(size).toEqual({ width: 1264, height: 848 }); // Gemini's 3:2 at 1K
    expect(ctx.result.outputs?.[0]).toMatchObject({ nodeId: "out", width: size.width, height: size.height });
  });

  it("3. Image input → Retouch (GPT Image 2, painted mask) → Output keeps the photo's 600×400", async () => {
    const ctx = await run(server, async (assets) => {
      const photo = await assets.add(PHOTO);
      // A painted mask: white where the cup's steam should change, black elsewhere.
      const maskBytes = await sharp({ create: { width: 600, height: 400, channels: 3, background: "#000" } })
        .composite([
          {
            input: await sharp({ create: { width: 200, height: 150, channels: 3, background: "#fff" } })
              .png()
              .toBuffer(),
            left: 200,
            top: 50,
          },
        ])
        .png()
        .toBuffer();
      const mask = await assets.add(maskBytes);
      return workflow()
        .imageInput("in", photo.assetId)
        .node("retouch", "retouch", { model: GPT_IMAGE_2, maskAssetId: mask.assetId, prompt: "steam" }, { image: "in" })
        .output("out", "retouch")
        .graph();
    });
    expect(ctx.failures).toEqual([]);
    expect(ctx.result.status).toBe("succeeded");
    expect(ctx.statuses).toEqual({ in: "succeeded", retouch: "succeeded", out: "succeeded" });
    expect(ctx.generates.map((r) => r.path)).toEqual(["/v1/generate/custom/model_openai-gpt-image-2"]);
    const body = ctx.generates[0].body as Record<string, unknown>;
    expect(server.state.assets.has(String(body.mask))).toBe(true);
    expect(await savedSize(ctx, "retouch")).toEqual({ width: 600, height: 400 });
  });

  it("4. Image input → Generation on FLUX.2 Dev (no hand-written table) with the photo as reference → Output", async () => {
    const ctx = await run(server, async (assets) =>
      workflow()
        .imageInput("in", (await assets.add(PHOTO)).assetId)
        .node("gen", "generation", { model: FLUX_2_DEV, prompt: "same cup at night", aspectRatio: "3:2" }, { image: "in" })
        .output("out", "gen")
        .graph(),
    );
    expect(ctx.failures).toEqual([]);
    expect(ctx.result.status).toBe("succeeded");
    expect(ctx.statuses).toEqual({ in: "succeeded", gen: "succeeded", out: "succeeded" });
    expect(ctx.generates.map((r) => r.path)).toEqual(["/v1/generate/custom/model_bfl-flux-2-dev"]);
    const body = ctx.generates[0].body as Record<string, unknown>;
    const refs = Object.values(body)
      .flat()
      .filter((v) => typeof v === "string" && server.state.assets.has(v));
    expect(refs).toHaveLength(1);
    const size = await savedSize(ctx, "gen");
    expect(size.width / size.height).toBeCloseTo(1.5, 1);
    expect(size).toEqual({ width: 1216, height: 832 }); // width and height snapped to FLUX.2's step
  });

  it("5. Prompt → Generation (Auto, 16:9) → Upscale 2x (Auto) → Output is exactly twice the generation", async () => {
    const ctx = await run(server, () =>
      workflow()
        .prompt("p", "a lighthouse at dawn")
        .node("gen", "generation", { model: "auto", aspectRatio: "16:9" }, { prompt: "p" })
        .node("up", "upscale", { model: "auto", factor: 2 }, { image: "gen" })
        .output("out", "up")
        .graph(),
    );
    expect(ctx.failures).toEqual([]);
    expect(ctx.result.status).toBe("succeeded");
    expect(ctx.statuses).toEqual({ p: "succeeded", gen: "succeeded", up: "succeeded", out: "succeeded" });
    expect(ctx.generates).toHaveLength(2);
    const gen = await savedSize(ctx, "gen");
    expect(gen.width / gen.height).toBeCloseTo(16 / 9, 1);
    const up = await savedSize(ctx, "up");
    expect(up).toEqual({ width: gen.width * 2, height: gen.height * 2 });
    expect(up).toEqual({ width: 2752, height: 1536 });
    expect(ctx.result.outputs?.[0]).toMatchObject({ nodeId: "out", width: up.width, height: up.height });
  });

  it("6. A 7 MB photo → Upscale → Output: the photo goes through the multipart /uploads flow", async () => {
    // Random noise does not compress: 1600×1600 RGB (2.6 megapixels) is a little over 7 MB as PNG,
    // above both the provider's 3.5 MB base64 limit and the mock's 6 MB refusal (contract §4).
    const noise = Buffer.alloc(1600 * 1600 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (Math.random() * 256) | 0;
    const big = await sharp(noise, { raw: { width: 1600, height: 1600, channels: 3 } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(7 * 1024 * 1024);
    const ctx = await run(server, async (assets) =>
      workflow()
        .imageInput("in", (await assets.add(big)).assetId)
        .node("up", "upscale", { model: "model_upscale-v3", factor: 2 }, { image: "in" })
        .output("out", "up")
        .graph(),
    );
    expect(ctx.failures).toEqual([]);
    expect(ctx.result.status).toBe("succeeded");
    expect(ctx.statuses).toEqual({ in: "succeeded", up: "succeeded", out: "succeeded" });
    expect(ctx.generates.map((r) => r.path)).toEqual(["/v1/generate/custom/model_upscale-v3"]);
    const uploads = multipartUploads(ctx.requests);
    expect(uploads.creates).toHaveLength(1);
    expect(uploads.creates[0].status).toBe(200);
    expect(uploads.parts.length).toBeGreaterThan(0);
    expect(uploads.parts.reduce((sum, r) => sum + r.bodyBytes, 0)).toBe(big.length);
    expect(uploads.completes).toHaveLength(1);
    expect(uploads.base64).toHaveLength(0);
    expect(await savedSize(ctx, "up")).toEqual({ width: 3200, height: 3200 });
  }, 60_000);
});

/** Hand-made records with shapes unlike the recorded ones (names, rules and value lists of their own). */
const UNSEEN_RECORDS = [
  {
    model: {
      id: "model_unseen-painter",
      name: "Unseen Painter",
      type: "custom",
      capabilities: ["txt2img", "img2img"],
      status: "trained",
      inputs: [
        {
          name: "prompt",
          type: "string",
          label: "Prompt",
          maxLength: 1000,
          required: { ifNotDefined: { referenceImages: { message: "A prompt is required without reference images" } } },
        },
        { name: "referenceImages", type: "file_array", kind: "image", label: "References", maxLength: 2 },
        { name: "resolution", type: "string", label: "Resolution", default: "1K", allowedValues: ["1K", "2K"] },
        {
          name: "aspectRatio",
          type: "string",
          label: "Aspect ratio",
          default: "1:1",
          allowedValues: ["1:1", "3:2", "2:3", "16:9", "9:16"],
        },
        { name: "numOutputs", type: "number", label: "Outputs", default: 1, min: 1, max: 2, step: 1 },
      ],
    },
  },
  {
    model: {
      id: "model_unseen-enlarger",
      name: "Unseen Enlarger",
      type: "custom",
      capabilities: ["upscale"],
      status: "trained",
      inputs: [
        { name: "image", type: "file", kind: "image", label: "Image", required: { always: true } },
        { name: "upscaleFactor", type: "number", label: "Factor", default: 2, allowedValues: [2, 4] },
        { name: "flavor", type: "string", label: "Flavor", default: "faithful", allowedValues: ["faithful", "vivid"] },
      ],
    },
  },
];

describe("records the studio has never seen (mock serves them from modelsDir)", () => {
  let server: MockScenarioServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "unseen-models-"));
    for (const record of UNSEEN_RECORDS) writeFileSync(path.join(dir, `${record.model.id}.json`), JSON.stringify(record));
    server = await startMockScenarioServer({ modelsDir: dir });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("Prompt → Generation on an unseen txt2img model (16:9) → Output", async () => {
    const ctx = await run(server, () =>
      workflow()
        .prompt("p", "a paper boat")
        .node("gen", "generation", { model: "model_unseen-painter", aspectRatio: "16:9", numOutputs: 2 }, { prompt: "p" })
        .output("out", "gen")
        .graph(),
    );
    expect(ctx.failures).toEqual([]);
    expect(ctx.result.status).toBe("succeeded");
    expect(ctx.statuses).toEqual({ p: "succeeded", gen: "succeeded", out: "succeeded" });
    expect(ctx.generates.map((r) => r.path)).toEqual(["/v1/generate/custom/model_unseen-painter"]);
    const body = ctx.generates[0].body as Record<string, unknown>;
    expect(body).toMatchObject({ prompt: "a paper boat", aspectRatio: "16:9", numOutputs: 2 });
    expect(ctx.store.node("r", "gen")!.outputs).toHaveLength(2);
    const size = await savedSize(ctx, "gen");
    expect(size.width / size.height).toBeCloseTo(16 / 9, 1);
  });

  it("Image input → Generation on the unseen model with the photo as reference → Output", async () => {
    const ctx = await run(server, async (assets) =>
      workflow()
        .imageInput("in", (await assets.add(PHOTO)).assetId)
        .prompt("p", "as a linocut")
        .node("gen", "generation", { model: "model_unseen-painter", aspectRatio: "3:2" }, { prompt: "p", image: "in" })
        .output("out", "gen")
        .graph(),
    );
    expect(ctx.failures).toEqual([]);
    expect(ctx.result.status).toBe("succeeded");
    expect(ctx.generates).toHaveLength(1);
    const body = ctx.generates[0].body as Record<string, unknown>;
    expect(body.referenceImages).toHaveLength(1);
    expect(server.state.assets.has(String((body.referenceImages as string[])[0]))).toBe(true);
    const size = await savedSize(ctx, "gen");
    expect(size.width / size.height).toBeCloseTo(1.5, 1);
  });

  it("Image input → Upscale 4x on an unseen upscale model → Output is 2400×1600", async () => {
    const ctx = await run(server, async (assets) =>
      workflow()
        .imageInput("in", (await assets.add(PHOTO)).assetId)
        .node("up", "upscale", { model: "model_unseen-enlarger", factor: 4 }, { image: "in" })
        .output("out", "up")
        .graph(),
    );
    expect(ctx.failures).toEqual([]);
    expect(ctx.result.status).toBe("succeeded");
    expect(ctx.statuses).toEqual({ in: "succeeded", up: "succeeded", out: "succeeded" });
    expect(ctx.generates.map((r) => r.path)).toEqual(["/v1/generate/custom/model_unseen-enlarger"]);
    const body = ctx.generates[0].body as Record<string, unknown>;
    expect(body.upscaleFactor).toBe(4);
    expect(Object.keys(body)).not.toContain("preset");
    expect(await savedSize(ctx, "up")).toEqual({ width: 2400, height: 1600 });
  });
});
