/**
 * The fuzz suite's request generator (fast-check): for each route and method, requests built
 * from a valid example by breaking it — malformed and truncated JSON, bodies of the wrong type,
 * NUL characters and lone surrogates in any field or key, ids that are names of
 * `Object.prototype`, numbers past PostgreSQL's int, deep nesting, foreign origins, bad
 * `Idempotency-Key`s, broken multipart uploads — as the owner, a member or anonymously.
 */
import fc from "fast-check";

export type Caller = "owner" | "member" | "anonymous";

/** One generated request, before it is turned into a `Request`. */
export interface FuzzRequest {
  caller: Caller;
  params: Record<string, string>;
  /** Path after the route's own, for the auth catch-all (`sign-in/email`). */
  subPath?: string;
  query: string;
  headers: Record<string, string>;
  body: string | Uint8Array | FormData | null;
}

/** What a route needs to be fuzzed: its params (with real values to reuse), valid example bodies, query keys. */
export interface RouteSpec {
  name: string;
  method: string;
  params: Record<string, () => string>;
  /** Valid example bodies; null for routes without one. */
  seeds: unknown[] | null;
  queryKeys?: string[];
  multipart?: boolean;
  subPaths?: string[];
}

const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "\ud83d",
  "%00",
  "%E0%A4%A",
  "%FF%FE",
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "prototype",
  "../../etc/passwd",
  "a".repeat(5000),
  "😀",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "2147483648",
  "-1",
  "NaN",
  "null",
  "{}",
  "\n\r\t",
  "\u202e\u200b",
];

export const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const nastyNumber = fc.constantFrom(0, -1, 1.5, -0.5, 2147483647, 2147483648, -2147483649, 1e308, -1e308, 2 ** 53 + 2, 1e-320);

export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 2, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(nastyString, nastyString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** Every path (list of keys) into a JSON value, the root included. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((child, i) => pathsOf(child, [...prefix, i], out));
  else if (value && typeof value === "object") for (const [k, child] of Object.entries(value)) pathsOf(child, [...prefix, k], out);
  return out;
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** `seed` with the value at its `index`-th path replaced by `value` (or deleted when `value` is undefined). */
function withValueAt(seed: unknown, index: number, value: unknown, renameKey?: string): unknown {
  const copy = clone(seed);
  const paths = pathsOf(copy);
  const target = paths[index % paths.length];
  if (target.length === 0) return value;
  let parent: any = copy;
  for (const key of target.slice(0, -1)) parent = parent[key];
  const last = target[target.length - 1];
  if (renameKey !== undefined && !Array.isArray(parent)) {
    const moved = parent[last];
    delete parent[last];
    Object.defineProperty(parent, renameKey, { value: moved, enumerable: true, configurable: true, writable: true });
  } else if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    parent[last] = value;
  }
  return copy;
}

/** A body derived from one of `seeds`: intact, one field broken, one key renamed, or not JSON at all. */
function jsonBody(seeds: unknown[]): fc.Arbitrary<string | Uint8Array> {
  const seed = fc.constantFrom(...seeds);
  return fc.oneof(
    { weight: 1, arbitrary: seed.map((s) => JSON.stringify(s)) },
    { weight: 6, arbitrary: fc.tuple(seed, fc.nat(), nastyValue).map(([s, i, v]) => JSON.stringify(withValueAt(s, i, v))) },
    { weight: 1, arbitrary: fc.tuple(seed, fc.nat()).map(([s, i]) => JSON.stringify(withValueAt(s, i, undefined))) },
    { weight: 1, arbitrary: fc.tuple(seed, fc.nat(), nastyString).map(([s, i, k]) => JSON.stringify(withValueAt(s, i, undefined, k))) },
    // Truncated, garbage, or a different JSON type altogether.
    {
      weight: 2,
      arbitrary: fc.tuple(seed, fc.nat()).map(([s, n]) => {
        const t = JSON.stringify(s);
        return t.slice(0, n % Math.max(1, t.length));
      }),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "{",
        "[",
        "nul",
        '{"a":}',
        "{'single': 'quotes'}",
        "\ufeff{}",
        "[]",
        "null",
        "42",
        '"text"',
        '{"__proto__":{"polluted":true},"name":"P"}',
        '{"constructor":{"prototype":{"x":1}}}',
        "[".repeat(5000) + "]".repeat(5000),
        '{"a":'.repeat(3000) + "1" + "}".repeat(3000),
        '{"name":"dup","name":"\\u0000"}',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]),
        new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
      ),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  );
}

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "application/xml",
  "",
];

