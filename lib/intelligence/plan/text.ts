/**
 * Wording-tolerant text matching for plan_generation (and the keyword parsing of
 * recommend_training). Pure module, no dependencies.
 *
 * Normalisation, applied the same way to descriptions and to trigger phrases:
 * - lower case, accents stripped, `w/` → "with", `&`/`+` → "and";
 * - durations written as "60-second", "60s", "60 sec", "1 minute", "one minute",
 *   "half a minute" all become `<seconds> second` ("60 second", "30 second");
 * - punctuation and hyphens become spaces ("talking-head" → "talking head"), except a dot
 *   between digits ("flux.2");
 * - stop words are dropped ("make it look like" → "make look like"), a small synonym table
 *   folds spellings ("vectorise", "vectorization" → "vectorize"; "colour" → "color";
 *   "advert" → "ad"), and plurals are reduced ("videos" → "video", "assets" → "asset").
 *
 * Phrase matching (`matchPhrase`) then tolerates: word order inside a short window, up to
 * two extra words in between, compounds written apart or together ("turn around" ↔
 * "turnaround", "lip sync" ↔ "lipsync", "3 d" ↔ "3d"), and one-letter typos in words of five
 * letters or more ("comercial", "charcter").
 */

/** Words that carry no meaning for matching; dropped from both descriptions and phrases. */
const STOP_WORDS = new Set([
  "a", "an", "the", "my", "our", "your", "their", "his", "her", "its", "it", "this", "that", "these", "those",
  "to", "into", "onto", "of", "for", "with", "w", "in", "on", "at", "by", "from", "and", "or", "some", "me", "i",
  "we", "you", "us", "please", "is", "are", "be", "was", "so", "then", "as", "just", "very", "can", "could",
  "would", "should", "will", "want", "need",
]);

/** Spelling and word-form folds (after lower-casing, before plural reduction). */
const SYNONYMS: Readonly<Record<string, string>> = {
  vectorise: "vectorize",
  vectorised: "vectorize",
  vectorized: "vectorize",
  vectorizing: "vectorize",
  vectorising: "vectorize",
  vectorization: "vectorize",
  vectorisation: "vectorize",
  vectorizer: "vectorize",
  colour: "color",
  colours: "color",
  watercolour: "watercolor",
  watercolours: "watercolor",
  advert: "ad",
  adverts: "ad",
  advertisement: "ad",
  advertisements: "ad",
  ads: "ad",
  introduction: "intro",
  lipsynced: "lipsync",
  lipsyncing: "lipsync",
  synced: "sync",
  syncing: "sync",
  extending: "extend",
  extends: "extend",
  polishing: "polish",
  polished: "polish",
  transferring: "transfer",
  making: "make",
  looking: "look",
  photoreal: "photorealistic",
  spokesman: "spokesperson",
  spokeswoman: "spokesperson",
  spokespeople: "spokesperson",
  turnarounds: "turnaround",
};

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  five: 5, ten: 10, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fortyfive: 45, sixty: 60, ninety: 90,
  one: 1, two: 2, three: 3, four: 4, six: 6,
};

/**
 * Lower-cases, strips accents, folds durations and punctuation (see the module comment).
 * Returns a single-spaced string; stop words are still present.
 */
export function normalizeText(input: string): string {
  let s = input.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  s = s.replace(/\bw\//g, " with ").replace(/[&+]/g, " and ");
  // "half a minute", "a minute", "one minute", "2 minutes", "1.5 min"
  s = s.replace(/\bhalf (?:a |an )?minute\b/g, "30 second");
  s = s.replace(/\b(a|an|one|two|three|four|five|ten)[\s-]+(minutes?|mins?)\b/g, (_m, n: string) =>
    `${(n === "a" || n === "an" ? 1 : NUMBER_WORDS[n]) * 60} second`,
  );
  s = s.replace(/\b(\d+(?:\.\d+)?)[\s-]*(minutes?|mins?)\b/g, (_m, n: string) => `${Math.round(Number(n) * 60)} second`);
  // "thirty-second", "sixty seconds"
  s = s.replace(/\b(five|ten|fifteen|twenty|thirty|forty|sixty|ninety)[\s-]+(seconds?|secs?)\b/g, (_m, n: string) => `${NUMBER_WORDS[n]} second`);
  // "60-second", "60s", "60 sec", "60secs"
  s = s.replace(/\b(\d+(?:\.\d+)?)[\s-]*(seconds?|secs?|s)\b/g, "$1 second");
  // keep "flux.2"-style version dots; every other punctuation mark separates words
  // \u0001 stands in for a decimal point while punctuation is stripped.
  // eslint-disable-next-line no-control-regex
  s = s.replace(/(\d)\.(\d)/g, "$1\u0001$2").replace(/[^a-z0-9\u0001]+/g, " ").replace(/\u0001/g, ".");
  return s.trim().replace(/\s+/g, " ");
}

/** Reduces a plural to its singular form; leaves short words and "-ss"/"-us"/"-is" endings alone. */
export function singular(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (/(ss|us|is)$/.test(word)) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/** One meaningful word of a normalised text. */
export function canonicalWord(word: string): string {
  const folded = SYNONYMS[word] ?? word;
  return SYNONYMS[singular(folded)] ?? singular(folded);
}

/** Normalises, drops stop words, folds synonyms and plurals: the tokens phrases are matched on. */
export function tokenize(input: string): string[] {
  const out: string[] = [];
  for (const word of normalizeText(input).split(" ")) {
    if (!word || STOP_WORDS.has(word)) continue;
    out.push(canonicalWord(word));
  }
  return out;
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), capped at 2. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 1) return 2;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = new Array<number>(m + 1);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= 2) return 2;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[m], 2);
}

