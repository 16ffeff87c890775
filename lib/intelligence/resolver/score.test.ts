import { describe, expect, it } from "vitest";
import { resolveModels } from "./resolve";
import { enforceDeprecation } from "./score";
import { editedCatalog, rawModel, short } from "./test-helpers";
import type { Priority, ResolveRequest } from "./types";

const order = (request: ResolveRequest, catalog?: Parameters<typeof resolveModels>[1]) => short(resolveModels(request, catalog).ranked.map((m) => m.modelId));

describe("stage 3: priority metric order on txt2img (expectations read off the catalog)", () => {
  it("quality: Arena ELO descending; ties newest first, then id; null ELO last", () => {
    // 1200: Flash-Lite and Grok 2.0 (both undated → id); 1110: Imagen 4 Fast and Z-Image (undated → id).
    // Grok Imagine (1170) and Gemini 2.5 (1154) already rank behind their successors.
    expect(order({ capability: "txt2img" })).toEqual([
      "openai-gpt-image-2", // 1512
      "google-gemini-3-1-flash", // 1270
      "openai-gpt-image-1-5-editing", // 1237
      "google-gemini-pro-image-editing", // 1231
      "google-gemini-3-1-flash-lite-image", // 1200 est.
      "xai-grok-imagine-image-2-0", // 1200 est.
      "ideogram-v4", // 1180
      "xai-grok-imagine-image", // 1170
      "bfl-flux-2-max-editing", // 1168
      "google-gemini-2-5-flash-image-editing", // 1154
      "bfl-flux-2-pro-editing", // 1153
      "alibaba-qwen-image-3-0", // 1150
      "bfl-flux-2-dev", // 1148
      "bytedance-seedream-4-5-editing", // 1140
      "bytedance-seedream-5-0-lite", // 1125
      "imagen4-fast", // 1110
      "z-image", // 1110
      "bfl-flux-2-klein-9b", // 1100
      "bfl-flux-1-1-pro", // 1080
      "bfl-flux-1-dev", // 1040
      "bytedance-seedream-5-0-pro", // null
    ]);
  });

  it("speed: p50 latency ascending; deprecated models moved right behind their successor", () => {
    expect(order({ capability: "txt2img", priority: "speed" })).toEqual([
      "bfl-flux-2-klein-9b", // 3 s
      "bfl-flux-1-1-pro", // 8 s, 2024-10
      "google-gemini-3-1-flash-lite-image", // 8 s, undated
      "bfl-flux-1-dev", // 10 s, 2024-08
      "z-image", // 10 s, undated
      "bfl-flux-2-pro-editing", // 15 s, 2025-11
      "alibaba-qwen-image-3-0", // 15 s
      "ideogram-v4", // 15 s
      "google-gemini-3-1-flash", // 20 s, 2026-02
      "imagen4-fast", // 6 s, deprecated → behind Gemini 3.1 Flash
      "google-gemini-2-5-flash-image-editing", // 12 s, deprecated → behind Gemini 3.1 Flash
      "bfl-flux-2-dev", // 20 s, 2025-11
      "bfl-flux-2-max-editing", // 25 s
      "google-gemini-pro-image-editing", // 35 s, 2025-11
      "bytedance-seedream-5-0-lite", // 35 s
      "openai-gpt-image-2", // 40 s, 2026-04
      "openai-gpt-image-1-5-editing", // 40 s, 2025-12
      "bytedance-seedream-4-5-editing", // 40 s
      "xai-grok-imagine-image-2-0", // 75 s
      "xai-grok-imagine-image", // 8 s, deprecated → behind Grok Imagine 2.0
      "bytedance-seedream-5-0-pro", // 120 s
    ]);
  });

  it("cost: p50 cost ascending", () => {
    expect(order({ capability: "txt2img", priority: "cost" })).toEqual([
      "bfl-flux-2-klein-9b", // 1
      "alibaba-qwen-image-3-0", // 6
      "google-gemini-3-1-flash-lite-image", // 6
      "z-image", // 6
      "bytedance-seedream-5-0-lite", // 7
      "bfl-flux-1-1-pro", // 8, 2024-10
      "bytedance-seedream-4-5-editing", // 8
      "bfl-flux-2-pro-editing", // 10
      "bfl-flux-1-dev", // 10.75
      "openai-gpt-image-2", // 11
      "google-gemini-3-1-flash", // 12, 2026-02
      "imagen4-fast", // 4, deprecated
      "google-gemini-2-5-flash-image-editing", // 8, deprecated
      "ideogram-v4", // 12
      "xai-grok-imagine-image-2-0", // 12
      "xai-grok-imagine-image", // 5, deprecated
      "bfl-flux-2-dev", // 16, 2025-11
      "bfl-flux-2-max-editing", // 16
      "bytedance-seedream-5-0-pro", // 20
      "google-gemini-pro-image-editing", // 24
      "openai-gpt-image-1-5-editing", // 28
    ]);
  });

  it("scores lie in [0, 1]; the pure-metric leader scores 1 and the tail 0", () => {
    for (const priority of ["quality", "speed", "cost"] as Priority[]) {
      const r = resolveModels({ capability: "txt2img", priority });
      expect(r.ranked[0].score).toBe(1);
      for (const m of r.ranked) {
        expect(m.score).toBeGreaterThanOrEqual(0);
        expect(m.score).toBeLessThanOrEqual(1);
      }
    }
  });

  it("reasons cite the numbers", () => {
    const r = resolveModels({ capability: "txt2img" });
    expect(r.ranked[0].reasons[0]).toBe("Arena ELO 1512 for txt2img, the highest of 21 candidates.");
    expect(r.ranked[1].reasons[0]).toBe("Arena ELO 1270 for txt2img, 242 below GPT Image 2 (1512).");
    expect(r.ranked[4].reasons[0]).toBe("Arena ELO 1200 (est.) for txt2img, 312 below GPT Image 2 (1512).");
    const speed = resolveModels({ capability: "txt2img", priority: "speed" });
    expect(speed.ranked[0].reasons[0]).toBe("p50 latency 3 s (est.), the fastest of 21 candidates.");
    const cost = resolveModels({ capability: "txt2img", priority: "cost" });
    expect(cost.ranked.find((m) => m.modelId === "model_openai-gpt-image-2")!.reasons[0]).toBe("p50 cost 11 CU, 10 CU more than FLUX.2 Klein 9B (1 CU).");
  });
});

