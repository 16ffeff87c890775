/**
 * Intent inference for stage 3 (score): turns a prompt into "cues", each a set of catalog tag
 * values (`style:…`, `use:…`, `subcategory:…` without the namespace).
 *
 * Algorithm:
 * 1. Vocabulary (built once per catalog, ./catalog-index.ts): every style/use/subcategory value of
 *    the catalog is a phrase of itself ("pixel-art" → "pixel art"); SYNONYMS adds everyday words
 *    ("realistic" → photoreal, "lettering" → typography + text-rendering). Synonym values missing
 *    from the catalog are ignored, so a refreshed catalog never yields dangling cues.
 * 2. Words are lower-cased and lightly stemmed (plural, -ing, -ed) on both sides, so "posters",
 *    "animated" and "editing" match "poster", "animate" and "edit".
 * 3. The prompt is scanned left to right; at each word the longest phrase wins and its words are
 *    consumed. Cues with the same value set count once.
 * Pure module; no regex is compiled per call.
 */

/** Everyday phrases → catalog tag values. A phrase may name several values (one cue). */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  // styles
  photo: ["photoreal"],
  photograph: ["photoreal"],
  photography: ["photoreal"],
  photographic: ["photoreal"],
  photorealistic: ["photoreal"],
  "photo realistic": ["photoreal"],
  realistic: ["photoreal"],
  realism: ["photoreal"],
  lifelike: ["photoreal"],
  hyperrealistic: ["photoreal"],
  "hyper realistic": ["photoreal"],
  dslr: ["photoreal"],
  illustrated: ["illustration"],
  illustrative: ["illustration"],
  drawing: ["illustration"],
  "hand drawn": ["illustration"],
  cartoon: ["illustration"],
  comic: ["illustration"],
  storybook: ["illustration"],
  stylised: ["stylized"],
  anime: ["stylized"],
  manga: ["stylized"],
  "cel shaded": ["stylized"],
  painterly: ["stylized"],
  watercolor: ["stylized"],
  watercolour: ["stylized"],
  "oil painting": ["stylized"],
  "concept art": ["stylized"],
  "fantasy art": ["stylized"],
  chibi: ["stylized"],
  film: ["cinematic"],
  filmic: ["cinematic"],
  movie: ["cinematic"],
  cinema: ["cinematic"],
  "film still": ["cinematic"],
  "flat design": ["graphic-design"],
  infographic: ["graphic-design"],
  "brand identity": ["graphic-design", "logo"],
  // use cases
  typography: ["typography", "text-rendering"],
  typographic: ["typography", "text-rendering"],
  lettering: ["typography", "text-rendering"],
  font: ["typography"],
  headline: ["typography", "text-rendering"],
  "text overlay": ["typography", "text-rendering"],
  "legible text": ["text-rendering", "typography"],
  "in image text": ["text-rendering", "typography"],
  "with text": ["text-rendering", "typography"],
  tagline: ["typography"],
  slogan: ["typography"],
  logo: ["logo"],
  logotype: ["logo", "typography"],
  wordmark: ["logo", "typography"],
  emblem: ["logo"],
  monogram: ["logo"],
  flyer: ["poster"],
  placard: ["poster"],
  "movie poster": ["poster", "cinematic"],
  packshot: ["product"],
  "pack shot": ["product"],
  "product shot": ["product"],
  ecommerce: ["product"],
  "e commerce": ["product"],
  merchandise: ["product"],
  campaign: ["marketing"],
  promo: ["marketing"],
  promotional: ["marketing"],
  ad: ["ads"],
  advert: ["ads"],
  advertisement: ["ads"],
  advertising: ["ads"],
  commercial: ["ads"],
  teaser: ["ads"],
  ui: ["ui-mockup"],
  "user interface": ["ui-mockup"],
  mockup: ["ui-mockup"],
  "mock up": ["ui-mockup"],
  wireframe: ["ui-mockup"],
  "app screen": ["ui-mockup"],
  "landing page": ["ui-mockup"],
  icon: ["icons"],
  iconography: ["icons"],
  favicon: ["icons"],
  mascot: ["character"],
  "consistent character": ["character-consistency", "character"],
  "same character": ["character-consistency", "character"],
  game: ["game-asset"],
  "video game": ["game-asset"],
  gaming: ["game-asset"],
  "game art": ["game-asset"],
  "game sprite": ["sprite", "game-asset"],
  "game texture": ["texture", "game-asset"],
  "game prop": ["prop", "game-asset"],
  spritesheet: ["sprite"],
  "sprite sheet": ["sprite"],
  tileable: ["texture"],
  "seamless texture": ["texture"],
  draft: ["drafts"],
  rough: ["drafts"],
  quick: ["drafts"],
  ideation: ["drafts"],
  batch: ["bulk"],
  "at scale": ["bulk"],
  prototype: ["prototyping"],
  "social media": ["social"],
  tiktok: ["social"],
  instagram: ["social"],
  meme: ["memes"],
  "package design": ["packaging"],
  "label design": ["packaging"],
  "box art": ["packaging"],
  edit: ["editing"],
  retouch: ["editing"],
  "complex edit": ["complex-edits"],
  lora: ["lora-base"],
  "fine tune": ["lora-base"],
  "custom model": ["lora-base"],
  header: ["banner"],
  crop: ["resize"],
  localize: ["localization"],
  localise: ["localization"],
  translate: ["localization"],
  translation: ["localization"],
  dub: ["localization"],
  dubbing: ["localization"],
  multilingual: ["localization"],
  "voice over": ["voiceover"],
  narrator: ["narration"],
  narrate: ["narration"],
  audiobook: ["narration"],
  dialog: ["dialogue"],
  "character voice": ["character-voice"],
  "phone call": ["telephony"],
  ivr: ["telephony"],
  "call center": ["telephony"],
  "sound effect": ["sfx"],
  "sound fx": ["sfx"],
  ambient: ["ambience"],
  soundscape: ["ambience"],
  "background noise": ["ambience"],
  "film score": ["soundtrack"],
  bgm: ["background-music"],
  "music bed": ["background-music"],
  vocal: ["vocals"],
  singing: ["vocals"],
  singer: ["vocals"],
  animate: ["animation", "motion"],
  animation: ["animation", "motion"],
  animated: ["animation", "motion"],
  mocap: ["animation", "motion"],
  "motion capture": ["animation", "motion"],
  "walk cycle": ["animation", "motion"],
  continue: ["continuation", "extend"],
  "next shot": ["continuation", "extend"],
  "style transfer": ["restyle"],
  printable: ["print"],
  sharpen: ["enhance"],
  restore: ["enhance"],
  upscaling: ["upscale"],
  enlarge: ["upscale"],
  "higher resolution": ["upscale"],
  // subcategories
  pixelart: ["pixel-art"],
  "8 bit": ["pixel-art"],
  "16 bit": ["pixel-art"],
  pixelated: ["pixel-art"],
  transparent: ["transparent-background"],
  "transparent png": ["transparent-background"],
  "alpha channel": ["transparent-background"],
  "no background": ["transparent-background", "cutout"],
  headshot: ["portrait"],
  "reference image": ["multi-reference"],
  "image set": ["sequence-sets"],
  "set of images": ["sequence-sets"],
  "sequence of images": ["sequence-sets"],
  "brand style": ["custom-style"],
  "pose control": ["controlnet"],
  "depth map": ["controlnet"],
  chinese: ["non-latin-text", "bilingual-text"],
  japanese: ["non-latin-text"],
  korean: ["non-latin-text"],
  arabic: ["non-latin-text"],
  bilingual: ["bilingual-text"],
  "non latin": ["non-latin-text"],
  panorama: ["wide-aspect"],
  panoramic: ["wide-aspect"],
  "combine images": ["multi-image-fusion"],
  "merge images": ["multi-image-fusion"],
  composite: ["multi-image-fusion"],
  transform: ["transformation"],
  uhd: ["4k"],
  "add detail": ["creative-upscale"],
  "faithful upscale": ["fidelity-upscale", "upscale"],
  fidelity: ["fidelity-upscale"],
  "cut out": ["cutout"],
  "remove background": ["cutout"],
  "background removal": ["cutout"],
  outpaint: ["expand"],
  "extend canvas": ["expand"],
  uncrop: ["expand"],
  reframe: ["aspect-change", "resize"],
  "change aspect": ["aspect-change"],
  vector: ["svg"],
  vectorize: ["svg"],
  "with sound": ["native-audio"],
  "with audio": ["native-audio"],
  sound: ["native-audio"],
  "first frame": ["first-last-frame"],
  "last frame": ["first-last-frame"],
  "end frame": ["first-last-frame"],
  "long video": ["long-form"],
  "30 second": ["long-form"],
  "60 second": ["long-form"],
  "multiple shots": ["multi-shot"],
  extension: ["extend"],
  "edit video": ["video-edit"],
  "video edit": ["video-edit"],
  "restyle video": ["video-edit", "restyle"],
  spokesperson: ["talking-head"],
  presenter: ["talking-head"],
  "lip sync": ["talking-head"],
  lipsync: ["talking-head"],
  "text to speech": ["tts"],
  speech: ["tts"],
  voice: ["tts"],
  "read aloud": ["tts"],
  expressive: ["expressive-tags"],
  "two speakers": ["multi-speaker"],
  podcast: ["multi-speaker"],
  "voice clone": ["voice-clone"],
  "clone voice": ["voice-clone"],
  "voice cloning": ["voice-clone"],
  footsteps: ["foley"],
  looping: ["loop"],
  "seamless loop": ["loop"],
  "no vocals": ["instrumental"],
  lyric: ["lyrics"],
  "physically based": ["pbr"],
  "high fidelity": ["high-fidelity"],
  detailed: ["high-fidelity"],
  lowpoly: ["low-poly"],
  quads: ["quad-topology"],
  topology: ["quad-topology"],
  rig: ["retarget"],
  unity: ["engine-export"],
  unreal: ["engine-export"],
  fbx: ["engine-export"],
  "game engine": ["engine-export"],
};

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