/**
 * Words that are one letter away from a trigger word but mean something else; a typo match
 * never accepts them ("presented" is not a misspelt "presenter").
 */
const NOT_TYPOS = new Set(["presented", "presents", "presenting", "extent", "modal", "revel", "lunch", "sheep"]);

/** True when a description word `text` counts as the phrase word `phrase` (equal, or a small typo). */
export function wordsMatch(text: string, phrase: string): boolean {
  if (text === phrase) return true;
  if (text.length < 5 || phrase.length < 5) return false;
  if (text[0] !== phrase[0] || /\d/.test(text) || /\d/.test(phrase)) return false;
  if (NOT_TYPOS.has(text)) return false;
  return editDistance(text, phrase) <= 1;
}

/** A trigger phrase prepared for matching. */
export interface PreparedPhrase {
  /** The phrase as written in the reference. */
  phrase: string;
  /** Its tokens; the phrase's weight is their count. */
  tokens: string[];
  /** Token sequences that also count: each pair of adjacent tokens written as one word. */
  variants: string[][];
}

/** Tokenises a trigger phrase once, with its joined-compound variants. */
export function preparePhrase(phrase: string): PreparedPhrase {
  const tokens = tokenize(phrase);
  const variants = [tokens];
  for (let i = 0; i + 1 < tokens.length; i++) {
    variants.push([...tokens.slice(0, i), canonicalWord(tokens[i] + tokens[i + 1]), ...tokens.slice(i + 2)]);
  }
  return { phrase, tokens, variants };
}

/** How well a phrase matched: 1 = the words in order and adjacent. */
export interface PhraseMatch {
  phrase: string;
  /** 1 (in order, adjacent), 0.9 / 0.8 (in order with one / two extra words), 0.6 (other order). */
  quality: number;
  /** `tokens.length × quality`: what the template score adds up. */
  score: number;
}

interface Span {
  start: number;
  end: number;
}

/** Positions in `text` where the phrase word `word` occurs, alone or written apart in two words. */
function spansFor(text: readonly string[], word: string): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < text.length; i++) {
    if (wordsMatch(text[i], word)) spans.push({ start: i, end: i });
    if (i + 1 < text.length && text[i].length + text[i + 1].length === word.length && text[i] + text[i + 1] === word) {
      spans.push({ start: i, end: i + 1 });
    }
  }
  return spans;
}

/** Best quality of one token sequence against the text, or 0. */
function matchSequence(text: readonly string[], words: readonly string[]): number {
  const candidates = words.map((w) => spansFor(text, w));
  if (candidates.some((c) => c.length === 0)) return 0;
  let best = 0;
  const chosen: Span[] = [];
  const visit = (k: number): void => {
    if (best === 1) return;
    if (k === words.length) {
      let min = Infinity;
      let max = -Infinity;
      let used = 0;
      let ordered = true;
      for (let i = 0; i < chosen.length; i++) {
        const s = chosen[i];
        min = Math.min(min, s.start);
        max = Math.max(max, s.end);
        used += s.end - s.start + 1;
        if (i > 0 && s.start <= chosen[i - 1].end) ordered = false;
      }
      const gap = max - min + 1 - used;
      let quality = 0;
      if (ordered && gap === 0) quality = 1;
      else if (ordered && gap === 1) quality = 0.9;
      else if (ordered && gap === 2) quality = 0.8;
      else if (!ordered && gap <= 1) quality = 0.6;
      if (quality > best) best = quality;
      return;
    }
    for (const span of candidates[k]) {
      if (chosen.some((c) => span.start <= c.end && c.start <= span.end)) continue;
      chosen.push(span);
      visit(k + 1);
      chosen.pop();
    }
  };
  visit(0);
  return best;
}

/**
 * Matches a prepared phrase against tokenised text (see the module comment for what is
 * tolerated). Returns null when the phrase is absent.
 */
export function matchPhrase(text: readonly string[], phrase: PreparedPhrase): PhraseMatch | null {
  if (phrase.tokens.length === 0) return null;
  let quality = 0;
  for (const variant of phrase.variants) {
    quality = Math.max(quality, matchSequence(text, variant));
    if (quality === 1) break;
  }
  if (quality === 0) return null;
  return { phrase: phrase.phrase, quality, score: phrase.tokens.length * quality };
}
