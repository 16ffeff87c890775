/**
 * The API's one error type and its JSON shape `{ error: { code, message, details? } }`
 * (STYLE.md §8, after dub's DubApiError). Bad input is a 4xx that names what is wrong,
 * never a 500.
 */
import { ZodError } from "zod";

export type ErrorCode =
  | "bad_request"
  | "invalid_json"
  | "validation_error"
  | "invalid_graph"
  | "not_found"
  | "version_conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "conflict"
  | "unauthorized"
  | "forbidden"
  | "too_many_requests"
  | "internal_error";

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid_json: 400,
  validation_error: 400,
  invalid_graph: 400,
  not_found: 404,
  version_conflict: 409,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  too_many_requests: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal_error: 500,
};

/** Every code the API answers with (for the client's sentences, lib/client/error-copy.ts). */
export const ERROR_CODES = Object.keys(STATUS_BY_CODE) as ErrorCode[];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: Record<string, unknown>;
  /** Response headers to send with the error (`Retry-After` on a 429). */
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>, headers?: Record<string, string>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.details = details;
    this.headers = headers;
  }
}

/** 404 for a resource that does not exist (or is deleted). */
export function notFound(what: string, id: string): AppError {
  return new AppError("not_found", `${what} "${id}" not found`);
}

/** The JSON body of every error answer: `{ error: { code, message, details? } }`. */
export interface ApiErrorJson {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

/** Turns a zod error on a request body into a 400 naming each field (`name: must not be empty`). */
export function fromZodError(error: ZodError, where = "body"): AppError {
  const fields = error.issues.map((issue) => ({ path: [where, ...issue.path].join("."), message: issue.message }));
  return new AppError("validation_error", fields.map((f) => `${f.path}: ${f.message}`).join("; "), { fields });
}

/** The HTTP response for any thrown value; unexpected errors are logged and answered 500. */
export function errorResponse(error: unknown): Response {
  const appError = error instanceof AppError ? error : error instanceof ZodError ? fromZodError(error) : null;
  if (appError) {
    const body: ApiErrorJson = {
      error: { code: appError.code, message: appError.message, ...(appError.details ? { details: appError.details } : {}) },
    };
    return Response.json(body, { status: appError.status, headers: appError.headers });
  }
  console.error("Unexpected error in route handler:", error);
  const body: ApiErrorJson = { error: { code: "internal_error", message: "Something went wrong on the server" } };
  return Response.json(body, { status: 500 });
}
