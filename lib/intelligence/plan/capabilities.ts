/**
 * What each plan capability takes and gives, how composed plans order them, and the words
 * that name them in a description. Shared by plan composition and plan-to-graph. Pure module.
 */
import type { PlanCapability } from "./templates";

/** The kind of thing a step produces. `image` is what the studio's image nodes pass along. */
export type MediaKind = "image" | "video" | "audio" | "model3d" | "svg";

export interface CapabilityInfo {
  /** Short label for titles ("Image → Video"). */
  label: string;
  /** Step title in a composed plan. */
  stepTitle: string;
  /** Needs an image on its `image` input. */
  takesImage: boolean;
  /** Needs a video (`video`) or a sound (`audio`) on its `media` input. */
  takesMedia: "video" | "audio" | null;
  /** Takes the description as its prompt. */
  takesPrompt: boolean;
  gives: MediaKind;
  /** Position in a composed plan: images first, then edits, then conversions, then sound. */
  rank: number;
}

export const CAPABILITY_INFO: Readonly<Record<PlanCapability, CapabilityInfo>> = {
  txt2img: {
    label: "Image",
    stepTitle: "Generate the image",
    takesImage: false,
    takesMedia: null,
    takesPrompt: true,
    gives: "image",
    rank: 0,
  },
  img2img: {
    label: "Edit",
    stepTitle: "Edit the image from the prompt",
    takesImage: true,
    takesMedia: null,
    takesPrompt: true,
    gives: "image",
    rank: 1,
  },
  inpaint: {
    label: "Retouch",
    stepTitle: "Retouch the masked area",
    takesImage: true,
    takesMedia: null,
    takesPrompt: false,
    gives: "image",
    rank: 2,
  },
  outpaint: {
    label: "Expand",
    stepTitle: "Expand the canvas",
    takesImage: true,
    takesMedia: null,
    takesPrompt: false,
    gives: "image",
    rank: 3,
  },
  "background-removal": {
    label: "Cutout",
    stepTitle: "Remove the background",
    takesImage: true,
    takesMedia: null,
    takesPrompt: false,
    gives: "image",
    rank: 4,
  },
  upscale: {
    label: "Upscale",
    stepTitle: "Upscale the image",
    takesImage: true,
    takesMedia: null,
    takesPrompt: false,
    gives: "image",
    rank: 5,
  },
  img2svg: { label: "SVG", stepTitle: "Vectorize to SVG", takesImage: true, takesMedia: null, takesPrompt: false, gives: "svg", rank: 6 },
  img23d: {
    label: "3D model",
    stepTitle: "Convert the image to a 3D model",
    takesImage: true,
    takesMedia: null,
    takesPrompt: false,
    gives: "model3d",
    rank: 7,
  },
  txt23d: {
    label: "3D from text",
    stepTitle: "Generate 3D / motion from the text",
    takesImage: false,
    takesMedia: null,
    takesPrompt: true,
    gives: "model3d",
    rank: 8,
  },
  txt2video: {
    label: "Video",
    stepTitle: "Generate a video clip from the text",
    takesImage: false,
    takesMedia: null,
    takesPrompt: true,
    gives: "video",
    rank: 9,
  },
  img2video: {
    label: "Video",
    stepTitle: "Animate the image into a video clip",
    takesImage: true,
    takesMedia: null,
    takesPrompt: true,
    gives: "video",
    rank: 9,
  },
  video2video: {
    label: "Video edit",
    stepTitle: "Extend or edit the video clip",
    takesImage: false,
    takesMedia: "video",
    takesPrompt: true,
    gives: "video",
    rank: 10,
  },
  txt2audio: {
    label: "Voice",
    stepTitle: "Generate the voiceover",
    takesImage: false,
    takesMedia: null,
    takesPrompt: true,
    gives: "audio",
    rank: 11,
  },
  txt2music: {
    label: "Music",
    stepTitle: "Generate the music",
    takesImage: false,
    takesMedia: null,
    takesPrompt: true,
    gives: "audio",
    rank: 12,
  },
  txt2sfx: {
    label: "Sound effects",
    stepTitle: "Generate the sound effects",
    takesImage: false,
    takesMedia: null,
    takesPrompt: true,
    gives: "audio",
    rank: 13,
  },
  lipsync: {
    label: "Lipsync",
    stepTitle: "Lipsync the portrait to the voice",
    takesImage: true,
    takesMedia: "audio",
    takesPrompt: false,
    gives: "video",
    rank: 14,
  },
};

