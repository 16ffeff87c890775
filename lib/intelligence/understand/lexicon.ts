/**
 * The data of text understanding, validated with zod when first used:
 * - ../data/understand/concepts.json: concepts (kind + everyday phrases), stop words, negators,
 *   compositional rules;
 * - ../data/understand/platform-profiles.json and template-profiles.json: each platform preset
 *   and plan template as weighted concepts, with the minimum score and the "close call" margin.
 *
 * Phrases are analysed with the same NLP pass as requests (./nlp.ts), so a phrase written
 * "thumbnail" matches "thumbnails" and "animate" matches "animated". A broken data file throws
 * a `ZodError` naming the field (unit tests load every file). Pure module.
 */
import { z } from "zod";
import conceptsJson from "../data/understand/concepts.json";
import platformProfilesJson from "../data/understand/platform-profiles.json";
import templateProfilesJson from "../data/understand/template-profiles.json";
import { PLATFORM_IDS } from "../platforms/presets";
import { TEMPLATE_IDS } from "../plan/templates";
import type { DepictionCues } from "./depiction";
import { analyze, type Token } from "./nlp";

export const CONCEPT_KINDS = ["platform", "object", "medium", "intent"] as const;
export type ConceptKind = (typeof CONCEPT_KINDS)[number];

const conceptSchema = z.object({
  kind: z.enum(CONCEPT_KINDS),
  phrases: z.array(z.string().min(1)).min(1),
  exclude: z.array(z.string().min(1)).optional(),
  /** A derived concept added when this concept names the destination ("for my Samsung" → phone_screen). */
  asDestination: z.string().optional(),
});

const words = z.array(z.string().min(1));
const depictionSchema = z.object({
  $comment: z.string().optional(),
  frames: words.min(1),
  frameLinks: words.min(1),
  sceneNouns: words,
  openers: words,
  presentationVerbs: words,
  notParticiples: words,
  ingNouns: words,
  destinationVerbs: words,
  agents: words,
  enders: words.min(1),
  destinationPreps: words.min(1),
  after: words,
  afterClause: words,
  styleWords: words,
});

export const conceptsFileSchema = z
  .object({
    $comment: z.string().optional(),
    stopWords: z.array(z.string()),
    negators: z.array(z.string().min(1)).min(1),
    negationScope: z.number().int().min(1).max(10),
    negationStops: z.array(z.string()),
    concepts: z.record(z.string().regex(/^[a-z0-9_]+$/), conceptSchema),
    rules: z.array(
      z.object({
        when: z.array(z.string()).min(2),
        add: z.array(z.string()).optional(),
        suppress: z.array(z.string()).optional(),
      }),
    ),
    derived: z.record(z.string(), z.object({ kind: z.enum(CONCEPT_KINDS) })),
    depiction: depictionSchema,
  })
  .superRefine((file, ctx) => {
    const known = new Set([...Object.keys(file.concepts), ...Object.keys(file.derived)]);
    for (const [id, c] of Object.entries(file.concepts)) {
      if (c.asDestination && !known.has(c.asDestination))
        ctx.addIssue({ code: "custom", path: ["concepts", id, "asDestination"], message: `unknown concept "${c.asDestination}"` });
    }
    file.rules.forEach((rule, i) => {
      for (const id of [...rule.when, ...(rule.add ?? []), ...(rule.suppress ?? [])]) {
        if (!known.has(id)) ctx.addIssue({ code: "custom", path: ["rules", i], message: `unknown concept "${id}"` });
      }
    });
  });

export function profilesFileSchema(ids: readonly string[], concepts: ReadonlySet<string>) {
  return z
    .object({
      $comment: z.string().optional(),
      minScore: z.number().positive(),
      margin: z.number().min(0),
      profiles: z.array(
        z.object({
          id: z.enum(ids as [string, ...string[]]),
          concepts: z.record(z.string(), z.number()),
          /** At least one of these concepts must be present for the profile to be a candidate. */
          requires: z.array(z.string()).min(1).optional(),
          /** Concepts whose absence the profile asks for ("doesn't look fake" is what a photorealism polish wants): negated, they count their full weight. */
          wantsAbsent: z.array(z.string()).min(1).optional(),
        }),
      ),
    })
    .superRefine((file, ctx) => {
      const seen = new Set<string>();
      file.profiles.forEach((p, i) => {
        if (seen.has(p.id)) ctx.addIssue({ code: "custom", path: ["profiles", i, "id"], message: `duplicate profile "${p.id}"` });
        seen.add(p.id);
        for (const c of [...Object.keys(p.concepts), ...(p.requires ?? []), ...(p.wantsAbsent ?? [])]) {
          if (!concepts.has(c)) ctx.addIssue({ code: "custom", path: ["profiles", i, "concepts", c], message: `unknown concept "${c}"` });
        }
      });
      for (const id of ids) if (!seen.has(id)) ctx.addIssue({ code: "custom", path: ["profiles"], message: `no profile for "${id}"` });
    });
}

