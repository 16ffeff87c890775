/**
 * The wrapper every route handler goes through (STYLE.md §7, after dub's withWorkspace):
 * it refuses what no route accepts, awaits the dynamic route params, parses JSON bodies with
 * zod, and maps every thrown error to the API's error JSON. Handlers stay a few lines: parse,
 * call a service, answer.
 *
 * Refused here, before any handler runs, with nothing changed:
 * - 403 a state-changing request from a page of another origin (lib/api/origin.ts);
 * - 415 a state-changing request whose body is not `application/json` or `multipart/form-data`
 *   (a cross-site form can send `text/plain` without the browser asking first);
 * - 400 a route parameter (an id, a slug) that is not storable text or longer than 200 characters.
 */
import type { z } from "zod";
import { AppError, errorResponse, fromZodError } from "./errors";
import { assertSameOrigin, isStateChanging } from "./origin";
import { findJsonProblem, textProblem } from "./text-checks";

type Params = Record<string, string>;
type Handler<P extends Params> = (request: Request, params: P) => Promise<Response>;

/** The largest JSON body a route reads: 1 MB (a graph of several hundred nodes is ~200 KB). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;
/** The longest id or slug in a path. */
const MAX_PARAM_LENGTH = 200;

/** The media type of the body without parameters (`application/json`), lower case; "" when absent. */
export function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";", 1)[0].trim().toLowerCase();
}

/** True when the request declares a body (a length above 0, or chunked transfer). */
function declaresBody(request: Request): boolean {
  const length = request.headers.get("content-length");
  if (length !== null) return Number(length) !== 0;
  return (
    request.headers.has("transfer-encoding") ||
    (request.body !== null && !request.headers.has("content-length") && request.method !== "GET")
  );
}

/**
 * Refuses a state-changing request whose body is neither JSON nor multipart.
 * @throws AppError unsupported_media_type (415).
 */
export function assertAcceptedBodyType(request: Request): void {
  if (!isStateChanging(request.method)) return;
  const type = mediaType(request);
  if (type === "application/json" || type === "multipart/form-data") return;
  if (!type && !declaresBody(request)) return;
  throw new AppError("unsupported_media_type", `Send the request body as application/json${type ? ` (it was ${type.slice(0, 80)})` : ""}`, {
    contentType: type || null,
  });
}

/** Checks each route parameter: storable text of at most 200 characters. @throws AppError validation_error (400) naming it. */
function checkParams<P extends Params>(params: P): P {
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== "string") continue;
    const problem = textProblem(value) ?? (value.length > MAX_PARAM_LENGTH ? `must be at most ${MAX_PARAM_LENGTH} characters` : null);
    if (problem) throw new AppError("validation_error", `${name}: ${problem}`, { fields: [{ path: `path.${name}`, message: problem }] });
  }
  return params;
}

/** Awaits Next's params; a path that is not valid percent-encoded UTF-8 is a 400. */
async function readParams<P extends Params>(context: { params: Promise<P> } | undefined): Promise<P> {
  try {
    return ((await context?.params) ?? ({} as P)) as P;
  } catch (error) {
    if (error instanceof URIError) throw new AppError("bad_request", "The address is not valid: it has a malformed %-escape");
    throw error;
  }
}

/** Wraps a route handler: `export const GET = route(async (req, { id }) => Response.json(...))`. */
export function route<P extends Params = Params>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      assertSameOrigin(request);
      assertAcceptedBodyType(request);
      const params = checkParams(await readParams(context));
      return await handler(request, params);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/**
 * Reads a request body as UTF-8 text, at most `maxBytes`: refused from `Content-Length` before
 * reading, or as soon as the stream passes the limit (chunked bodies).
 * @throws AppError payload_too_large (413); invalid_json (400) when the bytes are not UTF-8.
 */
export async function readBodyText(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<string> {
  const tooLarge = () =>
    new AppError("payload_too_large", `The request body is over the ${formatBytes(maxBytes)} limit`, { limitBytes: maxBytes });
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("invalid_json", "The request body is not valid UTF-8 text");
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * Reads and validates a JSON body (`Content-Type: application/json`, at most `maxBytes`,
 * default 1 MB). Every string and key must be storable text (no NUL, no lone surrogate).
 * @throws AppError unsupported_media_type (415) for another content type; payload_too_large (413);
 *   invalid_json (400) when the body is not JSON; validation_error (400) naming each bad field.
 */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S, maxBytes = MAX_JSON_BODY_BYTES): Promise<z.infer<S>> {
  const type = mediaType(request);
  const text = await readBodyText(request, maxBytes);
  if (type !== "application/json" && (type || text.trim())) {
    throw new AppError("unsupported_media_type", "Send the request body as application/json", { contentType: type || null });
  }
  let raw: unknown;
  try {
    raw = text.trim() ? JSON.parse(text) : {};
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON");
  }
  const problem = findJsonProblem(raw);
  if (problem) {
    throw new AppError("validation_error", `${problem.path}: ${problem.message}`, { fields: [problem] });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}
