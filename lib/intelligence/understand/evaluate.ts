/**
 * Accuracy of text understanding on the evaluation set (./eval-set.json), for `npm run bench`
 * and the unit tests. Three figures per part ("tune"; "holdout", written by the matcher's authors and
 * never tuned on; "blind", written by someone who never saw the matcher, never tuned on):
 * - platforms: requests whose expected platform is an id — share detected as exactly that id;
 * - templates: requests whose expected template is an id — share matched as exactly that id;
 * - no match: requests expected to match nothing — share with neither a platform nor a template
 *   (and, separately, how many were turned into a wrong template).
 * Confusion pairs are "expected → got" with counts ("none" for no match). Pure module.
 */
import { z } from "zod";
import evalSetJson from "./eval-set.json";
import { getLexicon, type Lexicon } from "./lexicon";
import { understandPlatform, understandTemplate } from "./understand";

export const evalSetSchema = z.object({
  $comment: z.string().optional(),
  items: z
    .array(
      z.object({
        text: z.string().min(1),
        platform: z.string().nullable().optional(),
        template: z.string().nullable().optional(),
        split: z.enum(["tune", "holdout", "blind"]),
      }),
    )
    .min(150),
});
export type EvalItem = z.infer<typeof evalSetSchema>["items"][number];
export type EvalSplit = EvalItem["split"];

/** The studio's evaluation set, validated. */
export function loadEvalSet(): EvalItem[] {
  return evalSetSchema.parse(evalSetJson).items;
}

export interface Figure {
  correct: number;
  total: number;
  /** correct / total, 0–1 (1 when total is 0). */
  accuracy: number;
}

export interface HalfReport {
  platforms: Figure;
  templates: Figure;
  noMatch: Figure;
  /** "no match" requests that were given a template (must stay 0). */
  noMatchTurnedIntoTemplate: number;
  /** "expected → got" → count, most frequent first. */
  confusions: Array<{ pair: string; count: number; examples: string[] }>;
}

function figure(correct: number, total: number): Figure {
  return { correct, total, accuracy: total === 0 ? 1 : correct / total };
}

/** Scores the items of one half (see the module comment). */
export function evaluateHalf(items: readonly EvalItem[], split: EvalSplit, lexicon: Lexicon = getLexicon()): HalfReport {
  let pOk = 0,
    pAll = 0,
    tOk = 0,
    tAll = 0,
    nOk = 0,
    nAll = 0,
    nWrongTemplate = 0;
  const confusions = new Map<string, { count: number; examples: string[] }>();
  const confuse = (kind: string, expected: string, got: string, text: string) => {
    const pair = `${kind}: ${expected} → ${got}`;
    const entry = confusions.get(pair) ?? { count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < 3) entry.examples.push(text);
    confusions.set(pair, entry);
  };
  for (const item of items) {
    if (item.split !== split) continue;
    const platform = understandPlatform(item.text, lexicon).best?.id ?? "none";
    const template = understandTemplate(item.text, lexicon).best?.id ?? "none";
    const isNone = item.platform === null && item.template === null;
    if (isNone) {
      nAll++;
      if (platform === "none" && template === "none") nOk++;
      if (template !== "none") nWrongTemplate++;
      if (platform !== "none") confuse("platform", "none", platform, item.text);
      if (template !== "none") confuse("template", "none", template, item.text);
      continue;
    }
    if (typeof item.platform === "string") {
      pAll++;
      if (platform === item.platform) pOk++;
      else confuse("platform", item.platform, platform, item.text);
    }
    if (typeof item.template === "string") {
      tAll++;
      if (template === item.template) tOk++;
      else confuse("template", item.template, template, item.text);
    }
  }
  return {
    platforms: figure(pOk, pAll),
    templates: figure(tOk, tAll),
    noMatch: figure(nOk, nAll),
    noMatchTurnedIntoTemplate: nWrongTemplate,
    confusions: [...confusions.entries()]
      .map(([pair, v]) => ({ pair, ...v }))
      .sort((a, b) => b.count - a.count || a.pair.localeCompare(b.pair)),
  };
}
