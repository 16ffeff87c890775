/**
 * Pick node (candidates → choose → continue): the run pauses at it with the images it received
 * as candidates; a person picks one or more of them (or rejects them all) and the run goes on
 * with the pick. Scenario's `approval` gate, extended to choosing
 * (shared/reference/scenario-workflow-format.md: an approval "pauses the nodes downstream of that
 * producer until approved or rejected; reject cancels the run").
 *
 * Its role is `gate` (lib/nodes/types.ts): the engine pauses there (lib/engine/gate-node.ts) and
 * never looks at the type. `checkPick` is the one rule for a choice, used by the pick route.
 * Pure module: zod only.
 */
import { z } from "zod";
import type { ImageRef, NodeDefinition } from "./types";

/** Most images a Pick may ask for (a Generation makes at most 8 per request, a few nodes can feed more). */
const MAX_PICKS = 64;

export const pickParamsSchema = z
  .object({
    message: z.string().max(500, "must be at most 500 characters").default(""),
    minPicks: z.number().int("must be a whole number").min(1, "must be at least 1").max(MAX_PICKS).default(1),
    /** Null: as many as there are candidates. */
    maxPicks: z.number().int("must be a whole number").min(1, "must be at least 1").max(MAX_PICKS).nullable().default(1),
  })
  .refine((p) => p.maxPicks === null || p.maxPicks >= p.minPicks, {
    message: "must be at least the smallest number of picks",
    path: ["maxPicks"],
  });
export type PickParams = z.infer<typeof pickParamsSchema>;

/** What the person choosing is shown and allowed: the candidates and how many to pick. */
export interface PickBounds {
  /** At least this many (never more than the candidates). */
  min: number;
  /** At most this many (never more than the candidates). */
  max: number;
}

/** The pick bounds for `count` candidates: `maxPicks` null means all of them; both capped at `count`. */
export function pickBounds(params: Pick<PickParams, "minPicks" | "maxPicks">, count: number): PickBounds {
  const max = Math.min(params.maxPicks ?? count, count);
  return { min: Math.min(params.minPicks, max), max };
}

/** "Pick 1 image", "Pick 1 to 3 images", "Pick at least 2 images". */
export function describePickBounds(bounds: PickBounds): string {
  const noun = (n: number) => (n === 1 ? "image" : "images");
  if (bounds.min === bounds.max) return `Pick ${bounds.min} ${noun(bounds.min)}`;
  return `Pick ${bounds.min} to ${bounds.max} ${noun(bounds.max)}`;
}

export type PickCheck = { ok: true; picked: ImageRef[] } | { ok: false; message: string };

/**
 * Checks a choice against the candidates the run paused with: every id must be one of them (no
 * repeats) and the count within the bounds.
 * @returns the picked images in the candidates' order, or a sentence saying what is wrong.
 */
export function checkPick(candidates: readonly ImageRef[], bounds: PickBounds, assetIds: readonly string[]): PickCheck {
  const ids = new Set(assetIds);
  if (ids.size !== assetIds.length) return { ok: false, message: "The same image was picked twice: pick each image once" };
  const known = new Set(candidates.map((c) => c.assetId));
  const unknown = assetIds.filter((id) => !known.has(id));
  if (unknown.length) {
    return {
      ok: false,
      message: `${unknown.length === 1 ? "One picked image is" : `${unknown.length} picked images are`} not among the candidates of this Pick`,
    };
  }
  if (ids.size < bounds.min || ids.size > bounds.max) {
    return { ok: false, message: `${describePickBounds(bounds)} (you picked ${ids.size})` };
  }
  return { ok: true, picked: candidates.filter((c) => ids.has(c.assetId)) };
}

export const pickNode: NodeDefinition<PickParams> = {
  type: "pick",
  label: "Pick",
  description: "Pauses the run to let you choose among the images it receives; the run continues with your pick.",
  category: "logic",
  role: "gate",
  inputs: [{ name: "images", type: "image", label: "Candidates", required: true }],
  outputs: [{ name: "image", type: "image", label: "Picked", required: false }],
  paramsSchema: pickParamsSchema,
  defaults: pickParamsSchema.parse({}),
  fields: [
    {
      name: "message",
      label: "Message",
      kind: "textarea",
      placeholder: "Pick the best composition to upscale",
      help: "Shown to whoever chooses.",
    },
    { name: "minPicks", label: "At least", kind: "number", min: 1, max: MAX_PICKS, step: 1 },
    {
      name: "maxPicks",
      label: "At most",
      kind: "number",
      min: 1,
      max: MAX_PICKS,
      step: 1,
      nullable: true,
      placeholder: "All",
      help: "Empty: as many as there are candidates.",
    },
  ],
  gate: { candidatesPort: "images", bounds: pickBounds, message: (params) => params.message.trim(), check: checkPick },
  summarize: (params) =>
    params.maxPicks === params.minPicks
      ? `Pick ${params.minPicks}`
      : `Pick ${params.minPicks} to ${params.maxPicks === null ? "all" : params.maxPicks}`,
};
