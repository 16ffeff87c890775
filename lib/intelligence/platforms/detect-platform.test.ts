import { describe, expect, it } from "vitest";
import { detectPlatform } from "./detect-platform";
import { PLATFORM_IDS, platformSize, type PlatformId } from "./presets";

/** At least two phrasings per platform id of the reference table. */
const PHRASINGS: Record<PlatformId, string[]> = {
  instagram_post: ["an Instagram post for our launch", "insta post", "IG feed post", "for instagram"],
  instagram_story: ["Instagram story", "three IG stories", "insta-story frame", "a TikTok story"],
  instagram_reel: ["Instagram Reel cover", "reels for the campaign", "IG reel"],
  tiktok: ["TikTok product teaser", "tik tok", "a Tik-Tok video", "three tiktoks"],
  youtube_thumbnail: ["YouTube thumbnails", "YT thumbnail for my vlog", "a youtube thumb", "video thumbnail"],
  youtube_video: ["youtube video intro frame", "YouTube", "a frame for YT videos"],
  twitter_post: ["tweet", "X post about the release", "twitter", "image for twitter/x", "an x.com image"],
  linkedin_post: ["for a LinkedIn post", "linkedin", "Linked-In feed image"],
  facebook_post: ["FB post", "facebook", "a Facebook feed image"],
  facebook_cover: ["facebook cover", "FB cover photo", "new cover photo"],
  pinterest: ["pinterest pin", "Pinterest", "pins for pinterest"],
  app_icon: ["app icon", "iOS app icons", "an android icon"],
  game_asset: ["game asset", "game sprites", "a sprite of a sword"],
  game_texture: ["seamless texture", "tileable textures of moss", "a game texture"],
  print_a4: ["A4 print", "an a4 flyer", "A4 poster for the fair"],
  print_poster: ["poster", "concert posters", "a wall poster"],
  wallpaper_desktop: ["desktop wallpaper", "a wallpaper", "laptop background"],
  wallpaper_phone: ["phone wallpaper", "mobile wallpaper", "iPhone wallpaper", "lock screen"],
  banner_web: ["hero banner", "website banner", "a banner", "hero image for the landing page"],
  email_header: ["email header", "e-mail banner", "newsletter header"],
  avatar: ["avatar", "profile picture", "pfp", "new profile pics"],
  ultrawide: ["ultrawide", "ultra-wide monitor wallpaper", "an Ultra Wide desktop wallpaper"],
};

/** Exact pixel sizes: width = resolution, height = width × ratio, rounded. */
const SIZES: Record<PlatformId, [number, number, string]> = {
  instagram_post: [1080, 1350, "4:5"],
  instagram_story: [1080, 1920, "9:16"],
  instagram_reel: [1080, 1920, "9:16"],
  tiktok: [1080, 1920, "9:16"],
  youtube_thumbnail: [1280, 720, "16:9"],
  youtube_video: [1920, 1080, "16:9"],
  twitter_post: [1200, 675, "16:9"],
  linkedin_post: [1080, 1080, "1:1"],
  facebook_post: [1080, 1080, "1:1"],
  facebook_cover: [1640, 923, "16:9"],
  pinterest: [1000, 1500, "2:3"],
  app_icon: [1024, 1024, "1:1"],
  game_asset: [1024, 1024, "1:1"],
  game_texture: [1024, 1024, "1:1"],
  print_a4: [2480, 3307, "3:4"],
  print_poster: [3000, 4500, "2:3"],
  wallpaper_desktop: [2560, 1440, "16:9"],
  wallpaper_phone: [1440, 2560, "9:16"],
  banner_web: [1920, 1080, "16:9"],
  email_header: [600, 338, "16:9"],
  avatar: [512, 512, "1:1"],
  ultrawide: [2560, 1097, "21:9"],
};

describe("detectPlatform", () => {
  it("covers all 22 platform ids of the reference", () => {
    expect(Object.keys(PHRASINGS).sort()).toEqual([...PLATFORM_IDS].sort());
    expect(PLATFORM_IDS).toHaveLength(22);
  });

  for (const id of PLATFORM_IDS) {
    it.each(PHRASINGS[id])(`${id} ← %s`, (text) => {
      expect(detectPlatform(text)?.id).toBe(id);
    });
  }

  it("is case-insensitive", () => {
    expect(detectPlatform("TIKTOK")?.id).toBe("tiktok");
    expect(detectPlatform("instagram STORY")?.id).toBe("instagram_story");
  });

  it("prefers the most specific match", () => {
    expect(detectPlatform("Instagram story")?.id).toBe("instagram_story");
    expect(detectPlatform("an Instagram carousel")?.id).toBe("instagram_post");
    expect(detectPlatform("YouTube thumbnail")?.id).toBe("youtube_thumbnail");
    expect(detectPlatform("for YouTube")?.id).toBe("youtube_video");
    expect(detectPlatform("facebook cover")?.id).toBe("facebook_cover");
    expect(detectPlatform("phone wallpaper")?.id).toBe("wallpaper_phone");
    expect(detectPlatform("email banner")?.id).toBe("email_header");
    expect(detectPlatform("A4 poster")?.id).toBe("print_a4");
    expect(detectPlatform("an ultrawide desktop wallpaper")?.id).toBe("ultrawide");
    expect(detectPlatform("post it to tiktok and as an instagram story")?.id).toBe("instagram_story");
  });

  it("returns null when no platform is named (no false friends)", () => {
    for (const text of [
      "",
      "a portrait of a cat",
      "a box post",
      "the story of a dragon",
      "bigger picture",
      "rigged character",
      undefined,
      null,
    ]) {
      expect(detectPlatform(text as string)).toBeNull();
    }
  });
});

describe("platformSize: the 22 exact pixel sizes", () => {
  it.each(Object.entries(SIZES))("%s → %j", (id, [width, height, aspectRatio]) => {
    expect(platformSize(id)).toEqual({ width, height, aspectRatio });
  });
});
