import { describe, expect, it } from "vitest";
import { explainPick } from "./explain";
import { resolveModels } from "./resolve";
import { BIAS_WEIGHTS, decideWeights, PURE_WEIGHTS } from "./routing";

const top = (r: ReturnType<typeof resolveModels>) => r.ranked[0].modelId;

describe("routing: continuity", () => {
  it("ranks the upstream model first when consistency is asked", () => {
    const r = resolveModels({
      capability: "img2img",
      routing: { continuityModelId: "model_bytedance-seedream-4-5-editing", wantsConsistency: true },
    });
    expect(top(r)).toBe("model_bytedance-seedream-4-5-editing");
    expect(r.ranked[0].reasons[0]).toBe("Ranked first: keeps continuity with the upstream image made by Seedream 4.5.");
    expect(r.ranked[1].modelId).toBe("model_openai-gpt-image-2");
    expect(r.pinnedModelId).toBe("model_bytedance-seedream-4-5-editing");
    expect(explainPick(r)).toBe("Auto: Seedream 4.5, keeps continuity with the upstream image made by Seedream 4.5 (img2img)");
  });

  it("has no effect without wantsConsistency", () => {
    const r = resolveModels({ capability: "img2img", routing: { continuityModelId: "model_bytedance-seedream-4-5-editing" } });
    expect(top(r)).toBe("model_openai-gpt-image-2");
    expect(r.pinnedModelId).toBeNull();
    expect(r.notes).toEqual(["Upstream model Seedream 4.5 given without wantsConsistency: no continuity preference."]);
  });

  it("keeps the chained clip on the same video model (endImage chaining)", () => {
    const r = resolveModels({
      capability: "img2video",
      constraints: { requiredInputs: ["endImage"] },
      routing: { continuityModelId: "model_veo3-1", wantsConsistency: true },
    });
    expect(top(r)).toBe("model_veo3-1");
  });

  it("wins over an explicit priority and the prompt's off-topic drop", () => {
    const r = resolveModels({
      capability: "txt2img",
      priority: "speed",
      prompt: "pixel art sprite",
      routing: { continuityModelId: "model_openai-gpt-image-2", wantsConsistency: true },
    });
    expect(r.ranked.map((m) => m.modelId)).toEqual(["model_openai-gpt-image-2", "model_bfl-flux-2-klein-9b"]);
  });

  it("yields to deprecation: a deprecated upstream model ranks right behind its successor, both on top", () => {
    const r = resolveModels({
      capability: "img2img",
      routing: { continuityModelId: "model_google-gemini-2-5-flash-image-editing", wantsConsistency: true },
    });
    expect(r.ranked.slice(0, 2).map((m) => m.modelId)).toEqual([
      "model_google-gemini-3-1-flash",
      "model_google-gemini-2-5-flash-image-editing",
    ]);
    expect(explainPick(r)).toBe(
      "Auto: Gemini 3.1 Flash (Nano Banana 2), successor of the deprecated Gemini 2.5 Flash (Nano Banana) that made the upstream image (img2img)",
    );
  });

  it("says why when the upstream model is not a candidate", () => {
    const r = resolveModels({ capability: "inpaint", routing: { continuityModelId: "model_bfl-flux-2-dev", wantsConsistency: true } });
    expect(top(r)).toBe("model_openai-gpt-image-2");
    expect(r.notes).toEqual(["Continuity with FLUX.2 Dev not possible for inpaint: no inpaint capability."]);
    const unknown = resolveModels({ capability: "inpaint", routing: { continuityModelId: "model_gone", wantsConsistency: true } });
    expect(unknown.notes).toEqual(["Continuity with model_gone not possible for inpaint: not in the catalog."]);
  });
});

describe("routing: candidates versus final", () => {
  it("several outputs bias toward cost and speed", () => {
    const r = resolveModels({ capability: "txt2img", routing: { outputCount: 4 } });
    expect(r.priority).toBe("cost");
    expect(r.weights).toEqual(BIAS_WEIGHTS.candidates);
    expect(top(r)).toBe("model_bfl-flux-2-klein-9b");
    expect(r.ranked.findIndex((m) => m.modelId === "model_openai-gpt-image-2")).toBeGreaterThan(2);
    expect(r.notes).toEqual(["4 candidate outputs: biased toward cost and speed (ELO 20%, latency 35%, cost 45%)."]);
    expect(r.ranked[0].reasons[0]).toBe(
      "Weighted ELO 20%, latency 35%, cost 45%: Arena ELO 1100 (est.), p50 latency 3 s (est.), p50 cost 1 CU.",
    );
  });

  it("one output is a final: quality", () => {
    const r = resolveModels({ capability: "txt2img", routing: { outputCount: 1 } });
    expect(r.priority).toBe("quality");
    expect(top(r)).toBe("model_openai-gpt-image-2");
    expect(r.notes).toEqual(["One final output: ranked by quality (Arena ELO)."]);
  });

  it("on video, candidates pick the cheap draft model, a final the quality pick", () => {
    expect(top(resolveModels({ capability: "txt2video", routing: { outputCount: 3 } }))).toBe("model_xai-grok-imagine-video");
    expect(top(resolveModels({ capability: "txt2video", routing: { outputCount: 1 } }))).toBe("model_bytedance-seedance-2-0");
  });
});

describe("routing: interactive preview", () => {
  it("biases toward speed", () => {
    const r = resolveModels({ capability: "txt2img", routing: { interactive: true } });
    expect(r.priority).toBe("speed");
    expect(r.weights).toEqual(BIAS_WEIGHTS.interactive);
    expect(top(r)).toBe("model_bfl-flux-2-klein-9b");
    expect(explainPick(r)).toBe(
      "Auto: FLUX.2 Klein 9B, best speed-leaning balance for txt2img among 21 candidates (Arena ELO 1100 (est.), p50 latency 3 s (est.), p50 cost 1 CU)",
    );
  });

  it("with candidates too, a speed blend that weighs cost more", () => {
    expect(decideWeights({ routing: { interactive: true, outputCount: 4 } })).toMatchObject({
      priority: "speed",
      weights: BIAS_WEIGHTS.interactiveCandidates,
    });
  });

  it("on img2img, a fast editor beats the slow quality pick", () => {
    const r = resolveModels({ capability: "img2img", routing: { interactive: true } });
    const ids = r.ranked.map((m) => m.modelId);
    expect(ids.indexOf("model_google-gemini-3-1-flash-lite-image")).toBeLessThan(ids.indexOf("model_openai-gpt-image-2"));
  });
});

describe("routing: an explicit priority wins over the biases", () => {
  it("quality with 4 candidate outputs and interactive stays pure quality", () => {
    const r = resolveModels({ capability: "txt2img", priority: "quality", routing: { outputCount: 4, interactive: true } });
    expect(r.priority).toBe("quality");
    expect(r.weights).toEqual(PURE_WEIGHTS.quality);
    expect(top(r)).toBe("model_openai-gpt-image-2");
    expect(r.notes).toEqual(['Explicit priority "quality" wins over the interactive speed bias and the candidates bias (4 outputs).']);
  });

  it("cost with a final output stays pure cost", () => {
    const r = resolveModels({ capability: "txt2img", priority: "cost", routing: { outputCount: 1 } });
    expect(r.weights).toEqual(PURE_WEIGHTS.cost);
    expect(top(r)).toBe("model_bfl-flux-2-klein-9b");
  });

  it("default is quality with no notes", () => {
    expect(decideWeights({})).toEqual({ priority: "quality", weights: PURE_WEIGHTS.quality, notes: [] });
  });
});
