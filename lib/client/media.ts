/**
 * What kind of media an asset is, from its MIME type (run outputs carry `mimeType` only when
 * they are not images). Pure module.
 */
export type MediaKind = "image" | "video" | "audio" | "file";

export function mediaKind(mimeType: string | undefined | null): MediaKind {
  if (!mimeType || mimeType.startsWith("image/")) return "image";
  if (mimeType.startsWith("video/")) return "video";
  if (mimeType.startsWith("audio/")) return "audio";
  return "file";
}

/** "MP4", "MPEG", "GLB" from "video/mp4", "audio/mpeg", "model/gltf-binary". */
export function mediaFormat(mimeType: string | undefined | null): string {
  if (!mimeType) return "";
  const sub = mimeType.split("/")[1] ?? mimeType;
  return sub
    .split(/[;+]/)[0]
    .replace(/^x-/, "")
    .replace(/^gltf-binary$/, "glb")
    .toUpperCase();
}

/** "1080 × 1920", or the format for media without a pixel size ("Audio · MPEG"). */
export function mediaSizeLabel(media: { width: number; height: number; mimeType?: string }): string {
  if (media.width > 0 && media.height > 0) return `${media.width} × ${media.height}`;
  const kind = mediaKind(media.mimeType);
  const label = kind === "audio" ? "Audio" : kind === "video" ? "Video" : "File";
  const format = mediaFormat(media.mimeType);
  return format ? `${label} · ${format}` : label;
}
