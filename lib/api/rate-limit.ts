/**
 * Rate limits of the API, behind one small interface so the in-process limiter can be swapped
 * for a shared one (several server processes) without touching the routes.
 *
 * Starting runs (workflow runs and App runs) is limited per person: by default 30 starts a
 * minute (`RUN_START_LIMIT_PER_MINUTE`), each request that starts runs counting once. Over it:
 * 429 with `Retry-After` (seconds).
 */
import { AppError } from "./errors";

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one event for `key` at `now` (ms) when allowed, and says whether it was. */
  take(key: string, now?: number): RateDecision;
}

/**
 * A sliding-window limiter in memory: at most `limit` events per `windowMs` for each key.
 * Memory: one timestamp per allowed event in the window, per key; idle keys are dropped.
 */
export function createSlidingWindowLimiter(options: { limit: number; windowMs: number }): RateLimiter {
  const events = new Map<string, number[]>();
  let lastSweep = 0;
  return {
    take(key, now = Date.now()) {
      if (now - lastSweep > options.windowMs) {
        for (const [k, times] of events) if (!times.length || times[times.length - 1] <= now - options.windowMs) events.delete(k);
        lastSweep = now;
      }
      const times = (events.get(key) ?? []).filter((t) => t > now - options.windowMs);
      if (times.length >= options.limit) {
        events.set(key, times);
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((times[0] + options.windowMs - now) / 1000)) };
      }
      times.push(now);
      events.set(key, times);
      return { allowed: true };
    },
  };
}

/** Default starts of runs per person per minute. */
export const DEFAULT_RUN_STARTS_PER_MINUTE = 30;

function runStartsPerMinute(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.RUN_START_LIMIT_PER_MINUTE);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_RUN_STARTS_PER_MINUTE;
}

const GLOBAL_KEY = Symbol.for("workflow-studio.run-start-limiter");
type LimiterGlobal = typeof globalThis & { [GLOBAL_KEY]?: RateLimiter };

/** The process-wide limiter of run starts (kept on globalThis across Next dev reloads). */
export function runStartLimiter(): RateLimiter {
  const g = globalThis as LimiterGlobal;
  return (g[GLOBAL_KEY] ??= createSlidingWindowLimiter({ limit: runStartsPerMinute(), windowMs: 60_000 }));
}

/** Replaces the process-wide run-start limiter (tests). */
export function setRunStartLimiter(limiter: RateLimiter): void {
  (globalThis as LimiterGlobal)[GLOBAL_KEY] = limiter;
}

/**
 * Counts one start of runs by `userId`.
 * @throws AppError too_many_requests (429) with `Retry-After` and `details.retryAfterSeconds`
 *   when they started too many in the last minute.
 */
export function assertMayStartRuns(userId: string, limiter: RateLimiter = runStartLimiter()): void {
  const decision = limiter.take(`run-start:${userId}`);
  if (decision.allowed) return;
  throw new AppError(
    "too_many_requests",
    `You started many runs in the last minute: try again in ${decision.retryAfterSeconds} s`,
    { retryAfterSeconds: decision.retryAfterSeconds },
    { "Retry-After": String(decision.retryAfterSeconds) },
  );
}
