#!/usr/bin/env node
/**
 * Builds the studio (`npm run build`) when there is no build or a source file is newer than it;
 * otherwise does nothing. Run by scripts/start.mjs, and by `npm run test:e2e` before Playwright
 * starts its servers (two studios of one build must not each start a build). FORCE_BUILD=1 always
 * builds. Exits with the build's exit code.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Files and folders whose changes make a new build necessary. */
const SOURCES = ["app", "components", "lib", "public", "prisma", "package.json", "next.config.ts", "proxy.ts", "instrumentation.ts"];

function newestSourceTime(entries) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      if (/(^|\/)(node_modules|\.next|generated|data|__tests__)$/.test(p)) return;
      for (const name of readdirSync(p)) visit(path.join(p, name));
    } else if (/\.(tsx?|css|mjs|json|prisma)$/.test(p)) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  entries.forEach(visit);
  return newest;
}

const buildId = ".next/BUILD_ID";
const stale = !existsSync(buildId) || newestSourceTime(SOURCES) > statSync(buildId).mtimeMs;
if (stale || process.env.FORCE_BUILD) {
  console.log("Building the studio (next build)…");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  process.exit(result.status ?? 1);
}
