/**
 * The `npm run catalog:refresh` command (scripts/catalog-refresh.ts is a thin wrapper): rebuilds
 * `lib/intelligence/data/model-catalog.json` from the Scenario API when credentials are set
 * (scenario-api-contract.md §5: `GET /models`, `GET /models/{id}` for `inputs[]`), keeping its shape.
 *
 * Node-only module (fs, the HTTP client); never import it from app code.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { ScenarioClient, SCENARIO_DEFAULT_BASE_URL } from "../../providers/scenario/client";
import { CATALOG_FILE, SCHEMAS_DIR } from "../catalog/catalog-files";
import { readRefreshMeta, refreshedCatalogFolder } from "../catalog/refreshed-catalog";
import { refreshedCatalogTarget } from "./data-dir";
import { refreshCatalog } from "./refresh";
import type { Catalog } from "./types";
import { validateCatalogShape } from "./validate";
import { writeCatalogFolder } from "./write";

/** The bundled catalog the command refreshes by default. */
export const DEFAULT_CATALOG_PATH = fileURLToPath(new URL("../data/model-catalog.json", import.meta.url));

export const USAGE = `Usage: npm run catalog:refresh -- [--dry-run] [--out <path> | --data-dir] [--snapshot <path>] [--known-only] [--force]

Rebuilds the model catalog from the Scenario API (GET /models, GET /models/{id}), with each
model's input schema (its inputs[] and uiConfig) in model-schemas/<modelId>.json next to it.
Needs SCENARIO_API_KEY and SCENARIO_API_SECRET (SCENARIO_API_URL overrides the base URL).

  --dry-run          print the report only; write nothing
  --out <path>       write the refreshed catalog there (schemas into model-schemas/ beside it)
                     instead of lib/intelligence/data/model-catalog.json
  --data-dir         write to <DATA_DIR>/catalog/, the refreshed catalog the server prefers over
                     the bundled one (what "Refresh models" in the studio does); starts from it
  --snapshot <path>  read the previous catalog from there (default: the bundled one)
  --known-only       refresh the snapshot's models only; add none
  --force            write even when more than half of the snapshot's models would be dropped`;

/** Where the command prints. */
export interface RefreshIo {
  log(line: string): void;
  error(line: string): void;
}

/** Injected dependencies (tests). */
export interface RefreshDeps {
  /** Default `DEFAULT_CATALOG_PATH`. */
  catalogPath?: string;
  /** Default `new Date()`. */
  now?: () => Date;
  /** Passed to the ScenarioClient. */
  fetch?: typeof globalThis.fetch;
  /** Retry settings of the ScenarioClient (tests shorten the backoff). */
  retry?: ConstructorParameters<typeof ScenarioClient>[0]["retry"];
  /** The catalog's validation (default `parseCatalog` of lib/intelligence/catalog: zod schema + cross-field rules). */
  parseCatalog?: (value: unknown) => unknown;
}

interface Args {
  dryRun: boolean;
  dataDir: boolean;
  out: string | null;
  snapshot: string | null;
  force: boolean;
  knownOnly: boolean;
  help: boolean;
}

/**
 * Parses the command line.
 * @throws Error naming the bad argument (unknown flag, missing value).
 */
export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { dryRun: false, dataDir: false, out: null, snapshot: null, force: false, knownOnly: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith("--")) throw new Error(`${arg} needs a path`);
      return next;
    };
    if (arg === "--dry-run") args.dryRun = true;
    else if (arg === "--force") args.force = true;
    else if (arg === "--data-dir") args.dataDir = true;
    else if (arg === "--known-only") args.knownOnly = true;
    else if (arg === "--help" || arg === "-h") args.help = true;
    else if (arg === "--out") args.out = value();
    else if (arg.startsWith("--out=")) args.out = arg.slice("--out=".length);
    else if (arg === "--snapshot") args.snapshot = value();
    else if (arg.startsWith("--snapshot=")) args.snapshot = arg.slice("--snapshot=".length);
    else throw new Error(`unknown argument ${arg}`);
  }
  if (args.dataDir && args.out) throw new Error("--data-dir and --out name two different targets; pass one");
  return args;
}

