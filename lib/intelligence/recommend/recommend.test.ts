import { describe, expect, it } from "vitest";
import { UnknownCapabilityError } from "../resolver/errors";
import { recommend, rewriteRecommendations, type Recommendation } from "./recommend";
import { requestedOutputs, requestedRatios } from "./suggested-params";

const byId = (recs: Recommendation[], id: string) => recs.find((r) => r.modelId === id)!;

describe("recommend", () => {
  it("returns the snapshot date, the platform with its size and at most 5 recommendations, best first", () => {
    const r = recommend({ capability: "txt2img", prompt: "TikTok product teaser" });
    expect(r.snapshotDate).toBe("2026-11-20");
    expect(r.capability).toBe("txt2img");
    expect(r.priority).toBe("quality");
    expect(r.platform).toEqual({
      id: "tiktok",
      label: "TikTok",
      aspectRatio: "9:16",
      resolution: 1080,
      note: "TikTok vertical video",
      width: 1080,
      height: 1920,
    });
    expect(r.recommendations).toHaveLength(5);
    expect(r.recommendations[0].modelId).toBe("model_openai-gpt-image-2");
    const scores = r.recommendations.map((x) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(r.excluded).toHaveLength(39);
  });

  it('suggests the TikTok size for "TikTok product teaser"', () => {
    const r = recommend({ capability: "txt2img", prompt: "TikTok product teaser" });
    const { numOutputs, ...platformParams } = r.recommendations[0].suggestedParams;
    expect(platformParams).toEqual({ platform: "tiktok", aspectRatio: "9:16", width: 1080, height: 1920 });
    expect(numOutputs).toBe(1);
  });

  it("explains with the catalog's real numbers and marks estimates", () => {
    const r = recommend({ capability: "txt2img", prompt: "TikTok product teaser" });
    expect(r.recommendations[0].explanation).toBe(
      "GPT Image 2 (OpenAI): Arena ELO 1512, p50 latency 40 s (est.), p50 cost 11 CU for txt2img. " +
        "Ranked 1 of 21 by quality (Arena ELO) and prompt match, the highest of the candidates. " +
        "Matches the prompt's product cue. Figures marked (est.) are catalog estimates, not measurements.",
    );
    const gpt15 = byId(r.recommendations, "model_openai-gpt-image-1-5-editing");
    expect(gpt15.explanation).toContain("Arena ELO 1237, p50 latency 40 s (est.), p50 cost 28 CU (est.)");
    expect(gpt15.metrics).toEqual({
      elo: 1237,
      p50LatencySec: 40,
      p50CostCU: 28,
      estimated: { elo: false, p50LatencySec: true, p50CostCU: true },
    });
  });

  it("marks each figure separately (sourced cost, estimated ELO and latency)", () => {
    const r = recommend({ capability: "txt2sfx", prompt: "footsteps on gravel" });
    expect(r.recommendations[0].modelId).toBe("model_elevenlabs-sound-effects-v2");
    expect(r.recommendations[0].explanation).toContain("Arena ELO 1150 (est.), p50 latency 8 s (est.), p50 cost 30 CU");
  });

  it("lists trade-offs against the other candidates", () => {
    const r = recommend({ capability: "txt2img", prompt: "TikTok product teaser" });
    expect(r.recommendations[0].tradeoffs).toEqual([
      "13× slower than FLUX.2 Klein 9B (3 s, est.)",
      "costs 10 CU more than FLUX.2 Klein 9B (1 CU)",
      "no seed input: results are not reproducible",
    ]);
    expect(byId(r.recommendations, "model_google-gemini-3-1-flash").tradeoffs).toEqual([
      "Arena ELO 242 below GPT Image 2 (1512)",
      "6.7× slower than FLUX.2 Klein 9B (3 s, est.)",
      "costs 11 CU more than FLUX.2 Klein 9B (1 CU)",
      "2× faster than GPT Image 2 (40 s, est.)",
    ]);
    expect(byId(r.recommendations, "model_openai-gpt-image-1-5-editing").tradeoffs).toContain(
      "does not offer 9:16 for TikTok: crop or expand the result",
    );
  });

  it("flags deprecation, legacy, output caps and platform width", () => {
    const r = recommend({ capability: "txt2img", prompt: "6 variations for an A4 print", priority: "speed", limit: 21 });
    expect(r.platform?.id).toBe("print_a4");
    const imagen = byId(r.recommendations, "model_imagen4-fast");
    expect(imagen.tradeoffs).toContain("deprecated: superseded by Gemini 3.1 Flash (Nano Banana 2)");
    expect(byId(r.recommendations, "model_bfl-flux-1-1-pro").tradeoffs).toContain("legacy model family");
    expect(byId(r.recommendations, "model_bfl-flux-2-klein-9b").tradeoffs).toContain(
      "returns at most 1 output per run (6 asked): run it again for more",
    );
    expect(byId(r.recommendations, "model_bfl-flux-2-klein-9b").suggestedParams.numOutputs).toBe(1);
    expect(byId(r.recommendations, "model_openai-gpt-image-2").suggestedParams).toEqual({
      platform: "print_a4",
      aspectRatio: "3:4",
      width: 2480,
      height: 3307,
      numOutputs: 6,
    });
    expect(byId(r.recommendations, "model_bfl-flux-2-dev").tradeoffs).toContain(
      "max width 2048 px, below the 2480 px of A4 print: upscale the result",
    );
    expect(byId(r.recommendations, "model_google-gemini-3-1-flash").suggestedParams.numOutputs).toBe(4);
  });

  it("suggests outputs for variations / options / candidates, capped by numOutputsMax", () => {
    const r = recommend({ capability: "txt2img", prompt: "logo variations", limit: 21 });
    expect(byId(r.recommendations, "model_openai-gpt-image-2").suggestedParams).toEqual({ numOutputs: 4 });
    expect(byId(r.recommendations, "model_ideogram-v4").suggestedParams).toEqual({ numOutputs: 4 });
    const three = recommend({ capability: "txt2img", prompt: "a cat", priority: "quality", routing: { outputCount: 3 } });
    expect(three.recommendations[0].modelId).toBe("model_openai-gpt-image-2");
    expect(three.recommendations[0].suggestedParams).toEqual({ numOutputs: 3 });
    expect(requestedOutputs("give me options")).toBe(4);
    expect(requestedOutputs("three candidates")).toBe(3);
    expect(requestedOutputs("12 logo variations")).toBe(12);
    expect(requestedOutputs("a single hero shot")).toBe(1);
  });

  it("suggests an aspect ratio the model offers", () => {
    const r = recommend({ capability: "txt2img", prompt: "a square cat photo", limit: 21 });
    expect(byId(r.recommendations, "model_openai-gpt-image-2").suggestedParams).toEqual({ aspectRatio: "1:1", numOutputs: 1 });
    const wide = recommend({ capability: "txt2img", prompt: "a 21:9 landscape", limit: 21 });
    expect(byId(wide.recommendations, "model_openai-gpt-image-2").suggestedParams.aspectRatio).toBe("21:9");
    expect(byId(wide.recommendations, "model_openai-gpt-image-1-5-editing").suggestedParams.aspectRatio).toBeUndefined(); // offers 1:1, 3:2, 2:3 only
    const portrait = recommend({ capability: "txt2img", prompt: "portrait of a CEO", limit: 21 });
    expect(byId(portrait.recommendations, "model_imagen4-fast").suggestedParams.aspectRatio).toBe("3:4"); // no 2:3
    expect(requestedRatios("landscape")).toEqual(["3:2", "4:3", "16:9"]);
  });

  it("lets an explicit ratio override the platform's, keeping the platform width", () => {
    const r = recommend({ capability: "txt2img", prompt: "YouTube thumbnail, square 1:1 variant" });
    expect(r.recommendations[0].suggestedParams).toMatchObject({
      platform: "youtube_thumbnail",
      aspectRatio: "1:1",
      width: 1280,
      height: 1280,
    });
  });

  it("passes priority, constraints, routing and limit to the resolver", () => {
    const r = recommend({ capability: "inpaint", prompt: "remove the mug", constraints: { requiredInputs: ["mask"] }, limit: 3 });
    expect(r.recommendations.map((x) => x.modelId)).toEqual(["model_openai-gpt-image-2"]);
    expect(r.excluded.find((e) => e.modelId === "model_flux-kontext-editing")?.reasons).toEqual(["does not take a mask"]);
    const fast = recommend({ capability: "txt2img", prompt: "", priority: "speed", limit: 2 });
    expect(fast.priority).toBe("speed");
    expect(fast.recommendations.map((x) => x.modelId)).toEqual(["model_bfl-flux-2-klein-9b", "model_bfl-flux-1-1-pro"]);
    expect(fast.platform).toBeNull();
  });

  it("throws UnknownCapabilityError for an unknown capability", () => {
    expect(() => recommend({ capability: "img2smell", prompt: "x" })).toThrow(UnknownCapabilityError);
  });
});

describe("rewriteRecommendations (optional LLM hook)", () => {
  const base = recommend({ capability: "txt2img", prompt: "TikTok product teaser", limit: 2 });

  it("returns the response unchanged without a rewrite", async () => {
    expect(await rewriteRecommendations(base)).toBe(base);
  });

  it("replaces only the text", async () => {
    const out = await rewriteRecommendations(base, async (recs) =>
      recs.map((r) => ({ ...r, explanation: `Short: ${r.name}`, score: 0, modelId: r.modelId })),
    );
    expect(out.recommendations.map((r) => r.explanation)).toEqual(["Short: GPT Image 2", "Short: Gemini 3.1 Flash (Nano Banana 2)"]);
    expect(out.recommendations.map((r) => r.score)).toEqual(base.recommendations.map((r) => r.score));
  });

  it("keeps the deterministic text when the rewrite fails or reorders", async () => {
    expect(await rewriteRecommendations(base, async () => Promise.reject(new Error("LLM down")))).toBe(base);
    expect(await rewriteRecommendations(base, async (recs) => [...recs].reverse())).toBe(base);
  });
});
