/**
 * Retry with exponential backoff and full jitter, shared by the providers.
 *
 * Rule (api-integration-guide.txt, the `generate_with_retries` example; scenario-api-contract.md
 * §1): back off exponentially on 429 and 5xx, fail at once on other 4xx. Here "retryable" is whatever
 * `ProviderError.retryable` says (true for 429 and 5xx by default); any other error is rethrown
 * at once. Full jitter as in "Exponential Backoff and Jitter" (AWS Architecture Blog, 2015):
 * `delay = random() × min(maxDelayMs, baseDelayMs × 2^attempt)`.
 *
 * Pure module: no Next.js, Prisma or React.
 */
import { ProviderError } from "./types";

export interface RetryOptions {
  /** Retries after the first attempt (so at most `retries + 1` calls). Default 4. */
  retries?: number;
  /** Backoff ceiling of the first retry, in milliseconds. Default 500. */
  baseDelayMs?: number;
  /** Cap of the exponential ceiling, in milliseconds. Default 8000. */
  maxDelayMs?: number;
  /**
   * A `retryAfterMs` above this (milliseconds) is not waited for: the error is rethrown so the
   * caller can report "try again later" instead of hanging. Default 60 000.
   */
  maxRetryAfterMs?: number;
  /** Waits `ms` milliseconds; injected by tests. Default: an abortable setTimeout. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Uniform [0, 1); injected by tests. Default Math.random. */
  random?: () => number;
  /** Stops retrying: a pending sleep rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called before each wait, e.g. for logging. `attempt` counts from 1 (the first retry). */
  onRetry?: (info: { attempt: number; delayMs: number; error: ProviderError }) => void;
}

/**
 * Delay before retry number `attempt` (0 for the first retry), in milliseconds: full jitter
 * over `min(maxDelayMs, baseDelayMs × 2^attempt)`, but never less than `retryAfterMs` when the
 * server gave one.
 */
export function backoffDelayMs(
  attempt: number,
  options: { baseDelayMs: number; maxDelayMs: number; random: () => number },
  retryAfterMs: number | null = null,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  const jittered = Math.floor(options.random() * ceiling);
  return retryAfterMs != null && retryAfterMs > jittered ? retryAfterMs : jittered;
}

/**
 * Calls `fn` until it resolves, retrying a ProviderError whose `retryable` is true up to
 * `retries` times with {@link backoffDelayMs} between calls.
 * @returns what `fn` resolves to.
 * @throws the last ProviderError once retries are exhausted; any non-retryable error at once;
 *   the signal's reason when aborted.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const retries = options.retries ?? 4;
  const timing = {
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 8000,
    random: options.random ?? Math.random,
  };
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const sleep = options.sleep ?? abortableSleep;

  for (let attempt = 0; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await fn(attempt);
    } catch (error) {
      if (!(error instanceof ProviderError) || !error.retryable || attempt >= retries) throw error;
      if (error.retryAfterMs != null && error.retryAfterMs > maxRetryAfterMs) throw error;
      const delayMs = backoffDelayMs(attempt, timing, error.retryAfterMs);
      options.onRetry?.({ attempt: attempt + 1, delayMs, error });
      await sleep(delayMs, options.signal);
    }
  }
}

/** setTimeout as a promise that rejects with `signal.reason` when aborted. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
