/**
 * Issue 7 on Scenario through the strict mock of its API (lib/providers/scenario/mock-server.ts),
 * over real HTTP, with the executor and the Scenario provider:
 * - model nodes with video and audio inputs: the photo goes up as base64 `POST /assets`, every
 *   video and audio file through the multipart `/uploads` flow, each node sends exactly one
 *   generate and saves an asset of the kind the model makes (Seedance 2.0, recorded record);
 * - a model record the studio has never seen: its `ifNotDefined` rule broken is refused before
 *   anything is sent, with a sentence naming the model and what is missing; non-default values
 *   of its own settings reach the request; off-step and out-of-range ones are refused first;
 * - a hand-picked model of the wrong kind (a video model, a 3D model or an upscaler on an image
 *   Generation node, a background remover on Upscale) is refused at save time as a node warning
 *   and at run time as the node's error, with no credits spent and no request sent.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateGraph } from "@/lib/graph/validate";
import type { WorkflowGraph } from "@/lib/graph/schema";
import { startMockScenarioServer, type MockScenarioServer } from "@/lib/providers/scenario/mock-server";
import { findModelWarnings } from "@/lib/workflows/model-warnings";
import { multipartUploads, providerFor, runOnScenario as run, type ScenarioRun } from "../support/scenario-run";
import { workflow } from "../support/workflow-builder";

const PHOTO = readFileSync(path.resolve("e2e/fixtures/coffee.png"));
/** Bytes standing for a sound file: the mock stores uploads as they come and checks their kind. */
const VOICE = Buffer.from("ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000 a short voice line");
const SEEDANCE = "model_bytedance-seedance-2-0";

/** The mock's requests that spend credits: generates without `?dryRun`. */
const paidGenerates = (ctx: Pick<ScenarioRun, "generates">) => ctx.generates.filter((r) => r.query.dryRun !== "true");

/** Kind of the first asset a node saved: its MIME family ("video", "image", …). */
async function savedKind(ctx: ScenarioRun, nodeId: string): Promise<string> {
  const ref = ctx.store.node("r", nodeId)!.outputs[0];
  expect(ref, `${nodeId} saved no output`).toBeTruthy();
  return (await ctx.assets.read(ref.assetId)).mimeType.split("/")[0];
}

describe("model nodes with video and audio inputs on Scenario (strict mock)", () => {
  let server: MockScenarioServer;
  beforeAll(async () => {
    server = await startMockScenarioServer();
  });
  afterAll(() => server.close());

  it("Image input → Run model (Image → video, Seedance 2.0) → Output: one generate, a saved video", async () => {
    const ctx = await run(server, async (assets) =>
      workflow()
        .imageInput("photo", (await assets.add(PHOTO)).assetId)
        .node("clip", "runModel", { capability: "img2video", model: SEEDANCE, prompt: "the cup turns slowly" }, { image: "photo" })
        .output("out", "clip")
        .graph(),
    );
    expect(ctx.failures).toEqual([]);
    expect(ctx.statuses).toEqual({ photo: "succeeded", clip: "succeeded", out: "succeeded" });
    expect(paidGenerates(ctx).map((r) => r.path)).toEqual([`/v1/generate/custom/${SEEDANCE}`]);
    const body = paidGenerates(ctx)[0].body as Record<string, unknown>;
    expect(body.prompt).toBe("the cup turns slowly");
    const sentImages = Object.values(body)
      .flat()
      .filter((v) => typeof v === "string" && server.state.assets.get(v)?.kind === "image");
    expect(sentImages).toHaveLength(1);
    // A 600×400 PNG is far below 3.5 MB: base64, no multipart upload.
    const uploads = multipartUploads(ctx.requests);
    expect(uploads.base64).toHaveLength(1);
    expect(uploads.creates).toHaveLength(0);
    expect(await savedKind(ctx, "clip")).toBe("video");
    expect(ctx.result.outputs?.[0]).toMatchObject({ nodeId: "out", mimeType: "video/mp4" });
  });

  it("… → Run model (Video → video, Seedance 2.0) takes the first clip as its video: uploaded through /uploads", async () => {
    const ctx = await run(server, async (assets) =>
      workflow()
        .imageInput("photo", (await assets.add(PHOTO)).assetId)
        .node("clip", "runModel", { capability: "img2video", model: SEEDANCE, prompt: "the cup turns slowly" }, { image: "photo" })
        .node(
          "restyle",
          "runModel",
          { capability: "video2video", model: SEEDANCE, prompt: "same motion, as claymation" },
          { media: "clip" },
        )
        .output("out", "restyle")
        .graph(),
    );
    expect(ctx.failures).toEqual([]);
    expect(ctx.statuses).toEqual({ photo: "succeeded", clip: "succeeded", restyle: "succeeded", out: "succeeded" });
    expect(paidGenerates(ctx)).toHaveLength(2);
    const second = paidGenerates(ctx)[1].body as Record<string, unknown>;
    expect(second.referenceVideos).toHaveLength(1);
    const video = server.state.assets.get((second.referenceVideos as string[])[0]);
    expect(video).toMatchObject({ kind: "video", mimeType: "video/mp4" });

    const uploads = multipartUploads(ctx.requests);
    expect(uploads.creates.map((r) => (r.body as { kind: string }).kind)).toEqual(["video"]);
    expect(uploads.creates[0].status).toBe(200);
    expect(uploads.parts.reduce((sum, r) => sum + r.bodyBytes, 0)).toBe(video!.bytes.length);
    expect(uploads.completes).toHaveLength(1);
    expect(uploads.base64).toHaveLength(1); // the photo only
    expect(await savedKind(ctx, "restyle")).toBe("video");
  });

  it("Image input + a sound file → Run model (Image → video, Seedance 2.0): the sound goes up through /uploads as audio", async () => {
    const ctx = await run(server, async (assets) =>
      workflow()
        .imageInput("photo", (await assets.add(PHOTO)).assetId)
        .imageInput("voice", (await assets.add(VOICE, "audio/mpeg")).assetId)
        .node(
          "clip",
          "runModel",
          { capability: "img2video", model: SEEDANCE, prompt: "the cup speaks" },
          { image: "photo", media: "voice" },
        )
        .output("out", "clip")
        .graph(),
    );
    expect(ctx.failures).toEqual([]);
    expect(ctx.statuses).toMatchObject({ clip: "succeeded", out: "succeeded" });
    expect(paidGenerates(ctx)).toHaveLength(1);
    const body = paidGenerates(ctx)[0].body as Record<string, unknown>;
    expect(body.referenceAudio).toHaveLength(1);
    expect(server.state.assets.get((body.referenceAudio as string[])[0])).toMatchObject({
      kind: "audio",
      mimeType: "audio/mpeg",
      bytes: VOICE,
    });
    const uploads = multipartUploads(ctx.requests);
    expect(uploads.creates.map((r) => (r.body as { kind: string }).kind)).toEqual(["audio"]);
    expect(uploads.parts.reduce((sum, r) => sum + r.bodyBytes, 0)).toBe(VOICE.length);
    expect(uploads.completes).toHaveLength(1);
    expect(await savedKind(ctx, "clip")).toBe("video");
  });
});

