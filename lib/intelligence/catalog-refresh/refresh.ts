/**
 * One catalog refresh, shared by `npm run catalog:refresh` (./run.ts) and
 * `POST /api/catalog/refresh` (./data-dir.ts): read the models from the Scenario API
 * (scenario-api-contract.md §5), merge them into the previous catalog, validate the result and
 * take each model's input schema from its record. Writes nothing. No fs; HTTP through `source`.
 */
import type { ModelSchema } from "../../providers/model-schema";
import { parseCatalog } from "../catalog/parse-catalog";
import { fetchApiModels, type ModelSource } from "./fetch";
import { mergeCatalog, type MergeReport } from "./merge";
import { formatReport } from "./report";
import { schemasFromRecords } from "./schemas";
import type { Catalog } from "./types";
import { validateCatalogShape } from "./validate";

/** Above this share of snapshot models dropped, a refresh is refused unless forced. */
export const MAX_DROPPED_SHARE = 0.5;

export interface RefreshOptions {
  /** The previous catalog document (as stored: no schemas attached). */
  snapshot: Catalog;
  source: ModelSource;
  now: Date;
  /** Refresh the snapshot's models only; add none. */
  knownOnly?: boolean;
  /** Accept a result that drops more than MAX_DROPPED_SHARE of the snapshot. */
  force?: boolean;
  /** The catalog's validation (default `parseCatalog`: zod schema + cross-field rules). */
  parseCatalog?: (value: unknown) => unknown;
}

/** Why a refresh produced nothing to write. */
export type RefreshFailureReason = "api_failed" | "no_models" | "too_many_dropped" | "invalid";

export type RefreshOutcome =
  | {
      ok: true;
      /** The refreshed catalog document (no `schema` fields: those go to schema files). */
      catalog: Catalog;
      /** Input schemas of the catalog's models that have one, in catalog order. */
      schemas: ModelSchema[];
      /** Catalog models without a schema (their record has no readable `inputs[]`). */
      withoutSchema: string[];
      report: MergeReport;
      /** The printable report (formatReport), then schema lines. */
      lines: string[];
    }
  | { ok: false; reason: RefreshFailureReason; message: string; lines: string[]; problems?: string[] };

/**
 * Runs one refresh.
 * @returns `ok: false` with a sentence (and, for `invalid`, the validation problems) when the API
 *   could not be read, listed no catalog model, would drop more than half of the snapshot (unless
 *   `force`), or the merged catalog does not validate. Never throws for those.
 */
export async function refreshCatalog(options: RefreshOptions): Promise<RefreshOutcome> {
  const { snapshot } = options;
  let fetched;
  try {
    fetched = await fetchApiModels(options.source);
  } catch (error) {
    return {
      ok: false,
      reason: "api_failed",
      message: `reading the Scenario API failed: ${(error as Error).message}; the catalog was not changed`,
      lines: [],
    };
  }
  if (fetched.models.length === 0) {
    return {
      ok: false,
      reason: "no_models",
      message: `the Scenario API returned no catalog models (${fetched.listed} row(s) listed); the catalog was not changed`,
      lines: [],
    };
  }

  const { catalog, report } = mergeCatalog(snapshot, fetched.models, { now: options.now, includeNew: !options.knownOnly });
  const lines = formatReport(report, { listed: fetched.listed, fetchSkipped: fetched.skipped, warnings: fetched.warnings });

  if (report.dropped.length / snapshot.models.length > MAX_DROPPED_SHARE) {
    const message =
      `${report.dropped.length} of ${snapshot.models.length} snapshot models would be dropped (more than ${MAX_DROPPED_SHARE * 100}%): ` +
      "check the key's team/project and SCENARIO_API_URL";
    if (!options.force) return { ok: false, reason: "too_many_dropped", message, lines };
    lines.push(`warning: ${message}; writing anyway (--force)`);
  }

  const problems = validateCatalogShape(catalog);
  if (!problems.length) {
    try {
      (options.parseCatalog ?? parseCatalog)(structuredClone(catalog));
    } catch (error) {
      problems.push(`parseCatalog: ${(error as Error).message}`);
    }
  }
  if (problems.length)
    return { ok: false, reason: "invalid", message: "the refreshed catalog is invalid; nothing written", lines, problems };

  const ids = catalog.models.map((m) => m.id);
  const { schemas, withoutSchema, warnings } = schemasFromRecords(fetched.models, ids, `api ${options.now.toISOString()}`);
  lines.push(
    `Input schemas: ${schemas.length} of ${ids.length} models${withoutSchema.length ? `; without one: ${withoutSchema.join(", ")}` : ""}`,
  );
  for (const warning of warnings) lines.push(`  warning: ${warning}`);
  return { ok: true, catalog, schemas, withoutSchema, report, lines };
}
