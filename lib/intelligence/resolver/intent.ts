/**
 * Intent inference for stage 3 (score): turns a prompt into "cues", each a set of catalog tag
 * values (`style:…`, `use:…`, `subcategory:…` without the namespace).
 *
 * Algorithm:
 * 1. Vocabulary (built once per catalog, ./catalog-index.ts): every style/use/subcategory value of
 *    the catalog is a phrase of itself ("pixel-art" → "pixel art"); SYNONYMS
 *    (../data/understand/catalog-tag-synonyms.json) adds everyday words
 *    ("realistic" → photoreal, "lettering" → typography + text-rendering). Synonym values missing
 *    from the catalog are ignored, so a refreshed catalog never yields dangling cues.
 * 2. Words are lemmatised and stemmed by the shared NLP pass (lib/intelligence/understand/nlp.ts,
 *    wink-nlp) on both sides, so "posters", "animated" and "editing" match "poster", "animate"
 *    and "edit".
 * 3. The prompt is scanned left to right; at each word the longest phrase wins and its words are
 *    consumed. Cues with the same value set count once.
 * Pure module; no regex is compiled per call.
 */
import { z } from "zod";
import synonymsJson from "../data/understand/catalog-tag-synonyms.json";
import { tokenKeys } from "../understand/lexicon";
import { analyze } from "../understand/nlp";

/** Everyday phrases → catalog tag values. A phrase may name several values (one cue). */
const synonymsFileSchema = z.object({
  $comment: z.string().optional(),
  synonyms: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)),
});

/**
 * Everyday phrases → catalog tag values (../data/understand/catalog-tag-synonyms.json, validated
 * with zod on load). A phrase may name several values (one cue).
 */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = synonymsFileSchema.parse(synonymsJson).synonyms;

/**
 * Subcategories that only boost, never drop other candidates: they describe a strength every
 * candidate has to some degree (editing on an edit capability, portraits, detail, 4K output) or an
 * input count that the `minReferenceImages` constraint handles.
 */
export const BOOST_ONLY_SUBCATEGORIES: ReadonlySet<string> = new Set([
  "editing",
  "drafts",
  "multi-reference",
  "portrait",
  "human-realism",
  "4k",
  "high-fidelity",
  "physics",
  "elements",
]);

/** Match keys of each word of `text` (lemma and stem, from the shared NLP pass), punctuation dropped. */
export function wordKeys(text: string): string[][] {
  return analyze(text)
    .filter((t) => !t.boundary)
    .map((t) => tokenKeys(t));
}

interface Phrase {
  /** Display form, e.g. "pixel art". */
  label: string;
  /** Match keys per word (lemma and stem). */
  words: string[][];
  values: string[];
}

/** Phrase lookup keyed by each match key of the first word, longest phrases first. Built once per catalog. */
export interface Vocabulary {
  byFirst: Map<string, Phrase[]>;
}

/** A prompt cue: the phrase that matched and the tag values it stands for. */
export interface Cue {
  label: string;
  values: string[];
}

/** Builds the vocabulary for the tag values a catalog carries (style/use/subcategory values). */
export function buildVocabulary(catalogValues: ReadonlySet<string>): Vocabulary {
  const merged = new Map<string, Phrase>();
  const add = (label: string, values: readonly string[]) => {
    const present = values.filter((v) => catalogValues.has(v));
    if (present.length === 0) return;
    const words = wordKeys(label);
    if (words.length === 0) return;
    const key = words.map((w) => w[0]).join(" ");
    const existing = merged.get(key);
    if (existing) {
      for (const v of present) if (!existing.values.includes(v)) existing.values.push(v);
    } else merged.set(key, { label, words, values: [...present] });
  };
  for (const value of catalogValues) add(value.replace(/-/g, " "), [value]);
  for (const [phrase, values] of Object.entries(SYNONYMS)) add(phrase, values);
  const byFirst = new Map<string, Phrase[]>();
  for (const phrase of merged.values()) {
    for (const key of phrase.words[0]) {
      const list = byFirst.get(key) ?? [];
      list.push(phrase);
      byFirst.set(key, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirst };
}

/** The cues of `prompt`, in prompt order, one per distinct value set. */
export function inferCues(vocabulary: Vocabulary, prompt: string | undefined): Cue[] {
  if (!prompt) return [];
  const words = wordKeys(prompt);
  const cues: Cue[] = [];
  const seen = new Set<string>();
  const same = (a: readonly string[], b: readonly string[]) => a.some((k) => b.includes(k));
  for (let i = 0; i < words.length;) {
    let matched: Phrase | undefined;
    for (const key of words[i]) {
      for (const phrase of vocabulary.byFirst.get(key) ?? []) {
        if (matched && matched.words.length >= phrase.words.length) break;
        let ok = i + phrase.words.length <= words.length;
        for (let k = 0; ok && k < phrase.words.length; k++) ok = same(words[i + k], phrase.words[k]);
        if (ok) matched = phrase;
      }
    }
    if (!matched) {
      i++;
      continue;
    }
    i += matched.words.length;
    const key = [...matched.values].sort().join("|");
    if (seen.has(key)) continue;
    seen.add(key);
    cues.push({ label: matched.label, values: matched.values });
  }
  return cues;
}
