/**
 * The `Idempotency-Key` request header of the routes that start runs (after the IETF draft
 * "The Idempotency-Key HTTP Header Field"): a client that sends the same key again, because
 * the answer to its first request was lost, gets the runs of that first request instead of
 * starting more. Keys are stored with the runs, per team and person (lib/db/repositories/runs.ts).
 */
import { AppError } from "./errors";

export const IDEMPOTENCY_HEADER = "idempotency-key";
/** A UUID is 36 characters; any printable token up to 200 without `#` (reserved for App batch items). */
const KEY_PATTERN = /^[A-Za-z0-9._:~+=/@-]{1,200}$/;

/**
 * The request's `Idempotency-Key`, or null when it sends none.
 * @throws AppError validation_error (400) for a key that is empty, longer than 200 characters or
 *   has characters other than letters, digits and `. _ : ~ + = / @ -`.
 */
export function idempotencyKeyOf(request: Request): string | null {
  const raw = request.headers.get(IDEMPOTENCY_HEADER);
  if (raw === null) return null;
  const key = raw.trim().replace(/^"(.*)"$/, "$1");
  if (!KEY_PATTERN.test(key)) {
    const message = "must be 1 to 200 letters, digits or . _ : ~ + = / @ - (a UUID works)";
    throw new AppError("validation_error", `Idempotency-Key header: ${message}`, {
      fields: [{ path: "headers.Idempotency-Key", message }],
    });
  }
  return key;
}

/** True when `error` is the database's refusal of a second run with the same key (Prisma P2002). */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
