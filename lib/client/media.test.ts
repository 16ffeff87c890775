import { describe, expect, it } from "vitest";
import { mediaFormat, mediaKind, mediaSizeLabel } from "./media";

describe("media", () => {
  it("classifies by MIME type, images by default", () => {
    expect(mediaKind(undefined)).toBe("image");
    expect(mediaKind("image/png")).toBe("image");
    expect(mediaKind("video/mp4")).toBe("video");
    expect(mediaKind("audio/mpeg")).toBe("audio");
    expect(mediaKind("model/gltf-binary")).toBe("file");
  });

  it("labels sizes and formats", () => {
    expect(mediaFormat("audio/x-wav")).toBe("WAV");
    expect(mediaFormat("model/gltf-binary")).toBe("GLB");
    expect(mediaSizeLabel({ width: 1080, height: 1920, mimeType: "video/mp4" })).toBe("1080 × 1920");
    expect(mediaSizeLabel({ width: 0, height: 0, mimeType: "audio/mpeg" })).toBe("Audio · MPEG");
  });
});
