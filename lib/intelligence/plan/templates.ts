/**
 * The nine plan_generation templates as data
 * (shared/reference/intelligence-resolver-recommend-plan.txt, section "plan_generation").
 *
 * Each template carries its id, a title and summary, every trigger phrase of the reference,
 * its ordered steps (tool, title, the capability the step needs, optional flag) and its
 * editorial rules, restated in our own words. Steps also say how optional steps are
 * included, which inputs the model must accept, and (where the data flow is not simply "the
 * previous image") which earlier step feeds them. Rules say which capabilities they are about,
 * so a composed plan only inherits the rules that concern its steps.
 *
 * Array order is the documented order: it breaks ties between equally good matches.
 * Pure module.
 */

/** The tools a plan step calls (Scenario MCP names, scenario-api-contract.md §8). */
export type PlanTool = "run_model" | "analyze" | "manage_assets";

/** Capabilities a plan step may need (resolver slugs of the model catalog). */
export const PLAN_CAPABILITIES = [
  "txt2img",
  "img2img",
  "inpaint",
  "outpaint",
  "background-removal",
  "upscale",
  "img2svg",
  "img23d",
  "txt23d",
  "txt2video",
  "img2video",
  "video2video",
  "txt2audio",
  "txt2music",
  "txt2sfx",
  "lipsync",
] as const;
export type PlanCapability = (typeof PLAN_CAPABILITIES)[number];

