import { describe, expect, it } from "vitest";
import { extensionFor } from "./file-extensions";
import { contentKey } from "./local-folder";

describe("extensionFor", () => {
  it("names images, video, audio and 3D results, ignoring parameters and case", () => {
    expect(extensionFor("image/jpeg")).toBe("jpg");
    expect(extensionFor("video/mp4")).toBe("mp4");
    expect(extensionFor("Audio/MPEG; charset=binary")).toBe("mp3");
    expect(extensionFor("model/gltf-binary")).toBe("glb");
    expect(extensionFor("application/x-unknown")).toBe("bin");
  });

  it("gives generated media a storage key with its real extension", () => {
    expect(contentKey("b".repeat(64), "video/mp4")).toBe(`bb/bb/${"b".repeat(64)}.mp4`);
  });
});
