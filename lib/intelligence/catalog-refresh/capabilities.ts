/**
 * Scenario capabilities → the catalog's resolver slugs.
 *
 * Scenario files inpaint, outpaint, upscale, background removal and vectorisation under `img2img`,
 * lipsync under `video2video`, and music, sound effects and speech under `txt2audio`
 * (scenario-api-contract.md §5 "Capabilities"; the catalog's `notes`). The catalog splits them so a
 * speech request cannot resolve to an SFX model. This module derives that split for a model the
 * snapshot does not know (from its id, name, tags, description and `inputs[]`), and reconciles a
 * known model's curated split with what the API says now. Pure module: no I/O.
 */
import type { ApiModel } from "./types";

/** Every capability slug the catalog uses. Scenario capabilities outside it (`controlnet*`, `video2img`, `3d23d`, `audio2audio`, …) stay in `scenarioCapabilities` only. */
export const CATALOG_CAPABILITIES = [
  "txt2img",
  "img2img",
  "inpaint",
  "outpaint",
  "upscale",
  "background-removal",
  "img2svg",
  "txt2video",
  "img2video",
  "video2video",
  "lipsync",
  "txt2audio",
  "txt2music",
  "txt2sfx",
  "txt23d",
  "img23d",
] as const;

export type CatalogCapability = (typeof CATALOG_CAPABILITIES)[number];

/** The Scenario capability each catalog slug is filed under. */
export const SCENARIO_PARENT: Readonly<Record<CatalogCapability, string>> = {
  txt2img: "txt2img",
  img2img: "img2img",
  inpaint: "img2img",
  outpaint: "img2img",
  upscale: "img2img",
  "background-removal": "img2img",
  img2svg: "img2img",
  txt2video: "txt2video",
  img2video: "img2video",
  video2video: "video2video",
  lipsync: "video2video",
  txt2audio: "txt2audio",
  txt2music: "txt2audio",
  txt2sfx: "txt2audio",
  txt23d: "txt23d",
  img23d: "img23d",
};

const ONE_TO_ONE = new Set(["txt2img", "txt2video", "img2video", "txt23d", "img23d"]);

/** The Scenario capability a slug belongs to (`inpaint` → `img2img`); a slug outside the catalog's set maps to itself. */
export function scenarioParentOf(slug: string): string {
  return (SCENARIO_PARENT as Record<string, string>)[slug] ?? slug;
}

/** Lower-cased id, name and tags of a model (`identity`), and its description (`description`). */
function describe(model: ApiModel): { identity: string; description: string } {
  return {
    identity: [model.id, model.name ?? "", ...model.tags].join(" | ").toLowerCase(),
    description: typeof model.shortDescription === "string" ? model.shortDescription.toLowerCase() : "",
  };
}

function inputNames(model: ApiModel): string[] {
  return (model.inputs ?? []).map((input) => input.name.toLowerCase());
}

/**
 * Derives the catalog slugs of a model from its Scenario capabilities, in Scenario's order.
 *
 * - `txt2img`, `txt2video`, `img2video`, `txt23d`, `img23d` map to themselves.
 * - `img2img` becomes the specialist slug(s) when the id, name or tags say so
 *   (`upscale`: "upscal", "super-resolution"; `background-removal`: "background removal",
 *   "remove background", "bg removal", "cutout", "matting"; `outpaint`: "outpaint", "reframe",
 *   "expand", "uncrop"; `img2svg`: "vectori[sz]e", "svg"), otherwise `img2img`, plus `inpaint`
 *   when the model takes a mask (an input named `mask…` or with `maskFrom`) or says "inpaint".
 *   The description is read for "inpaint" only: descriptions are too loose for the specialist words.
 * - `video2video` becomes `lipsync` when the id, name, tags or description say "lip sync"/"lipsync", else stays.
 * - `txt2audio` becomes `txt2music` ("music", "song", "lyric", or a `lyrics` input), `txt2sfx` ("sound effect",
 *   "sfx", "foley"), or stays `txt2audio` (speech: "tts", "speech", "voice", or nothing said); the
 *   id, name and tags are read first, then the description.
 * - Anything else (`controlnet*`, `video2img`, `3d23d`, `audio2audio`, unknown) yields nothing.
 *
 * @returns distinct slugs; empty when none of the model's capabilities has a catalog slug.
 */
export function deriveCapabilities(model: ApiModel): CatalogCapability[] {
  const { identity, description } = describe(model);
  const names = inputNames(model);
  const out: CatalogCapability[] = [];
  const add = (slug: CatalogCapability) => {
    if (!out.includes(slug)) out.push(slug);
  };
  for (const raw of model.capabilities) {
    const cap = raw.toLowerCase();
    if (ONE_TO_ONE.has(cap)) {
      add(cap as CatalogCapability);
    } else if (cap === "img2img") {
      const specialists: CatalogCapability[] = [];
      if (/upscal|super[- ]?resolution/.test(identity)) specialists.push("upscale");
      if (/background[- ]?remov|remove[- ]?(the )?background|\bbg[- ]?remov|cutout|matting/.test(identity))
        specialists.push("background-removal");
      if (/outpaint|reframe|\bexpand|uncrop/.test(identity)) specialists.push("outpaint");
      if (/vectori[sz]|\bsvg\b|to[- ]vector/.test(identity)) specialists.push("img2svg");
      if (specialists.length) {
        specialists.forEach(add);
      } else {
        add("img2img");
        const hasMask = (model.inputs ?? []).some((input) => /^mask/i.test(input.name) || typeof input.maskFrom === "string");
        if (hasMask || /inpaint/.test(identity) || /inpaint/.test(description)) add("inpaint");
      }
    } else if (cap === "video2video") {
      add(/lip[- ]?sync/.test(identity) || /lip[- ]?sync/.test(description) ? "lipsync" : "video2video");
    } else if (cap === "txt2audio") {
      add(audioSlug(identity, description, names));
    }
  }
  return out;
}

const MUSIC = /music|\bsongs?\b|lyric/;
const SFX = /sound[- ]?effect|\bsfx\b|foley/;
const SPEECH = /\btts\b|speech|voice|narrat/;

function audioSlug(identity: string, description: string, inputNames: string[]): CatalogCapability {
  if (MUSIC.test(identity) || inputNames.includes("lyrics")) return "txt2music";
  if (SFX.test(identity)) return "txt2sfx";
  if (SPEECH.test(identity)) return "txt2audio";
  if (MUSIC.test(description)) return "txt2music";
  if (SFX.test(description)) return "txt2sfx";
  return "txt2audio";
}

/**
 * Reconciles a known model's curated slugs with the API's current capabilities.
 *
 * A curated slug stays while its Scenario parent is still listed (so GPT Image 2 keeps `inpaint`
 * as long as Scenario lists `img2img`); a parent that appears anew contributes the slugs
 * `deriveCapabilities` gives for it; a parent that disappeared removes its slugs.
 *
 * @returns `[...kept curated slugs in snapshot order, ...new slugs in derivation order]`.
 */
export function reconcileCapabilities(snapshotSlugs: readonly string[], model: ApiModel): string[] {
  const parents = new Set(model.capabilities.map((c) => c.toLowerCase()));
  const kept = snapshotSlugs.filter((slug) => parents.has(scenarioParentOf(slug)));
  const covered = new Set(kept.map(scenarioParentOf));
  const added = deriveCapabilities(model).filter((slug) => !covered.has(scenarioParentOf(slug)) && !kept.includes(slug));
  return [...kept, ...added];
}
