import { describe, expect, it } from "vitest";
import { InvalidDescriptionError } from "./errors";
import type { PickFn } from "./pick";
import { matchTemplates, planGeneration } from "./plan-generation";
import { PLAN_TEMPLATES, TEMPLATE_IDS, type TemplateId } from "./templates";

/** A pick that names the model after the capability and records every call. */
function recordingPick() {
  const calls: Array<{ capability: string; requiredInputs?: string[]; prompt?: string }> = [];
  const pick: PickFn = (capability, hints) => {
    calls.push({ capability, requiredInputs: hints?.requiredInputs, prompt: hints?.prompt });
    return { modelId: `model_${capability}`, name: `Model for ${capability}` };
  };
  return { pick, calls };
}

const plan = (description: string, pick: PickFn = recordingPick().pick) => planGeneration({ description }, { pick }).plan;

describe("templates as data", () => {
  // Steps of the reference, section "plan_generation": [tool, capability, optional].
  const expected: Record<TemplateId, Array<[string, string | null, boolean]>> = {
    product_video: [
      ["run_model", "txt2img", false],
      ["analyze", "background-removal", false],
      ["run_model", "img2video", false],
      ["run_model", "txt2audio", true],
      ["run_model", "txt2music", true],
    ],
    talking_head: [
      ["run_model", "txt2img", false],
      ["run_model", "txt2audio", false],
      ["run_model", "lipsync", false],
    ],
    game_asset_3d: [
      ["run_model", "txt2img", false],
      ["analyze", "background-removal", false],
      ["run_model", "upscale", true],
      ["run_model", "img23d", false],
    ],
    character_sheet: [
      ["run_model", "txt2img", false],
      ["run_model", "img2img", false],
      ["run_model", "img2img", false],
    ],
    logo_to_vector: [
      ["run_model", "txt2img", false],
      ["run_model", "img2svg", true],
    ],
    video_chain_long: [
      ["run_model", "txt2img", false],
      ["run_model", "img2video", false],
      ["manage_assets", null, false],
      ["run_model", "img2video", false],
    ],
    video_extend: [
      ["run_model", "txt2video", false],
      ["run_model", "video2video", false],
    ],
    style_transfer: [["run_model", "img2img", false]],
    photorealism_polish: [
      ["run_model", "txt2img", false],
      ["run_model", "upscale", false],
    ],
  };

  it("has the nine templates of the reference, in documented order", () => {
    expect(PLAN_TEMPLATES.map((t) => t.id)).toEqual([...TEMPLATE_IDS]);
    expect(TEMPLATE_IDS).toHaveLength(9);
  });

  it.each(PLAN_TEMPLATES.map((t) => [t.id, t] as const))(
    "%s: ordered steps with tool, capability and optional flag, and its rules",
    (id, template) => {
      expect(template.steps.map((s) => [s.tool, s.capability, s.optional])).toEqual(expected[id]);
      expect(template.rules.length).toBeGreaterThan(0);
      expect(new Set(template.steps.map((s) => s.key)).size).toBe(template.steps.length);
    },
  );

  it("keeps the reference's trigger phrases", () => {
    const count = PLAN_TEMPLATES.reduce((n, t) => n + t.triggers.length, 0);
    expect(count).toBe(5 + 7 + 5 + 5 + 5 + 5 + 5 + 7 + 5);
  });
});

describe("template matching: every trigger phrase, embedded in a sentence", () => {
  // "60 second clip" (video_extend in the reference) reads the same as "60 second video"
  // (video_chain_long): the duration makes it a long video; the test below pins that reading.
  const AMBIGUOUS = new Set(["60 second clip"]);
  const cases = PLAN_TEMPLATES.flatMap((t) => t.triggers.filter((p) => !AMBIGUOUS.has(p)).map((phrase) => [t.id, phrase] as const));
  it.each(cases)("%s ← %j", (id, phrase) => {
    for (const sentence of [`Hi! We'd like a ${phrase} for our new brand, please.`, `${phrase.toUpperCase()} — that's what I need today`]) {
      const result = plan(sentence);
      expect(result.template).toBe(id);
      expect(result.composed).toBe(false);
      // The words that counted come from the phrase itself, not from the filler around it.
      expect(result.matchedPhrases.length).toBeGreaterThan(0);
      for (const word of result.matchedPhrases) expect(phrase.toLowerCase()).toContain(word.split(" ")[0].slice(0, 3));
    }
  });

  it('reads a duration as a long video: "60 second clip" → video_chain_long', () => {
    expect(plan("a 60 second clip of the harbour").template).toBe("video_chain_long");
  });
});