/**
 * Words that name a capability in a description (run on `normalizeText` output). Order does
 * not matter; composition sorts by `rank`.
 */
export const CAPABILITY_MENTIONS: ReadonlyArray<{ capability: PlanCapability | "video"; pattern: RegExp }> = [
  {
    capability: "txt2img",
    pattern:
      /\b(images?|pictures?|pics?|photos?|photographs?|illustrations?|drawings?|draw|paint|renders?|artworks?|posters?|portraits?|headshots?|icons?|wallpapers?|thumbnails?|banners?|stickers?|concept arts?|paintings?|sketch(es)?|logos?|mockups?|visuals?|key ?visuals?)\b/,
  },
  {
    capability: "img2img",
    pattern:
      /\b(edit (the |this |my )?(image|photo|picture)|restyle|re style|in the style of|style transfer|variations?|recolou?r\w*|transform (it|the image|the photo|my photo))\b/,
  },
  {
    capability: "inpaint",
    pattern: /\b(inpaint\w*|retouch\w*|erase|remove (the |a |an )?(objects?|person|people|text|watermarks?|blemish\w*|wires?))\b/,
  },
  {
    capability: "outpaint",
    pattern:
      /\b(outpaint\w*|uncrop\w*|reframe\w*|(expand\w*|extend\w*|widen\w*) (\w+ ){0,3}(canvas|image|picture|photo|frame|borders?)|(wider|bigger|larger) canvas)\b/,
  },
  {
    capability: "background-removal",
    pattern:
      /\b((remov\w*|strip\w*|delet\w*|eras\w*|drop\w*) (\w+ ){0,2}(background|bg)s?|(background|bg)s? (removed|removal|stripped|cut out|gone)|cut ?outs?|cut it out|transparent|no background|isolat\w*|background removal|bg removal)\b/,
  },
  { capability: "upscale", pattern: /\b(upscal\w*|upres\w*|super ?resolution|enhance|hd|hi res|high res\w*|4k|8k|2x|4x|sharpen\w*)\b/ },
  { capability: "img2svg", pattern: /\b(svg|vectors?|vectori[sz]\w*|vector art|scalable)\b/ },
  { capability: "txt23d", pattern: /\b(text to (3d|motion)|mocap|motion capture|text to animation|character motion)\b/ },
  { capability: "img23d", pattern: /\b(3d|3 d|three d|meshe?s?|glb|fbx|obj file|3d models?)\b/ },
  { capability: "video", pattern: /\b(videos?|clips?|animat\w*|movies?|footage|reels?|trailers?|gifs?|cinematic shots?)\b/ },
  { capability: "video2video", pattern: /\b((extend\w*|continu\w*|edit\w*|restyl\w*|lengthen\w*) (\w+ ){0,2}(videos?|clips?|footage))\b/ },
  { capability: "txt2audio", pattern: /\b(voice ?overs?|voices?|voiced|narrat\w*|speech|spoken|tts|text to speech|dialogue|read aloud)\b/ },
  { capability: "txt2music", pattern: /\b(music\w*|soundtracks?|songs?|jingles?|melod\w*|background tracks?)\b/ },
  { capability: "txt2sfx", pattern: /\b(sound effects?|sfx|foley)\b/ },
  { capability: "lipsync", pattern: /\b(lip ?sync\w*|talking|lip synced|mouth movements?)\b/ },
];

/** The description refers to an image the user already has ("my photo", "this logo", "uploaded"). */
export const EXISTING_IMAGE =
  /\b((my|our|this|these|uploaded|existing|source|given|attached|input) (own )?(\w+ )?(images?|photos?|pictures?|shots?|logos?|portraits?|selfies?|drawings?|artworks?|renders?|illustrations?|headshots?|sketch(es)?|scans?)|upload\w*|from an? (photo|image|picture))\b/;

/** "animate" implies an image to animate. */
export const ANIMATE = /\banimat\w*\b/;
