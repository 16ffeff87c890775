import { describe, expect, it } from "vitest";
import { understandPlatform, understandTemplate } from "./understand";

const platform = (text: string) => understandPlatform(text).best?.id ?? null;
const template = (text: string) => understandTemplate(text).best?.id ?? null;

describe("depiction: what a picture shows is not where it goes", () => {
  it.each([
    ["close-up of a fishing reel on a pier", "a reel for my bakery's Instagram", "instagram_reel"],
    ["a knight holding a banner in the rain", "a banner for my website showing a knight", "banner_web"],
    ["a robot reading an email at his desk", "an email header showing a robot", "email_header"],
    ["interior of a shop selling old posters", "a poster for my shop, to print at 24x36", "print_poster"],
    ["a gamer's den lit by a curved ultrawide monitor", "wallpaper for my curved ultrawide monitor", "ultrawide"],
    ["sketch of a designer working on app icons", "an icon for my weather app", "app_icon"],
    ["two friends watching a YouTube video on a sofa", "a thumbnail for my YouTube video", "youtube_thumbnail"],
  ])("%j names no platform, while %j is %s", (depicted, destined, id) => {
    expect(platform(depicted)).toBeNull();
    expect(platform(destined)).toBe(id);
  });

  it("reports the depicted concepts it left out", () => {
    const d = understandPlatform("a medieval knight holding a tattered banner");
    expect(d.understanding.depicted.has("banner")).toBe(true);
    expect(d.understanding.present.has("banner")).toBe(false);
  });

  it("keeps the destination when the picture's content is a scene with people", () => {
    expect(platform("YouTube thumbnail of me holding a giant pizza")).toBe("youtube_thumbnail");
    expect(platform("a story for instagram of a woman holding a coffee")).toBe("instagram_story");
    expect(platform("Make a wallpaper for my PC of a robot reading an email")).toBe("wallpaper_desktop");
  });

  it("a presentation verb keeps its subject: the post announces, it is not in a picture", () => {
    expect(platform("an Instagram post announcing our summer sale")).toBe("instagram_post");
    expect(platform("a LinkedIn post celebrating our tenth year")).toBe("linkedin_post");
  });

  it('"in the background" and "…, photographed from" mark the phrase before them as depicted', () => {
    expect(platform("a cafe table with a torn poster in the background")).toBeNull();
    expect(platform("a framed poster in a hallway, photographed from below")).toBeNull();
    expect(platform("a poster of Rome on the wall of a student flat")).toBeNull();
  });

  it("a platform word before 'style' or 'look' names a look, not a destination", () => {
    expect(platform("an avatar-style drawing of a samurai")).toBeNull();
    expect(platform("an avatar for my Discord, a samurai")).toBe("avatar");
  });

  it("a quantity frame depicts what it holds: a pile of thumbnails is no thumbnail", () => {
    expect(platform("a pile of printed thumbnails on a film editor's table")).toBeNull();
  });

  it("an -ing noun is no participle: email marketing is still about email", () => {
    expect(platform("an email header for our email marketing for spring")).toBe("email_header");
  });
});

describe("destinations", () => {
  it.each([
    ["wallpaper for my Samsung, foggy forest", "wallpaper_phone"],
    ["background for my iMac, soft dunes", "wallpaper_desktop"],
    ["something calm for my laptop screen, a bamboo grove", "wallpaper_desktop"],
    ["my desktop needs a fresh look, a misty valley", "wallpaper_desktop"],
    ["a new image for my GitHub profile, a geometric fox", "avatar"],
    ["21:9 image of a canyon at noon", "ultrawide"],
    ["a picture for my X thread on sleep", "twitter_post"],
    ["the little icon you tap on the home screen to open my journaling app", "app_icon"],
  ])("%j → %s", (text, id) => {
    expect(platform(text)).toBe(id);
  });

  it('"not a phone wallpaper, a desktop one" is the desktop wallpaper', () => {
    expect(platform("not a phone wallpaper this time, a desktop one: a quiet harbour")).toBe("wallpaper_desktop");
  });

  it("a gerund inside the destination phrase is part of its name, not an action", () => {
    expect(platform("an icon for my meal planning app, a fork holding a leaf")).toBe("app_icon");
  });

  it("a wall as the destination is a physical wallpaper, not a screen", () => {
    expect(platform("a wallpaper pattern of cherries for a nursery wall")).toBeNull();
    expect(platform("a wallpaper of cherries for my desktop")).toBe("wallpaper_desktop");
  });

  it("a device that is only a modifier is no destination", () => {
    expect(platform("a cat asleep on a laptop keyboard")).toBeNull();
  });
});

describe("templates of the round-4 families", () => {
  it("a photorealistic render is a style of one image, not a photorealism polish", () => {
    expect(template("a photorealistic 3D render of a teapot")).toBeNull();
    expect(template("a photorealistic product render of a watch, single image")).toBeNull();
  });

  it("a realism pass, or a result nobody can tell from a photo, is the photorealism polish", () => {
    expect(template("give this generated portrait a realism pass")).toBe("photorealism_polish");
    expect(template("make the render believable so nobody can tell it's AI")).toBe("photorealism_polish");
  });

  it("a voiceover over product footage is a product video; a person speaking on camera is a talking head", () => {
    expect(template("a product reel for our serum with a voiceover saying 'meet Nova'")).toBe("product_video");
    expect(template("a hero loop of our headphones being revealed from the dark")).toBe("product_video");
    expect(template("a woman holding our serum and saying 'meet Nova' to camera, lip synced")).toBe("talking_head");
  });

  it("a selfie in a painter's or film look is a style transfer, even as a pfp", () => {
    expect(template("restyle my selfie in a Miyazaki film look, it will be my discord pfp")).toBe("style_transfer");
  });

  it('"4-5 clips" joined into one video is a long chained video, not an extension', () => {
    expect(template("4-5 generated clips of a river joined into one continuous video")).toBe("video_chain_long");
  });

  it('"another 8 seconds" asks for more length: an extension', () => {
    expect(template("keep my clip of the tide going for another 8 seconds")).toBe("video_extend");
  });

  it("the same mascot in a series of posts is a character sheet", () => {
    expect(template("our otter mascot in a series of posts, the same otter every time")).toBe("character_sheet");
  });
});
