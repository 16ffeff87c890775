import { describe, expect, it } from "vitest";
import { UnknownCapabilityError } from "./errors";
import { resolveModels } from "./resolve";

const reasonsOf = (result: ReturnType<typeof resolveModels>, id: string) => result.excluded.find((e) => e.modelId === id)?.reasons;

describe("stage 1: filter", () => {
  it("keeps only models with the capability and says so for the others", () => {
    const r = resolveModels({ capability: "inpaint" });
    expect(r.ranked.map((m) => m.modelId).sort()).toEqual(
      [
        "model_flux-kontext-editing",
        "model_google-gemini-pro-image-editing",
        "model_openai-gpt-image-2",
        "model_qwen-image-edit-2511",
      ].sort(),
    );
    expect(r.excluded).toHaveLength(56);
    expect(reasonsOf(r, "model_veo3-1")).toEqual(["no inpaint capability"]);
  });

  it("gives every reason: required input and cost cap (estimate labelled)", () => {
    const r = resolveModels({ capability: "inpaint", constraints: { requiredInputs: ["mask"], maxCostCU: 20 } });
    expect(r.ranked.map((m) => m.modelId)).toEqual(["model_openai-gpt-image-2"]);
    expect(reasonsOf(r, "model_google-gemini-pro-image-editing")).toEqual([
      "does not take a mask",
      "p50 cost 24 CU (est.) is over the 20 CU cap",
    ]);
    expect(reasonsOf(r, "model_flux-kontext-editing")).toEqual(["does not take a mask"]);
    expect(reasonsOf(r, "model_bfl-flux-2-dev")).toEqual(["no inpaint capability", "does not take a mask"]);
    // capable-but-failing models come before the ones lacking the capability
    expect(r.excluded[0].modelId).toBe("model_google-gemini-pro-image-editing");
  });

  it("caps cost with a sourced figure in the reason", () => {
    const r = resolveModels({ capability: "txt2img", constraints: { maxCostCU: 10 } });
    expect(reasonsOf(r, "model_openai-gpt-image-2")).toEqual(["p50 cost 11 CU is over the 10 CU cap"]);
    expect(reasonsOf(r, "model_bfl-flux-1-dev")).toEqual(["p50 cost 10.75 CU is over the 10 CU cap"]);
    expect(r.ranked.every((m) => m.metrics.p50CostCU! <= 10)).toBe(true);
    expect(r.ranked.map((m) => m.modelId)).toContain("model_bfl-flux-2-pro-editing"); // exactly 10 CU passes
  });

  it("caps latency", () => {
    const r = resolveModels({ capability: "txt2video", constraints: { maxLatencySec: 60 } });
    expect(r.ranked.map((m) => m.modelId).sort()).toEqual(
      ["model_bytedance-seedance-2-0-mini", "model_xai-grok-imagine-video", "model_xai-grok-imagine-video-1-5"].sort(),
    );
    expect(reasonsOf(r, "model_bytedance-seedance-2-0")).toEqual(["p50 latency 120 s (est.) is over the 60 s cap"]);
  });

  it("checks duration against ranges and discrete sets, and end-image input", () => {
    const r = resolveModels({ capability: "img2video", constraints: { requiredInputs: ["endImage"], durationSec: 20 } });
    expect(r.ranked.map((m) => m.modelId)).toEqual(["model_bytedance-seedance-2-5"]);
    expect(reasonsOf(r, "model_bytedance-seedance-2-0")).toEqual(["duration 20 s not within 4–15 s"]);
    expect(reasonsOf(r, "model_veo3-1")).toEqual(["duration 20 s is not one of 4, 6, 8 s"]);
    expect(reasonsOf(r, "model_bytedance-seedance-2-0-mini")).toEqual([
      "does not take an end image (endImage)",
      "duration 20 s not within 4–15 s",
    ]);
    expect(reasonsOf(r, "model_openai-gpt-image-2")).toEqual([
      "no img2video capability",
      "does not take an end image (endImage)",
      "no duration setting (needs 20 s)",
    ]);
    const veo = resolveModels({ capability: "img2video", constraints: { durationSec: 6 } });
    expect(veo.ranked.map((m) => m.modelId)).toContain("model_veo3-1");
    expect(veo.ranked.map((m) => m.modelId)).toContain("model_kling-v3-i2v-pro");
    const five = resolveModels({ capability: "img2video", constraints: { durationSec: 5 } });
    expect(reasonsOf(five, "model_veo3-1")).toEqual(["duration 5 s is not one of 4, 6, 8 s"]);
  });

  it("checks the reference-image count", () => {
    const r = resolveModels({ capability: "img2img", constraints: { minReferenceImages: 12 } });
    expect(r.ranked.map((m) => m.modelId).sort()).toEqual(
      [
        "model_bytedance-seedream-5-0-lite",
        "model_google-gemini-3-1-flash",
        "model_google-gemini-3-1-flash-lite-image",
        "model_google-gemini-pro-image-editing",
      ].sort(),
    );
    expect(reasonsOf(r, "model_openai-gpt-image-2")).toEqual(["takes at most 10 reference images (needs 12)"]);
    expect(reasonsOf(r, "model_bfl-flux-2-dev")).toEqual(["reference-image limit not documented (needs 12)"]);
    expect(reasonsOf(r, "model_bfl-flux-1-dev")).toEqual(["does not take reference images (needs 12)"]);
  });

  it("throws UnknownCapabilityError listing the known capabilities", () => {
    expect(() => resolveModels({ capability: "txt2smell" })).toThrow(UnknownCapabilityError);
    try {
      resolveModels({ capability: "txt2smell" });
    } catch (error) {
      const e = error as UnknownCapabilityError;
      expect(e.message).toBe(
        'Unknown capability "txt2smell". Known capabilities: background-removal, img23d, img2img, img2svg, img2video, inpaint, lipsync, outpaint, txt23d, txt2audio, txt2img, txt2music, txt2sfx, txt2video, upscale, video2video',
      );
      expect(e.known).toHaveLength(16);
    }
  });
});
