/**
 * The `npm run catalog:refresh` command (scripts/catalog-refresh.ts is a thin wrapper): rebuilds
 * `lib/intelligence/data/model-catalog.json` from the Scenario API when credentials are set
 * (scenario-api-contract.md §5: `GET /models`, `GET /models/{id}` for `inputs[]`), keeping its shape.
 *
 * Node-only module (fs, the HTTP client); never import it from app code.
 */
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { ScenarioClient, SCENARIO_DEFAULT_BASE_URL } from "../../providers/scenario/client";
import { parseCatalog } from "../catalog/parse-catalog";
import { fetchApiModels, type FetchModelsResult } from "./fetch";
import { mergeCatalog } from "./merge";
import { formatReport } from "./report";
import type { Catalog } from "./types";
import { validateCatalogShape } from "./validate";

/** The bundled catalog the command refreshes by default. */
export const DEFAULT_CATALOG_PATH = fileURLToPath(new URL("../data/model-catalog.json", import.meta.url));

/** Above this share of snapshot models dropped, the command refuses to write without `--force`. */
export const MAX_DROPPED_SHARE = 0.5;

export const USAGE = `Usage: npm run catalog:refresh -- [--dry-run] [--out <path>] [--snapshot <path>] [--known-only] [--force]

Rebuilds the model catalog from the Scenario API (GET /models, GET /models/{id}).
Needs SCENARIO_API_KEY and SCENARIO_API_SECRET (SCENARIO_API_URL overrides the base URL).

  --dry-run          print the report only; write nothing
  --out <path>       write the refreshed catalog there instead of lib/intelligence/data/model-catalog.json
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
  const args: Args = { dryRun: false, out: null, snapshot: null, force: false, knownOnly: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith("--")) throw new Error(`${arg} needs a path`);
      return next;
    };
    if (arg === "--dry-run") args.dryRun = true;
    else if (arg === "--force") args.force = true;
    else if (arg === "--known-only") args.knownOnly = true;
    else if (arg === "--help" || arg === "-h") args.help = true;
    else if (arg === "--out") args.out = value();
    else if (arg.startsWith("--out=")) args.out = arg.slice("--out=".length);
    else if (arg === "--snapshot") args.snapshot = value();
    else if (arg.startsWith("--snapshot=")) args.snapshot = arg.slice("--snapshot=".length);
    else throw new Error(`unknown argument ${arg}`);
  }
  return args;
}

/**
 * Runs the refresh.
 *
 * Without SCENARIO_API_KEY / SCENARIO_API_SECRET: prints "set SCENARIO_API_KEY and SCENARIO_API_SECRET
 * to refresh; the bundled snapshot of <date> stays in use" and returns 0, touching nothing.
 * With them: fetches the models, merges (`mergeCatalog`), validates (`validateCatalogShape`, then the
 * catalog's own `parseCatalog`), prints the report and writes the catalog (JSON, 1-space indent, via a temporary
 * file renamed over the target). `--dry-run` stops before writing.
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

  const snapshotPath = path.resolve(args.snapshot ?? deps.catalogPath ?? DEFAULT_CATALOG_PATH);
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
  let fetched: FetchModelsResult;
  try {
    const client = new ScenarioClient({ apiKey, apiSecret, baseUrl, fetch: deps.fetch, retry: deps.retry });
    io.log(`Reading models from ${baseUrl} …`);
    fetched = await fetchApiModels(client);
  } catch (error) {
    io.error(`catalog:refresh: reading the Scenario API failed: ${(error as Error).message}; the catalog was not changed`);
    return 1;
  }
  if (fetched.models.length === 0) {
    io.error(`catalog:refresh: the Scenario API returned no catalog models (${fetched.listed} row(s) listed); the catalog was not changed`);
    return 1;
  }

  const { catalog, report } = mergeCatalog(snapshot, fetched.models, { now: (deps.now ?? (() => new Date()))(), includeNew: !args.knownOnly });
  for (const line of formatReport(report, { listed: fetched.listed, fetchSkipped: fetched.skipped, warnings: fetched.warnings })) io.log(line);

  const droppedShare = report.dropped.length / snapshot.models.length;
  const tooManyDropped = droppedShare > MAX_DROPPED_SHARE;
  if (tooManyDropped) {
    const message =
      `${report.dropped.length} of ${snapshot.models.length} snapshot models would be dropped (more than ${MAX_DROPPED_SHARE * 100}%): ` +
      "check the key's team/project and SCENARIO_API_URL";
    if (!args.force) {
      io.error(`catalog:refresh: ${message}; nothing written (pass --force to write anyway)`);
      return args.dryRun ? 0 : 1;
    }
    io.log(`warning: ${message}; writing anyway (--force)`);
  }

  const problems = validateCatalogShape(catalog);
  if (!problems.length) {
    const failure = applyParse(deps.parseCatalog ?? parseCatalog, catalog);
    if (failure) problems.push(failure);
  }
  if (problems.length) {
    io.error("catalog:refresh: the refreshed catalog is invalid; nothing written:");
    for (const problem of problems.slice(0, 20)) io.error(`  ${problem}`);
    return 1;
  }

  if (args.dryRun) {
    io.log("Dry run: nothing written.");
    return 0;
  }
  try {
    await writeAtomically(outPath, JSON.stringify(catalog, null, 1));
  } catch (error) {
    io.error(`catalog:refresh: writing ${outPath} failed: ${(error as Error).message}`);
    return 1;
  }
  io.log(`Wrote ${outPath} (${catalog.models.length} models, snapshot ${catalog.snapshotDate}).`);
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

/** Writes `text` to a temporary file next to `file`, then renames it over `file`. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, text, "utf8");
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Runs the validation; returns its failure message (a `CatalogError` lists every problem), or null when the catalog passes. */
function applyParse(parse: (value: unknown) => unknown, catalog: Catalog): string | null {
  try {
    parse(structuredClone(catalog));
    return null;
  } catch (error) {
    return `parseCatalog: ${(error as Error).message}`;
  }
}
