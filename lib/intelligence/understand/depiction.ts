/**
 * Depiction and destination: which words of a request describe what is *in* the picture, and
 * which name where the picture *goes*.
 *
 * "Close-up of a fishing reel", "a knight holding a banner", "a robot reading an email",
 * "interior of a poster shop" name a reel, a banner, an email and a poster that are depicted,
 * not an Instagram Reel, a web banner, an email header or a print poster. "For my Samsung", "as my
 * discord pfp", "to post on X" name destinations.
 *
 * The rule works on wink-nlp's parts of speech (./nlp.ts `Token.pos`, Universal POS tags) and a
 * few cue words from ../data/understand/concepts.json (`depiction`):
 * 1. A depiction scope opens
 *    - after a frame noun and its link ("photo of", "close-up of", "interior of", "a scene with");
 *    - after an opener phrase ("covered in", "full of", "lit by");
 *    - after a participle whose subject is a noun or an object pronoun ("a knight holding …",
 *      "friends are watching …", "me holding …"): an action participle ("holding", "reading")
 *      also makes its subject noun phrase depicted ("a medieval knight"); a presentation verb
 *      ("showing", "announcing", "saying": the subject is the picture itself, "a post announcing
 *      …") only opens the scope after it.
 * 2. The scope runs over the noun phrase and its attachments (determiners, adjectives, nouns,
 *    numbers, possessives, prepositions such as "on", "in", "with", "out of", nested
 *    participles) and ends at punctuation, at a destination word ("for", "as", "to", "into", …),
 *    at a clause word ("and" / "or" before a verb or a subject pronoun, "that", "which", "so",
 *    "then", a subject pronoun) or at a new verb.
 * 3. "… in the background" / "in the foreground" makes the noun phrase before it depicted;
 *    "…, photographed from a slight angle" / "… out front" the whole clause before it; the
 *    nouns before a style word name a look, not a destination ("an avatar-style drawing").
 * 4. The head noun of the noun phrase after a destination preposition is a destination ("for my
 *    Samsung", "on my phone", "as my pfp", "for my computer desktop"), and so is the device
 *    before a screen word or a model number ("for my laptop screen", "for my Pixel 8"); a
 *    modifier is not ("on a laptop keyboard" names a keyboard).
 * Pure module.
 */
import type { Token } from "./nlp";

/** The cue words of the rule (lemmas, lower case), from concepts.json `depiction`. */
export interface DepictionCues {
  /** Nouns whose complement is depicted: "photo" (of …), "close up" (of …), as lemma sequences. */
  frames: readonly string[][];
  /** Words that link a frame noun to what it depicts: "of". */
  frameLinks: ReadonlySet<string>;
  /** Nouns that also take "with" for their content ("a scene with …", "a room with …"). */
  sceneNouns: ReadonlySet<string>;
  /** Phrases after which the content is depicted ("covered in", "lit by"), as lemma sequences. */
  openers: readonly string[][];
  /** Participles whose subject is the picture itself ("showing", "announcing"): lemmas and stems. */
  presentationVerbs: ReadonlySet<string>;
  /** -ing words that open no depiction ("3d-looking", "going", "trying"): lemmas and stems. */
  notParticiples: ReadonlySet<string>;
  /** Nouns ending in -ing ("marketing", "wedding"): no participle before a preposition when tagged NOUN. */
  ingNouns: ReadonlySet<string>;
  /** Verbs after "my …" that make the phrase a destination ("my desktop needs …"), as lemma sequences. */
  destinationVerbs: readonly string[][];
  /** Object pronouns that can be the subject of an action participle ("me holding …"). */
  agents: ReadonlySet<string>;
  /** Words that end a depiction scope ("for", "as", "to", "so", "then", …). */
  enders: ReadonlySet<string>;
  /** Prepositions that mark the destination noun phrase after them ("for", "on", "as", "to"). */
  destinationPreps: ReadonlySet<string>;
  /** Post-positions that make the noun phrase before them depicted ("in the background"). */
  after: readonly string[][];
  /** Words after a noun that make it a look, not a destination ("an avatar-style drawing", "a poster look"). */
  styleWords: ReadonlySet<string>;
  /** Post-positions that make the whole clause before them depicted ("…, photographed from a slight angle"). */
  afterClause: readonly string[][];
}

/** Per token of the analysed request: depicted (inside a depiction scope) and destination. */
export interface DepictionMarks {
  depicted: boolean[];
  destination: boolean[];
}

