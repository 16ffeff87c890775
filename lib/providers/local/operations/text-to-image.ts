/**
 * Text-to-image for the local engine: a deterministic picture derived from prompt and seed at
 * the requested size. It cannot draw what the prompt describes, so it says so on the image
 * ("Local preview engine" plus the prompt) (ARCHITECTURE.md, "Providers").
 */
import sharp from "sharp";
import { assertSide, pngOptions, type OperationResult } from "./raster";
import { hslToRgb, seededRandom, type Random } from "./seeded-random";

export interface TextToImageOptions {
  prompt: string;
  /** Any integer; the same prompt and seed give identical bytes. */
  seed: number;
  /** Output size in pixels, 1..MAX_SIDE (8192). */
  width: number;
  height: number;
  /** Draw the "Local preview engine" caption (default true; skipped below 96×48 px anyway). */
  caption?: boolean;
}

/** The caption's first line, shown on every generated image. */
export const LOCAL_ENGINE_CAPTION = "Local preview engine";

/** The colour field is computed at 1/FIELD_SCALE of the size and resized up (it is smooth). */
const FIELD_SCALE = 8;
const MAX_PROMPT_SHOWN = 120;

/**
 * Renders a smooth colour field (a two-stop diagonal gradient plus 3 to 6 soft blobs, colours
 * from a SHA-256 of prompt and seed) at exactly `width × height` pixels, with a caption band
 * naming the local engine and the (truncated) prompt.
 * @returns opaque RGB PNG bytes; identical for identical options.
 * @throws RangeError for a size outside 1..8192 px, a non-integer seed or a non-string prompt.
 */
export async function textToImage(options: TextToImageOptions): Promise<OperationResult> {
  const { prompt, seed, width, height } = options;
  if (typeof prompt !== "string") throw new RangeError("prompt must be a string");
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${String(seed)}`);
  assertSide("width", width);
  assertSide("height", height);

  const random = seededRandom("txt2img", prompt, seed);
  const fieldW = Math.max(2, Math.ceil(width / FIELD_SCALE));
  const fieldH = Math.max(2, Math.ceil(height / FIELD_SCALE));
  const field = colourField(random, fieldW, fieldH);
  let pipeline = sharp(field, { raw: { width: fieldW, height: fieldH, channels: 3 } }).resize(width, height, {
    fit: "fill",
    kernel: "cubic",
  });
  if (options.caption !== false && width >= 96 && height >= 48) {
    const caption = await sharp(Buffer.from(captionSvg(prompt, width, height)))
      .png()
      .toBuffer();
    const base = await pipeline.raw().toBuffer();
    pipeline = sharp(base, { raw: { width, height, channels: 3 } }).composite([{ input: caption, left: 0, top: 0 }]);
  }
  const bytes = await pipeline
    .removeAlpha()
    .png(pngOptions(width, height, 3))
    .toBuffer();
  return { bytes, width, height };
}

/** RGB bytes of the smooth field at `width × height` (field resolution). */
function colourField(random: Random, width: number, height: number): Buffer {
  const baseHue = random() * 360;
  const spread = 30 + random() * 150;
  const from = hslToRgb(baseHue, 0.45 + random() * 0.4, 0.25 + random() * 0.3);
  const to = hslToRgb((baseHue + spread) % 360, 0.45 + random() * 0.4, 0.45 + random() * 0.3);
  const angle = random() * Math.PI * 2;
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  const blobs = Array.from({ length: 3 + Math.floor(random() * 4) }, () => ({
    x: random(),
    y: random(),
    radius: 0.12 + random() * 0.3,
    strength: 0.5 + random() * 0.5,
    colour: hslToRgb((baseHue + (random() - 0.5) * 2 * spread + 360) % 360, 0.5 + random() * 0.45, 0.3 + random() * 0.5),
  }));

  const out = Buffer.alloc(width * height * 3);
  const aspect = width / height;
  for (let y = 0; y < height; y++) {
    const v = (y + 0.5) / height;
    for (let x = 0; x < width; x++) {
      const u = (x + 0.5) / width;
      const t = Math.min(1, Math.max(0, 0.5 + ((u - 0.5) * ux * aspect + (v - 0.5) * uy) / (aspect + 1)));
      let r = from[0] + (to[0] - from[0]) * t;
      let g = from[1] + (to[1] - from[1]) * t;
      let b = from[2] + (to[2] - from[2]) * t;
      for (const blob of blobs) {
        const dx = (u - blob.x) * aspect;
        const dy = v - blob.y;
        const w = blob.strength * Math.exp(-(dx * dx + dy * dy) / (2 * blob.radius * blob.radius));
        r += (blob.colour[0] - r) * w;
        g += (blob.colour[1] - g) * w;
        b += (blob.colour[2] - b) * w;
      }
      const i = (y * width + x) * 3;
      out[i] = Math.round(r);
      out[i + 1] = Math.round(g);
      out[i + 2] = Math.round(b);
    }
  }
  return out;
}

/** A bottom band with two lines: the engine's name and the prompt, truncated to fit. */
function captionSvg(prompt: string, width: number, height: number): string {
  const size = Math.max(10, Math.min(40, Math.round(Math.min(width / 26, height / 9))));
  const small = Math.max(9, Math.round(size * 0.72));
  const pad = Math.round(size * 0.6);
  const band = pad * 2 + size + small + Math.round(size * 0.35);
  const maxChars = Math.max(8, Math.min(MAX_PROMPT_SHOWN, Math.floor((width - 2 * pad) / (small * 0.56))));
  // Control characters are not allowed in XML text.
  // Control characters cannot be drawn: they become spaces.
  // eslint-disable-next-line no-control-regex
  const oneLine = prompt.replace(/[\s\u0000-\u001f\u007f]+/g, " ").trim();
  const shown = oneLine.length > maxChars ? `${oneLine.slice(0, maxChars - 1)}…` : oneLine;
  const top = height - band;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect x="0" y="${top}" width="${width}" height="${band}" fill="#000" fill-opacity="0.5"/>
<text x="${pad}" y="${top + pad + size * 0.85}" font-family="DejaVu Sans, Arial, sans-serif" font-weight="bold" font-size="${size}" fill="#fff">${LOCAL_ENGINE_CAPTION}</text>
<text x="${pad}" y="${top + pad + size + Math.round(size * 0.35) + small * 0.85}" font-family="DejaVu Sans, Arial, sans-serif" font-size="${small}" fill="#fff" fill-opacity="0.9">${escapeXml(shown || "(empty prompt)")}</text>
</svg>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}