describe("stage 3: null figures rank last for their metric", () => {
  it("null ELO ranks last under quality (Seedream 5.0 Pro on txt2img and img2img)", () => {
    for (const capability of ["txt2img", "img2img"]) {
      const r = resolveModels({ capability });
      expect(r.ranked.at(-1)!.modelId).toBe("model_bytedance-seedream-5-0-pro");
      expect(r.ranked.at(-1)!.reasons[0]).toBe(`No Arena ELO for ${capability}: ranks after every candidate with one.`);
    }
  });

  it("null ELO ranks last even when the prompt matches it (Seedance 2.5 for long-form ads)", () => {
    const r = resolveModels({ capability: "txt2video", prompt: "music video ad" });
    expect(r.ranked.at(-1)!.modelId).toBe("model_bytedance-seedance-2-5");
  });

  it("null latency and null cost rank last under speed and cost", () => {
    const catalog = editedCatalog((d) => {
      const perf = rawModel(d, "model_bfl-flux-2-klein-9b").performance.txt2img;
      perf.p50LatencySec = null;
      perf.p50CostCU = null;
    });
    const speed = resolveModels({ capability: "txt2img", priority: "speed" }, catalog);
    expect(speed.ranked.at(-1)!.modelId).toBe("model_bfl-flux-2-klein-9b");
    expect(speed.ranked[0].modelId).toBe("model_bfl-flux-1-1-pro");
    const cost = resolveModels({ capability: "txt2img", priority: "cost" }, catalog);
    expect(cost.ranked.at(-1)!.modelId).toBe("model_bfl-flux-2-klein-9b");
    expect(cost.ranked.at(-1)!.metrics).toMatchObject({ p50CostCU: null, estimated: { p50CostCU: false } });
  });
});

