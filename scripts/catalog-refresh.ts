/**
 * `npm run catalog:refresh` (`tsx scripts/catalog-refresh.ts`): rebuilds
 * lib/intelligence/data/model-catalog.json from the Scenario API when SCENARIO_API_KEY and
 * SCENARIO_API_SECRET are set (scenario-api-contract.md §5; SCENARIO_API_URL for a stand-in).
 * Flags: --dry-run, --out <path>, --snapshot <path>, --known-only, --force, --help.
 * The work is done by lib/intelligence/catalog-refresh/run.ts.
 */
import { pathToFileURL } from "node:url";

import { runCatalogRefresh, type RefreshDeps, type RefreshIo } from "../lib/intelligence/catalog-refresh/run";

/**
 * Runs the command.
 * @param argv arguments after the script name (default `process.argv.slice(2)`).
 * @param env environment (default `process.env`).
 * @returns the exit code (0 done or nothing to do, 1 failure, 2 bad arguments).
 */
export function main(
  argv: readonly string[] = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
  io?: RefreshIo,
  deps?: RefreshDeps,
): Promise<number> {
  return runCatalogRefresh(argv, env, io, deps);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`catalog:refresh: ${(error as Error)?.stack ?? String(error)}`);
      process.exitCode = 1;
    },
  );
}
