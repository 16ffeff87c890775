import { describe, expect, it } from "vitest";
import { getCatalog } from "../catalog/get-catalog";
import { explainPick } from "./explain";
import { pickModel, resolveModels } from "./resolve";
import { editedCatalog, rawModel } from "./test-helpers";

/** intelligence-resolver-recommend-plan.txt, "Top picks today" (priority=quality). */
const TOP_PICKS: Array<[string, string]> = [
  ["txt2img", "model_openai-gpt-image-2"],
  ["img2img", "model_openai-gpt-image-2"],
  ["txt2video", "model_bytedance-seedance-2-0"],
  ["img2video", "model_bytedance-seedance-2-0"],
  ["video2video", "model_xai-grok-extend-video"],
  ["txt2audio", "model_xai-grok-tts"],
  ["img23d", "model_pixal3d"],
  ["txt23d", "model_uthana-text-to-motion-bucmd"],
];

describe('"Top picks today" with priority quality and no prompt', () => {
  it.each(TOP_PICKS)("%s → %s", (capability, modelId) => {
    expect(resolveModels({ capability, priority: "quality" }).ranked[0].modelId).toBe(modelId);
    expect(pickModel(capability)?.modelId).toBe(modelId);
  });
});

describe("resolveModels", () => {
  it("returns the documented shape", () => {
    const r = resolveModels({ capability: "txt2img" });
    expect(Object.keys(r).sort()).toEqual(["capability", "excluded", "intent", "notes", "pinnedModelId", "priority", "ranked", "weights"]);
    expect(r.ranked[0]).toEqual({
      modelId: "model_openai-gpt-image-2",
      name: "GPT Image 2",
      provider: "OpenAI",
      score: 1,
      metrics: { elo: 1512, p50LatencySec: 40, p50CostCU: 11, estimated: { elo: false, p50LatencySec: true, p50CostCU: false } },
      tags: getCatalog().models[0].tags,
      insights: getCatalog().models[0].insights,
      releasedAt: "2026-04",
      deprecatedBy: null,
      reasons: [`Arena ELO 1512 for txt2img, the highest of ${r.ranked.length} candidates.`, "Score 1.00 from the quality metric alone."],
    });
    // Every catalog model is either ranked or excluded with a reason.
    expect(r.ranked.length + r.excluded.length).toBe(getCatalog().models.length);
    for (const m of r.ranked) expect(getCatalog().models.find((c) => c.id === m.modelId)?.capabilities).toContain("txt2img");
    for (const e of r.excluded) expect(e.reasons.length).toBeGreaterThan(0);
  });

  it("does not let callers corrupt the shared catalog through the result", () => {
    const r = resolveModels({ capability: "txt2img" });
    r.ranked[0].tags.push("hacked");
    r.ranked[0].metrics.elo = 0;
    expect(resolveModels({ capability: "txt2img" }).ranked[0].metrics.elo).toBe(1512);
    expect(getCatalog().models[0].tags).not.toContain("hacked");
  });

  it("uses the catalog it is given (a refreshed snapshot changes the pick)", () => {
    const catalog = editedCatalog((d) => (rawModel(d, "model_xai-grok-tts").performance.txt2audio.elo = 1100));
    expect(pickModel("txt2audio", { catalog })?.modelId).toBe("model_google-gemini-3-1-flash-tts");
    expect(pickModel("txt2audio")?.modelId).toBe("model_xai-grok-tts");
  });

  it("pickModel returns null when nothing qualifies", () => {
    expect(pickModel("txt2img", { constraints: { maxCostCU: 0.5 } })).toBeNull();
  });
});

describe("explainPick", () => {
  it("names the model, the metric and the candidate count", () => {
    expect(explainPick(resolveModels({ capability: "txt2img" }))).toBe(
      "Auto: GPT Image 2, highest Arena ELO for txt2img (1512) among 21 candidates",
    );
    expect(explainPick(resolveModels({ capability: "txt2audio" }))).toBe(
      "Auto: xAI Grok TTS, highest Arena ELO for txt2audio (1225, est.) among 3 candidates",
    );
    expect(explainPick(resolveModels({ capability: "txt2img", priority: "speed" }))).toBe(
      "Auto: FLUX.2 Klein 9B, fastest p50 latency for txt2img (3 s, est.) among 21 candidates",
    );
    expect(explainPick(resolveModels({ capability: "txt2img", priority: "cost" }))).toBe(
      "Auto: FLUX.2 Klein 9B, lowest p50 cost for txt2img (1 CU) among 21 candidates",
    );
  });

  it("accepts (pick, result) and (ranked, capability)", () => {
    const r = resolveModels({ capability: "img2img" });
    expect(explainPick(r.ranked[0], r)).toBe("Auto: GPT Image 2, highest Arena ELO for img2img (1513) among 19 candidates");
    expect(explainPick(r.ranked, "img2img")).toBe("Auto: GPT Image 2, highest Arena ELO for img2img (1513) among 19 candidates");
  });

  it("mentions the prompt match when the prompt decided", () => {
    expect(explainPick(resolveModels({ capability: "txt2img", prompt: "pixel art game sprite" }))).toBe(
      "Auto: FLUX.2 Klein 9B, best match for game-asset, pixel-art on txt2img, the only candidate (Arena ELO 1100 (est.), p50 latency 3 s (est.), p50 cost 1 CU)",
    );
  });

  it("says when no model qualifies", () => {
    const r = resolveModels({ capability: "inpaint", constraints: { requiredInputs: ["mask"], maxCostCU: 5 } });
    expect(explainPick(r)).toBe("Auto: no model qualifies for inpaint (4 excluded by the constraints or the prompt)");
  });
});