const NOUNISH = new Set(["NOUN", "PROPN"]);
/** Parts of speech a noun phrase is made of. */
const PHRASE_POS = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "ADV", "X", "SYM"]);
const SUBJECT_PRONOUNS = new Set(["i", "we", "you", "it", "they", "he", "she", "i'm", "im", "i'd", "we're", "you're", "it's", "there"]);
const POSSESSIVES = new Set(["my", "our", "your", "his", "her", "its", "their"]);
const MAX_SCOPE = 12;
/** Heads of a destination phrase that stand for the device before them ("my laptop screen", "my Pixel 8"). */
const SCREEN_WORDS = new Set(["screen", "screens", "display", "monitor", "setup", "desktop", "homescreen", "lockscreen"]);

function matchesAt(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  if (i + words.length > tokens.length) return false;
  for (let k = 0; k < words.length; k++) if (tokens[i + k].lemma !== words[k] && tokens[i + k].text !== words[k]) return false;
  return true;
}

/**
 * An -ing participle ("holding", "reading", "peeling off", even when the lite model tags it NOUN
 * before an object or a preposition), but not an -ing noun ("email marketing for …").
 */
function isIngParticiple(tokens: readonly Token[], i: number, cues: DepictionCues): boolean {
  const t = tokens[i];
  if (!/^[a-z]{3,}ing$/.test(t.text)) return false;
  if (t.pos === "VERB") return true;
  if (t.pos !== "NOUN") return false;
  const next = tokens[i + 1];
  if (!next) return false;
  if (next.pos === "DET" || next.pos === "PRON") return true;
  return next.pos === "ADP" && !cues.ingNouns.has(t.text);
}

/** A past participle inside a scope ("tattered", "lit"): continues the phrase. */
function isParticiple(t: Token): boolean {
  return /^[a-z]{3,}(ing|ed|en)$/.test(t.text) || t.lemma !== t.text;
}

/** The subject of the participle at `i`: the start index of its noun phrase, or -1 when it has none. */
function subjectStart(tokens: readonly Token[], i: number, cues: DepictionCues): number {
  let j = i - 1;
  if (j >= 0 && tokens[j].pos === "AUX" && ["is", "are", "was", "were", "be", "being"].includes(tokens[j].text)) j--;
  if (j < 0) return -1;
  const head = tokens[j];
  if (cues.agents.has(head.text)) return j;
  if (SUBJECT_PRONOUNS.has(head.text)) return -1;
  if (!NOUNISH.has(head.pos) || head.boundary) return -1;
  let start = j;
  while (start - 1 >= 0) {
    const p = tokens[start - 1];
    if (p.boundary || !(PHRASE_POS.has(p.pos) || POSSESSIVES.has(p.text)) || p.pos === "ADV") break;
    start--;
  }
  return start;
}

/** Where a depiction scope starting at `from` ends (exclusive). */
function scopeEnd(tokens: readonly Token[], from: number, cues: DepictionCues): number {
  let content = 0;
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.boundary) return k;
    if (cues.enders.has(t.lemma) || cues.enders.has(t.text)) return k;
    if (SUBJECT_PRONOUNS.has(t.text)) return k;
    if (t.pos === "CCONJ" || t.pos === "SCONJ") {
      const next = tokens[k + 1];
      if (!next || next.pos === "VERB" || next.pos === "AUX" || next.pos === "PRON" || t.pos === "SCONJ") return k;
      continue;
    }
    if ((t.pos === "VERB" || t.pos === "AUX") && k > from && !isParticiple(t)) {
      const prev = tokens[k - 1];
      // A base-form verb after a clause word starts a new clause ("… and redraw it"); after an
      // adjective or a noun the lite model's VERB is usually a noun ("curved ultrawide monitor").
      if (!(prev.pos === "ADJ" || NOUNISH.has(prev.pos) || prev.pos === "DET")) return k;
    }
    if (!t.boundary && t.pos !== "ADP" && t.pos !== "DET") content++;
    if (content > MAX_SCOPE) return k;
  }
  return tokens.length;
}

