/**
 * What the strict Scenario mock's jobs produce: real files of the size the body asks for, so tests
 * can assert pixel dimensions. The rules read the body's fields, not model ids (written rules, not
 * recorded; listed in __fixtures__/SOURCES.md):
 *
 * - `width`/`height` or `outputWidth`/`outputHeight` → that size (the other side from the input's
 *   aspect ratio when only one is given);
 * - `upscaleFactor` number → input size × factor; `"4k"` → longest side 4096;
 * - `aspectRatio` (+ `resolution`) → Gemini's size table (1K, ×2 for 2K, ×4 for 4K, ÷2 for 512);
 *   `auto`/`adaptive` take the allowed ratio nearest the input's;
 * - else the input image's size (background removal), else the record's default width/height,
 *   else 1024×1024.
 * Video models (`txt2video`, `img2video`) give an MP4 stub, 3D models (`img23d`, `txt23d`) a GLB.
 *
 * Test-only module: imports sharp.
 */
import sharp from "sharp";

import type { MockModelRecord } from "./mock-fixtures";

/** One produced file. */
export interface MockOutput {
  bytes: Buffer;
  mimeType: string;
  kind: "image" | "video" | "3d";
  width?: number;
  height?: number;
}

/** An input image the output may derive from. */
export interface MockSourceImage {
  bytes: Buffer;
  width: number;
  height: number;
}

/** Gemini image sizes at 1K (ai.google.dev, Gemini image generation, "aspect ratios and resolution"). */
const GEMINI_1K: Record<string, [number, number]> = {
  "1:1": [1024, 1024],
  "2:3": [848, 1264],
  "3:2": [1264, 848],
  "3:4": [896, 1200],
  "4:3": [1200, 896],
  "4:5": [928, 1152],
  "5:4": [1152, 928],
  "9:16": [768, 1376],
  "16:9": [1376, 768],
  "21:9": [1584, 672],
};
const RESOLUTION_SCALE: Record<string, number> = { "512": 0.5, "1K": 1, "2K": 2, "4K": 4 };

/**
 * Output pixel size for an image job (see the module note for the rules).
 * @returns `{width, height}` in pixels.
 */
export function outputImageSize(
  record: MockModelRecord,
  body: Record<string, unknown>,
  source: MockSourceImage | undefined,
): { width: number; height: number } {
  const num = (key: string) => (typeof body[key] === "number" ? (body[key] as number) : undefined);
  const explicit = (w: number | undefined, h: number | undefined) => {
    if (w && h) return { width: w, height: h };
    if (w) return { width: w, height: source ? Math.round((w * source.height) / source.width) : w };
    if (h) return { width: source ? Math.round((h * source.width) / source.height) : h, height: h };
    return null;
  };
  const sized = explicit(num("width"), num("height")) ?? explicit(num("outputWidth"), num("outputHeight"));
  if (sized) return sized;

  const factor = body.upscaleFactor;
  if (source && typeof factor === "number") return { width: source.width * factor, height: source.height * factor };
  if (source && factor === "4k") {
    const scale = 4096 / Math.max(source.width, source.height);
    return { width: Math.round(source.width * scale), height: Math.round(source.height * scale) };
  }

  const ratioInput = record.inputs.find((i) => i.name === "aspectRatio");
  if (ratioInput && record.inputs.some((i) => i.name === "resolution")) {
    let ratio = typeof body.aspectRatio === "string" ? body.aspectRatio : String(ratioInput.default ?? "1:1");
    if (!GEMINI_1K[ratio]) ratio = nearestRatio(source, (ratioInput.allowedValues ?? []).map(String));
    const resolution =
      typeof body.resolution === "string" ? body.resolution : String(record.inputs.find((i) => i.name === "resolution")?.default ?? "1K");
    const scale = RESOLUTION_SCALE[resolution] ?? 1;
    const [w, h] = GEMINI_1K[ratio];
    return { width: Math.round(w * scale), height: Math.round(h * scale) };
  }

  if (source) return { width: source.width, height: source.height };
  const defaultOf = (name: string) => record.inputs.find((i) => i.name === name)?.default;
  const dw = defaultOf("width");
  const dh = defaultOf("height");
  if (typeof dw === "number" && typeof dh === "number") return { width: dw, height: dh };
  return { width: 1024, height: 1024 };
}

function nearestRatio(source: MockSourceImage | undefined, allowed: string[]): string {
  const candidates = allowed.filter((r) => GEMINI_1K[r]);
  if (!source || !candidates.length) return "1:1";
  const target = Math.log(source.width / source.height);
  const value = (r: string) => {
    const [w, h] = r.split(":").map(Number);
    return Math.abs(Math.log(w / h) - target);
  };
  return candidates.reduce((best, r) => (value(r) < value(best) ? r : best));
}

/**
 * Renders output number `index` of a job: the input resized to the size (PNG with alpha), or a
 * solid colour PNG seeded by the prompt; an MP4 or GLB stub for video and 3D models.
 */
export async function renderOutput(
  record: MockModelRecord,
  body: Record<string, unknown>,
  source: MockSourceImage | undefined,
  index: number,
): Promise<MockOutput> {
  if (record.capabilities.some((c) => c === "txt2video" || c === "img2video")) {
    return { bytes: mp4Stub(), mimeType: "video/mp4", kind: "video" };
  }
  if (record.capabilities.some((c) => c === "img23d" || c === "txt23d")) {
    return { bytes: glbStub(), mimeType: "model/gltf-binary", kind: "3d" };
  }
  const { width, height } = outputImageSize(record, body, source);
  const bytes = source
    ? await sharp(source.bytes).resize(width, height, { fit: "fill" }).ensureAlpha().png().toBuffer()
    : await solidPng(width, height, `${String(body.prompt ?? "")}|${String(body.seed ?? "")}|${index}`);
  return { bytes, mimeType: "image/png", kind: "image", width, height };
}

async function solidPng(width: number, height: number, seed: string): Promise<Buffer> {
  let hash = 2166136261;
  for (const ch of seed) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return sharp({
    create: { width, height, channels: 4, background: { r: hash & 255, g: (hash >> 8) & 255, b: (hash >> 16) & 255, alpha: 1 } },
  })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** An ISO base media `ftyp` box: enough for a file to be recognised as MP4. */
function mp4Stub(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write("ftypisom", 4, "ascii");
  ftyp.writeUInt32BE(0x200, 12);
  ftyp.write("isommp41", 16, "ascii");
  return ftyp;
}

/** A binary glTF 2.0 file with an empty scene. */
function glbStub(): Buffer {
  const json = Buffer.from(JSON.stringify({ asset: { version: "2.0" }, scenes: [{ nodes: [] }], scene: 0 }).padEnd(56, " "));
  const padded = Buffer.concat([json, Buffer.alloc((4 - (json.length % 4)) % 4, 0x20)]);
  const header = Buffer.alloc(20);
  header.write("glTF", 0, "ascii");
  header.writeUInt32LE(2, 4);
  header.writeUInt32LE(12 + 8 + padded.length, 8);
  header.writeUInt32LE(padded.length, 12);
  header.write("JSON", 16, "ascii");
  return Buffer.concat([header, padded]);
}
