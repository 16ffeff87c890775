/**
 * Text understanding shared by platform detection and template matching.
 *
 * 1. NLP pass (./nlp.ts): wink-nlp tokens with lemma and stem.
 * 1b. Depiction and destination (./depiction.ts): words that describe what the picture shows
 *    ("a knight holding a *banner*", "close-up of a fishing *reel*") are marked depicted, and the
 *    head of the phrase after "for" / "on" / "as" is marked as the destination ("for my
 *    *Samsung*"). Platform detection leaves every depicted concept out; template matching leaves
 *    out depicted platforms and media only (a depicted mascot still names a character). A
 *    destination concept with `asDestination` adds that derived concept (phone → phone_screen).
 * 2. Negation: a negator ("no", "not", "without", "n't", "instead of", …, ../data/understand
 *    concepts.json) opens a scope over the next `negationScope` content words, closed early by
 *    punctuation or "but"/"just"/…; concepts found inside are negated ("no music", "not for
 *    print").
 * 3. Concepts: stop words are dropped and the remaining words are scanned left to right; at each
 *    word the longest phrase of any concept whose words match (same lemma or same stem) wins
 *    and consumes its words.
 *    A word no phrase matches may still be a one-letter typo of a one-word phrase ("comercial").
 * 3b. "Not a phone wallpaper, a desktop one": "one" after a word restores the negated object.
 * 4. Compositional rules: when all concepts of a rule are present (not negated), its `add`
 *    concepts are added and its `suppress` concepts removed ("YouTube" + "thumbnail" drops
 *    "video" and "channel"; "phone" + "wallpaper" adds phone_wallpaper; "app" + "icon" adds
 *    app_icon).
 * 5. Scoring (`rankProfiles`): a profile with `requires` is a candidate only when one of those
 *    concepts is present; its score is the sum of the weights of the present concepts; a negated concept with a positive weight takes away half that weight instead, unless the profile
 *    lists it in `wantsAbsent` ("doesn't look fake" for a photorealism polish): then it counts in full.
 *    `decide` keeps candidates at or above the set's `minScore`; when the runner-up is within
 *    `margin` of the best, the decision is "close" and the runner-up is the alternative.
 * Pure module.
 */
import { markDepiction } from "./depiction";
import { getLexicon, tokenKeys, type ConceptKind, type Lexicon, type PreparedPhrase, type ProfileSet } from "./lexicon";
import { analyze, type Token } from "./nlp";

/** A concept found in a request. */
export interface ConceptHit {
  concept: string;
  /** The words of the request that named it ("thumbnails"), or "rule" for a derived concept. */
  phrase: string;
  negated: boolean;
  /** Every word of the phrase is inside a depiction scope ("a photo of a *banner*", ./depiction.ts). */
  depicted?: boolean;
  /** The phrase is in the destination noun phrase ("for my *Samsung*"). */
  destination?: boolean;
}

/** What a request says, as concepts. */
export interface Understanding {
  text: string;
  hits: ConceptHit[];
  /** Present (not negated) concepts after the rules. */
  present: ReadonlySet<string>;
  /** Negated concepts ("no music" → music). */
  negated: ReadonlySet<string>;
  /** Concepts left out because they were only named as depicted content ("a knight holding a banner"). */
  depicted: ReadonlySet<string>;
}

/**
 * Which depicted concepts a reading leaves out: platform detection ignores everything depicted
 * (a depicted banner is no destination); template matching keeps depicted objects and intents
 * ("a reference image of our mascot" still names a character) and drops depicted platforms and
 * media.
 */
export type UnderstandingView = "platform" | "template";
const DROPPED_WHEN_DEPICTED: Readonly<Record<UnderstandingView, ReadonlySet<ConceptKind>>> = {
  platform: new Set(["platform", "object", "medium", "intent"]),
  template: new Set(["platform", "medium"]),
};

/** One scored candidate (a platform id or a template id). */
export interface Candidate {
  id: string;
  score: number;
  /** The concepts that counted, as "+thumbnail" / "-video" / "not print". */
  evidence: string[];
}

/** The outcome of ranking: the best candidate, and an alternative when the call is close. */
export interface Decision {
  best: Candidate | null;
  /** The runner-up when it is within the set's margin of the best; null otherwise. */
  alternative: Candidate | null;
  close: boolean;
  /** Every candidate at or above the minimum score, best first. */
  ranked: Candidate[];
}

interface Marked extends Token {
  negated: boolean;
  depicted?: boolean;
  destination?: boolean;
}

