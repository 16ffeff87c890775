import { describe, expect, it } from "vitest";
import { getNodeDefinition } from "@/lib/nodes";
import { coerceOptionValue, fieldErrors, stripNodePrefix, validateFieldValue } from "./field-values";

const upscale = getNodeDefinition("upscale")!;
const expand = getNodeDefinition("expand")!;

describe("field values", () => {
  it("coerces select strings to what the schema takes", () => {
    expect(coerceOptionValue(upscale, upscale.defaults, "factor", "4")).toBe(4);
    expect(coerceOptionValue(upscale, upscale.defaults, "preset", "creative")).toBe("creative");
    expect(coerceOptionValue(expand, expand.defaults, "aspectRatio", "")).toBeNull();
  });

  it("reports the schema's own messages per field", () => {
    expect(validateFieldValue(expand, expand.defaults, "width", 10)).toBe("must be at least 64 px");
    expect(validateFieldValue(expand, expand.defaults, "width", 640)).toBeNull();
    expect(fieldErrors(upscale, { ...upscale.defaults, factor: 3 })).toEqual({ factor: "must be 2 or 4" });
  });

  it("strips the node prefix from validator messages", () => {
    expect(stripNodePrefix('Retouch node "retouch-1": Needs a mask', "Retouch", "retouch-1")).toBe("Needs a mask");
  });
});
