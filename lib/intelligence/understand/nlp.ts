/**
 * The NLP pass of text understanding: wink-nlp with its English "lite" model
 * (wink-eng-lite-web-model, bundled with the package, no network) tokenises the text and gives
 * each word its lemma ("thumbnails" → "thumbnail", "animated" → "animate", "app" →
 * "application"), its Porter-2 stem ("animating" → "anim") and its Universal part-of-speech tag
 * (NOUN, VERB, ADP, …; read by the depiction rule, ./depiction.ts). The model is loaded once, on the
 * first call (≈ 0.3 s); a short request then takes ≈ 0.1 ms.
 *
 * Pure module: no I/O besides loading the model package.
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { foldDurations } from "./normalize";

/** One token of an analysed text. */
export interface Token {
  /** The word as written (lower case, after the folds of ./normalize.ts). */
  text: string;
  lemma: string;
  stem: string;
  /** Universal part-of-speech tag from wink-nlp ("NOUN", "VERB", "ADP", …). */
  pos: string;
  /** Punctuation: a clause boundary for negation. */
  boundary: boolean;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

function engine(): Nlp {
  nlp ??= winkNLP(model, ["pos"]);
  return nlp;
}

/**
 * Tokens of `text`: lower-cased, durations folded (./normalize.ts `foldDurations`), then
 * tokenised, lemmatised and stemmed by wink-nlp. Empty or blank text gives [].
 */
export function analyze(text: string): Token[] {
  const folded = foldDurations(text).trim();
  if (!folded) return [];
  const n = engine();
  const doc = n.readDoc(folded);
  // wink-nlp's typings declare lemma/stem helpers with a narrower signature than `out` accepts.
  type Its = Parameters<ReturnType<typeof doc.tokens>["out"]>[0];
  const its = n.its as unknown as Record<"value" | "lemma" | "stem" | "type" | "pos", Its>;
  const tokens = doc.tokens();
  const words = tokens.out(its.value) as string[];
  const lemmas = tokens.out(its.lemma) as string[];
  const stems = tokens.out(its.stem) as string[];
  const types = tokens.out(its.type) as string[];
  const tags = tokens.out(its.pos) as string[];
  const out: Token[] = [];
  for (let i = 0; i < words.length; i++) {
    const type = types[i];
    const boundary = type === "punctuation" || type === "symbol";
    if (
      boundary &&
      words[i] !== "." &&
      words[i] !== "," &&
      words[i] !== ";" &&
      words[i] !== "!" &&
      words[i] !== "?" &&
      words[i] !== ":" &&
      words[i] !== "(" &&
      words[i] !== ")"
    ) {
      // Hyphens, slashes, quotes, … only separate words.
      continue;
    }
    out.push({
      text: words[i],
      lemma: (lemmas[i] ?? words[i]).toLowerCase(),
      stem: (stems[i] ?? words[i]).toLowerCase(),
      pos: tags[i] ?? "X",
      boundary,
    });
  }
  return out;
}