function startsWith(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  if (i + words.length > tokens.length) return false;
  for (let k = 0; k < words.length; k++) if (tokens[i + k].lemma !== words[k] && tokens[i + k].text !== words[k]) return false;
  return true;
}

/** Marks every token that falls inside a negation scope (see the module comment, step 2). */
function markNegation(tokens: readonly Token[], lexicon: Lexicon): Marked[] {
  const out: Marked[] = [];
  let remaining = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const negator = lexicon.negators.find((words) => startsWith(tokens, i, words));
    if (negator) {
      for (let k = 0; k < negator.length; k++) out.push({ ...tokens[i + k], negated: false, boundary: true });
      i += negator.length - 1;
      remaining = lexicon.negationScope;
      continue;
    }
    if (t.boundary || lexicon.negationStops.has(t.lemma)) remaining = 0;
    const content = !t.boundary && !lexicon.stopWords.has(t.text) && !lexicon.stopWords.has(t.lemma);
    out.push({ ...t, negated: remaining > 0 && content });
    if (content && remaining > 0) remaining--;
  }
  return out;
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), capped at 2. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 1) return 2;
  let prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin >= 2) return 2;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[b.length], 2);
}

/**
 * Typo tolerance for a word no phrase matched: a word of six letters or more that is one edit
 * away from a one-word phrase (same first letter, no digits) counts as that phrase's concept
 * ("comercial", "charcter"). Words a concept excludes never count.
 */
function typoConcept(word: Token, lexicon: Lexicon): string | null {
  const text = word.text;
  if (text.length < 6 || /[^a-z]/.test(text)) return null;
  for (const [form, concept] of lexicon.singleWords) {
    if (form[0] !== text[0] || Math.abs(form.length - text.length) > 1) continue;
    if (lexicon.excluded.get(concept)?.has(text)) continue;
    if (editDistance(text, form) <= 1) return concept;
  }
  return null;
}

/**
 * The concepts of a request (module comment, steps 1–4).
 * @param lexicon defaults to the studio's data (./lexicon.ts `getLexicon`).
 * @param view "platform" leaves out every depicted concept, "template" (default) only depicted platforms and media.
 */