describe("template matching: tolerant of wording", () => {
  it.each([
    ["talking-head explainer", "talking_head"],
    ["a product launch video w/ voice over", "product_video"],
    ["turn my logo into an SVG", "logo_to_vector"],
    ["make it look like a Ghibli film", "style_transfer"],
    ["a 60-second video of waves at dawn", "video_chain_long"],
    ["character turn-around sheet for my hero", "character_sheet"],
    ["TALKING HEADS for onboarding!!", "talking_head"],
    ["a comercial for sneakers", "product_video"],
    ["a charcter sheet for the knight", "character_sheet"],
    ["a thirty second video about coffee", "video_chain_long"],
    ["a one-minute video about coffee", "video_chain_long"],
    ["60s video of a city at night", "video_chain_long"],
    ["please vectorise the logo", "logo_to_vector"],
    ["logo vectorization for the shop", "logo_to_vector"],
    ["lip-sync my mascot to a line", "talking_head"],
    ["a 3-D game asset: a wooden barrel", "game_asset_3d"],
    ["3D models for games: crates and barrels", "game_asset_3d"],
    ["a Pixel-Art style version of the photo", "style_transfer"],
    ["remove the AI look from this render", "photorealism_polish"],
    ["photo-realistic street portrait", "photorealism_polish"],
    ["extend the video by a few seconds", "video_extend"],
    ["extending videos", "video_extend"],
    ["a multiclip story", "video_chain_long"],
    ["watercolour style postcards", "style_transfer"],
    ["scalable logos for the cafe", "logo_to_vector"],
    ["ads video for the summer sale", "product_video"],
    ["our app introduction", "talking_head"],
    ["keep the same characters in every panel", "character_sheet"],
  ] as const)("%j → %s", (description, id) => {
    expect(plan(description).template).toBe(id);
  });

  it("does not take a near-miss word for a trigger", () => {
    expect(plan("a presented slide with a chart").template).not.toBe("talking_head");
  });

  it("prefers the template with the stronger evidence", () => {
    // talking_head: "talking head" + "presenter" vs product_video: "product reveal"
    expect(plan("a product reveal with a talking head presenter").template).toBe("talking_head");
    // extending is what is asked; the duration is the target length
    expect(plan("extend my video to 60 seconds").template).toBe("video_extend");
  });

  it("offers the runner-up when two templates are close, and says so", () => {
    const p = plan("a spokesperson in our product video");
    const both = [p.template, p.alternative?.template].sort();
    expect(both).toEqual(["product_video", "talking_head"]);
    expect(p.alternative?.title).toBeTruthy();
    expect(p.notes.join(" ")).toMatch(/Close call/);
    // A clear request has no alternative.
    expect(plan("a TV commercial for the electric bike, with background music").alternative).toBeNull();
  });

  it("uses the template asked for, offering the best match back as the alternative", () => {
    const first = plan("a spokesperson in our product video");
    const other = first.alternative!.template;
    const p = planGeneration({ description: "a spokesperson in our product video", template: other }, { pick: recordingPick().pick }).plan;
    expect(p.template).toBe(other);
    expect(p.alternative?.template).toBe(first.template);
  });

  it("lists matches best first, leaving out templates below the minimum score", () => {
    const matches = matchTemplates("a product reveal with a talking head presenter");
    expect(matches[0].template).toBe("talking_head");
    for (let i = 1; i < matches.length; i++) expect(matches[i - 1].score).toBeGreaterThanOrEqual(matches[i].score);
    expect(matchTemplates("a red bicycle leaning on a wall")).toEqual([]);
  });

  it("is deterministic", () => {
    const description = "a product launch video w/ voice over and music";
    expect(plan(description)).toEqual(plan(description));
  });
});

