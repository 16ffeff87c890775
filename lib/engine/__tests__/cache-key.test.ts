import { describe, expect, it } from "vitest";
import { computeCacheKey } from "../cache-key";

const base = {
  type: "upscale",
  params: { model: "auto", factor: 2, preset: "balanced" },
  modelId: "model_upscale-v3",
  seed: null,
  inputs: { image: ["asset_a"] },
};

describe("computeCacheKey", () => {
  it("is the same for the same content whatever the key order", () => {
    const reordered = { ...base, params: { preset: "balanced", factor: 2, model: "auto" } };
    expect(computeCacheKey(reordered)).toBe(computeCacheKey(base));
  });

  it("changes with each part of the signature: kind, parameter, model, seed, input asset", () => {
    const key = computeCacheKey(base);
    expect(computeCacheKey({ ...base, type: "expand" })).not.toBe(key);
    expect(computeCacheKey({ ...base, params: { ...base.params, factor: 4 } })).not.toBe(key);
    expect(computeCacheKey({ ...base, modelId: "model_topaz-image-upscale" })).not.toBe(key);
    expect(computeCacheKey({ ...base, seed: 1 })).not.toBe(key);
    expect(computeCacheKey({ ...base, inputs: { image: ["asset_b"] } })).not.toBe(key);
  });

  it("ignores the node id and the 'auto' spelling once the model is resolved", () => {
    const explicit = { ...base, params: { ...base.params, model: "model_upscale-v3" } };
    expect(computeCacheKey(explicit)).toBe(computeCacheKey(base));
  });
});
