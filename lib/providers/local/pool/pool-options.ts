/**
 * Sizes of the local engine's worker pool, from the environment. Pure module.
 *
 * - `LOCAL_ENGINE_THREADS`: worker threads (default: CPU cores − 1, at least 1, at most 4), so
 *   one core stays free for the request event loop. `0` runs image operations on the request
 *   thread itself, as before the pool existed (for comparisons such as `npm run bench`).
 * - `LOCAL_ENGINE_QUEUE`: image operations allowed to wait for a thread (default 256); beyond
 *   that a job fails at once with a "busy" message instead of holding more images in memory.
 * - libvips threads per worker: (cores − 1) ÷ workers, at least 1 (sharp.concurrency in worker.mjs).
 */
import { availableParallelism } from "node:os";

export interface PoolOptions {
  /** Worker threads (≥ 1), or 0: no pool, operations run on the calling thread. */
  threads: number;
  /** Tasks that may wait for a free thread (≥ 0). */
  maxQueue: number;
  /** libvips threads per worker (≥ 1). */
  sharpConcurrency: number;
}

const positiveInteger = (raw: string | undefined): number | undefined => {
  const value = Number(raw?.trim() || NaN);
  return Number.isInteger(value) && value > 0 ? value : undefined;
};

/** Pool sizes for `env` on a machine with `cores` CPU cores. */
export function poolOptionsFromEnv(env: Record<string, string | undefined> = process.env, cores = availableParallelism()): PoolOptions {
  const threads =
    env.LOCAL_ENGINE_THREADS?.trim() === "0" ? 0 : (positiveInteger(env.LOCAL_ENGINE_THREADS) ?? Math.min(4, Math.max(1, cores - 1)));
  const queue = Number(env.LOCAL_ENGINE_QUEUE?.trim() || NaN);
  return {
    threads,
    maxQueue: Number.isInteger(queue) && queue >= 0 ? queue : 256,
    sharpConcurrency: Math.max(1, Math.floor((cores - 1) / Math.max(1, threads))),
  };
}
