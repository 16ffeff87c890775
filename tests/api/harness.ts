/**
 * API test harness: calls the real route handlers with real `Request`s, on a real embedded
 * database in a temporary data folder (one per test file: PGlite takes seconds to create),
 * with the offline engine as provider.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Points the server context at a fresh data folder. Call before importing any route. */
export function useFreshDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "studio-api-test-"));
  process.env.DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  delete process.env.SCENARIO_API_KEY;
  delete process.env.SCENARIO_API_SECRET;
  return dir;
}

/** The account `call()` acts as unless told otherwise (set by `actAsNewOwner`). */
let defaultCookie: string | undefined;

export interface TestAccount {
  cookie: string;
  userId: string;
  teamId: string;
}

/**
 * Signs up an account (the first one in a fresh data folder owns the first team) and makes it
 * the default caller of `call()`.
 */
export async function actAsNewOwner(name = "Olga Owner"): Promise<TestAccount> {
  const { signUp } = await import("@/lib/auth/testing");
  const { getSessionContextFromHeaders } = await import("@/lib/auth/session");
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Math.random().toString(36).slice(2, 8)}@example.test`;
  const { cookie, userId } = await signUp({ name, email, password: "password-123" });
  const session = await getSessionContextFromHeaders(new Headers({ cookie }));
  if (!session?.team) throw new Error(`${email} owns no team: sign up the first account in a fresh DATA_DIR`);
  defaultCookie = cookie;
  return { cookie, userId, teamId: session.team.id };
}

type RouteHandler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;

export interface CallResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls `handler` as Next.js would, with a JSON body (or raw BodyInit), route params and a session cookie. */
export async function call<T = any>(
  handler: RouteHandler,
  options: {
    method?: string;
    url?: string;
    params?: Record<string, string>;
    json?: unknown;
    body?: BodyInit;
    headers?: Record<string, string>;
    /** Session cookie header; default: the `actAsNewOwner` account; null: anonymous. */
    cookie?: string | null;
  } = {},
): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  const cookie = options.cookie === undefined ? defaultCookie : options.cookie;
  if (cookie && !headers.cookie) headers.cookie = cookie;
  let body = options.body;
  if (options.json !== undefined) {
    headers["content-type"] = "application/json";
    body = typeof options.json === "string" ? options.json : JSON.stringify(options.json);
  }
  const request = new Request(options.url ?? "http://localhost/api/test", { method: options.method ?? "GET", headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const type = response.headers.get("content-type") ?? "";
  const parsed = type.includes("application/json")
    ? await response.json()
    : response.status === 204
      ? null
      : Buffer.from(await response.arrayBuffer());
  return { status: response.status, body: parsed as T, headers: response.headers };
}

/** A multipart upload body with `bytes` in the field `file`. */
export function uploadForm(bytes: Uint8Array, name = "photo.png", type = "image/png"): FormData {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(bytes)], { type }), name);
  return form;
}

export function fixture(name: string): Buffer {
  return readFileSync(path.resolve("e2e/fixtures", name));
}