describe("stage 3: deprecated models always rank behind their successor", () => {
  const requests: ResolveRequest[] = [];
  for (const capability of ["txt2img", "img2img"]) {
    for (const priority of [undefined, "quality", "speed", "cost"] as const) {
      requests.push({ capability, priority });
      requests.push({ capability, priority, routing: { outputCount: 4 } });
      requests.push({ capability, priority, routing: { interactive: true } });
      requests.push({ capability, priority, prompt: "quick photoreal draft for editing" });
      requests.push({ capability, priority, prompt: "meme" });
    }
  }
  const pairs = [
    ["model_google-gemini-2-5-flash-image-editing", "model_google-gemini-3-1-flash"],
    ["model_imagen4-fast", "model_google-gemini-3-1-flash"],
    ["model_xai-grok-imagine-image", "model_xai-grok-imagine-image-2-0"],
  ];

  it.each(requests.map((r) => [JSON.stringify(r), r] as const))("%s", (_label, request) => {
    const ids = resolveModels(request).ranked.map((m) => m.modelId);
    for (const [deprecated, successor] of pairs) {
      if (!ids.includes(deprecated) || !ids.includes(successor)) continue;
      expect(ids.indexOf(deprecated)).toBeGreaterThan(ids.indexOf(successor));
    }
  });

  it("carries deprecatedBy and a reason", () => {
    const r = resolveModels({ capability: "txt2img", priority: "speed" });
    const imagen = r.ranked.find((m) => m.modelId === "model_imagen4-fast")!;
    expect(imagen.deprecatedBy).toBe("model_google-gemini-3-1-flash");
    expect(imagen.reasons).toContain("Deprecated: its successor Gemini 3.1 Flash (Nano Banana 2) always ranks ahead of it.");
  });

  it("keeps chains and the relative order of several models behind one successor", () => {
    const list = [
      { modelId: "a", deprecatedBy: "b" },
      { modelId: "x", deprecatedBy: "c" },
      { modelId: "b", deprecatedBy: "c" },
      { modelId: "c", deprecatedBy: null },
      { modelId: "d", deprecatedBy: null },
    ];
    expect(enforceDeprecation(list).map((m) => m.modelId)).toEqual(["c", "x", "b", "a", "d"]);
    const cycle = [
      { modelId: "p", deprecatedBy: "q" },
      { modelId: "q", deprecatedBy: "p" },
    ];
    expect(enforceDeprecation(cycle).map((m) => m.modelId).sort()).toEqual(["p", "q"]);
  });

  it("leaves a deprecated model alone when its successor is not a candidate", () => {
    const r = resolveModels({ capability: "txt2img", priority: "speed", constraints: { maxLatencySec: 10 } });
    expect(short(r.ranked.map((m) => m.modelId)).slice(0, 2)).toEqual(["bfl-flux-2-klein-9b", "imagen4-fast"]);
    expect(r.ranked[1].reasons).toContain("Deprecated in favour of model_google-gemini-3-1-flash, which is not a candidate here.");
  });
});

