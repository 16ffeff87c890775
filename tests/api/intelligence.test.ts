import { describe, expect, it } from "vitest";
import { validateGraph } from "@/lib/graph/validate";
import { actAsNewOwner, call, useFreshDataDir } from "./harness";

useFreshDataDir();

const recommendRoute = await import("@/app/api/recommend/route");
const planRoute = await import("@/app/api/plan/route");
const trainingRoute = await import("@/app/api/recommend-training/route");
const catalogRoute = await import("@/app/api/catalog/route");
await actAsNewOwner();

describe("POST /api/recommend", () => {
  it("ranks txt2img models by quality with explanations citing the catalog's numbers", async () => {
    const res = await call(recommendRoute.POST, {
      method: "POST",
      json: { capability: "txt2img", prompt: "a ceramic mug on a walnut table" },
    });
    expect(res.status).toBe(200);
    const [top, second] = res.body.recommendations;
    expect(top.modelId).toBe("model_openai-gpt-image-2");
    expect(top.metrics.elo).toBe(1512);
    expect(top.explanation).toContain("1512");
    expect(top.score).toBeGreaterThanOrEqual(second.score);
    expect(res.body.snapshotDate).toBe("2026-11-20");
  });

  it("suggests the platform's size when the prompt names one", async () => {
    const res = await call(recommendRoute.POST, {
      method: "POST",
      json: { capability: "txt2img", prompt: "TikTok product teaser for a sneaker" },
    });
    expect(res.body.recommendations[0].suggestedParams).toMatchObject({
      platform: "tiktok",
      aspectRatio: "9:16",
      width: 1080,
      height: 1920,
    });
  });

  it("answers 400 for an unknown capability, naming the field, and for a missing one", async () => {
    const unknown = await call(recommendRoute.POST, { method: "POST", json: { capability: "txt2smell", prompt: "x" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^body\.capability: .*txt2smell/);
    const missing = await call(recommendRoute.POST, { method: "POST", json: { prompt: "x" } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/^body\.capability/);
  });
});

describe("POST /api/plan", () => {
  it("matches a template and returns its steps with resolved models and a runnable graph", async () => {
    const res = await call(planRoute.POST, { method: "POST", json: { description: "TikTok product video with voiceover" } });
    expect(res.status).toBe(200);
    expect(res.body.plan).toMatchObject({ template: "product_video", composed: false });
    expect(res.body.plan.steps.map((s: any) => s.capability)).toContain("img2video");
    expect(res.body.plan.steps.find((s: any) => s.capability === "img2video").modelId).toBe("model_bytedance-seedance-2-0");
    expect(validateGraph(res.body.graph, "save").ok).toBe(true);
  });

  it("composes a plan when no template matches, and says so", async () => {
    const res = await call(planRoute.POST, { method: "POST", json: { description: "an image of a red bicycle, upscaled to 4k" } });
    expect(res.body.plan).toMatchObject({ template: null, composed: true });
    expect(res.body.plan.steps.map((s: any) => s.capability)).toEqual(expect.arrayContaining(["txt2img", "upscale"]));
  });

  it("understands everyday phrasing: a thumbnail for a YouTube channel, a logo made vector for print", async () => {
    const thumb = await call(recommendRoute.POST, {
      method: "POST",
      json: { capability: "txt2img", prompt: "a thumbnail for my YouTube channel about woodworking" },
    });
    expect(thumb.body.recommendations[0].suggestedParams).toMatchObject({ platform: "youtube_thumbnail", width: 1280, height: 720 });
    expect(thumb.body.platformAlternative).toBeNull();
    // Two platforms named: a close call, both offered (sizes follow the first).
    const both = await call(recommendRoute.POST, {
      method: "POST",
      json: { capability: "txt2img", prompt: "a sneaker teaser for Instagram and TikTok" },
    });
    expect(both.body.platform).toBeTruthy();
    expect(both.body.platformAlternative).toMatchObject({ width: expect.any(Number), height: expect.any(Number) });
    expect(both.body.platformAlternative.id).not.toBe(both.body.platform.id);
    const logo = await call(planRoute.POST, { method: "POST", json: { description: "turn our logo into a vector for printing" } });
    expect(logo.body.plan).toMatchObject({ template: "logo_to_vector", composed: false });
  });

  it("offers the other template on a close call, and drafts it when asked", async () => {
    const first = await call(planRoute.POST, { method: "POST", json: { description: "a spokesperson in our product video" } });
    expect(first.status).toBe(200);
    const alternative = first.body.plan.alternative;
    expect(alternative.template).not.toBe(first.body.plan.template);
    expect([first.body.plan.template, alternative.template].sort()).toEqual(["product_video", "talking_head"]);
    const second = await call(planRoute.POST, {
      method: "POST",
      json: { description: "a spokesperson in our product video", template: alternative.template },
    });
    expect(second.body.plan.template).toBe(alternative.template);
    expect(second.body.plan.alternative.template).toBe(first.body.plan.template);
    expect(validateGraph(second.body.graph, "save").ok).toBe(true);
    const unknown = await call(planRoute.POST, { method: "POST", json: { description: "x", template: "karaoke" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^body\.template/);
  });

  it("answers 400 for an empty description", async () => {
    const res = await call(planRoute.POST, { method: "POST", json: { description: "   " } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^body\.description/);
  });
});

describe("POST /api/recommend-training and GET /api/catalog", () => {
  it("recommends a training type with alternatives and a family lock-in warning", async () => {
    const res = await call(trainingRoute.POST, { method: "POST", json: { description: "30 photos of our mascot character, photoreal" } });
    expect(res.status).toBe(200);
    expect(res.body.recommended.type).toBeTruthy();
    const { getCatalog } = await import("@/lib/intelligence");
    const known = new Set(getCatalog().trainingTypes.map((t) => t.type));
    const models = new Set(getCatalog().models.map((m) => m.id));
    expect(res.body.alternatives.length).toBeGreaterThanOrEqual(1);
    expect(res.body.alternatives.length).toBeLessThanOrEqual(3);
    for (const alt of res.body.alternatives) {
      expect(alt.type).not.toBe(res.body.recommended.type);
      expect(known.has(alt.type)).toBe(true);
      expect(alt.runsOn.length).toBeGreaterThan(0);
      for (const m of alt.runsOn) expect(models.has(m.id)).toBe(true);
      expect(alt.whenBetter.length).toBeGreaterThan(10);
    }
    expect(res.body.familyLockIn).toContain(res.body.recommended.family);
    expect((await call(trainingRoute.POST, { method: "POST", json: { description: "" } })).status).toBe(400);
  });

  it("tells the snapshot date and the capabilities", async () => {
    const res = await call(catalogRoute.GET);
    expect(res.body.snapshotDate).toBe("2026-11-20");
    expect(res.body.capabilities).toEqual(expect.arrayContaining(["txt2img", "inpaint", "upscale", "img2video"]));
  });
});