export type ConceptsFile = z.infer<typeof conceptsFileSchema>;

/**
 * A phrase prepared for matching: the match keys (lemma and stem) of each of its words. A word
 * written "=extended" in the data matches only that exact form (not "extend"), for the rare
 * phrases whose meaning depends on the word form.
 */
export interface PreparedPhrase {
  concept: string;
  phrase: string;
  words: Array<{ keys: ReadonlySet<string>; exact: string | null }>;
  /**
   * True when the phrase has stop words ("back to back", "on model"): it is matched word for
   * word against the request with its stop words, so it never shrinks to one common word.
   */
  literal: boolean;
  /** Literal phrases: how many stop words come before the first content word ("to camera": 1). */
  lead: number;
}

export interface Profile {
  id: string;
  weights: ReadonlyMap<string, number>;
  /** Any-of: the profile is a candidate only when one of these concepts is present. */
  requires: readonly string[] | null;
  /** Concepts that count their full weight when negated ("no plastic look" for a photorealism polish). */
  wantsAbsent: ReadonlySet<string>;
}

export interface ProfileSet {
  minScore: number;
  margin: number;
  profiles: readonly Profile[];
}

export interface Lexicon {
  kinds: ReadonlyMap<string, ConceptKind>;
  stopWords: ReadonlySet<string>;
  /** Negator phrases as word sequences (lemmas), longest first. */
  negators: readonly string[][];
  negationScope: number;
  negationStops: ReadonlySet<string>;
  /** Phrases keyed by any match key of their first word, longest first. */
  byFirst: ReadonlyMap<string, PreparedPhrase[]>;
  /** Words that never count as a phrase word of the concept (lower case, as written). */
  excluded: ReadonlyMap<string, ReadonlySet<string>>;
  /** One-word phrases of six letters or more, as written → concept (typo tolerance). */
  singleWords: ReadonlyMap<string, string>;
  rules: ConceptsFile["rules"];
  /** Concept → the derived concept it adds when it names the destination. */
  asDestination: ReadonlyMap<string, string>;
  /** Cue words of the depiction rule (./depiction.ts). */
  depiction: DepictionCues;
  platforms: ProfileSet;
  templates: ProfileSet;
}

/** The keys a token can be matched on: its lemma and its stem. */
export function tokenKeys(token: Token): string[] {
  return token.lemma === token.stem ? [token.lemma] : [token.lemma, token.stem];
}

/** The content tokens of a phrase or request: stop words and punctuation dropped. */
export function contentTokens(tokens: readonly Token[], stopWords: ReadonlySet<string>): Token[] {
  return tokens.filter((t) => !t.boundary && !stopWords.has(t.text) && !stopWords.has(t.lemma));
}

function prepareWords(phrase: string, stopWords: ReadonlySet<string>): PreparedPhrase["words"] {
  if (phrase.includes("=")) {
    return phrase.split(/\s+/).flatMap((word) => {
      const exact = word.startsWith("=") ? word.slice(1).toLowerCase() : null;
      return analyze(exact ?? word)
        .filter((t) => !t.boundary)
        .map((t) => ({ keys: new Set(tokenKeys(t)), exact }));
    });
  }
  const tokens = contentTokens(analyze(phrase), stopWords);
  return (tokens.length ? tokens : analyze(phrase).filter((t) => !t.boundary)).map((t) => ({ keys: new Set(tokenKeys(t)), exact: null }));
}

/**
 * Builds a lexicon from data files (the defaults are the studio's JSON files).
 * @throws ZodError when a file does not follow its schema (unknown concept, missing profile, …).
 */
