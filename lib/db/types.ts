/**
 * Types shared by the repositories (lib/db/repositories/*).
 *
 * Repositories take a `DbClient` as first argument: the PrismaClient, or the
 * client of an interactive transaction (`prisma.$transaction(async (tx) => …)`)
 * when a caller needs several writes to be atomic.
 */
import { Prisma } from "./generated/client";
import type { PrismaClient } from "./generated/client";

/** The PrismaClient or a transaction client. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

/** Any JSON-serialisable value, as read back from a Json column. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Thrown by repository updates when the row to update does not exist. */
export class RecordNotFoundError extends Error {
  constructor(
    /** Model name, e.g. "Run". */
    readonly model: string,
    /** What was looked up, e.g. "run_123" or "run_123/node_4". */
    readonly key: string,
  ) {
    super(`${model} not found: ${key}`);
    this.name = "RecordNotFoundError";
  }
}

/**
 * Thrown by a write fenced by a run's lease (`leaseOwner` of lib/db/repositories/runs.ts) when
 * another worker holds that lease: nothing was written.
 */
export class LeaseNotHeldError extends Error {
  constructor(
    readonly runId: string,
    /** The worker that asked to write. */
    readonly leaseOwner: string,
  ) {
    super(`run ${runId}: ${leaseOwner} no longer holds its lease`);
    this.name = "LeaseNotHeldError";
  }
}

/**
 * Converts a JSON-serialisable input for a Json column. `undefined` leaves the
 * column unchanged (in updates); `null` stores SQL NULL (nullable columns only).
 */
export function toJsonInput(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull | undefined {
  if (value === undefined) return undefined;
  if (value === null) return Prisma.DbNull;
  return value as Prisma.InputJsonValue;
}

/** Same as `toJsonInput` for a non-nullable Json column (`null` is refused). */
export function toRequiredJsonInput(value: unknown): Prisma.InputJsonValue {
  if (value === undefined || value === null) throw new TypeError("a JSON value is required here (got null/undefined)");
  return value as Prisma.InputJsonValue;
}
