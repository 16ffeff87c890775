/**
 * The studio's own origin, as the browser used it, and the same-origin check of state-changing
 * requests (cross-site request forgery).
 *
 * Next.js reports `request.url` as `http://localhost:PORT` whatever address the browser typed,
 * so the origin is rebuilt from what the browser sent: the `Host` header (`127.0.0.1:3000`, a LAN
 * address, a host name). Behind a reverse proxy the studio opts in with `TRUST_PROXY=1` to read
 * `X-Forwarded-Host` and `X-Forwarded-Proto` instead (never otherwise: anyone can send them).
 * `BETTER_AUTH_URL`, when set, is the one public origin and wins over both.
 *
 * Sources: the Fetch standard's `Origin` and `Sec-Fetch-Site` request headers (a browser sends
 * `Origin` on every cross-origin request and on same-origin requests other than GET/HEAD;
 * `Sec-Fetch-Site` is `same-origin` only for a page of the very same scheme, host and port).
 */
import { AppError } from "./errors";

type Env = Record<string, string | undefined>;

/** True when `TRUST_PROXY` is `1`, `true` or `on`. */
export function trustsProxy(env: Env = process.env): boolean {
  return ["1", "true", "on", "yes"].includes(env.TRUST_PROXY?.trim().toLowerCase() ?? "");
}

/** The origin of `BETTER_AUTH_URL` (`https://studio.example.com`), or null when unset or not a URL. */
export function configuredOrigin(env: Env = process.env): string | null {
  const value = env.BETTER_AUTH_URL?.trim();
  if (!value) return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/** `first` of a comma-separated header (proxies append), trimmed; "" when absent. */
function firstValue(header: string | null): string {
  return (header ?? "").split(",", 1)[0].trim();
}

/** `scheme://host[:port]` when `host` is a plain authority (no path, user info or spaces), else null. */
function originFrom(scheme: string, host: string): string | null {
  if (!host || !/^[A-Za-z0-9.\-:[\]]+$/.test(host) || (scheme !== "http" && scheme !== "https")) return null;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * The origin the browser used to reach the studio: `BETTER_AUTH_URL`'s when set; else, with
 * `TRUST_PROXY=1`, `X-Forwarded-Proto://X-Forwarded-Host`; else the request URL's scheme with the
 * `Host` header; else the request URL's own origin (requests built in tests carry no Host).
 */
export function studioOrigin(request: Request, env: Env = process.env): string {
  return studioOriginFromHeaders(request.headers, request.url, env);
}

/** `studioOrigin` for code that has the headers (server components): `url` gives the scheme and the last resort. */
export function studioOriginFromHeaders(headers: Headers, url: string, env: Env = process.env): string {
  const configured = configuredOrigin(env);
  if (configured) return configured;
  const parsed = new URL(url);
  const scheme = parsed.protocol.replace(/:$/, "");
  if (trustsProxy(env)) {
    const forwardedHost = firstValue(headers.get("x-forwarded-host"));
    const forwardedProto = firstValue(headers.get("x-forwarded-proto")).toLowerCase() || scheme;
    const forwarded = originFrom(forwardedProto, forwardedHost);
    if (forwarded) return forwarded;
  }
  return originFrom(scheme, firstValue(headers.get("host"))) ?? parsed.origin;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** True for methods that change state (everything but GET, HEAD and OPTIONS). */
export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Refuses a state-changing request sent by a page of another origin: its `Sec-Fetch-Site` is
 * `cross-site` or `same-site` (another port or subdomain), or its `Origin` is not the studio's
 * own (`studioOrigin`). Requests without either header do not come from a page (curl, scripts,
 * the tests) and pass; browsers always send them. Safe methods always pass.
 * @throws AppError forbidden (403) naming the foreign origin in `details.origin`.
 */
export function assertSameOrigin(request: Request, env: Env = process.env): void {
  if (!isStateChanging(request.method)) return;
  const site = request.headers.get("sec-fetch-site")?.trim().toLowerCase();
  const origin = request.headers.get("origin")?.trim();
  const own = studioOrigin(request, env);
  if (site && site !== "same-origin" && site !== "none") {
    throw new AppError("forbidden", "This request came from another site: open the studio itself to do this", {
      origin: origin ?? null,
      secFetchSite: site,
    });
  }
  if (origin && origin !== own) {
    throw new AppError("forbidden", "This request came from another site: open the studio itself to do this", {
      origin,
      expected: own,
    });
  }
}
