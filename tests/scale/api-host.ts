/**
 * A web process for the scale-out tests without a Next.js build: serves the studio's real route
 * handlers (every `app/api/**\/route.ts`) on node:http, `PORT`, with the same services and
 * environment as `next start` (RUN_QUEUE, DATABASE_URL, DATA_DIR, ...). Pages are not served. Run: `PORT=3901 npx tsx tests/scale/api-host.ts`.
 */
import { createServer } from "node:http";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { installShutdownHandlers } from "../../lib/server/shutdown";
import { getServerContext } from "../../lib/server/context";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
interface Route {
  pattern: RegExp;
  names: string[];
  file: string;
}

const apiDir = path.resolve("app/api");

function collectRoutes(dir: string, segments: string[] = []): Route[] {
  const routes: Route[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) routes.push(...collectRoutes(full, [...segments, entry]));
    else if (entry === "route.ts") {
      const names: string[] = [];
      const source = segments
        .map((segment) => {
          const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
          if (catchAll) return (names.push(`...${catchAll[1]}`), "(.+)");
          const param = /^\[(\w+)\]$/.exec(segment);
          if (param) return (names.push(param[1]), "([^/]+)");
          return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        })
        .join("/");
      routes.push({ pattern: new RegExp(`^/api${source ? `/${source}` : ""}/?$`), names, file: full });
    }
  }
  // Static segments before parameters: /api/apps/x/runs before /api/apps/[slug].
  return routes.sort((a, b) => a.names.length - b.names.length);
}

const routes = collectRoutes(apiDir);
const modules = new Map<string, Promise<Record<string, Handler>>>();

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
    const route = routes.find((r) => r.pattern.test(url.pathname));
    if (!route) {
      res
        .writeHead(404, { "content-type": "application/json" })
        .end(JSON.stringify({ error: { code: "not_found", message: "No such route" } }));
      return;
    }
    const match = route.pattern.exec(url.pathname)!;
    const params: Record<string, string | string[]> = {};
    route.names.forEach((name, i) => {
      const value = decodeURIComponent(match[i + 1]);
      if (name.startsWith("...")) params[name.slice(3)] = value.split("/");
      else params[name] = value;
    });
    if (!modules.has(route.file)) modules.set(route.file, import(pathToFileURL(route.file).href));
    const handler = (await modules.get(route.file)!)[req.method ?? "GET"];
    if (!handler) {
      res.writeHead(405).end();
      return;
    }
    const controller = new AbortController();
    res.on("close", () => controller.abort());
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(url, {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
      signal: controller.signal,
      ...(hasBody ? { duplex: "half" } : {}),
    } as RequestInit);
    const response = await handler(request, { params: Promise.resolve(params) });
    const outHeaders: Record<string, string | string[]> = {};
    response.headers.forEach((value, name) => {
      outHeaders[name] = name === "set-cookie" ? response.headers.getSetCookie() : value;
    });
    res.writeHead(response.status, outHeaders);
    if (!response.body) res.end();
    else
      Readable.fromWeb(response.body as import("node:stream/web").ReadableStream)
        .on("error", () => res.destroy())
        .pipe(res);
  } catch (error) {
    console.error("api-host:", error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { code: "internal", message: "Internal error" } }));
  }
});

installShutdownHandlers();
await getServerContext();
const port = Number(process.env.PORT ?? 3901);
server.listen(port, "127.0.0.1", () => console.log(`api-host listening on http://127.0.0.1:${port}`));