export const TEMPLATE_IDS = [
  "product_video",
  "talking_head",
  "game_asset_3d",
  "character_sheet",
  "logo_to_vector",
  "video_chain_long",
  "video_extend",
  "style_transfer",
  "photorealism_polish",
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/**
 * When an optional step is part of the plan.
 * - `whenMentioned`: only when the description names `concept` (and does not decline it);
 * - `unlessDeclined`: by default, unless the description declines it ("no upscale",
 *   "without music", "skip …").
 * `concept` is a concept id of lib/intelligence/data/understand/concepts.json; mentioned and
 * declined (negated) are decided by the shared text understanding (lib/intelligence/understand).
 */
export interface OptionalRule {
  mode: "whenMentioned" | "unlessDeclined";
  concept: string;
  /** What the description must mention, for the "dropped because" note ("a voiceover, voice or narration"). */
  what: string;
  /** Why the step is in the plan by default (`unlessDeclined` only). */
  defaultReason?: string;
}

/** Which earlier step (by key) feeds an input port of this step. */
export interface StepInputs {
  image?: string;
  media?: string;
}

export interface TemplateStep {
  /** Unique within the template; plan steps and graph wiring refer to it. */
  key: string;
  tool: PlanTool;
  title: string;
  /** The capability the step's model needs; null for bookkeeping steps the studio does not run. */
  capability: PlanCapability | null;
  optional: boolean;
  include?: OptionalRule;
  /** Input features the step's model must accept (catalog `inputs` field names). */
  requiredInputs?: string[];
  /** Use the model picked for this other step (continuity). */
  sameModelAs?: string;
  /** Explicit data flow; without it an image-taking step takes the latest image. */
  inputs?: StepInputs;
  /** A hint added to the resolver's prompt for this step ("isometric concept art, white background"). */
  promptHint?: string;
}

export interface TemplateRule {
  text: string;
  /** The rule concerns plans containing any of these capabilities. */
  appliesTo: PlanCapability[];
}

export interface PlanTemplate {
  id: TemplateId;
  title: string;
  summary: string;
  /**
   * Every trigger phrase of the reference, verbatim. Documentation and test material: matching
   * uses the template's weighted concepts (lib/intelligence/data/understand/template-profiles.json).
   */
  triggers: string[];
  steps: TemplateStep[];
  rules: TemplateRule[];
}

export const PLAN_TEMPLATES: readonly PlanTemplate[] = [
  {
    id: "product_video",
    title: "Product video",
    summary: "A hero product image, cut out and animated into a reveal video, with an optional voiceover and optional music.",
    triggers: ["product video", "product reveal", "product launch", "commercial", "ad video"],
    steps: [
      {
        key: "hero",
        tool: "run_model",
        title: "Generate hero product image",
        capability: "txt2img",
        optional: false,
        promptHint: "hero product shot",
      },
      {
        key: "cutout",
        tool: "analyze",
        title: "Clean transparent product image",
        capability: "background-removal",
        optional: false,
        requiredInputs: ["image"],
      },
      {
        key: "reveal",
        tool: "run_model",
        title: "Image-to-video product reveal",
        capability: "img2video",
        optional: false,
        requiredInputs: ["image"],
      },
      {
        key: "voiceover",
        tool: "run_model",
        title: "Generate voiceover",
        capability: "txt2audio",
        optional: true,
        include: { mode: "whenMentioned", concept: "voiceover", what: "a voiceover, voice or narration" },
      },
      {
        key: "music",
        tool: "run_model",
        title: "Generate background music",
        capability: "txt2music",
        optional: true,
        include: { mode: "whenMentioned", concept: "music", what: "music or a soundtrack" },
      },
    ],
    rules: [
      {
        text: "Get the hero product image right before animating it: the video can only be as good as the picture it starts from.",
        appliesTo: ["img2video"],
      },
      { text: "Voiceover and music are extras: add them only when the request asks for them.", appliesTo: ["txt2audio", "txt2music"] },
    ],
  },
  {
    id: "talking_head",
    title: "Talking head",
    summary: "A portrait, a spoken line, and a lipsync pass that turns both into a talking video.",
    triggers: ["talking head", "spokesperson", "presenter", "avatar video", "welcome video", "app intro", "lipsync"],
    steps: [
      {
        key: "portrait",
        tool: "run_model",
        title: "Generate portrait/headshot",
        capability: "txt2img",
        optional: false,
        promptHint: "front-facing portrait, mouth closed",
      },
      { key: "voiceover", tool: "run_model", title: "Generate voiceover", capability: "txt2audio", optional: false },
      {
        key: "lipsync",
        tool: "run_model",
        title: "Lipsync portrait + audio → talking video",
        capability: "lipsync",
        optional: false,
        requiredInputs: ["audio"],
        inputs: { image: "portrait", media: "voiceover" },
      },
    ],
    rules: [
      {
        text: "Choose the voice once, at the start, and keep it for every line: a change of voice breaks the speaker's identity.",
        appliesTo: ["txt2audio"],
      },
      { text: "Lipsync comes out best from a portrait that faces the camera with the mouth closed.", appliesTo: ["lipsync"] },
    ],
  },
  {
    id: "game_asset_3d",
    title: "3D game asset",
    summary: "Concept art on a clean background, cut out, optionally upscaled, then converted to a 3D model.",
    triggers: ["game asset 3d", "3d game asset", "3d model for game", "game prop 3d", "concept to 3d"],
    steps: [
      {
        key: "concept",
        tool: "run_model",
        title: "Generate concept art (white bg, isometric)",
        capability: "txt2img",
        optional: false,
        promptHint: "isometric concept art, plain white background",
      },
      {
        key: "cutout",
        tool: "analyze",
        title: "Remove background for clean 3D input",
        capability: "background-removal",
        optional: false,
        requiredInputs: ["image"],
      },
      {
        key: "upscale",
        tool: "run_model",
        title: "Upscale 2x for better 3D texture quality",
        capability: "upscale",
        optional: true,
        requiredInputs: ["image"],
        include: {
          mode: "unlessDeclined",
          concept: "upscale",
          what: "upscaling",
          defaultReason: "upscaling before the 3D conversion gives cleaner textures",
        },
      },
      { key: "model3d", tool: "run_model", title: "Convert to 3D model", capability: "img23d", optional: false, requiredInputs: ["image"] },
    ],
    rules: [
      { text: "Cut the background out before the 3D conversion, otherwise it turns into stray geometry.", appliesTo: ["img23d"] },
      { text: "Upscaling two to four times before converting to 3D gives cleaner textures.", appliesTo: ["img23d"] },
      { text: "Single-image 3D conversion works best from an isometric or front-on view of the concept.", appliesTo: ["img23d"] },
    ],
  },
  {
    id: "character_sheet",
    title: "Character sheet",
    summary: "One strong reference image of the character, reused as the image input of every scene.",
    triggers: ["character sheet", "character turnaround", "character reference", "character consistency", "same character"],
    steps: [
      {
        key: "reference",
        tool: "run_model",
        title: "Generate strong reference character image",
        capability: "txt2img",
        optional: false,
        promptHint: "character reference, full body, neutral pose",
      },
      {
        key: "scene1",
        tool: "run_model",
        title: "Scene 1: pass reference image + new scene prompt",
        capability: "img2img",
        optional: false,
        requiredInputs: ["image"],
        inputs: { image: "reference" },
      },
      {
        key: "scene2",
        tool: "run_model",
        title: "Scene 2: same reference image + new scene prompt",
        capability: "img2img",
        optional: false,
        requiredInputs: ["image"],
        sameModelAs: "scene1",
        inputs: { image: "reference" },
      },
    ],
    rules: [
      { text: "Make one strong reference image first, then give it as the image input of every scene.", appliesTo: ["img2img"] },
      {
        text: "If the request stresses consistency, lean towards models that accept many reference images: more slots hold a character's identity better from scene to scene.",
        appliesTo: ["img2img"],
      },
      {
        text: "A single character run does not call for LoRA training; training pays off for recurring brand-style work at volume.",
        appliesTo: ["img2img"],
      },
    ],
  },
  {
    id: "logo_to_vector",
    title: "Logo to vector",
    summary: "A logo generated for vector output, vectorized to SVG when the model only draws raster.",
    triggers: ["logo vector", "vectorize logo", "svg logo", "logo for print", "scalable logo"],
    steps: [
      {
        key: "logo",
        tool: "run_model",
        title: "Generate logo as vector",
        capability: "txt2img",
        optional: false,
        promptHint: "flat vector logo, few colours, plain background",
      },
      {
        key: "vectorize",
        tool: "run_model",
        title: "Vectorize raster output (alternative path)",
        capability: "img2svg",
        optional: true,
        requiredInputs: ["image"],
        include: {
          mode: "unlessDeclined",
          concept: "vectorize",
          what: "vectorizing",
          defaultReason: "no model in the catalog draws SVG directly, so the raster logo takes the vectorize path",
        },
      },
    ],
    rules: [
      {
        text: "A model that writes SVG itself is quicker than drawing a raster and vectorizing it, when one is available.",
        appliesTo: ["img2svg"],
      },
      { text: "When only a raster logo is available, upscale it before vectorizing: the paths come out cleaner.", appliesTo: ["img2svg"] },
    ],
  },
  {
    id: "video_chain_long",
    title: "Long video (chained clips)",
    summary: "Several clips chained through a last-frame handoff to make longer content.",
    triggers: ["long video", "30 second video", "60 second video", "extended video", "multi-clip"],
    steps: [
      { key: "hero", tool: "run_model", title: "Generate hero image for first frame", capability: "txt2img", optional: false },
      {
        key: "clip1",
        tool: "run_model",
        title: "Image→video clip 1",
        capability: "img2video",
        optional: false,
        requiredInputs: ["image", "endImage"],
      },
      { key: "lastFrame", tool: "manage_assets", title: "Read clip 1's lastFrame asset ID", capability: null, optional: false },
      {
        key: "clip2",
        tool: "run_model",
        title: "LastFrame→video clip 2 (same model as clip 1)",
        capability: "img2video",
        optional: false,
        requiredInputs: ["image", "endImage"],
        sameModelAs: "clip1",
        inputs: { media: "clip1" },
      },
    ],
    rules: [
      {
        text: "Run every clip on the very same image-to-video model; changing model part-way breaks the visual continuity.",
        appliesTo: ["img2video"],
      },
      {
        text: "Only chain with a model that takes an `endImage` input (conditioning on the final frame); lacking it, consecutive clips will not join cleanly.",
        appliesTo: ["img2video"],
      },
      { text: "Before launching the next clip, save the asset id of the previous clip's final frame.", appliesTo: ["img2video"] },
    ],
  },
  {
    id: "video_extend",
    title: "Video extension",
    summary: "A first clip, extended again and again with an extension model that carries the audio on.",
    triggers: ["extend video", "longer video", "video extend", "60 second clip", "video continuation"],
    steps: [
      { key: "clip", tool: "run_model", title: "Generate initial clip", capability: "txt2video", optional: false },
      {
        key: "extend",
        tool: "run_model",
        title: "Extend clip (chainable)",
        capability: "video2video",
        optional: false,
        requiredInputs: ["video"],
        inputs: { media: "clip" },
      },
    ],
    rules: [
      {
        text: "Extend with a model that has the video2video extend capability, so the sound carries on without a seam.",
        appliesTo: ["video2video"],
      },
      {
        text: "Every extension starts from the previous one, so the total time grows in step with the number of extensions.",
        appliesTo: ["video2video"],
      },
    ],
  },
  {
    id: "style_transfer",
    title: "Style transfer",
    summary: "A source image edited with a prompt that describes the target style.",
    triggers: [
      "style transfer",
      "make it look like",
      "ghibli style",
      "anime style",
      "oil painting style",
      "watercolor style",
      "pixel art style",
    ],
    steps: [
      {
        key: "restyle",
        tool: "run_model",
        title: "Edit source image with style description",
        capability: "img2img",
        optional: false,
        requiredInputs: ["image"],
      },
    ],
    rules: [
      {
        text: "Feed the original picture in as an input image and name the wanted style in the prompt; relying on text alone to carry a style is unreliable.",
        appliesTo: ["img2img"],
      },
    ],
  },
  {
    id: "photorealism_polish",
    title: "Photorealism polish",
    summary: "A base image, then a creative upscale with photorealistic settings to take away the AI look.",
    triggers: ["photorealistic", "remove ai look", "polish photo", "look real", "photo polish"],
    steps: [
      {
        key: "base",
        tool: "run_model",
        title: "Generate base photoreal image",
        capability: "txt2img",
        optional: false,
        promptHint: "photorealistic",
      },
      {
        key: "polish",
        tool: "run_model",
        title: "Polish with creative upscaler (photorealistic preset)",
        capability: "upscale",
        optional: false,
        requiredInputs: ["image"],
      },
    ],
    rules: [
      {
        text: "Fix the composition in a base image first, then run it through a creative upscaler on photorealistic settings to break up the plastic AI texture.",
        appliesTo: ["upscale"],
      },
    ],
  },
];
