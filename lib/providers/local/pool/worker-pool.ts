/**
 * The local engine's worker pool: image operations (tasks.ts) run on piscina worker threads,
 * off the thread that answers requests, so one heavy job (a 40-megapixel background removal,
 * a 4× upscale) no longer stalls every page and API call of the studio.
 *
 * Generic over task names: `pool.run("upscale", { image, options })`. Outputs come back as
 * moved (not copied) memory; inputs are copied, because callers keep their buffers.
 *
 * Server-only (worker_threads). Pure otherwise: no Next.js, Prisma or React.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { Piscina } from "piscina";
import { ProviderError } from "../../types";
import type { EncodingOptions, OperationResult } from "../operations/raster";
import { asBuffer, runImageTask, type ImageTaskName, type ImageTaskPayload } from "./tasks";
import { poolOptionsFromEnv, type PoolOptions } from "./pool-options";

/** Runs image tasks somewhere: on the worker pool, or inline (tests of the operations). */
export interface ImageTaskRunner {
  /**
   * Runs task `name` on `payload`; `encoding` says how its PNG output is encoded (operations/raster.ts).
   * @returns PNG bytes and their size in pixels.
   * @throws whatever the operation throws (its message is kept); ProviderError code "busy" when
   *   the pool's queue is full; ProviderError code "closed" after close().
   */
  run<K extends ImageTaskName>(name: K, payload: ImageTaskPayload<K>, encoding?: EncodingOptions): Promise<OperationResult>;
  /** Stops the threads (waits for none); later runs reject. Safe to call twice. */
  close(): Promise<void>;
}

/** The worker entry file: `<cwd>/lib/providers/local/pool/worker.mjs` (outside the Next.js bundle). */
export function workerEntryPath(root = process.cwd()): string {
  return path.join(/*turbopackIgnore: true*/ root, "lib", "providers", "local", "pool", "worker.mjs");
}

/** piscina's messages for a full queue (piscina/dist/errors.js). */
const QUEUE_FULL = new Set(["Task queue is at limit", "No task queue available and all Workers are busy"]);

/** Runs tasks in the calling thread (no pool). */
export const inlineTaskRunner: ImageTaskRunner = {
  run: (name, payload, encoding) => runImageTask({ name, payload, encoding }),
  close: async () => {},
};

/**
 * A piscina pool of `options.threads` workers (default: poolOptionsFromEnv()).
 * Threads start at once (loading tsx, sharp and the operations takes a second or two) and stay
 * up, so no job pays for a cold thread; the studio creates the pool at start-up
 * (instrumentation.ts).
 * @throws Error when the worker entry file is missing (the studio must run from its folder).
 */
export function createWorkerPool(options: Partial<PoolOptions> & { filename?: string } = {}): ImageTaskRunner {
  const sizes = { ...poolOptionsFromEnv(), ...options };
  const filename = options.filename ?? workerEntryPath();
  if (!existsSync(/*turbopackIgnore: true*/ filename)) {
    throw new Error(`The local engine's worker file ${filename} is missing; start the studio from its own folder`);
  }
  const pool = new Piscina({
    filename,
    minThreads: sizes.threads,
    maxThreads: sizes.threads,
    maxQueue: sizes.maxQueue,
    idleTimeout: Number.POSITIVE_INFINITY,
    concurrentTasksPerWorker: 1,
    workerData: { sharpConcurrency: sizes.sharpConcurrency },
  });
  // A worker that fails outside a task (it could not start) is reported, not thrown at the process.
  pool.on("error", (error) => console.error("[local engine] a worker thread failed:", error));
  let closed = false;
  return {
    async run(name, payload, encoding) {
      if (closed) throw new ProviderError("The local engine is shutting down", { code: "closed" });
      let result: { bytes: Uint8Array; width: number; height: number };
      try {
        result = await pool.run({ name, payload, encoding });
      } catch (error) {
        if (error instanceof Error && QUEUE_FULL.has(error.message)) {
          throw new ProviderError(
            `The local engine is busy (${pool.queueSize} image operations are waiting); run the workflow again in a moment`,
            { code: "busy", cause: error },
          );
        }
        if (closed && error instanceof Error && error.message === "Terminating worker thread") {
          throw new ProviderError("The local engine is shutting down", { code: "closed", cause: error });
        }
        throw error;
      }
      return { bytes: asBuffer(result.bytes), width: result.width, height: result.height };
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.close({ force: true });
    },
  };
}

const GLOBAL_KEY = Symbol.for("workflow-studio.local-engine-pool");
type PoolGlobal = typeof globalThis & { [GLOBAL_KEY]?: ImageTaskRunner };

/**
 * The process-wide pool (created on first call, kept on globalThis across dev reloads);
 * `inlineTaskRunner` when LOCAL_ENGINE_THREADS is 0.
 */
export function getWorkerPool(): ImageTaskRunner {
  const g = globalThis as PoolGlobal;
  g[GLOBAL_KEY] ??= poolOptionsFromEnv().threads === 0 ? inlineTaskRunner : createWorkerPool();
  return g[GLOBAL_KEY];
}

/** Closes the process-wide pool if one was created (shutdown, tests). */
export async function closeWorkerPool(): Promise<void> {
  const g = globalThis as PoolGlobal;
  const pool = g[GLOBAL_KEY];
  delete g[GLOBAL_KEY];
  await pool?.close();
}