describe("stage 3: intent", () => {
  it("infers styles, use cases and subcategories from fuzzy wording", () => {
    expect(resolveModels({ capability: "txt2img", prompt: "Photorealistic product packshots for our e-commerce posters" }).intent).toEqual({
      styles: ["photoreal"],
      useCases: ["product", "poster"],
      subcategories: ["poster"],
    });
    expect(resolveModels({ capability: "txt2img", prompt: "anime mascot, 16-bit pixelated" }).intent).toEqual({
      styles: ["stylized"],
      useCases: ["character"],
      subcategories: ["pixel-art"],
    });
  });

  it("drops off-topic candidates for a targeted subcategory, with the reason", () => {
    const r = resolveModels({ capability: "txt2img", prompt: "pixel art game sprite" });
    expect(r.ranked.map((m) => m.modelId)).toEqual(["model_bfl-flux-2-klein-9b"]);
    expect(r.excluded.find((e) => e.modelId === "model_openai-gpt-image-2")!.reasons).toEqual([
      "off-topic: the prompt asks for pixel art (subcategory:pixel-art), which this model is not tagged for",
    ]);
    expect(r.excluded.filter((e) => e.reasons[0].startsWith("off-topic"))).toHaveLength(20);
  });

  it("counts a use tag of the same name as on-topic (poster)", () => {
    const r = resolveModels({ capability: "txt2img", prompt: "a poster" });
    expect(short(r.ranked.map((m) => m.modelId))).toEqual([
      "openai-gpt-image-2", // subcategory:poster
      "xai-grok-imagine-image-2-0", // use:poster, 1200
      "ideogram-v4", // use:poster, 1180
      "bytedance-seedream-4-5-editing", // use:poster, 1140
      "bytedance-seedream-5-0-pro", // use:poster, null ELO
    ]);
  });

  it("never drops for a boost-only subcategory (editing, portrait)", () => {
    expect(resolveModels({ capability: "img2img", prompt: "edit this portrait" }).ranked).toHaveLength(19);
  });

  it("boosts style/use matches: 'logo with bold typography' lifts Ideogram V4 above Grok Imagine 2.0", () => {
    const plain = short(resolveModels({ capability: "txt2img", constraints: { maxCostCU: 12 }, priority: "quality" }).ranked.map((m) => m.modelId));
    expect(plain.indexOf("xai-grok-imagine-image-2-0")).toBeLessThan(plain.indexOf("ideogram-v4")); // ELO 1200 > 1180
    const r = resolveModels({ capability: "txt2img", prompt: "logo with bold typography" });
    expect(short(r.ranked.map((m) => m.modelId))).toEqual([
      "openai-gpt-image-2", // 0.7 × 1 + 0.3 × 1/2
      "ideogram-v4", // 0.7 × 0.08 + 0.3 × 2/2 (logo and typography)
      "xai-grok-imagine-image-2-0", // 0.7 × 0.14 + 0.3 × 1/2
      "alibaba-qwen-image-3-0",
      "bytedance-seedream-5-0-pro",
    ]);
    expect(r.ranked[1].reasons[1]).toBe("Score 0.36 = 0.7 × metric 0.08 + 0.3 × intent 2/2 (matches logo, typography).");
  });

  it("boosts without dropping: 'game asset' lifts FLUX.2 Klein 9B from 18th to 3rd", () => {
    const before = resolveModels({ capability: "txt2img" }).ranked.map((m) => m.modelId);
    const after = resolveModels({ capability: "txt2img", prompt: "a game asset for my game" }).ranked.map((m) => m.modelId);
    expect(before.indexOf("model_bfl-flux-2-klein-9b")).toBe(17);
    expect(after.slice(0, 3)).toEqual(["model_openai-gpt-image-2", "model_google-gemini-3-1-flash", "model_bfl-flux-2-klein-9b"]);
    expect(after).toHaveLength(21);
  });

  it("ignores cues no candidate carries (score stays the pure metric)", () => {
    const r = resolveModels({ capability: "txt2img", prompt: "a soundtrack" });
    expect(r.intent.useCases).toEqual(["soundtrack"]);
    expect(r.ranked[0].score).toBe(1);
    expect(r.ranked[0].reasons[1]).toBe("Score 1.00 from the quality metric alone.");
  });
});
