/**
 * Waiting for provider jobs: the provider's push (`waitForJob`) when it has one, else polling
 * `getJob` every poll interval, with a deadline. A status outside the provider contract's set
 * (lib/providers/types.ts ProviderJobStatus) fails at once instead of being polled until the
 * deadline. Imports no React, Next.js or Prisma.
 */
import type { Provider, ProviderJob, ProviderJobStatus } from "../providers/types";
import { NodeFailure } from "./errors";

const KNOWN_STATUSES: ReadonlySet<string> = new Set<ProviderJobStatus>(["pending", "running", "succeeded", "failed", "canceled"]);
const TERMINAL_JOB_STATUSES: ReadonlySet<string> = new Set<ProviderJobStatus>(["succeeded", "failed", "canceled"]);

export interface WaitOptions {
  provider: Provider;
  signal?: AbortSignal;
  /** Milliseconds between polls; default the provider's. */
  pollIntervalMs?: number;
  /** Longest wait, in milliseconds. */
  timeoutMs: number;
}

/** @throws NodeFailure for an unknown status or a job that outlives `timeoutMs`. */
function checkStatus(job: ProviderJob): ProviderJob {
  if (!KNOWN_STATUSES.has(job.status)) {
    throw new NodeFailure(
      `The provider reported a job status the studio does not know ("${String(job.status)}"); the node stops instead of waiting`,
    );
  }
  return job;
}

/**
 * Resolves with the job once it is succeeded, failed or canceled.
 * Aborting `signal` asks the provider to cancel the job (`cancelJob`) and rejects.
 * @throws NodeFailure "Canceled" when aborted, on timeout, or for an unknown status.
 */
export async function waitForJob(jobId: string, options: WaitOptions, onProgress: (p: number) => void): Promise<ProviderJob> {
  const { provider, signal, timeoutMs } = options;
  const cancel = () => provider.cancelJob?.(jobId).catch(() => undefined);
  if (provider.waitForJob) {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      return checkStatus(await provider.waitForJob(jobId, { signal: combined, onProgress }));
    } catch (error) {
      if (signal?.aborted) {
        await cancel();
        throw new NodeFailure("Canceled");
      }
      if (timeout.aborted) throw new NodeFailure(`The job did not finish within ${Math.round(timeoutMs / 1000)} s`);
      throw error;
    }
  }
  const deadline = Date.now() + timeoutMs;
  const interval = options.pollIntervalMs ?? provider.pollIntervalMs;
  for (;;) {
    const job = checkStatus(await provider.getJob(jobId));
    onProgress(job.progress);
    if (TERMINAL_JOB_STATUSES.has(job.status)) return job;
    if (signal?.aborted) {
      await cancel();
      throw new NodeFailure("Canceled");
    }
    if (Date.now() > deadline) throw new NodeFailure(`The job did not finish within ${Math.round(timeoutMs / 1000)} s`);
    await sleep(interval, signal);
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** Calls `fn` at most once per `ms`, trailing; `cancel()` drops a pending call. */
export function throttle(fn: () => Promise<void>, ms: number): (() => void) & { cancel(): void } {
  let last = 0;
  let canceled = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const call = () => {
    const now = Date.now();
    if (timer || canceled) return;
    const wait = Math.max(0, last + ms - now);
    timer = setTimeout(() => {
      timer = null;
      last = Date.now();
      if (!canceled) void fn().catch(() => undefined);
    }, wait);
  };
  call.cancel = () => {
    canceled = true;
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return call;
}