const WORD_SPLIT = /[^a-z0-9]+/;

/** Light stemmer applied to prompt words and phrase words alike: plural, -ing, -ed. */
export function stem(word: string): string {
  const n = word.length;
  if (n > 4 && word.endsWith("ies")) return word.slice(0, -3) + "y";
  if (n > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (n > 4 && word.endsWith("ed") && !word.endsWith("eed")) return word.slice(0, -2);
  if (n > 4 && (word.endsWith("ches") || word.endsWith("shes") || word.endsWith("sses") || word.endsWith("xes"))) return word.slice(0, -2);
  if (n > 2 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) return word.slice(0, -1);
  return word;
}

/** Lower-cased, stemmed words of `text`. */
export function stems(text: string): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().split(WORD_SPLIT)) if (w) out.push(stem(w));
  return out;
}

interface Phrase {
  /** Display form, e.g. "pixel art". */
  label: string;
  stems: string[];
  values: string[];
}

/** Phrase lookup keyed by the first stem, longest phrases first. Built once per catalog. */
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
    const s = stems(label);
    if (s.length === 0) return;
    const key = s.join(" ");
    const existing = merged.get(key);
    if (existing) {
      for (const v of present) if (!existing.values.includes(v)) existing.values.push(v);
    } else merged.set(key, { label, stems: s, values: [...present] });
  };
  for (const value of catalogValues) add(value.replace(/-/g, " "), [value]);
  for (const [phrase, values] of Object.entries(SYNONYMS)) add(phrase, values);
  const byFirst = new Map<string, Phrase[]>();
  for (const phrase of merged.values()) {
    const list = byFirst.get(phrase.stems[0]) ?? [];
    list.push(phrase);
    byFirst.set(phrase.stems[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return { byFirst };
}

/** The cues of `prompt`, in prompt order, one per distinct value set. */
export function inferCues(vocabulary: Vocabulary, prompt: string | undefined): Cue[] {
  if (!prompt) return [];
  const words = stems(prompt);
  const cues: Cue[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < words.length; ) {
    const candidates = vocabulary.byFirst.get(words[i]);
    let matched: Phrase | undefined;
    if (candidates) {
      for (const phrase of candidates) {
        let ok = i + phrase.stems.length <= words.length;
        for (let k = 1; ok && k < phrase.stems.length; k++) ok = words[i + k] === phrase.stems[k];
        if (ok) {
          matched = phrase;
          break;
        }
      }
    }
    if (!matched) {
      i++;
      continue;
    }
    i += matched.stems.length;
    const key = [...matched.values].sort().join("|");
    if (seen.has(key)) continue;
    seen.add(key);
    cues.push({ label: matched.label, values: matched.values });
  }
  return cues;
}
