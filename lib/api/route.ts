/**
 * The wrapper every route handler goes through (STYLE.md §7, after dub's withWorkspace):
 * it awaits the dynamic route params, parses JSON bodies with zod, and maps every thrown
 * error to the API's error JSON. Handlers stay a few lines: parse, call a service, answer.
 */
import type { z } from "zod";
import { AppError, errorResponse, fromZodError } from "./errors";

type Params = Record<string, string>;
type Handler<P extends Params> = (request: Request, params: P) => Promise<Response>;

/** Wraps a route handler: `export const GET = route(async (req, { id }) => Response.json(...))`. */
export function route<P extends Params = Params>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      return await handler(request, (await context?.params) ?? ({} as P));
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/**
 * Reads and validates a JSON body.
 * @throws AppError invalid_json (400) when the body is not JSON; validation_error (400) naming each bad field.
 */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  const text = await request.text();
  try {
    raw = text.trim() ? JSON.parse(text) : {};
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}
