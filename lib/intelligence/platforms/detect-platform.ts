/**
 * Platform detection for platform-aware formatting (intelligence-resolver-recommend-plan.txt,
 * "Platform-aware formatting"): a prompt that names a target platform ("TikTok", "Instagram
 * story", "YouTube thumbnail", "for a LinkedIn post", "A4 print", …) yields that preset of
 * ./presets.ts. Case-insensitive; plurals, spaces, hyphens and common abbreviations tolerated
 * ("tik tok", "IG stories", "YT thumbnails", "pfp").
 *
 * The most specific match wins: every rule has a rank (3 = platform + format such as "Instagram
 * story", 2 = a platform or a format that names one such as "TikTok" or "A4", 1 = a generic word
 * such as "poster" or "wallpaper"); ties go to the longer match, then the earlier one. So
 * "Instagram story" beats "Instagram", plain "Instagram" is instagram_post and "YouTube" alone
 * is youtube_video. Patterns are compiled once at module load. Pure module.
 */
import { getPlatformPreset, type PlatformId, type PlatformPreset } from "./presets";

interface Rule {
  id: PlatformId;
  rank: number;
  re: RegExp;
}

const SEP = String.raw`[\s\-_]*`;
const IG = String.raw`(?:instagram|insta|ig)`;
const TIKTOK = String.raw`tik${SEP}toks?`;

/** [id, rank, pattern source]; `\b` is added on both sides. */
const RULE_SOURCES: Array<[PlatformId, number, string]> = [
  ["instagram_story", 3, `${IG}${SEP}stor(?:y|ies)`],
  ["instagram_story", 3, `${TIKTOK}${SEP}stor(?:y|ies)`],
  ["instagram_reel", 3, `${IG}${SEP}reels?`],
  ["instagram_reel", 2, `reels?`],
  ["instagram_post", 3, `${IG}${SEP}(?:feed${SEP})?(?:posts?|feeds?|images?|photos?|pics?)`],
  ["instagram_post", 2, `insta(?:gram)?|ig`],
  ["tiktok", 3, `${TIKTOK}${SEP}(?:videos?|clips?|ads?|posts?)`],
  ["tiktok", 2, TIKTOK],
  ["youtube_thumbnail", 3, `(?:youtube|yt)${SEP}thumb(?:nail)?s?`],
  ["youtube_thumbnail", 1, `thumbnails?`],
  ["youtube_video", 3, `(?:youtube|yt)${SEP}(?:videos?|clips?|frames?)`],
  ["youtube_video", 2, `youtube`],
  ["twitter_post", 3, `(?:twitter|x)${SEP}(?:posts?|images?|cards?|headers?)`],
  ["twitter_post", 2, `twitter|tweets?|x\\.com`],
  ["linkedin_post", 3, `linked${SEP}in${SEP}(?:posts?|feeds?|images?)`],
  ["linkedin_post", 2, `linked${SEP}in`],
  ["facebook_cover", 3, `(?:facebook|fb)${SEP}covers?(?:${SEP}(?:photos?|images?))?`],
  ["facebook_cover", 1, `cover${SEP}photos?`],
  ["facebook_post", 3, `(?:facebook|fb)${SEP}(?:posts?|feeds?|images?)`],
  ["facebook_post", 2, `facebook|fb`],
  ["pinterest", 3, `pinterest${SEP}pins?`],
  ["pinterest", 2, `pinterest`],
  ["app_icon", 3, `(?:app|ios|android|application|mobile${SEP}app)${SEP}icons?`],
  ["game_asset", 3, `game${SEP}(?:assets?|sprites?|items?|props?)`],
  ["game_asset", 1, `sprites?`],
  ["game_texture", 3, `(?:seamless|tileable|tiling)${SEP}(?:game${SEP})?textures?|game${SEP}textures?`],
  ["print_a4", 3, `a4(?:${SEP}(?:prints?|posters?|flyers?|pages?|sheets?|paper|size|format))?`],
  ["print_poster", 2, `(?:print(?:ed)?|wall|movie|concert|event)${SEP}posters?|posters?${SEP}prints?`],
  ["print_poster", 1, `posters?`],
  ["wallpaper_desktop", 3, `(?:desktop|pc|computer|laptop|monitor)${SEP}(?:wall${SEP}papers?|backgrounds?)`],
  ["wallpaper_desktop", 1, `wall${SEP}papers?`],
  ["wallpaper_phone", 3, `(?:phone|mobile|iphone|android|smartphone|lock${SEP}screen)${SEP}(?:wall${SEP}papers?|backgrounds?)`],
  ["wallpaper_phone", 2, `lock${SEP}screens?`],
  ["banner_web", 3, `(?:hero|website|web|site|landing${SEP}page)${SEP}banners?|hero${SEP}(?:images?|sections?|headers?)|website${SEP}headers?`],
  ["banner_web", 1, `banners?`],
  ["email_header", 3, `(?:e${SEP}mail|newsletter)${SEP}(?:headers?|banners?|heros?)`],
  ["avatar", 3, `profile${SEP}(?:pictures?|pics?|photos?|images?)`],
  ["avatar", 2, `avatars?|pfps?`],
  ["ultrawide", 4, `ultra${SEP}wide(?:${SEP}(?:monitors?|screens?|displays?|wall${SEP}papers?))?`],
];

const RULES: Rule[] = RULE_SOURCES.map(([id, rank, source]) => ({ id, rank, re: new RegExp(`\\b(?:${source})\\b`, "i") }));

/** The best rule match in `text`, with its rank, span and id, or null. */
export function matchPlatform(text: string): { id: PlatformId; rank: number; index: number; match: string } | null {
  let best: { id: PlatformId; rank: number; index: number; match: string } | null = null;
  for (const rule of RULES) {
    const m = rule.re.exec(text);
    if (!m) continue;
    const candidate = { id: rule.id, rank: rule.rank, index: m.index, match: m[0] };
    if (
      !best ||
      candidate.rank > best.rank ||
      (candidate.rank === best.rank && candidate.match.length > best.match.length) ||
      (candidate.rank === best.rank && candidate.match.length === best.match.length && candidate.index < best.index)
    ) {
      best = candidate;
    }
  }
  return best;
}

/**
 * The platform preset a text names, or null.
 * @example detectPlatform("TikTok product teaser")?.id // "tiktok"
 * @example detectPlatform("three IG stories")?.id     // "instagram_story"
 * Size: `platformSize(preset.id)` (./presets.ts).
 */
export function detectPlatform(text: string | null | undefined): PlatformPreset | null {
  if (!text) return null;
  const best = matchPlatform(text);
  return best ? (getPlatformPreset(best.id) ?? null) : null;
}