describe("optional steps", () => {
  const keys = (description: string) => plan(description).steps.map((s) => s.key);

  it("product_video leaves voiceover and music out unless the description mentions them, and says why", () => {
    const p = plan("a product video for our new headphones");
    expect(p.steps.map((s) => s.capability)).toEqual(["txt2img", "background-removal", "img2video"]);
    expect(p.droppedSteps.map((d) => d.key)).toEqual(["voiceover", "music"]);
    expect(p.droppedSteps[0].reason).toMatch(/does not mention a voiceover/);
    expect(p.droppedSteps[1].reason).toMatch(/does not mention music/);
    expect(p.notes.join(" ")).toMatch(/Left out "Generate voiceover"/);
  });

  it.each([
    ["a product video with voiceover", ["hero", "cutout", "reveal", "voiceover"]],
    ["a product video with a voice-over", ["hero", "cutout", "reveal", "voiceover"]],
    ["a product reveal with narration", ["hero", "cutout", "reveal", "voiceover"]],
    ["a product video with a soundtrack", ["hero", "cutout", "reveal", "music"]],
    ["a commercial with background music", ["hero", "cutout", "reveal", "music"]],
    ["a product launch with a narrator and music", ["hero", "cutout", "reveal", "voiceover", "music"]],
    ["a product video with narration but no music", ["hero", "cutout", "reveal", "voiceover"]],
    ["a product video without a voiceover", ["hero", "cutout", "reveal"]],
  ] as const)("%j → %j", (description, expected) => {
    expect(keys(description)).toEqual(expected);
  });

  it("marks included optional steps as optional", () => {
    const p = plan("product video with voiceover and music");
    expect(p.steps.filter((s) => s.optional).map((s) => s.capability)).toEqual(["txt2audio", "txt2music"]);
  });

  it("says when a step is left out because the description declines it", () => {
    const p = plan("product video, no music please");
    expect(p.droppedSteps.find((d) => d.key === "music")?.reason).toMatch(/asks for no music/);
  });

  it("game_asset_3d keeps the upscale unless declined", () => {
    expect(keys("a 3d game asset: treasure chest")).toEqual(["concept", "cutout", "upscale", "model3d"]);
    const p = plan("a 3d game asset: treasure chest, without upscaling");
    expect(p.steps.map((s) => s.key)).toEqual(["concept", "cutout", "model3d"]);
    expect(p.droppedSteps).toEqual([expect.objectContaining({ key: "upscale", reason: expect.stringMatching(/asks for no upscaling/) })]);
  });

  it("logo_to_vector keeps the vectorize path (no catalog model draws SVG directly)", () => {
    const p = plan("svg logo for a bakery");
    expect(p.steps.map((s) => s.capability)).toEqual(["txt2img", "img2svg"]);
    expect(p.notes.join(" ")).toMatch(/draws SVG directly/);
  });
});

describe("models per step", () => {
  it("asks pick for every step with a capability, with the description and the required inputs", () => {
    const { pick, calls } = recordingPick();
    const p = planGeneration({ description: "a 60 second video of a harbour" }, { pick }).plan;
    expect(p.template).toBe("video_chain_long");
    expect(p.steps.map((s) => s.modelId)).toEqual(["model_txt2img", "model_img2video", null, "model_img2video"]);
    // clip 2 reuses clip 1's model (continuity): one pick for img2video
    expect(calls.map((c) => c.capability)).toEqual(["txt2img", "img2video"]);
    expect(calls[1].requiredInputs).toEqual(["image", "endImage"]);
    expect(calls[0].prompt).toContain("a 60 second video of a harbour");
    const lastFrame = p.steps[2];
    expect(lastFrame).toMatchObject({ tool: "manage_assets", capability: null, modelId: null, modelName: null });
  });

  it("leaves the model null with a note when nothing qualifies", () => {
    const p = planGeneration({ description: "photo polish of a street" }, { pick: () => null }).plan;
    expect(p.steps.every((s) => s.modelId === null && s.modelName === null)).toBe(true);
    expect(p.notes.join(" ")).toMatch(/left on Auto/);
  });

  it("relaxes required inputs when no model accepts them, and says so", () => {
    const pick: PickFn = (capability, hints) =>
      hints?.requiredInputs?.includes("endImage") ? null : { modelId: `m-${capability}`, name: "M" };
    const p = planGeneration({ description: "a long video of a forest" }, { pick }).plan;
    expect(p.steps[1].modelId).toBe("m-img2video");
    expect(p.notes.join(" ")).toMatch(/accepts image \+ endImage/);
  });

  it("survives a pick that throws", () => {
    const p = planGeneration(
      { description: "style transfer" },
      {
        pick: () => {
          throw new Error("boom");
        },
      },
    ).plan;
    expect(p.steps[0].modelId).toBeNull();
    expect(p.notes.join(" ")).toMatch(/boom/);
  });

  it("uses the shared resolver by default", () => {
    const p = planGeneration({ description: "a talking head welcome video" }).plan;
    for (const step of p.steps) expect(step.modelId).toMatch(/^model_/);
  });

  it("reports the step shape of the API", () => {
    const step = plan("style transfer to anime style").steps[0];
    expect(step).toMatchObject({
      tool: "run_model",
      title: expect.any(String),
      capability: "img2img",
      optional: false,
      modelId: "model_img2img",
      modelName: "Model for img2img",
    });
  });
});