/** Headers: mostly the studio's own, sometimes a foreign origin, a wrong content type, a bad key. */
function headersArb(origin: string, bodyType: "json" | "multipart" | "none"): fc.Arbitrary<Record<string, string>> {
  const defaultType = bodyType === "json" ? "application/json" : "";
  return fc
    .record({
      type: fc.oneof({ weight: 5, arbitrary: fc.constant(defaultType) }, { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) }),
      origin: fc.oneof(
        { weight: 6, arbitrary: fc.constant<string | null>(null) },
        { weight: 2, arbitrary: fc.constant<string | null>(origin) },
        {
          weight: 1,
          arbitrary: fc.constantFrom<string | null>(
            "http://evil.example",
            origin.replace(/:\d+$/, ":3999"),
            "null",
            "http://127.0.0.1:3000",
          ),
        },
      ),
      site: fc.oneof(
        { weight: 6, arbitrary: fc.constant<string | null>(null) },
        { weight: 1, arbitrary: fc.constantFrom<string | null>("same-origin", "cross-site", "same-site", "none") },
      ),
      key: fc.oneof(
        { weight: 6, arbitrary: fc.constant<string | null>(null) },
        { weight: 1, arbitrary: fc.constantFrom<string | null>("fuzz-key-1", "", "has space", "a".repeat(300), "k#1", "ok-key") },
      ),
    })
    .map(({ type, origin: o, site, key }) => {
      const headers: Record<string, string> = { host: new URL(origin).host };
      if (type) headers["content-type"] = type;
      if (o) headers.origin = o;
      if (site) headers["sec-fetch-site"] = site;
      if (key !== null) headers["idempotency-key"] = key;
      return headers;
    });
}

/** `encodeURIComponent`, keeping lone surrogates as the invalid UTF-8 a client could send. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value
      .replace(/[\ud800-\udfff]/g, "%ED%A0%80")
      .replace(/[^\w%-]/g, (c) => (c.charCodeAt(0) < 128 ? `%${c.charCodeAt(0).toString(16).padStart(2, "0")}` : "%C3%A9"));
  }
}

function queryArb(keys: string[] | undefined): fc.Arbitrary<string> {
  if (!keys?.length) return fc.constantFrom("", "", "?x=%00", "?%FF=1");
  return fc
    .array(fc.tuple(fc.constantFrom(...keys, "__proto__"), fc.oneof(nastyString, fc.constantFrom("1", "true", "30", "0", "100000"))), {
      maxLength: 3,
    })
    .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${encode(v)}`).join("&")}` : ""));
}

function multipartBody(png: Uint8Array): fc.Arbitrary<FormData | string> {
  return fc
    .record({
      bytes: fc.oneof(fc.constant(png), fc.uint8Array({ maxLength: 64 }), fc.constant(png.slice(0, 40)), fc.constant(new Uint8Array())),
      name: fc.oneof({ weight: 2, arbitrary: fc.constant("photo.png") }, { weight: 2, arbitrary: nastyString }),
      field: fc.oneof({ weight: 4, arbitrary: fc.constant("file") }, { weight: 1, arbitrary: fc.constantFrom("image", "", "__proto__") }),
      asString: fc.nat(9).map((n) => n === 0),
      mime: fc.constantFrom("image/png", "text/plain", "", "application/octet-stream"),
    })
    .map(({ bytes, name, field, asString, mime }) => {
      const form = new FormData();
      if (asString) form.set(field, "not a file");
      else form.set(field, new Blob([new Uint8Array(bytes)], { type: mime }), name);
      return form;
    });
}

/** The generator of requests to `route`. */
export function requestArb(route: RouteSpec, origin: string, png: Uint8Array): fc.Arbitrary<FuzzRequest> {
  const paramArb = fc.record(
    Object.fromEntries(
      Object.entries(route.params).map(([name, real]) => [
        name,
        fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: nastyString }).map((v) => v ?? real()),
      ]),
    ) as Record<string, fc.Arbitrary<string>>,
  );
  const bodyType = route.multipart ? "multipart" : route.seeds ? "json" : "none";
  const body: fc.Arbitrary<FuzzRequest["body"]> = route.multipart
    ? fc.oneof({ weight: 4, arbitrary: multipartBody(png) }, { weight: 1, arbitrary: jsonBody([{ file: "x" }]) })
    : route.seeds
      ? jsonBody(route.seeds)
      : fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom("x", "{}", "\u0000") });
  return fc.record({
    caller: fc.constantFrom<Caller>("owner", "owner", "member", "anonymous"),
    params: paramArb,
    subPath: route.subPaths ? fc.constantFrom(...route.subPaths) : fc.constant(undefined),
    query: queryArb(route.queryKeys),
    headers: headersArb(origin, bodyType),
    body,
  });
}
