/**
 * Neural operation times for `npm run bench` (scripts/bench.ts): the offline engine's
 * background removal and ESRGAN upscale on the sample photos, run on the neural worker pool as
 * the studio runs them. Cold = the first job of a fresh thread with that model (loads it), warm
 * = the next one. Balanced runs the RDN model (medium at these sizes), Creative the GAN model
 * (its limit raised to 1 MP here, so both photos take it). Figures only; nothing is asserted. BENCH_SKIP_NEURAL=1 skips them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { closeNeuralPool, getNeuralPool } from "../lib/providers/local/neural/neural-pool";

export interface NeuralFigures {
  removeBackgroundColdMs: number;
  removeBackgroundWarmMs: number;
  esrgan2xColdMs: number;
  esrgan2xWarmMs: number;
  gan2xColdMs: number;
  gan2xWarmMs: number;
  esrgan4xMs: number;
}

const sample = (name: string) => readFileSync(path.resolve(process.cwd(), "e2e/fixtures", name));

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Runs the neural operations once or twice each and returns their wall times in milliseconds. */
export async function benchNeural(): Promise<NeuralFigures> {
  const pool = getNeuralPool();
  try {
    const coffee = sample("coffee.png");
    const chelsea = sample("chelsea.png");
    const small = await sharp(coffee).resize(300, 200).png().toBuffer();
    const gan = { maxNeuralPixels: 1_000_000, maxDetailPixels: 1_000_000 };
    return {
      removeBackgroundColdMs: await timed(() => pool.run("removeBackground", { image: coffee })),
      removeBackgroundWarmMs: await timed(() => pool.run("removeBackground", { image: chelsea })),
      esrgan2xColdMs: await timed(() => pool.run("upscale", { image: coffee, options: { factor: 2, preset: "balanced" } })),
      esrgan2xWarmMs: await timed(() => pool.run("upscale", { image: chelsea, options: { factor: 2, preset: "balanced" } })),
      gan2xColdMs: await timed(() => pool.run("upscale", { image: coffee, options: { factor: 2, preset: "creative", ...gan } })),
      gan2xWarmMs: await timed(() => pool.run("upscale", { image: chelsea, options: { factor: 2, preset: "creative", ...gan } })),
      esrgan4xMs: await timed(() => pool.run("upscale", { image: small, options: { factor: 4, preset: "balanced" } })),
    };
  } finally {
    await closeNeuralPool();
  }
}
