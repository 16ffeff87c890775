/**
 * The refresh behind `POST /api/catalog/refresh` (and `npm run catalog:refresh -- --data-dir`):
 * the same refresh as the command (./refresh.ts), starting from the catalog in use, written to
 * `<DATA_DIR>/catalog/` (the bundled snapshot under lib/ is read-only in a production build),
 * then installed as the catalog the server reads.
 *
 * Node-only module (fs, the HTTP client).
 */
import path from "node:path";

import { ScenarioClient, SCENARIO_DEFAULT_BASE_URL } from "../../providers/scenario/client";
import type { CatalogRefreshDto } from "../catalog/catalog-dto";
import { CATALOG_FILE, SCHEMAS_DIR } from "../catalog/catalog-files";
import { bundledCatalogDocument } from "../catalog/get-catalog";
import { activateRefreshedCatalog, readRefreshedCatalogDocument, refreshedCatalogFolder } from "../catalog/refreshed-catalog";
import { refreshCatalog, type RefreshFailureReason } from "./refresh";
import type { Catalog } from "./types";
import { writeCatalogFolder, type CatalogTarget } from "./write";

/** Why a refresh from the studio did nothing; `message` is a sentence for the person who asked. */
export class CatalogRefreshError extends Error {
  readonly reason: RefreshFailureReason | "no_keys" | "busy" | "write_failed";
  /** Technical detail (the API's answer, validation lines). */
  readonly detail?: string;
  constructor(reason: CatalogRefreshError["reason"], message: string, detail?: string) {
    super(message);
    this.name = "CatalogRefreshError";
    this.reason = reason;
    this.detail = detail;
  }
}

/** What a refresh did: the counts the route answers (CatalogRefreshDto), and the printable report. */
export interface DataDirRefreshResult extends CatalogRefreshDto {
  /** The printable report. */
  lines: string[];
}

export interface DataDirRefreshDeps {
  fetch?: typeof globalThis.fetch;
  retry?: ConstructorParameters<typeof ScenarioClient>[0]["retry"];
  now?: () => Date;
}

/** Where the refreshed catalog goes in `folder` (`<DATA_DIR>/catalog`). */
export function refreshedCatalogTarget(folder: string, baseUrl: string, now: Date): CatalogTarget {
  return {
    catalogFile: path.join(folder, CATALOG_FILE),
    schemasDir: path.join(folder, SCHEMAS_DIR),
    meta: { refreshedAt: now.toISOString(), source: baseUrl },
  };
}

const BUSY_KEY = Symbol.for("workflow-studio.catalog-refresh");
type GlobalWithRefresh = typeof globalThis & { [BUSY_KEY]?: boolean };

/**
 * Refreshes the catalog from the Scenario API into `<DATA_DIR>/catalog/` and installs it.
 * Starts from the refreshed catalog already there, else the bundled snapshot; refuses (rather
 * than writes) a result that would drop more than half of it.
 * @throws CatalogRefreshError: `no_keys` without SCENARIO_API_KEY / SCENARIO_API_SECRET (nothing
 *   read or written); `busy` while another refresh runs; `api_failed`, `no_models`,
 *   `too_many_dropped`, `invalid`, `write_failed` (the catalog in use is not changed).
 */
export async function refreshCatalogInDataDir(
  env: Record<string, string | undefined> = process.env,
  deps: DataDirRefreshDeps = {},
): Promise<DataDirRefreshResult> {
  const apiKey = env.SCENARIO_API_KEY?.trim();
  const apiSecret = env.SCENARIO_API_SECRET?.trim();
  if (!apiKey || !apiSecret)
    throw new CatalogRefreshError("no_keys", "Refreshing needs Scenario API keys on the server; the catalog was not changed.");
  const g = globalThis as GlobalWithRefresh;
  if (g[BUSY_KEY]) throw new CatalogRefreshError("busy", "A catalog refresh is already running; try again when it has finished.");
  g[BUSY_KEY] = true;
  try {
    const folder = refreshedCatalogFolder(env);
    const snapshot = ((await readRefreshedCatalogDocument(folder).catch(() => null)) ??
      structuredClone(bundledCatalogDocument())) as Catalog;
    const baseUrl = env.SCENARIO_API_URL?.trim() || SCENARIO_DEFAULT_BASE_URL;
    const now = (deps.now ?? (() => new Date()))();
    const outcome = await refreshCatalog({
      snapshot,
      source: new ScenarioClient({ apiKey, apiSecret, baseUrl, fetch: deps.fetch, retry: deps.retry }),
      now,
    });
    if (!outcome.ok) {
      const detail = [outcome.message, ...(outcome.problems ?? [])].join("\n");
      const message =
        outcome.reason === "api_failed"
          ? "Scenario's API could not be read, so the model catalog was not changed."
          : outcome.reason === "no_models"
            ? "Scenario's API listed no models for these keys, so the model catalog was not changed."
            : outcome.reason === "too_many_dropped"
              ? "Scenario's API returned fewer than half of the catalog's models for these keys, so the model catalog was not changed."
              : "The refreshed model catalog did not pass validation, so it was not saved.";
      throw new CatalogRefreshError(outcome.reason, message, detail);
    }
    try {
      await writeCatalogFolder(refreshedCatalogTarget(folder, baseUrl, now), outcome.catalog, outcome.schemas);
    } catch (error) {
      throw new CatalogRefreshError(
        "write_failed",
        "The refreshed model catalog could not be saved on the server; the catalog in use was not changed.",
        (error as Error).message,
      );
    }
    await activateRefreshedCatalog(env);
    return {
      snapshotDate: outcome.catalog.snapshotDate,
      refreshedAt: now.toISOString(),
      modelCount: outcome.catalog.models.length,
      withSchema: outcome.schemas.length,
      withoutSchema: outcome.withoutSchema,
      added: outcome.report.added,
      dropped: outcome.report.dropped.map((d) => d.id),
      lines: outcome.lines,
    };
  } finally {
    g[BUSY_KEY] = false;
  }
}
