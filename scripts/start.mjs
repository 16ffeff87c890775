#!/usr/bin/env node
/**
 * `npm start`: everything a fresh machine needs to serve the studio on http://localhost:3000
 * (PORT overrides). Builds when there is no build or a source file is newer than it
 * (scripts/build-if-stale.mjs), applies
 * the database migrations (embedded PGlite in ./data unless DATABASE_URL is set; the server's own
 * check on opening then finds nothing to apply), then runs `next start`. The offline engine is used unless SCENARIO_API_KEY and SCENARIO_API_SECRET are set.
 *
 * Files are created owner-only (umask 077, inherited by the migrations and the server). SIGTERM
 * and SIGINT are passed once to the server, which drains and closes its database
 * (lib/server/shutdown.ts; Next.js's own exit-at-once handlers are turned off with
 * NEXT_MANUAL_SIG_HANDLE); this script exits with the server's exit code.
 */
import { spawnSync, spawn } from "node:child_process";
import { createRequire } from "node:module";

process.umask(0o077);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_MANUAL_SIG_HANDLE: "1" };
const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run("node", ["scripts/build-if-stale.mjs"]);
console.log("Applying database migrations…");
// tsx as a loader of this Node (no npx in between); migrate.ts exits as soon as it is done.
run(process.execPath, ["--import", "tsx", "scripts/migrate.ts"]);

const port = process.env.PORT ?? "3000";
console.log(`Starting the studio on http://localhost:${port}`);
// `node …/next start` itself (no npx in between), so signals reach the process that serves.
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const server = spawn(process.execPath, [nextBin, "start", "-p", port], { stdio: "inherit", env });
let forwarded = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    // Ctrl-C reaches the server too (same process group): pass a signal on once only.
    if (forwarded) return;
    forwarded = true;
    server.kill(signal);
  });
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
