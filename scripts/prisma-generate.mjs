#!/usr/bin/env node
/**
 * Runs `prisma generate` without Prisma's native schema-engine binary.
 *
 * The Prisma CLI downloads `schema-engine` before every command; that download
 * fails on machines that reach only the npm registry. `generate` itself runs on
 * WebAssembly, so pointing PRISMA_SCHEMA_ENGINE_BINARY at any executable makes
 * the CLI skip the download (see shared/notes/offline-toolchain.md).
 * A connected machine with the binary present keeps working the same way.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("prisma/schema.prisma")) {
  console.log("prisma-generate: no prisma/schema.prisma yet, skipping");
  process.exit(0);
}
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = "/bin/false";
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
