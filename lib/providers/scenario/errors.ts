/**
 * Turning Scenario HTTP failures into `ProviderError`s.
 *
 * Implements scenario-api-contract.md §1 ("Auth, errors, limits") and the retry rule of
 * api-integration-guide.txt ("Error handling": back off exponentially on 429 and 5xx,
 * fail at once on other 4xx). Pure module: no I/O.
 */
import { ProviderError } from "../types";

/** Longest API message kept in an error, in characters (bodies can be whole HTML pages). */
const MAX_REASON_CHARS = 500;

/**
 * Extracts the human-readable message from a Scenario error body.
 *
 * Shapes handled (contract §1): `{reason}` (the usual one), `{message}` (403),
 * `{error}` and the spec's 5xx `{id, error, apiError, infos, …}` where `error`/`apiError`
 * may be strings or objects with `message`/`reason`. Plan-gated 403s
 * (`name: "ModelAccessRestrictedError"`, `modelId`, `requiredPlan`) get those facts appended.
 *
 * @param body parsed JSON body (any shape) or the raw text when it was not JSON.
 * @returns the message, or null when the body carries none.
 */
export function extractErrorReason(body: unknown): string | null {
  if (typeof body === "string") {
    const text = body.trim();
    if (!text || /^\s*</.test(text)) return null; // empty or an HTML error page
    return truncate(text);
  }
  if (!isRecord(body)) return null;

  const primary = textOf(body.reason) ?? textOf(body.message) ?? textOf(body.error) ?? textOf(body.detail);
  const apiError = textOf(body.apiError);
  let reason = primary && apiError && apiError !== primary ? `${primary} (${apiError})` : (primary ?? apiError);
  if (body.name === "ModelAccessRestrictedError" || typeof body.requiredPlan === "string") {
    const facts = [
      typeof body.modelId === "string" ? `model ${body.modelId}` : null,
      typeof body.requiredPlan === "string" ? `requires plan ${body.requiredPlan}` : null,
    ].filter(Boolean);
    reason = [reason ?? "Model access restricted", facts.length ? `(${facts.join(", ")})` : null].filter(Boolean).join(" ");
  }
  return reason ? truncate(reason) : null;
}

/**
 * Parses a `Retry-After` header value into milliseconds from `nowMs`.
 *
 * Accepts delta-seconds (`"0"`, `"2"`, `"1.5"`) and an HTTP date (`"Wed, 21 Oct 2026 07:28:00 GMT"`).
 * A date in the past gives 0. Anything else (missing, negative, unparsable) gives null.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | null {
  if (value == null) return null;
  const text = value.trim();
  if (!text) return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

/** Stable `ProviderError.code` for an HTTP status. */
export function codeForStatus(status: number): string {
  if (status === 400) return "bad_request";
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 413) return "payload_too_large";
  if (status === 422) return "unprocessable";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server_error";
  return "http_error";
}

/**
 * Builds the `ProviderError` for a non-2xx Scenario API response.
 *
 * Message: `Scenario API <status>: <API message>` (e.g. `Scenario API 400: Input loras must be at
 * most 6 items long`). 401/403 add a hint that the key/secret is wrong or the plan lacks access.
 * `retryable` is true for 429 and 5xx only; `retryAfterMs` comes from `Retry-After`, else from the
 * body's `remainingSeconds` (contract §1). A 429 is a `ScenarioRateLimitError` carrying
 * `details.actionLimit` / `actionName` when the body names them.
 * The message never contains request headers, so credentials cannot leak through it.
 *
 * @param status HTTP status code (not 2xx).
 * @param body parsed JSON body, raw text, or undefined.
 * @param retryAfterHeader the raw `Retry-After` header, if any.
 * @param statusText fallback message when the body says nothing.
 */
export function errorFromResponse(status: number, body: unknown, retryAfterHeader: string | null, statusText = ""): ProviderError {
  const reason = extractErrorReason(body) ?? (statusText.trim() || defaultReason(status));
  let message = `Scenario API ${status}: ${reason}`;
  if (status === 401) {
    message += " (the Scenario API key or secret is wrong; check SCENARIO_API_KEY and SCENARIO_API_SECRET)";
  } else if (status === 403) {
    message += " (the Scenario API key or secret is wrong, or your plan lacks access to this model or feature)";
  }
  const retryAfterMs = parseRetryAfter(retryAfterHeader) ?? remainingSecondsMs(body);
  const options = { status, retryable: status === 429 || status >= 500, retryAfterMs, code: codeForStatus(status) };
  if (status === 429) return new ScenarioRateLimitError(message, { ...options, ...actionLimitOf(body) });
  return new ProviderError(message, options);
}

/**
 * A 429 from Scenario. Team ceilings name the action and its limit (`details.actionName`,
 * `details.actionLimit`, e.g. `parallel-training`), cooldowns give `remainingSeconds`
 * (scenario-api-contract.md §1); both are read when present.
 */
export class ScenarioRateLimitError extends ProviderError {
  /** How many of the action may run at once, when the API says; else null. */
  readonly actionLimit: number | null;
  readonly actionName: string | null;

  constructor(
    message: string,
    options: ConstructorParameters<typeof ProviderError>[1] & { actionLimit?: number | null; actionName?: string | null } = {},
  ) {
    super(message, { status: 429, ...options });
    this.name = "ScenarioRateLimitError";
    this.actionLimit = options.actionLimit ?? null;
    this.actionName = options.actionName ?? null;
  }
}

/** `remainingSeconds` (top level or under `details`) in milliseconds, or null. */
function remainingSecondsMs(body: unknown): number | null {
  if (!isRecord(body)) return null;
  const value = body.remainingSeconds ?? (isRecord(body.details) ? body.details.remainingSeconds : undefined);
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : null;
}

function actionLimitOf(body: unknown): { actionLimit: number | null; actionName: string | null } {
  const details = isRecord(body) && isRecord(body.details) ? body.details : {};
  const limit = details.actionLimit;
  return {
    actionLimit: typeof limit === "number" && Number.isInteger(limit) && limit >= 1 ? limit : null,
    actionName: typeof details.actionName === "string" ? details.actionName : null,
  };
}

function defaultReason(status: number): string {
  if (status === 401) return "Unauthorized";
  if (status === 403) return "Forbidden";
  if (status === 404) return "Not found";
  if (status === 429) return "Too many requests";
  if (status >= 500) return "Server error";
  return "Request failed";
}

function textOf(value: unknown): string | null {
  if (typeof value === "string" && value.trim()) return value.trim();
  if (isRecord(value)) return textOf(value.message) ?? textOf(value.reason);
  return null;
}

function truncate(text: string): string {
  return text.length > MAX_REASON_CHARS ? `${text.slice(0, MAX_REASON_CHARS)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
