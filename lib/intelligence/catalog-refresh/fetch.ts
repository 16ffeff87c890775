/**
 * Reads the catalog's models from the Scenario API (scenario-api-contract.md §5):
 * `GET /models?privacy=public&status=trained` (all pages), keeps `type: "custom"` rows (the
 * foundation and third-party models; trained LoRAs are `flux.1-lora`, … and not catalog models),
 * then `GET /models/{id}` for each, since list rows omit `inputs[]`.
 */
import { ProviderError } from "../../providers/types";
import type { ScenarioClient, ScenarioModel } from "../../providers/scenario/client";

/** The part of `ScenarioClient` the fetch needs (tests may pass a fake). */
export type ModelSource = Pick<ScenarioClient, "listModels" | "getModel">;

export interface FetchModelsOptions {
  /** Default `public`. */
  privacy?: "public" | "private";
  /** Default `trained`; `null` lists every status. */
  status?: string | null;
  /** Rows of these types are read in full (default `["custom"]`; a row without `type` is kept too). */
  types?: readonly string[];
  /** Parallel `GET /models/{id}` calls (default 4). */
  concurrency?: number;
  /** Called after each record, e.g. for a progress line. */
  onProgress?: (done: number, total: number) => void;
}

export interface FetchModelsResult {
  /** Full records, in list order. A record answered 403 keeps its list row without `inputs`. */
  models: ScenarioModel[];
  /** Rows in the list (before the type filter). */
  listed: number;
  /** Rows left out and why (another type, or 404 on `GET /models/{id}`). */
  skipped: { id: string; reason: string }[];
  /** Records read from the list row only (403 on `GET /models/{id}`). */
  warnings: string[];
}

/**
 * Lists the models and reads each one's record.
 *
 * @throws ProviderError from `listModels`, or from `getModel` for anything but 404 (skipped: the
 *   model vanished between the two calls) and 403 (kept without `inputs`: plan-gated record).
 */
export async function fetchApiModels(source: ModelSource, options: FetchModelsOptions = {}): Promise<FetchModelsResult> {
  const types = options.types ?? ["custom"];
  const status = options.status === undefined ? "trained" : options.status;
  const rows = await source.listModels({ privacy: options.privacy ?? "public", ...(status ? { status } : {}) });
  const skipped: { id: string; reason: string }[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  const wanted: ScenarioModel[] = [];
  for (const row of rows) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    if (row.type != null && !types.includes(row.type)) {
      skipped.push({ id: row.id, reason: `type ${row.type}` });
      continue;
    }
    wanted.push(row);
  }

  const results: (ScenarioModel | null)[] = new Array(wanted.length).fill(null);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < wanted.length) {
      const index = next++;
      const row = wanted[index];
      try {
        results[index] = (await source.getModel(row.id)).model;
      } catch (error) {
        if (error instanceof ProviderError && error.status === 404) {
          skipped.push({ id: row.id, reason: "GET /models/{id} answered 404" });
        } else if (error instanceof ProviderError && error.status === 403) {
          warnings.push(`${row.id}: GET /models/{id} answered 403; inputs[] not read`);
          const { inputs: _inputs, ...listRow } = row;
          results[index] = listRow as ScenarioModel;
        } else {
          throw error;
        }
      }
      done += 1;
      options.onProgress?.(done, wanted.length);
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 4, wanted.length || 1));
  await Promise.all(Array.from({ length: concurrency }, worker));
  skipped.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  warnings.sort();
  return { models: results.filter((m): m is ScenarioModel => m !== null), listed: rows.length, skipped, warnings };
}
