/**
 * Whether a model is of the right kind for a node, from the model's capabilities alone (the
 * catalog's, in the studio's words, else the `capabilities` of its Scenario record): a video, 3D
 * or sound model picked on an image node, an upscale-only model on a Generation node, or a
 * background remover on an Upscale node is refused before anything is sent, instead of being
 * accepted with every setting dropped. No per-model table: a capability slug says what it makes
 * (`txt2img` → images, `img2video` → videos, `img23d` → 3D, `upscale` → images).
 *
 * Rules, for a node whose capability makes kind K:
 * 1. the model makes no K at all → refused ("Seedance 2.0 makes videos, so it cannot …");
 * 2. the node generates (an `x2y` capability) and every K capability of the model is a single
 *    tool (upscale, background removal, expand, retouch) → refused ("Upscale V3 only upscales
 *    images, so it cannot …");
 * 3. the node is one such tool, the model is only other tools → refused.
 * A model whose capabilities say nothing known passes (its schema decides). Pure module.
 */
import type { RequestRefusal } from "./types";

/** Capabilities that do one thing to an image, with the words for what they do. */
const TOOLS: Readonly<Record<string, string>> = {
  upscale: "upscales images",
  "background-removal": "removes backgrounds",
  outpaint: "expands images",
  inpaint: "retouches images",
};

/** Other capabilities that are not `<from>2<to>` slugs, and the kind they make. */
const OTHER_KINDS: Readonly<Record<string, string>> = {
  lipsync: "video",
  controlnet: "image",
  ...Object.fromEntries(Object.keys(TOOLS).map((tool) => [tool, "image"])),
};

/** The kind of `<from>2<to>` targets. */
const TARGET_KINDS: Readonly<Record<string, string>> = {
  img: "image",
  image: "image",
  video: "video",
  "3d": "3d",
  audio: "audio",
  music: "audio",
  sfx: "audio",
  speech: "audio",
  svg: "vector",
};

const KIND_WORDS: Readonly<Record<string, { plural: string; model: string }>> = {
  image: { plural: "images", model: "an image model" },
  video: { plural: "videos", model: "a video model" },
  "3d": { plural: "3D models", model: "a 3D model" },
  audio: { plural: "sound", model: "a sound model" },
  vector: { plural: "vector graphics", model: "a vectorizing model" },
};

/** What a capability makes ("image", "video", "3d", "audio", "vector"), or null when the slug says nothing known. */
export function capabilityKind(capability: string): string | null {
  if (OTHER_KINDS[capability]) return OTHER_KINDS[capability];
  const match = /^[a-z0-9]+2([a-z0-9]+)$/.exec(capability);
  return match ? (TARGET_KINDS[match[1]] ?? null) : null;
}

const isGenerative = (capability: string) => /^[a-z0-9]+2[a-z0-9]+$/.test(capability) || capability === "lipsync";

const joinWords = (words: string[]) =>
  words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;

export interface ModelKindCheck {
  /** The node's capability (`txt2img`, `img2img`, `inpaint`, `outpaint`, `upscale`, `background-removal`, `img2video`, …). */
  capability: string;
  /** The model's capabilities (catalog's, else its record's); empty when unknown. */
  modelCapabilities: readonly string[];
  /** The node's task, completing "<model> cannot …" (RequestIntent.task). */
  task: string;
  modelName: string;
}

/** @returns null when the model can do the node's kind of work (or nothing is known), else a refusal naming what it makes. */
export function checkModelKind({ capability, modelCapabilities, task, modelName }: ModelKindCheck): RequestRefusal | null {
  const wanted = capabilityKind(capability);
  const known = modelCapabilities.filter((c) => capabilityKind(c) !== null);
  if (!wanted || known.length === 0) return null;
  const details = { capability, modelCapabilities: [...modelCapabilities] };

  const sameKind = known.filter((c) => capabilityKind(c) === wanted);
  if (sameKind.length === 0) {
    const makes = joinWords([...new Set(known.map((c) => KIND_WORDS[capabilityKind(c)!]?.plural ?? capabilityKind(c)!))]);
    const pick = KIND_WORDS[wanted]?.model ?? `a model that makes ${wanted}`;
    return {
      message: `${modelName} makes ${makes}, so it cannot ${task}: pick ${pick} for this node`,
      field: "model",
      details: { ...details, reason: "wrong_kind" },
    };
  }
  const tools = sameKind.filter((c) => TOOLS[c]);
  if (tools.length < sameKind.length) return null;
  const only = `${modelName} only ${joinWords(tools.map((c) => TOOLS[c]))}`;
  if (isGenerative(capability)) {
    return {
      message: `${only}, so it cannot ${task}: pick a model that generates ${KIND_WORDS[wanted]?.plural ?? wanted}`,
      field: "model",
      details: { ...details, reason: "tool_only" },
    };
  }
  if (TOOLS[capability] && !tools.includes(capability)) {
    return {
      message: `${only}, so it cannot ${task}: pick a model that ${TOOLS[capability]}`,
      field: "model",
      details: { ...details, reason: "other_tool" },
    };
  }
  return null;
}