/** Marks depicted and destination words (see the module comment). */
export function markDepiction(tokens: readonly Token[], cues: DepictionCues): DepictionMarks {
  const depicted = new Array<boolean>(tokens.length).fill(false);
  const destination = new Array<boolean>(tokens.length).fill(false);
  const open = (from: number) => {
    const end = scopeEnd(tokens, from, cues);
    for (let k = from; k < end; k++) depicted[k] = true;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.boundary) continue;
    // 1a. frame noun + link: "photo of", "close up of", "a scene with"
    const frame = cues.frames.find((words) => matchesAt(tokens, i, words));
    const link = frame && tokens[i + frame.length];
    if (
      frame &&
      link &&
      (cues.frameLinks.has(link.text) || (link.text === "with" && (cues.sceneNouns.has(t.lemma) || cues.sceneNouns.has(t.text))))
    ) {
      open(i + frame.length + 1);
      i += frame.length;
      continue;
    }
    // 1b. openers: "covered in", "lit by"
    const opener = cues.openers.find((words) => matchesAt(tokens, i, words));
    if (opener) {
      open(i + opener.length);
      i += opener.length - 1;
      continue;
    }
    // 1c. participles with a noun subject
    const has = (set: ReadonlySet<string>) => set.has(t.lemma) || set.has(t.text) || set.has(t.stem);
    if (isIngParticiple(tokens, i, cues) && !has(cues.notParticiples)) {
      const start = subjectStart(tokens, i, cues);
      if (start < 0) continue;
      // "for my language learning app": a gerund inside a destination phrase is a compound.
      const before = tokens[start - 1];
      if (before && cues.destinationPreps.has(before.text) && !depicted[start - 1]) continue;
      if (!has(cues.presentationVerbs)) for (let k = start; k < i; k++) if (tokens[k].pos !== "AUX") depicted[k] = true;
      open(i + 1);
    }
  }
  // 3. "… in the background"
  for (let i = 0; i < tokens.length; i++) {
    const post = cues.after.find((words) => matchesAt(tokens, i, words));
    if (!post) continue;
    let k = i - 1;
    // The noun phrase before, with its "of" complements ("a poster of Paris on the wall").
    while (k >= 0 && !tokens[k].boundary && (PHRASE_POS.has(tokens[k].pos) || POSSESSIVES.has(tokens[k].text) || tokens[k].text === "of")) {
      depicted[k] = true;
      k--;
    }
  }
  // 3b. "…, photographed from a slight angle": the clause before (skipping one comma) is a scene.
  for (let i = 0; i < tokens.length; i++) {
    if (!cues.afterClause.some((words) => matchesAt(tokens, i, words))) continue;
    let k = i - 1;
    if (k >= 0 && tokens[k].text === ",") k--;
    for (; k >= 0 && !tokens[k].boundary && !SUBJECT_PRONOUNS.has(tokens[k].text); k--) depicted[k] = true;
  }
  // 3c. "an avatar-style illustration", "a poster look": the nouns before a style word name a look.
  for (let i = 1; i < tokens.length; i++) {
    if (!cues.styleWords.has(tokens[i].text)) continue;
    for (let k = i - 1; k >= 0 && NOUNISH.has(tokens[k].pos) && !tokens[k].boundary; k--) depicted[k] = true;
  }
  // 4. destinations: the head of the noun phrase after "for" / "on" / "as" / "to" ("for my
  // computer desktop"; "on a laptop keyboard" names a keyboard, not a laptop), and the noun before
  // a screen word ("for my laptop screen").
  for (let i = 0; i < tokens.length; i++) {
    // A preposition inside a depiction scope is spatial ("a robot … on a giant screen").
    if (!cues.destinationPreps.has(tokens[i].text) || depicted[i]) continue;
    let head = -1;
    for (let k = i + 1; k < tokens.length; k++) {
      const t = tokens[k];
      const gerund = t.pos === "VERB" && /ing$/.test(t.text) && !!tokens[k + 1] && NOUNISH.has(tokens[k + 1].pos);
      if (t.boundary || !(PHRASE_POS.has(t.pos) || POSSESSIVES.has(t.text) || gerund) || t.pos === "ADV") break;
      if (NOUNISH.has(t.pos) || t.pos === "NUM") head = k;
    }
    if (head < 0) continue;
    let k = head;
    destination[k] = true;
    while (
      k - 1 > i &&
      (NOUNISH.has(tokens[k - 1].pos) || tokens[k - 1].pos === "NUM") &&
      (SCREEN_WORDS.has(tokens[k].text) || tokens[k].pos === "NUM")
    ) {
      k--;
      destination[k] = true;
    }
    for (let j = i + 1; j <= head; j++) depicted[j] = false;
  }
  // 4b. "my desktop needs …": a possessed noun phrase before a destination verb.
  for (let i = 0; i < tokens.length; i++) {
    if (!POSSESSIVES.has(tokens[i].text) || (i > 0 && depicted[i])) continue;
    let k = i + 1;
    while (k < tokens.length && !tokens[k].boundary && (NOUNISH.has(tokens[k].pos) || tokens[k].pos === "ADJ" || tokens[k].pos === "NUM"))
      k++;
    if (k === i + 1 || !cues.destinationVerbs.some((words) => matchesAt(tokens, k, words))) continue;
    for (let j = i + 1; j < k; j++) {
      destination[j] = true;
      depicted[j] = false;
    }
  }
  return { depicted, destination };
}