/** A video model record the studio has never seen, with rules and settings of its own. */
const UNSEEN_CLIPPER = {
  model: {
    id: "model_unseen-clipper",
    name: "Unseen Clipper",
    type: "custom",
    capabilities: ["txt2video", "img2video"],
    status: "trained",
    inputs: [
      {
        name: "prompt",
        type: "string",
        label: "Prompt",
        maxLength: 500,
        prompt: true,
        required: { ifNotDefined: { image: { message: "Describe the clip or give it a first frame" } } },
      },
      { name: "image", type: "file", kind: "image", label: "First frame" },
      { name: "duration", type: "number", label: "Duration", default: 4, allowedValues: [4, 8] },
      { name: "fps", type: "number", label: "Frame rate", default: 24, min: 12, max: 30, step: 6 },
      { name: "motion", type: "string", label: "Motion", default: "calm", allowedValues: ["calm", "lively"] },
      { name: "loop", type: "boolean", label: "Loop", default: false },
    ],
  },
};

describe("a video model the studio has never seen (strict mock serving its record)", () => {
  let server: MockScenarioServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "unseen-clipper-"));
    writeFileSync(path.join(dir, "model_unseen-clipper.json"), JSON.stringify(UNSEEN_CLIPPER));
    server = await startMockScenarioServer({ modelsDir: dir });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const clipper = (data: Record<string, unknown>) =>
    workflow()
      .node("clip", "runModel", { capability: "txt2video", model: "model_unseen-clipper", ...data })
      .output("out", "clip")
      .graph();

  it("its ifNotDefined rule broken (no prompt and no first frame) is refused before anything is sent", async () => {
    const ctx = await run(server, () => clipper({ prompt: "" }));
    expect(ctx.statuses).toMatchObject({ clip: "failed" });
    expect(ctx.store.node("r", "clip")!.error).toBe(
      "Unseen Clipper: Describe the clip or give it a first frame: connect a Prompt node or type a prompt",
    );
    expect(ctx.generates).toEqual([]);
    expect(ctx.store.node("r", "clip")!.credits ?? 0).toBe(0);
  });

  it("non-default values of its own settings reach the request as set", async () => {
    const settings = { duration: 8, fps: 18, motion: "lively", loop: true };
    const ctx = await run(server, () => clipper({ prompt: "waves on a pier", settings }));
    expect(ctx.failures).toEqual([]);
    expect(ctx.statuses).toEqual({ clip: "succeeded", out: "succeeded" });
    expect(paidGenerates(ctx)).toHaveLength(1);
    expect(paidGenerates(ctx)[0].body).toEqual({ prompt: "waves on a pier", ...settings });
    expect(paidGenerates(ctx)[0].status).toBe(200);
    expect(await savedKind(ctx, "clip")).toBe("video");
  });

  it.each([
    [{ fps: 20 }, "Frame rate must be a multiple of 6 for Unseen Clipper, got 20"],
    [{ fps: 36 }, "Frame rate 36 is outside what Unseen Clipper accepts (12 to 30)"],
    [{ duration: 6 }, 'Unseen Clipper does not offer Duration "6": choose one of 4, 8'],
  ])("a setting off its step, out of its range or outside its values (%j) is refused before submitting", async (settings, message) => {
    const ctx = await run(server, () => clipper({ prompt: "waves on a pier", settings }));
    expect(ctx.statuses).toMatchObject({ clip: "failed" });
    expect(ctx.store.node("r", "clip")!.error).toBe(message);
    expect(ctx.generates).toEqual([]);
  });
});