/**
 * Runs the refresh.
 *
 * Without SCENARIO_API_KEY / SCENARIO_API_SECRET: prints "set SCENARIO_API_KEY and SCENARIO_API_SECRET
 * to refresh; the bundled snapshot of <date> stays in use" and returns 0, touching nothing.
 * With them: runs `refreshCatalog` (fetch, merge, validate, schemas from each record), prints the
 * report and writes the catalog (JSON, 1-space indent, via a temporary file renamed over the target)
 * and its schema folder (`model-schemas/<modelId>.json` + the generated `index.ts`, swapped in
 * whole); with `--data-dir`, to `<DATA_DIR>/catalog/` with its `refresh.json` instead (no index).
 * `--dry-run` stops before writing.
 *
 * @returns the exit code: 0 done (or nothing to do), 1 API failure / invalid result / refused write,
 *   2 bad arguments.
 */
export async function runCatalogRefresh(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: RefreshIo = { log: (l) => console.log(l), error: (l) => console.error(l) },
  deps: RefreshDeps = {},
): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    io.error(`catalog:refresh: ${(error as Error).message}`);
    io.error(USAGE);
    return 2;
  }
  if (args.help) {
    io.log(USAGE);
    return 0;
  }

  const dataFolder = refreshedCatalogFolder(env);
  const startFromData = args.dataDir && !args.snapshot && (await readRefreshMeta(dataFolder).catch(() => null)) !== null;
  const snapshotPath = path.resolve(
    args.snapshot ?? (startFromData ? path.join(dataFolder, CATALOG_FILE) : (deps.catalogPath ?? DEFAULT_CATALOG_PATH)),
  );
  const outPath = path.resolve(args.out ?? snapshotPath);
  const apiKey = env.SCENARIO_API_KEY?.trim();
  const apiSecret = env.SCENARIO_API_SECRET?.trim();

  if (!apiKey || !apiSecret) {
    const date = await readSnapshotDate(snapshotPath);
    io.log(`set SCENARIO_API_KEY and SCENARIO_API_SECRET to refresh; the bundled snapshot of ${date ?? "(unreadable date)"} stays in use`);
    return 0;
  }

  let snapshot: Catalog;
  try {
    snapshot = JSON.parse(await readFile(snapshotPath, "utf8")) as Catalog;
  } catch (error) {
    io.error(`catalog:refresh: cannot read the snapshot ${snapshotPath}: ${(error as Error).message}`);
    return 1;
  }
  const snapshotProblems = validateCatalogShape(snapshot);
  if (snapshotProblems.length) {
    io.error(`catalog:refresh: the snapshot ${snapshotPath} is not a catalog: ${snapshotProblems.slice(0, 5).join("; ")}`);
    return 1;
  }

  const baseUrl = env.SCENARIO_API_URL?.trim() || SCENARIO_DEFAULT_BASE_URL;
  const client = new ScenarioClient({ apiKey, apiSecret, baseUrl, fetch: deps.fetch, retry: deps.retry });
  io.log(`Reading models from ${baseUrl} …`);
  const outcome = await refreshCatalog({
    snapshot,
    source: client,
    now: (deps.now ?? (() => new Date()))(),
    knownOnly: args.knownOnly,
    force: args.force,
    parseCatalog: deps.parseCatalog,
  });
  for (const line of outcome.lines) io.log(line);
  if (!outcome.ok) {
    if (outcome.reason === "too_many_dropped") {
      io.error(`catalog:refresh: ${outcome.message}; nothing written (pass --force to write anyway)`);
      return args.dryRun ? 0 : 1;
    }
    io.error(`catalog:refresh: ${outcome.message}${outcome.problems ? ":" : ""}`);
    for (const problem of (outcome.problems ?? []).slice(0, 20)) io.error(`  ${problem}`);
    return 1;
  }

  if (args.dryRun) {
    io.log("Dry run: nothing written.");
    return 0;
  }
  const target = args.dataDir
    ? refreshedCatalogTarget(dataFolder, baseUrl, (deps.now ?? (() => new Date()))())
    : { catalogFile: outPath, schemasDir: path.join(path.dirname(outPath), SCHEMAS_DIR), writeIndex: true };
  try {
    await writeCatalogFolder(target, outcome.catalog, outcome.schemas);
  } catch (error) {
    io.error(`catalog:refresh: writing ${target.catalogFile} failed: ${(error as Error).message}`);
    return 1;
  }
  const { catalog, schemas } = outcome;
  io.log(
    `Wrote ${target.catalogFile} (${catalog.models.length} models, snapshot ${catalog.snapshotDate}) and ${schemas.length} input schema(s) to ${target.schemasDir}.`,
  );
  return 0;
}

/** `snapshotDate` of the catalog file, or null when it cannot be read. */
async function readSnapshotDate(file: string): Promise<string | null> {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8")) as { snapshotDate?: unknown };
    return typeof parsed.snapshotDate === "string" ? parsed.snapshotDate : null;
  } catch {
    return null;
  }
}
