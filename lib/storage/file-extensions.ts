/**
 * The file extension for each media type the studio stores or serves: images, and the
 * video, audio, 3D and SVG results of Run model nodes. One table for storage keys, download
 * names and zip entries. Pure module.
 */

export const FILE_EXTENSIONS: Readonly<Record<string, string>> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
  "image/avif": "avif",
  "image/svg+xml": "svg",
  "video/mp4": "mp4",
  "video/webm": "webm",
  "video/quicktime": "mov",
  "audio/mpeg": "mp3",
  "audio/wav": "wav",
  "audio/x-wav": "wav",
  "audio/mp4": "m4a",
  "audio/ogg": "ogg",
  "model/gltf-binary": "glb",
  "model/gltf+json": "gltf",
};

/** The extension (without the dot) for `mimeType`; "bin" for a type not in the table. */
export function extensionFor(mimeType: string): string {
  return FILE_EXTENSIONS[mimeType.split(";")[0].trim().toLowerCase()] ?? "bin";
}
