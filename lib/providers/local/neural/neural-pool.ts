/**
 * The worker pool for the local engine's neural operations (ESRGAN upscale, background
 * removal): a small pool of its own, beside the image-operation pool (pool/worker-pool.ts),
 * running the same worker entry and task table. A 20-second model run therefore never holds up
 * the quick sharp operations, and the models (loaded once per thread) stay warm in its thread.
 *
 * - `LOCAL_ENGINE_NEURAL_THREADS`: its threads (default 1: on a 2-core machine one core stays
 *   for the request thread; each thread holds the models, about 0.5 GB).
 * - `LOCAL_ENGINE_NEURAL_QUEUE`: neural operations allowed to wait (default 8); beyond that a job
 *   fails at once with the pool's "busy" message.
 * - `LOCAL_ENGINE_THREADS=0` runs them on the calling thread, like every other operation.
 *
 * Server-only (worker_threads).
 */
import { poolOptionsFromEnv } from "../pool/pool-options";
import { createWorkerPool, inlineTaskRunner, type ImageTaskRunner } from "../pool/worker-pool";

/** Threads and queue of the neural pool, from `env`. */
export function neuralPoolOptionsFromEnv(env: Record<string, string | undefined> = process.env): { threads: number; maxQueue: number } {
  const read = (raw: string | undefined, fallback: number, min: number) => {
    const value = Number(raw?.trim() || NaN);
    return Number.isInteger(value) && value >= min ? value : fallback;
  };
  return { threads: read(env.LOCAL_ENGINE_NEURAL_THREADS, 1, 1), maxQueue: read(env.LOCAL_ENGINE_NEURAL_QUEUE, 8, 0) };
}

const GLOBAL_KEY = Symbol.for("workflow-studio.local-engine-neural-pool");
type PoolGlobal = typeof globalThis & { [GLOBAL_KEY]?: ImageTaskRunner };

/**
 * The process-wide neural pool (created on first call, kept on globalThis across dev reloads);
 * `inlineTaskRunner` when LOCAL_ENGINE_THREADS is 0.
 */
export function getNeuralPool(): ImageTaskRunner {
  const g = globalThis as PoolGlobal;
  g[GLOBAL_KEY] ??=
    poolOptionsFromEnv().threads === 0 ? inlineTaskRunner : createWorkerPool({ ...neuralPoolOptionsFromEnv(), sharpConcurrency: 1 });
  return g[GLOBAL_KEY];
}

/** Closes the process-wide neural pool if one was created (shutdown, tests). */
export async function closeNeuralPool(): Promise<void> {
  const g = globalThis as PoolGlobal;
  const pool = g[GLOBAL_KEY];
  delete g[GLOBAL_KEY];
  await pool?.close();
}
