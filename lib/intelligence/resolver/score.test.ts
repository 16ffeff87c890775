import { describe, expect, it } from "vitest";
import { resolveModels } from "./resolve";
import { enforceDeprecation } from "./score";
import { editedCatalog, rawModel, short } from "./test-helpers";
import type { Priority, ResolveRequest } from "./types";

const order = (request: ResolveRequest, catalog?: Parameters<typeof resolveModels>[1]) =>
  short(resolveModels(request, catalog).ranked.map((m) => m.modelId));

const METRIC = { quality: "elo", speed: "p50LatencySec", cost: "p50CostCU" } as const;

/**
 * Checks a ranking against the figures it was made from, not against a snapshot of today's
 * order: (1) a deprecated model whose successor is ranked comes after that successor;
 * (2) among the other models, the priority's metric is in order (ELO descending, latency and
 * cost ascending), null figures last; (3) ties go to the newer release, then to the id.
 */
function expectRankedByFigures(priority: Priority, capability = "txt2img") {
  const r = resolveModels({ capability, priority });
  const ids = r.ranked.map((m) => m.modelId);
  expect(ids.length).toBeGreaterThan(3);
  for (const m of r.ranked) {
    if (m.deprecatedBy && ids.includes(m.deprecatedBy)) expect(ids.indexOf(m.modelId)).toBeGreaterThan(ids.indexOf(m.deprecatedBy));
  }
  const ordered = r.ranked.filter((m) => !(m.deprecatedBy && ids.includes(m.deprecatedBy)));
  const key = METRIC[priority];
  const better = (a: number, b: number) => (priority === "quality" ? a > b : a < b);
  for (let i = 1; i < ordered.length; i++) {
    const prev = ordered[i - 1];
    const cur = ordered[i];
    const a = prev.metrics[key];
    const b = cur.metrics[key];
    if (a === null) expect(b).toBeNull();
    else if (b !== null && a !== b) expect(better(a, b), `${prev.modelId} (${a}) before ${cur.modelId} (${b})`).toBe(true);
    else if (b !== null && a === b && prev.releasedAt && cur.releasedAt && prev.releasedAt !== cur.releasedAt) {
      expect(prev.releasedAt > cur.releasedAt, `${prev.modelId} newer than ${cur.modelId}`).toBe(true);
    }
  }
  return r;
}

describe("stage 3: priority metric order (checked against the catalog's figures)", () => {
  it.each(["txt2img", "img2img", "img2video"])(
    "quality on %s: Arena ELO descending, null ELO last, deprecated behind successor",
    (capability) => {
      expectRankedByFigures("quality", capability);
    },
  );

  it.each(["txt2img", "img2video"])("speed on %s: p50 latency ascending, deprecated behind successor", (capability) => {
    expectRankedByFigures("speed", capability);
  });

  it.each(["txt2img", "img2img"])("cost on %s: p50 cost ascending, deprecated behind successor", (capability) => {
    expectRankedByFigures("cost", capability);
  });

  it("a deprecated model that would lead on its own figures is moved behind its successor", () => {
    // Imagen 4 Fast (6 s, deprecated by Gemini 3.1 Flash) is faster than its successor (20 s).
    const r = resolveModels({ capability: "txt2img", priority: "speed" });
    const ids = r.ranked.map((m) => m.modelId);
    const imagen = r.ranked.find((m) => m.modelId === "model_imagen4-fast")!;
    const successor = r.ranked.find((m) => m.modelId === imagen.deprecatedBy)!;
    expect(imagen.metrics.p50LatencySec!).toBeLessThan(successor.metrics.p50LatencySec!);
    expect(ids.indexOf(imagen.modelId)).toBeGreaterThan(ids.indexOf(successor.modelId));
  });

  it("the same figures give the same order when the catalog is edited (no hard-coded ranking)", () => {
    const catalog = editedCatalog((d) => (rawModel(d, "model_bfl-flux-1-dev").performance.txt2img.elo = 1600));
    expect(order({ capability: "txt2img" }, catalog)[0]).toBe("bfl-flux-1-dev");
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
    expect(r.ranked[0].reasons[0]).toBe(`Arena ELO 1512 for txt2img, the highest of ${r.ranked.length} candidates.`);
    expect(r.ranked[1].reasons[0]).toBe("Arena ELO 1270 for txt2img, 242 below GPT Image 2 (1512).");
    expect(r.ranked[4].reasons[0]).toBe("Arena ELO 1200 (est.) for txt2img, 312 below GPT Image 2 (1512).");
    const speed = resolveModels({ capability: "txt2img", priority: "speed" });
    expect(speed.ranked[0].reasons[0]).toBe(`p50 latency 3 s (est.), the fastest of ${speed.ranked.length} candidates.`);
    const cost = resolveModels({ capability: "txt2img", priority: "cost" });
    expect(cost.ranked.find((m) => m.modelId === "model_openai-gpt-image-2")!.reasons[0]).toBe(
      "p50 cost 11 CU, 10 CU more than FLUX.2 Klein 9B (1 CU).",
    );
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
    expect(
      enforceDeprecation(cycle)
        .map((m) => m.modelId)
        .sort(),
    ).toEqual(["p", "q"]);
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
    const plain = short(
      resolveModels({ capability: "txt2img", constraints: { maxCostCU: 12 }, priority: "quality" }).ranked.map((m) => m.modelId),
    );
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
