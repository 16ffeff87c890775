import { describe, expect, it } from "vitest";
import { PHONE_MIN_ZOOM, initialFit } from "./initial-view";

const chain = [0, 320, 640, 960].map((x, i) => ({ id: `n${i}`, position: { x } }));

describe("initialFit", () => {
  it("fits every node on a wide screen", () => {
    expect(initialFit(chain, 1440)).toEqual({ padding: 0.25, maxZoom: 1 });
  });

  it("on a phone fits the leftmost nodes that fit at 60 %, not the whole chain", () => {
    // 390 px × 0.8 / 0.6 = 520 flow px: the first card (0…248) fits, the second (320…568) does not.
    const fit = initialFit(chain, 390);
    expect(fit.minZoom).toBe(PHONE_MIN_ZOOM);
    expect(fit.nodes).toEqual([{ id: "n0" }]);
    // A wider phone fits two.
    expect(initialFit(chain, 600).nodes).toEqual([{ id: "n0" }, { id: "n1" }]);
  });

  it("keeps the leftmost node when even it is wider than the room", () => {
    expect(initialFit([{ id: "wide", position: { x: 5 }, measured: { width: 2000 } }], 390).nodes).toEqual([{ id: "wide" }]);
  });
});
