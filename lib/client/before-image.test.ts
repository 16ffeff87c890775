import { describe, expect, it } from "vitest";
import { beforeAssetIdOf } from "./before-image";

describe("the before of a before/after comparison", () => {
  it("is the input image of a node that changes one (its definition's compareWithInput)", () => {
    for (const nodeType of ["retouch", "expand", "upscale", "removeBackground"]) {
      expect(beforeAssetIdOf({ nodeType, parentAssetIds: ["photo", "mask"] })).toBe("photo");
    }
  });

  it("is none for a generation (its image is only a reference), an upload, or a result without parents", () => {
    expect(beforeAssetIdOf({ nodeType: "generation", parentAssetIds: ["reference"] })).toBeNull();
    expect(beforeAssetIdOf(null)).toBeNull();
    expect(beforeAssetIdOf({ nodeType: "upscale", parentAssetIds: [] })).toBeNull();
    expect(beforeAssetIdOf({ nodeType: "unknownKind", parentAssetIds: ["x"] })).toBeNull();
  });
});
