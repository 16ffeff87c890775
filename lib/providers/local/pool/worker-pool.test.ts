import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { ProviderError } from "../../types";
import { createWorkerPool, inlineTaskRunner } from "./worker-pool";
import { poolOptionsFromEnv } from "./pool-options";
import { readSample } from "../__fixtures__/sample-images";

const pool = createWorkerPool({ threads: 2, maxQueue: 8 });
afterAll(() => pool.close());

describe("local engine worker pool", () => {
  it("runs an upscale on a worker thread to the same pixels as inline", async () => {
    const image = readSample("coffee.png");
    const options = { factor: 2 as const, preset: "balanced" as const };
    const pooled = await pool.run("upscale", { image, options });
    const inline = await inlineTaskRunner.run("upscale", { image, options });
    expect(Buffer.isBuffer(pooled.bytes)).toBe(true);
    expect(pooled).toMatchObject({ width: 1200, height: 800 });
    expect(await sharp(pooled.bytes).metadata()).toMatchObject({ format: "png", width: 1200, height: 800 });
    expect(Buffer.compare(pooled.bytes, inline.bytes)).toBe(0);
    expect(image.length).toBeGreaterThan(0); // the caller's input is copied, not moved away
  });

  it("runs several tasks at once and keeps each result with its task", async () => {
    const sizes = [64, 96, 128, 160, 192];
    const results = await Promise.all(
      sizes.map((side) => pool.run("textToImage", { prompt: "tile", seed: side, width: side, height: side / 2 })),
    );
    expect(results.map((r) => [r.width, r.height])).toEqual(sizes.map((side) => [side, side / 2]));
  });

  it("rejects with the operation's own message", async () => {
    const image = readSample("coffee.png");
    await expect(pool.run("upscale", { image, options: { factor: 3 as never, preset: "precise" } })).rejects.toThrow(
      /factor must be 2 or 4, got 3/,
    );
    await expect(pool.run("nope" as never, {} as never)).rejects.toThrow(/unknown image task "nope"/);
  });

  it("refuses work beyond its queue with a busy ProviderError, and everything after close", async () => {
    const small = createWorkerPool({ threads: 1, maxQueue: 1 });
    const image = readSample("coffee.png");
    const runs = Array.from({ length: 4 }, () =>
      small.run("upscale", { image, options: { factor: 4, preset: "precise" } }).then(
        () => "done",
        (error: unknown) => error,
      ),
    );
    const outcomes = await Promise.all(runs);
    const busy = outcomes.filter((o): o is ProviderError => o instanceof ProviderError);
    expect(outcomes.filter((o) => o === "done").length).toBeGreaterThanOrEqual(1);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(busy[0]).toMatchObject({ code: "busy" });
    expect(busy[0].message).toMatch(/The local engine is busy/);
    await small.close();
    await expect(small.run("upscale", { image, options: { factor: 4, preset: "precise" } })).rejects.toMatchObject({ code: "closed" });
  });

  it("sizes itself from the environment, leaving a core to the request thread", () => {
    expect(poolOptionsFromEnv({}, 2)).toEqual({ threads: 1, maxQueue: 256, sharpConcurrency: 1 });
    expect(poolOptionsFromEnv({}, 16)).toMatchObject({ threads: 4, sharpConcurrency: 3 });
    expect(poolOptionsFromEnv({ LOCAL_ENGINE_THREADS: "3", LOCAL_ENGINE_QUEUE: "10" }, 8)).toEqual({
      threads: 3,
      maxQueue: 10,
      sharpConcurrency: 2,
    });
    expect(poolOptionsFromEnv({ LOCAL_ENGINE_THREADS: "zero" }, 1)).toMatchObject({ threads: 1 });
    expect(poolOptionsFromEnv({ LOCAL_ENGINE_THREADS: "0" }, 2)).toMatchObject({ threads: 0 });
  });
});