export function buildLexicon(
  conceptsData: unknown = conceptsJson,
  platformData: unknown = platformProfilesJson,
  templateData: unknown = templateProfilesJson,
): Lexicon {
  const file = conceptsFileSchema.parse(conceptsData);
  const kinds = new Map<string, ConceptKind>();
  for (const [id, c] of Object.entries(file.concepts)) kinds.set(id, c.kind);
  for (const [id, c] of Object.entries(file.derived)) kinds.set(id, c.kind);
  const known = new Set(kinds.keys());
  const stopWords = new Set(file.stopWords);
  const byFirst = new Map<string, PreparedPhrase[]>();
  const excluded = new Map<string, ReadonlySet<string>>();
  const singleWords = new Map<string, string>();
  for (const [concept, c] of Object.entries(file.concepts)) {
    for (const phrase of c.phrases) if (/^[a-z]{6,}$/.test(phrase) && !singleWords.has(phrase)) singleWords.set(phrase, concept);
    if (c.exclude) excluded.set(concept, new Set(c.exclude.map((w) => w.toLowerCase())));
    for (const phrase of c.phrases) {
      const all = analyze(phrase).filter((t) => !t.boundary);
      const content = contentTokens(all, stopWords);
      const literal = !phrase.includes("=") && content.length > 0 && content.length < all.length;
      const words = literal ? all.map((t) => ({ keys: new Set(tokenKeys(t)), exact: null })) : prepareWords(phrase, stopWords);
      if (words.length === 0) continue;
      const lead = literal ? all.indexOf(content[0]) : 0;
      const prepared: PreparedPhrase = { concept, phrase, words, literal, lead };
      for (const key of words[lead].keys) {
        const list = byFirst.get(key) ?? [];
        list.push(prepared);
        byFirst.set(key, list);
      }
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  const asDestination = new Map<string, string>();
  for (const [id, c] of Object.entries(file.concepts)) if (c.asDestination) asDestination.set(id, c.asDestination);
  const lemmaSequence = (phrase: string) =>
    analyze(phrase)
      .filter((t) => !t.boundary)
      .map((t) => t.lemma);
  const lemmas = (list: readonly string[]) => new Set(list.flatMap((w) => [w, ...analyze(w).flatMap((t) => tokenKeys(t))]));
  const d = file.depiction;
  const depiction: DepictionCues = {
    frames: d.frames.map(lemmaSequence),
    frameLinks: new Set(d.frameLinks),
    sceneNouns: lemmas(d.sceneNouns),
    openers: d.openers.map(lemmaSequence),
    presentationVerbs: lemmas(d.presentationVerbs),
    notParticiples: lemmas(d.notParticiples),
    ingNouns: new Set(d.ingNouns),
    destinationVerbs: d.destinationVerbs.map(lemmaSequence),
    agents: new Set(d.agents),
    enders: new Set(d.enders),
    destinationPreps: new Set(d.destinationPreps),
    after: d.after.map(lemmaSequence),
    afterClause: d.afterClause.map(lemmaSequence),
    styleWords: new Set(d.styleWords),
  };
  const negators = file.negators.map((n) => analyze(n).map((t) => t.lemma)).sort((a, b) => b.length - a.length);
  const profileSet = (data: unknown, ids: readonly string[]): ProfileSet => {
    const parsed = profilesFileSchema(ids, known).parse(data);
    return {
      minScore: parsed.minScore,
      margin: parsed.margin,
      profiles: parsed.profiles.map((p) => ({
        id: p.id,
        weights: new Map(Object.entries(p.concepts)),
        requires: p.requires ?? null,
        wantsAbsent: new Set(p.wantsAbsent ?? []),
      })),
    };
  };
  return {
    kinds,
    stopWords,
    negators,
    negationScope: file.negationScope,
    negationStops: new Set(file.negationStops),
    byFirst,
    excluded,
    singleWords,
    rules: file.rules,
    asDestination,
    depiction,
    platforms: profileSet(platformData, PLATFORM_IDS),
    templates: profileSet(templateData, TEMPLATE_IDS),
  };
}

let cached: Lexicon | null = null;

/** The studio's lexicon, built once on first use. */
export function getLexicon(): Lexicon {
  cached ??= buildLexicon();
  return cached;
}
