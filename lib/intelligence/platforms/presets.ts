/**
 * The 22 platform presets of platform-aware formatting
 * (shared/reference/intelligence-resolver-recommend-plan.txt, "Platform-aware formatting").
 * `resolution` is the output width in pixels; the height is the width times the ratio
 * (height term / width term), rounded to the nearest pixel. Pure module.
 */

export const PLATFORM_IDS = [
  "instagram_post",
  "instagram_story",
  "instagram_reel",
  "tiktok",
  "youtube_thumbnail",
  "youtube_video",
  "twitter_post",
  "linkedin_post",
  "facebook_post",
  "facebook_cover",
  "pinterest",
  "app_icon",
  "game_asset",
  "game_texture",
  "print_a4",
  "print_poster",
  "wallpaper_desktop",
  "wallpaper_phone",
  "banner_web",
  "email_header",
  "avatar",
  "ultrawide",
] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export interface PlatformPreset {
  id: PlatformId;
  label: string;
  /** "W:H", one of the aspect ratios the Generation node accepts. */
  aspectRatio: "1:1" | "16:9" | "9:16" | "4:5" | "3:2" | "2:3" | "3:4" | "4:3" | "21:9";
  /** Output width in pixels. */
  resolution: number;
  note: string;
}

const row = (
  id: PlatformId,
  label: string,
  aspectRatio: PlatformPreset["aspectRatio"],
  resolution: number,
  note: string,
): PlatformPreset => ({
  id,
  label,
  aspectRatio,
  resolution,
  note,
});

export const PLATFORM_PRESETS: readonly PlatformPreset[] = [
  row("instagram_post", "Instagram post", "4:5", 1080, "Instagram feed post"),
  row("instagram_story", "Instagram story", "9:16", 1080, "Instagram/TikTok story"),
  row("instagram_reel", "Instagram Reel", "9:16", 1080, "Instagram Reel"),
  row("tiktok", "TikTok", "9:16", 1080, "TikTok vertical video"),
  row("youtube_thumbnail", "YouTube thumbnail", "16:9", 1280, "YouTube thumbnail"),
  row("youtube_video", "YouTube video", "16:9", 1920, "YouTube video frame"),
  row("twitter_post", "X / Twitter post", "16:9", 1200, "Twitter/X post image"),
  row("linkedin_post", "LinkedIn post", "1:1", 1080, "LinkedIn square post"),
  row("facebook_post", "Facebook post", "1:1", 1080, "Facebook post"),
  row("facebook_cover", "Facebook cover", "16:9", 1640, "Facebook cover photo"),
  row("pinterest", "Pinterest pin", "2:3", 1000, "Pinterest pin"),
  row("app_icon", "App icon", "1:1", 1024, "Mobile app icon"),
  row("game_asset", "Game asset", "1:1", 1024, "Game asset (power of 2)"),
  row("game_texture", "Game texture", "1:1", 1024, "Seamless game texture"),
  row("print_a4", "A4 print", "3:4", 2480, "A4 print at 300 DPI"),
  row("print_poster", "Poster print", "2:3", 3000, "Poster print"),
  row("wallpaper_desktop", "Desktop wallpaper", "16:9", 2560, "Desktop wallpaper"),
  row("wallpaper_phone", "Phone wallpaper", "9:16", 1440, "Phone wallpaper"),
  row("banner_web", "Website banner", "16:9", 1920, "Website hero banner"),
  row("email_header", "Email header", "16:9", 600, "Email header image"),
  row("avatar", "Avatar", "1:1", 512, "Profile picture / avatar"),
  row("ultrawide", "Ultrawide", "21:9", 2560, "Ultrawide monitor"),
];

const BY_ID = new Map(PLATFORM_PRESETS.map((p) => [p.id, p]));

/** The preset for `id`, or undefined. */
export function getPlatformPreset(id: string): PlatformPreset | undefined {
  return BY_ID.get(id as PlatformId);
}

/**
 * Pixel size of a preset: width = resolution, height = round(width × h / w).
 * @example platformSize("instagram_story") // { width: 1080, height: 1920, aspectRatio: "9:16" }
 * @throws Error for an unknown platform id.
 */
export function platformSize(id: string): { width: number; height: number; aspectRatio: PlatformPreset["aspectRatio"] } {
  const preset = BY_ID.get(id as PlatformId);
  if (!preset) throw new Error(`Unknown platform "${id}"`);
  const [w, h] = preset.aspectRatio.split(":").map(Number);
  return { width: preset.resolution, height: Math.round((preset.resolution * h) / w), aspectRatio: preset.aspectRatio };
}

/** Options for a select: "Instagram story — 1080 × 1920". */
export const PLATFORM_OPTIONS = PLATFORM_PRESETS.map((p) => {
  const { width, height } = platformSize(p.id);
  return { value: p.id, label: `${p.label} — ${width} × ${height}` };
});
