/**
 * The daily run quota of an App: runs one person may start on one App per UTC day (it resets
 * at 00:00 UTC). Pure helpers; the count itself is a database query (repositories/apps.ts).
 */

/** `error.details` of the 429 `POST /api/apps/:slug/runs` answers when the day's quota is spent. */
export type AppQuotaDetails = {
  /** Next 00:00 UTC, ISO 8601. */
  resetsAt: string;
  /** The App's `dailyRunQuota`. */
  limit: number;
  /** Runs the person started on this App today. */
  used: number;
};

/** Bounds of `App.dailyRunQuota`. */
export const DAILY_RUN_QUOTA_LIMITS = { min: 1, max: 10_000 } as const;

/** 00:00 UTC of `now`'s day. */
export function utcDayStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** The next 00:00 UTC after `now`: when the quota resets. */
export function nextUtcMidnight(now: Date): Date {
  return new Date(utcDayStart(now).getTime() + 24 * 60 * 60 * 1000);
}

/**
 * A wait as people say it: "5 h 12 min", "12 min", "less than a minute" (minutes rounded up).
 * @param ms milliseconds, ≥ 0.
 */
export function formatWait(ms: number): string {
  if (ms < 60_000) return "less than a minute";
  const minutes = Math.ceil(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * The refusal sentence for a batch over the quota, e.g. "Daily limit of 5 runs on this App
 * reached; it resets at 00:00 UTC (in 5 h 12 min)".
 * @param used runs already started today; @param asked runs in the refused request.
 */
export function quotaMessage(limit: number, used: number, asked: number, now: Date): string {
  const wait = formatWait(nextUtcMidnight(now).getTime() - now.getTime());
  const left = Math.max(0, limit - used);
  const detail = left > 0 ? `: ${used} used today, so ${left} more can start, not ${asked}` : "";
  return `Daily limit of ${limit} runs on this App reached${detail}; it resets at 00:00 UTC (in ${wait})`;
}
