/**
 * What every `/api/auth/*` request passes before better-auth sees it, so that bad input is a
 * 400 naming the field rather than an error deep inside the library or the database:
 * - a state-changing request from a page of another origin → 403 (lib/api/origin.ts);
 * - a body that is not `application/json` → 415; over 64 KB → 413; not a JSON object → 400;
 * - a string (email, password, name, invitation id…) with a NUL character or a lone surrogate,
 *   in the body or the query → 400 naming it.
 * The request better-auth receives carries the already-read body.
 */
import { AppError, errorResponse } from "../api/errors";
import { assertSameOrigin, isStateChanging } from "../api/origin";
import { mediaType, readBodyText } from "../api/route";
import { findJsonProblem, textProblem } from "../api/text-checks";

/** Sign-in and sign-up bodies are a few hundred bytes. */
export const MAX_AUTH_BODY_BYTES = 64 * 1024;

/**
 * Checks `request` and returns the request to hand to better-auth (its body re-attached).
 * @throws AppError forbidden (403), unsupported_media_type (415), payload_too_large (413),
 *   invalid_json (400), validation_error (400) naming the field.
 */
export async function checkAuthRequest(request: Request): Promise<Request> {
  assertSameOrigin(request);
  for (const [key, value] of new URL(request.url).searchParams) {
    const problem = textProblem(key) ?? textProblem(value);
    if (problem)
      throw new AppError("validation_error", `query.${textProblem(key) ? "?" : key}: ${problem}`, {
        fields: [{ path: `query.${key}`, message: problem }],
      });
  }
  if (!isStateChanging(request.method)) return request;

  const type = mediaType(request);
  const text = await readBodyText(request, MAX_AUTH_BODY_BYTES);
  // The body is handed on re-encoded: the length the client declared no longer applies.
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  if (!text.trim() && !type) return new Request(request.url, { method: request.method, headers, signal: request.signal });
  if (type !== "application/json") {
    throw new AppError("unsupported_media_type", "Send the request body as application/json", { contentType: type || null });
  }
  let body: unknown;
  try {
    body = text.trim() ? JSON.parse(text) : {};
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON");
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new AppError("validation_error", "body: must be a JSON object", { fields: [{ path: "body", message: "must be a JSON object" }] });
  }
  const problem = findJsonProblem(body);
  if (problem) throw new AppError("validation_error", `${problem.path}: ${problem.message}`, { fields: [problem] });
  // An empty JSON body reaches better-auth as `{}` (it fails on an empty one).
  return new Request(request.url, { method: request.method, headers, body: text.trim() ? text : "{}", signal: request.signal });
}

/**
 * Runs `handler` (better-auth's) on a checked request; refusals are answered with the API's
 * error JSON, and an unexpected failure inside the library with a 500 without its details.
 */
export async function guardAuthRequest(request: Request, handler: (request: Request) => Promise<Response>): Promise<Response> {
  try {
    return await handler(await checkAuthRequest(request));
  } catch (error) {
    return errorResponse(error);
  }
}