describe("composed fallback", () => {
  const caps = (description: string) => plan(description).steps.map((s) => s.capability);

  it.each([
    ["a 3D model of a treasure chest", ["txt2img", "img23d"]],
    ["a picture of a cat, upscaled to 4k", ["txt2img", "upscale"]],
    ["cut out my product photo and vectorize it", ["background-removal", "img2svg"]],
    ["voice narration with background music for a podcast", ["txt2audio", "txt2music"]],
    ["a video of a cat surfing", ["txt2video"]],
    ["a drawing of a dragon, then animate it into a clip", ["txt2img", "img2video"]],
    ["animate a paper boat", ["txt2img", "img2video"]],
    ["upscale my photo to 4k", ["upscale"]],
    ["an illustration of a fox, background removed, as an svg", ["txt2img", "background-removal", "img2svg"]],
    ["sound effects for a door slam", ["txt2sfx"]],
  ] as const)("%j → %j", (description, expected) => {
    const p = plan(description);
    expect(p.template).toBeNull();
    expect(p.composed).toBe(true);
    expect(p.matchedPhrases).toEqual([]);
    expect(caps(description)).toEqual(expected);
  });

  it("a clip continued is the video_extend template (same steps as composing them)", () => {
    const p = plan("a clip of a storm, then continue the clip");
    expect(p.template).toBe("video_extend");
    expect(caps("a clip of a storm, then continue the clip")).toEqual(["txt2video", "video2video"]);
  });

  it("orders steps image first, then edits, then conversions", () => {
    expect(caps("a 3d mesh from a 4k picture of a lamp with the background removed")).toEqual([
      "txt2img",
      "background-removal",
      "upscale",
      "img23d",
    ]);
  });

  it("gathers the rules of the templates its steps came from, only those about its capabilities", () => {
    const p = plan("a 3D model of a treasure chest");
    const game = PLAN_TEMPLATES.find((t) => t.id === "game_asset_3d")!;
    expect(p.steps.map((s) => s.sourceTemplate)).toEqual(["game_asset_3d", "game_asset_3d"]);
    expect(p.rules).toEqual(game.rules.map((r) => r.text));
    expect(p.notes.join(" ")).toMatch(/Added a text-to-image step/);
  });

  it("says when it starts from the user's own image", () => {
    const p = plan("cut out my product photo and vectorize it");
    expect(p.notes.join(" ")).toMatch(/starts from your own image/);
  });

  it("falls back to one text-to-image step when nothing is recognised, and says so", () => {
    const p = plan("surprise me");
    expect(p).toMatchObject({ template: null, composed: true });
    expect(p.steps.map((s) => s.capability)).toEqual(["txt2img"]);
    expect(p.notes.join(" ")).toMatch(/Nothing in the description matched/);
    expect(p.summary).toMatch(/single text-to-image step/);
  });

  it("uses the optional composer hook only when given and nothing matched", () => {
    let called = 0;
    const composer = () => {
      called++;
      return null;
    };
    planGeneration({ description: "product video" }, { pick: recordingPick().pick, composer });
    expect(called).toBe(0);
    const p = planGeneration({ description: "surprise me" }, { pick: recordingPick().pick, composer }).plan;
    expect(called).toBe(1);
    expect(p.composed).toBe(true);
  });
});

describe("invalid descriptions", () => {
  it.each(["", "   ", "\n\t "])("throws InvalidDescriptionError for %j", (description) => {
    expect(() => planGeneration({ description })).toThrow(InvalidDescriptionError);
  });

  it("throws for a missing or non-string description", () => {
    expect(() => planGeneration({} as { description: string })).toThrow(InvalidDescriptionError);
    expect(() => planGeneration({ description: 42 as unknown as string })).toThrow(InvalidDescriptionError);
  });

  it("throws for an over-long description", () => {
    expect(() => planGeneration({ description: "x".repeat(4001) })).toThrow(/at most 4000/);
  });
});