export function understand(text: string, lexicon: Lexicon = getLexicon(), view: UnderstandingView = "template"): Understanding {
  const tokens = analyze(text);
  const marks = markDepiction(tokens, lexicon.depiction);
  const marked = markNegation(tokens, lexicon).map((t, i) => ({ ...t, depicted: marks.depicted[i], destination: marks.destination[i] }));
  // Content words (stop words and punctuation dropped) are what most phrases match on; phrases
  // with stop words ("back to back") match the raw words instead. `rawIndex[i]` is the position
  // of content word i among the raw (non-punctuation) words.
  const rawAll = marked.filter((t) => !t.boundary);
  const words: Marked[] = [];
  const rawIndex: number[] = [];
  rawAll.forEach((t, k) => {
    if (!lexicon.stopWords.has(t.text) && !lexicon.stopWords.has(t.lemma)) {
      words.push(t);
      rawIndex.push(k);
    }
  });
  const hits: ConceptHit[] = [];
  const wordMatches = (w: Marked, want: PreparedPhrase["words"][number], concept: string) =>
    (want.exact ? w.text === want.exact : want.keys.has(w.lemma) || want.keys.has(w.stem)) && !lexicon.excluded.get(concept)?.has(w.text);
  for (let i = 0; i < words.length;) {
    const keys = tokenKeys(words[i]);
    // Longest match wins; `length` counts content words consumed, `span` the words shown.
    let matched: { concept: string; size: number; consumed: number; span: Marked[] } | null = null;
    for (const key of keys) {
      for (const phrase of lexicon.byFirst.get(key) ?? []) {
        if (matched && matched.size >= phrase.words.length) break;
        if (phrase.literal) {
          const start = rawIndex[i] - phrase.lead;
          if (start < 0 || start + phrase.words.length > rawAll.length) continue;
          let ok = true;
          for (let k = 0; ok && k < phrase.words.length; k++) ok = wordMatches(rawAll[start + k], phrase.words[k], phrase.concept);
          if (!ok) continue;
          const end = start + phrase.words.length;
          let consumed = 0;
          while (i + consumed < words.length && rawIndex[i + consumed] < end) consumed++;
          matched = { concept: phrase.concept, size: phrase.words.length, consumed, span: rawAll.slice(start, end) };
        } else {
          if (i + phrase.words.length > words.length) continue;
          let ok = true;
          for (let k = 0; ok && k < phrase.words.length; k++) ok = wordMatches(words[i + k], phrase.words[k], phrase.concept);
          if (ok)
            matched = {
              concept: phrase.concept,
              size: phrase.words.length,
              consumed: phrase.words.length,
              span: words.slice(i, i + phrase.words.length),
            };
        }
      }
    }
    if (!matched) {
      const concept = typoConcept(words[i], lexicon);
      if (concept)
        hits.push({
          concept,
          phrase: words[i].text,
          negated: words[i].negated,
          depicted: !!words[i].depicted,
          destination: !!words[i].destination,
        });
      i++;
      continue;
    }
    hits.push({
      concept: matched.concept,
      phrase: matched.span.map((w) => w.text).join(" "),
      negated: matched.span.some((w) => w.negated),
      depicted: matched.span.every((w) => w.depicted),
      destination: matched.span.some((w) => w.destination),
    });
    i += Math.max(1, matched.consumed);
  }
  const present = new Set<string>();
  const negated = new Set<string>();
  const depicted = new Set<string>();
  const dropped = DROPPED_WHEN_DEPICTED[view];
  for (const h of [...hits]) {
    if (h.depicted && dropped.has(lexicon.kinds.get(h.concept) ?? "object")) depicted.add(h.concept);
    else (h.negated ? negated : present).add(h.concept);
    const derived = h.destination && !h.negated ? lexicon.asDestination.get(h.concept) : undefined;
    if (derived && !present.has(derived)) {
      present.add(derived);
      hits.push({ concept: derived, phrase: "rule", negated: false });
    }
  }
  for (const c of present) depicted.delete(c);
  for (const c of negated) if (present.has(c)) negated.delete(c);
  // "Not a phone wallpaper, a desktop one": "one" after a word stands for the negated object.
  for (let k = 1; k < marked.length; k++) {
    const t = marked[k];
    const prev = marked[k - 1];
    if (t.text !== "one" || t.negated || prev.boundary || prev.negated || lexicon.stopWords.has(prev.text)) continue;
    for (const c of [...negated]) {
      if (lexicon.kinds.get(c) !== "object") continue;
      negated.delete(c);
      present.add(c);
    }
  }
  // Rules see the concepts of the request, not each other's additions, so their order does not matter.
  const base = new Set(present);
  const suppressed = new Set<string>();
  for (const rule of lexicon.rules) {
    if (!rule.when.every((c) => base.has(c))) continue;
    for (const c of rule.add ?? []) {
      if (!present.has(c)) hits.push({ concept: c, phrase: "rule", negated: false });
      present.add(c);
    }
    for (const c of rule.suppress ?? []) suppressed.add(c);
  }
  for (const c of suppressed) present.delete(c);
  return { text, hits, present, negated, depicted };
}

/** Scores every profile of `set` against an understanding, best first (ties keep data order). */
export function rankProfiles(u: Understanding, set: ProfileSet): Candidate[] {
  const out: Candidate[] = [];
  for (const profile of set.profiles) {
    if (profile.requires && !profile.requires.some((c) => u.present.has(c))) continue;
    let score = 0;
    const evidence: string[] = [];
    for (const [concept, weight] of profile.weights) {
      if (u.present.has(concept)) {
        score += weight;
        evidence.push(`${weight >= 0 ? "+" : "-"}${concept}`);
      } else if (u.negated.has(concept) && profile.wantsAbsent.has(concept)) {
        score += weight;
        evidence.push(`+no ${concept}`);
      } else if (u.negated.has(concept) && weight > 0) {
        score -= weight / 2;
        evidence.push(`not ${concept}`);
      }
    }
    out.push({ id: profile.id, score: Math.round(score * 1000) / 1000, evidence });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** Applies the set's minimum score and margin to ranked candidates (module comment, step 5). */
export function decide(ranked: readonly Candidate[], set: ProfileSet): Decision {
  const kept = ranked.filter((c) => c.score >= set.minScore && c.evidence.some((e) => e.startsWith("+")));
  const [best = null, second = null] = kept;
  const close = !!best && !!second && best.score - second.score < set.margin;
  return { best, alternative: close ? second : null, close, ranked: kept };
}

/** The platform decision for a request. */
export function understandPlatform(text: string, lexicon: Lexicon = getLexicon()): Decision & { understanding: Understanding } {
  const u = understand(text, lexicon, "platform");
  return { ...decide(rankProfiles(u, lexicon.platforms), lexicon.platforms), understanding: u };
}

/** The template decision for a request. */
export function understandTemplate(text: string, lexicon: Lexicon = getLexicon()): Decision & { understanding: Understanding } {
  const u = understand(text, lexicon, "template");
  return { ...decide(rankProfiles(u, lexicon.templates), lexicon.templates), understanding: u };
}
