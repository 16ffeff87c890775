#!/usr/bin/env node
/**
 * `npm run cluster`: a local scaled-out studio for trying it by hand (README "Scaling out"):
 * 2 web processes (`next start` on PORT+1 and PORT+2) behind one port (PORT, default 3000, a
 * round-robin proxy on node:http that streams, so Server-Sent Events work through it) and 3
 * worker processes (`npm run worker`), all on RUN_QUEUE=pg-boss and one PostgreSQL database.
 *
 * DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/studio_cluster (created when
 * missing); DATA_DIR (offline engine jobs, local assets) is shared by all processes. Builds when
 * stale and applies the migrations first. Ctrl-C stops everything (workers drain first).
 */
import { spawn, spawnSync } from "node:child_process";
import http from "node:http";
import { createRequire } from "node:module";
import pg from "pg";

process.umask(0o077);
const port = Number(process.env.PORT ?? 3000);
const databaseUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/studio_cluster";
const webCount = Number(process.env.CLUSTER_WEBS ?? 2);
const workerCount = Number(process.env.CLUSTER_WORKERS ?? 3);
const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  RUN_QUEUE: "pg-boss",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_MANUAL_SIG_HANDLE: "1",
  TRUST_PROXY: process.env.TRUST_PROXY ?? "1",
};

// The database, created when missing.
const target = new URL(databaseUrl);
const database = target.pathname.slice(1);
const admin = new URL(databaseUrl);
admin.pathname = "/postgres";
const client = new pg.Client({ connectionString: admin.toString() });
await client.connect();
const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
if (exists.rowCount === 0) {
  console.log(`Creating database ${database}…`);
  await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
}
await client.end();

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run("node", ["scripts/build-if-stale.mjs"]);
run("npx", ["--no-install", "tsx", "scripts/migrate.ts"]);

const children = [];
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const webPorts = Array.from({ length: webCount }, (_, i) => port + 1 + i);
for (const webPort of webPorts) {
  children.push(
    spawn(process.execPath, [nextBin, "start", "-p", String(webPort)], { stdio: "inherit", env: { ...env, PORT: String(webPort) } }),
  );
}
for (let i = 0; i < workerCount; i++) {
  children.push(spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { stdio: "inherit", env }));
}

// Round-robin proxy; a web process that refuses the connection is skipped for that request.
let next = 0;
const proxy = http.createServer((req, res) => {
  const tryUpstream = (attempt) => {
    const upstreamPort = webPorts[(next++ + attempt) % webPorts.length];
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: upstreamPort,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, "x-forwarded-host": req.headers.host ?? `localhost:${port}`, "x-forwarded-proto": "http" },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (attempt + 1 < webPorts.length && !res.headersSent) tryUpstream(attempt + 1);
      else if (!res.headersSent) res.writeHead(502).end("No web process answered");
      else res.destroy();
    });
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
  };
  tryUpstream(0);
});
proxy.listen(port, () =>
  console.log(
    `Studio cluster on http://localhost:${port}: ${webCount} web processes (${webPorts.join(", ")}), ${workerCount} workers, database ${database}`,
  ),
);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    proxy.close();
    for (const child of children) child.kill("SIGTERM");
    let left = children.length;
    for (const child of children) child.once("exit", () => --left === 0 && process.exit(0));
  });
}
