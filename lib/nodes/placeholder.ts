/**
 * Placeholder node: a node of an imported graph (a Scenario or ComfyUI file, lib/interop) that
 * the studio has no equivalent for yet. It keeps the foreign node visible, with its title, the
 * reason and its original data (so a Scenario export can write it back unchanged), instead of
 * dropping it. It cannot run: the validator refuses it with a sentence telling the designer to
 * replace or delete it. Only imports create one (hidden from the palette).
 */
import { z } from "zod";
import type { NodeDefinition } from "./types";

/** Where an imported node came from, in the designer's words. */
export const PLACEHOLDER_ORIGINS = { scenario: "Scenario", comfyui: "ComfyUI" } as const;

export const placeholderParamsSchema = z.object({
  origin: z.enum(["scenario", "comfyui"]).default("scenario"),
  /** The foreign node type (`transformText`, `FaceDetailer`, a model id…). */
  foreignType: z.string().max(200).default(""),
  /** The title the node had in its tool, e.g. "Upscale (Topaz)". */
  title: z.string().max(200).default("Imported node"),
  /** Why it has no equivalent here, as a sentence. */
  reason: z.string().max(1000).default(""),
  /** The foreign node's own record, kept so an export writes it back as it was. */
  original: z.record(z.string(), z.unknown()).default({}),
});
export type PlaceholderParams = z.infer<typeof placeholderParamsSchema>;

/** The sentence the validator and the node card show: "“Upscale (Topaz)” came from Scenario and has no equivalent here yet: replace or delete it". */
export function placeholderSentence(params: Pick<PlaceholderParams, "origin" | "title">): string {
  return `“${params.title}” came from ${PLACEHOLDER_ORIGINS[params.origin]} and has no equivalent here yet: replace or delete it`;
}

export const placeholderNode: NodeDefinition<PlaceholderParams> = {
  type: "placeholder",
  label: "Not available here",
  description: "A node from an imported file that the studio cannot run yet.",
  category: "edit",
  role: "source",
  inPalette: false,
  // Generic ports so the imported connections stay visible: text and media in, text and an image out.
  inputs: [
    { name: "text", type: "text", label: "Text", required: false },
    { name: "media", type: "asset", label: "Media", required: false },
  ],
  outputs: [
    { name: "text", type: "text", label: "Text", required: false },
    { name: "image", type: "image", label: "Image", required: false },
  ],
  paramsSchema: placeholderParamsSchema,
  defaults: placeholderParamsSchema.parse({}),
  fields: [],
  summarize: (params) => params.reason || placeholderSentence(params),
  checkReady: (params) => [{ code: "invalid_parameter", field: "foreignType", message: placeholderSentence(params) }],
};
