/**
 * Text folds applied before the NLP pass (./nlp.ts) and by the regex-based parsers that read a
 * description (plan/compose.ts, training/intent.ts). Pure module, no dependencies.
 *
 * - lower case, accents stripped, `w/` → "with", `&`/`+` → "and";
 * - durations written as "60-second", "60s", "60 sec", "1 minute", "one minute",
 *   "half a minute" all become `<seconds> second` ("60 second", "30 second");
 * - "another 6 seconds" / "5 more seconds" become "extra second"; "4-5 clips" keeps the upper
 *   count and "5 generated clips" becomes "several clips"; a dash between spaces becomes a comma
 *   (a clause boundary: "not a wallpaper - a thumbnail");
 * - punctuation and hyphens become spaces ("talking-head" → "talking head"), except a dot
 *   between digits ("flux.2").
 * Word forms (plurals, -ing, …) are not handled here: lemmas and stems come from wink-nlp.
 */

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  five: 5,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fortyfive: 45,
  sixty: 60,
  ninety: 90,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  six: 6,
};

/**
 * Lower-cases, strips accents, folds durations and punctuation (see the module comment).
 * Returns a single-spaced string; stop words are still present.
 */
export function normalizeText(input: string): string {
  return stripPunctuation(foldDurations(input));
}

/**
 * The folds of `normalizeText` that keep punctuation (clause boundaries matter to negation):
 * lower case, accents, `w/`, `&`, durations, "3-D"/"3 d" → "3d", "lip-sync" → "lip sync".
 */
export function foldDurations(input: string): string {
  let s = input
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  s = s.replace(/\bw\//g, " with ").replace(/[&+]/g, " and ");
  // "half a minute", "a minute", "one minute", "2 minutes", "1.5 min"
  s = s.replace(/\bhalf (?:a |an )?minute\b/g, "30 second");
  s = s.replace(
    /\b(a|an|one|two|three|four|five|ten)[\s-]+(minutes?|mins?)\b/g,
    (_m, n: string) => `${(n === "a" || n === "an" ? 1 : NUMBER_WORDS[n]) * 60} second`,
  );
  s = s.replace(/\b(\d+(?:\.\d+)?)[\s-]*(minutes?|mins?)\b/g, (_m, n: string) => `${Math.round(Number(n) * 60)} second`);
  // "thirty-second", "sixty seconds"
  s = s.replace(
    /\b(five|ten|fifteen|twenty|thirty|forty|sixty|ninety)[\s-]+(seconds?|secs?)\b/g,
    (_m, n: string) => `${NUMBER_WORDS[n]} second`,
  );
  // "60-second", "60s", "60 sec", "60secs"
  s = s.replace(/\b(\d+(?:\.\d+)?)[\s-]*(seconds?|secs?|s)\b/g, "$1 second");
  // "another 6 seconds", "5 more seconds", "an extra 10 seconds" → "extra second" (asks for more length)
  s = s.replace(/\b(?:another|an extra|extra)\s+\d+(?:\.\d+)? second\b|\b\d+(?:\.\d+)? (?:more|extra) second\b/g, "extra second");
  // A dash between spaces ends a clause like a comma ("not a wallpaper - a thumbnail").
  s = s.replace(/\s[-\u2013\u2014]+\s/g, ", ");
  // "4-5 clips", "3 to 4 shots": the upper count; "5 generated clips" → "several clips".
  s = s.replace(/\b(\d{1,2})\s*(?:-|\u2013|to|or)\s*(\d{1,2})\b(?=\s+[a-z])/g, "$2");
  s = s.replace(
    /\b(?:[2-9]|1\d)\s+(?:(?:generated|separate|different|short|connected|linked|consecutive|video|ai)\s+)?(clips?|shots?|segments?)\b/g,
    "several $1",
  );
  s = s.replace(/\b([23])[\s-]?d\b/g, "$1d").replace(/(\w)-(\w)/g, "$1 $2");
  return s;
}

// eslint-disable-next-line no-control-regex -- \u0001 is the decimal-point stand-in of stripPunctuation
const NOT_WORD_OR_MARK = /[^a-z0-9\u0001]+/g;
// eslint-disable-next-line no-control-regex -- the same stand-in
const DECIMAL_MARK = /\u0001/g;

function stripPunctuation(input: string): string {
  let s = input;
  // keep "flux.2"-style version dots; every other punctuation mark separates words
  // \u0001 stands in for a decimal point while punctuation is stripped.
  s = s.replace(/(\d)\.(\d)/g, "$1\u0001$2");
  s = s.replace(NOT_WORD_OR_MARK, " ");
  s = s.replace(DECIMAL_MARK, ".");
  return s.trim().replace(/\s+/g, " ");
}