describe("a hand-picked model of the wrong kind is refused, at save time and at run time", () => {
  let server: MockScenarioServer;
  beforeAll(async () => {
    server = await startMockScenarioServer();
  });
  afterAll(() => server.close());

  /** The save-time warnings of `graph` with the Scenario provider (what `PUT /api/workflows/:id` answers). */
  const saveWarnings = (graph: WorkflowGraph) => findModelWarnings(providerFor(server), validateGraph(graph, "save").plan!);

  it.each([
    [
      "a video model",
      SEEDANCE,
      "Seedance 2.0 makes videos, so it cannot generate an image from a prompt: pick an image model for this node",
    ],
    [
      "a 3D model",
      "model_meshy-7-img23d",
      "Meshy 7 Image to 3D makes 3D models, so it cannot generate an image from a prompt: pick an image model for this node",
    ],
    [
      "an upscale-only model",
      "model_upscale-v3",
      "Scenario Upscale V3 only upscales images, so it cannot generate an image from a prompt: pick a model that generates images",
    ],
  ])("Prompt → Generation with %s picked", async (_what, model, message) => {
    const graph = workflow()
      .prompt("p", "a lighthouse at dawn")
      .node("gen", "generation", { model }, { prompt: "p" })
      .output("out", "gen")
      .graph();

    const warnings = await saveWarnings(graph);
    expect(warnings.filter((w) => w.code === "model_refusal")).toEqual([
      expect.objectContaining({ nodeId: "gen", modelId: model, message, field: "model" }),
    ]);
    expect(warnings.filter((w) => w.code === "model_note")).toEqual([]);

    const ctx = await run(server, () => graph);
    expect(ctx.result.status).toBe("failed");
    expect(ctx.statuses).toMatchObject({ p: "succeeded", gen: "failed" });
    expect(ctx.store.node("r", "gen")!.error).toBe(message);
    expect(ctx.store.node("r", "gen")!.credits ?? 0).toBe(0);
    expect(ctx.generates).toEqual([]);
    expect(ctx.requests.filter((r) => r.method === "POST")).toEqual([]);
  });

  it("Image input → Upscale with a background remover picked", async () => {
    const message =
      "Photoroom Background Removal only removes backgrounds, so it cannot upscale an image: pick a model that upscales images";
    const ctx = await run(server, async (assets) =>
      workflow()
        .imageInput("in", (await assets.add(PHOTO)).assetId)
        .node("up", "upscale", { model: "model_photoroom-background-removal", factor: 2 }, { image: "in" })
        .output("out", "up")
        .graph(),
    );
    expect(ctx.statuses).toMatchObject({ in: "succeeded", up: "failed" });
    expect(ctx.store.node("r", "up")!.error).toBe(message);
    expect(ctx.generates).toEqual([]);
    expect(multipartUploads(ctx.requests).base64).toEqual([]);
  });

  it("GPT Image 2 on an image Run model is fine, on a Run model for video it is refused", async () => {
    const graph = workflow()
      .node("clip", "runModel", { capability: "txt2video", model: "model_openai-gpt-image-2", prompt: "waves" })
      .output("out", "clip")
      .graph();
    const warnings = await saveWarnings(graph);
    expect(warnings).toEqual([
      expect.objectContaining({
        code: "model_refusal",
        nodeId: "clip",
        message: "GPT Image 2 makes images, so it cannot run Text → video: pick a video model for this node",
      }),
    ]);
    const ok = await saveWarnings(
      workflow()
        .node("img", "runModel", { capability: "txt2img", model: "model_openai-gpt-image-2", prompt: "waves" })
        .output("out", "img")
        .graph(),
    );
    expect(ok.filter((w) => w.code === "model_refusal")).toEqual([]);
  });
});
