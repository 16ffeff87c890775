import { describe, expect, it } from "vitest";
import { checkPick, describePickBounds, pickBounds, pickNode, pickParamsSchema } from "../pick";

const candidates = ["a", "b", "c", "d"].map((assetId) => ({ assetId, url: `/a/${assetId}`, width: 512, height: 512 }));

describe("Pick parameters and choices", () => {
  it("defaults to exactly one pick and refuses bounds that cannot be met", () => {
    expect(pickNode.defaults).toEqual({ message: "", minPicks: 1, maxPicks: 1 });
    expect(pickParamsSchema.safeParse({ minPicks: 3, maxPicks: 2 }).success).toBe(false);
    expect(pickParamsSchema.safeParse({ minPicks: 0 }).success).toBe(false);
    expect(pickParamsSchema.parse({ maxPicks: null })).toMatchObject({ minPicks: 1, maxPicks: null });
  });

  it("caps the bounds at the candidates: no maximum means all of them", () => {
    expect(pickBounds({ minPicks: 1, maxPicks: null }, 4)).toEqual({ min: 1, max: 4 });
    expect(pickBounds({ minPicks: 3, maxPicks: 6 }, 2)).toEqual({ min: 2, max: 2 });
    expect(describePickBounds({ min: 1, max: 1 })).toBe("Pick 1 image");
    expect(describePickBounds({ min: 1, max: 3 })).toBe("Pick 1 to 3 images");
  });

  it("accepts candidates within the bounds, in the candidates' order", () => {
    const result = checkPick(candidates, { min: 1, max: 2 }, ["d", "b"]);
    expect(result).toEqual({ ok: true, picked: [candidates[1], candidates[3]] });
  });

  it("refuses an image that is not a candidate, a repeat, and a count outside the bounds", () => {
    expect(checkPick(candidates, { min: 1, max: 1 }, ["z"])).toEqual({
      ok: false,
      message: "One picked image is not among the candidates of this Pick",
    });
    expect(checkPick(candidates, { min: 1, max: 2 }, ["a", "a"])).toMatchObject({ ok: false, message: expect.stringMatching(/twice/) });
    expect(checkPick(candidates, { min: 1, max: 1 }, ["a", "b"])).toEqual({ ok: false, message: "Pick 1 image (you picked 2)" });
    expect(checkPick(candidates, { min: 2, max: 3 }, ["a"])).toEqual({ ok: false, message: "Pick 2 to 3 images (you picked 1)" });
  });
});
