/**
 * `mergeCatalog`: the bundled catalog snapshot plus what the Scenario API says now
 * (`GET /models`, `GET /models/{id}`, scenario-api-contract.md §5) → a new catalog of the same shape,
 * and a report of what changed. Pure and deterministic: no I/O, no clock (the date comes in `now`).
 */
import { deriveCapabilities, reconcileCapabilities } from "./capabilities";
import { inputsForKnownModel, inputsForNewModel, summariseInputs } from "./inputs";
import type { ApiModel, Catalog, CatalogModel, CatalogPerformance } from "./types";

/** `sources` text of every figure of a model or capability the previous snapshot did not have. */
export const NO_FIGURE_SOURCE = "not in the previous snapshot: no figure";

/** Start of the sentence the refresh appends to `notes` (a previous one is replaced, not repeated). */
const REFRESH_NOTE_PREFIX = "Refreshed";
const REFRESH_NOTE_PATTERN = /\s*Refreshed \d{4}-\d{2}-\d{2} from the Scenario API [\s\S]*$/;

/** Plan tier of `accessRestrictions` (contract §5), as the catalog's `plan:` tags name them. */
const PLAN_TAGS: Readonly<Record<number, string>> = { 0: "plan:free", 25: "plan:creator", 50: "plan:pro" };

export interface MergeOptions {
  /** The refresh date; `snapshotDate` becomes its UTC calendar day. */
  now: Date;
  /** Append models the snapshot does not know (default true). False refreshes known models only. */
  includeNew?: boolean;
}

/** One field that differs between the snapshot and the refreshed catalog. */
export interface FieldChange {
  /** `name`, `capabilities`, `inputs.aspectRatios`, `performance.inpaint`, … */
  field: string;
  before: unknown;
  after: unknown;
}

/** What `mergeCatalog` did. */
export interface MergeReport {
  previousSnapshotDate: string;
  snapshotDate: string;
  /** Ids kept, in catalog order. */
  kept: string[];
  /** Ids appended (not in the snapshot), sorted. */
  added: string[];
  /** Snapshot models gone from the API (or left without any catalog capability), in snapshot order. */
  dropped: { id: string; name: string; reason: string }[];
  /** API models not added, sorted by id: no catalog capability, no readable `inputs[]`, or `includeNew: false`. */
  skipped: { id: string; reason: string }[];
  /** Per kept model with at least one change, in catalog order. */
  changed: { id: string; changes: FieldChange[] }[];
}

export interface MergeResult {
  catalog: Catalog;
  report: MergeReport;
}

/**
 * Rebuilds the catalog from the snapshot and the API's model records.
 *
 * For each API model the snapshot knows (same `id`): `name`, `scenarioCapabilities` (verbatim) and
 * `tags` come from the API (the snapshot's curated `style:`/`use:`/`subcategory:`/`deprecated:`/
 * `legacy`/`featured` tags stay first, API tags are appended when new, `sc:featured` counts as
 * `featured`, and an existing `plan:` tag follows `accessRestrictions`); `capabilities` keep the
 * snapshot's finer split while their Scenario parent is still listed (`reconcileCapabilities`);
 * `inputs` are refreshed from `inputs[]` (`inputsForKnownModel`); `provider`, `releasedAt`,
 * `insights` and every `performance` entry (ELO, p50 latency, p50 cost and their `sources`) are
 * kept, since the API has no such figures. A capability the model gains gets a performance entry
 * with null figures; a capability it lost loses its entry.
 *
 * A model only the API has (a `type: "custom"` record; trained LoRAs are not catalog models) is
 * appended with derived capabilities (`deriveCapabilities`), inputs (`inputsForNewModel`),
 * API tags plus a `plan:` tag, `provider` from `complianceMetadata.modelProvider` or a snapshot
 * model sharing its id prefix, `releasedAt: null` (unverified), `insights` = its `shortDescription`,
 * and null figures with `sources` = `NO_FIGURE_SOURCE`. It is skipped (and reported) when no
 * capability maps to a catalog slug or its `inputs[]` could not be read.
 *
 * Snapshot models absent from `apiModels` are dropped, and a `deprecated:<id>` tag naming a dropped
 * model is removed (the catalog schema requires the successor to exist). `snapshotDate` = `now` (UTC day); `notes` =
 * the snapshot's notes plus one sentence on the refresh; `trainingTypes` and any other top-level
 * field are kept. Order: the snapshot's, then new models sorted by id. The first record wins
 * when `apiModels` repeats an id.
 *
 * @param original the current catalog (not modified; the result shares no objects with it).
 * @param apiModels `GET /models/{id}` records (`model`), `inputs` undefined when unreadable.
 */
export function mergeCatalog(original: Catalog, apiModels: readonly ApiModel[], options: MergeOptions): MergeResult {
  const snapshot = structuredClone(original); // the result shares no objects with the caller's snapshot
  const snapshotDate = options.now.toISOString().slice(0, 10);
  const includeNew = options.includeNew ?? true;
  const api = new Map<string, ApiModel>();
  for (const model of apiModels) if (!api.has(model.id)) api.set(model.id, model);
  const known = new Set(snapshot.models.map((m) => m.id));
  const prefixProviders = providersByIdPrefix(snapshot.models);

  const report: MergeReport = {
    previousSnapshotDate: snapshot.snapshotDate,
    snapshotDate,
    kept: [],
    added: [],
    dropped: [],
    skipped: [],
    changed: [],
  };
  const models: CatalogModel[] = [];
  const keptPairs: { before: CatalogModel; after: CatalogModel }[] = [];

  for (const before of snapshot.models) {
    const record = api.get(before.id);
    if (!record) {
      report.dropped.push({ id: before.id, name: before.name, reason: "not returned by the Scenario API" });
      continue;
    }
    const after = refreshKnownModel(before, record);
    if (after.capabilities.length === 0) {
      report.dropped.push({
        id: before.id,
        name: before.name,
        reason: `no catalog capability left (Scenario lists ${record.capabilities.join(", ") || "none"})`,
      });
      continue;
    }
    models.push(after);
    keptPairs.push({ before, after });
    report.kept.push(after.id);
  }

  const newcomers = [...api.values()].filter((m) => !known.has(m.id)).sort((a, b) => compareIds(a.id, b.id));
  for (const record of newcomers) {
    if (!includeNew) {
      report.skipped.push({ id: record.id, reason: "new models not requested" });
      continue;
    }
    if (record.type != null && record.type !== "custom") {
      report.skipped.push({ id: record.id, reason: `type ${record.type} is not a catalog model` });
      continue;
    }
    if (!record.inputs) {
      report.skipped.push({ id: record.id, reason: "inputs[] could not be read" });
      continue;
    }
    const capabilities = deriveCapabilities(record);
    if (!capabilities.length) {
      report.skipped.push({
        id: record.id,
        reason: `no catalog capability (Scenario lists ${record.capabilities.join(", ") || "none"})`,
      });
      continue;
    }
    models.push(newModel(record, capabilities, prefixProviders));
    report.added.push(record.id);
  }

  // A `deprecated:<successor>` tag must name a model of the catalog: drop it when the successor is gone.
  const ids = new Set(models.map((m) => m.id));
  for (const model of models) {
    model.tags = model.tags.filter((tag) => !tag.startsWith("deprecated:") || ids.has(tag.slice("deprecated:".length)));
  }
  for (const { before, after } of keptPairs) {
    const changes = diffModel(before, after);
    if (changes.length) report.changed.push({ id: after.id, changes });
  }

  const catalog: Catalog = {
    ...snapshot,
    snapshotDate,
    notes: refreshNotes(snapshot.notes, snapshotDate, report),
    models,
    trainingTypes: snapshot.trainingTypes,
  };
  return { catalog, report };
}

function refreshKnownModel(before: CatalogModel, record: ApiModel): CatalogModel {
  const capabilities = reconcileCapabilities(before.capabilities, record);
  const inputs = record.inputs ? inputsForKnownModel(before.inputs, summariseInputs(record.inputs)) : { ...before.inputs };
  const performance: Record<string, CatalogPerformance> = {};
  for (const capability of capabilities) performance[capability] = before.performance[capability] ?? nullPerformance();
  return {
    ...before,
    name: nonEmpty(record.name) ?? before.name,
    capabilities,
    scenarioCapabilities: [...record.capabilities],
    inputs,
    performance,
    tags: mergeTags(before.tags, record, false),
  };
}

function newModel(record: ApiModel, capabilities: string[], prefixProviders: Map<string, string>): CatalogModel {
  const performance: Record<string, CatalogPerformance> = {};
  for (const capability of capabilities) performance[capability] = nullPerformance();
  const description = nonEmpty(record.shortDescription);
  return {
    id: record.id,
    name: nonEmpty(record.name) ?? record.id,
    provider: providerOf(record, prefixProviders),
    releasedAt: null,
    capabilities,
    scenarioCapabilities: [...record.capabilities],
    inputs: inputsForNewModel(summariseInputs(record.inputs ?? [])),
    performance,
    tags: mergeTags([], record, true),
    insights: description ? [description] : [],
  };
}

/** A performance entry without figures. */
export function nullPerformance(): CatalogPerformance {
  return {
    elo: null,
    p50LatencySec: null,
    p50CostCU: null,
    sources: { elo: NO_FIGURE_SOURCE, p50LatencySec: NO_FIGURE_SOURCE, p50CostCU: NO_FIGURE_SOURCE },
  };
}

/**
 * Curated tags first; API tags appended when not already there (case-insensitive; `sc:featured` counts
 * as `featured`). `accessRestrictions` updates an existing `plan:` tag, and gives a new model one.
 */
function mergeTags(curated: readonly string[], record: ApiModel, isNew: boolean): string[] {
  const tags = [...curated];
  const has = (tag: string) => tags.some((t) => t.toLowerCase() === tag.toLowerCase());
  const plan = typeof record.accessRestrictions === "number" ? PLAN_TAGS[record.accessRestrictions] : undefined;
  const planIndex = tags.findIndex((t) => t.startsWith("plan:"));
  if (plan && planIndex >= 0) tags[planIndex] = plan;
  for (const raw of record.tags) {
    const tag = raw.trim() === "sc:featured" ? "featured" : raw.trim();
    if (tag && !has(tag)) tags.push(tag);
  }
  if (plan && planIndex < 0 && isNew && !has(plan)) tags.push(plan);
  return tags;
}

/** `model_<prefix>-…` → provider, for prefixes that name exactly one provider in the snapshot. */
function providersByIdPrefix(models: readonly CatalogModel[]): Map<string, string> {
  const seen = new Map<string, Set<string>>();
  for (const model of models) {
    const prefix = idPrefix(model.id);
    if (!prefix) continue;
    if (!seen.has(prefix)) seen.set(prefix, new Set());
    seen.get(prefix)!.add(model.provider);
  }
  const result = new Map<string, string>();
  for (const [prefix, providers] of seen) if (providers.size === 1) result.set(prefix, [...providers][0]);
  return result;
}

function idPrefix(id: string): string | null {
  const match = /^model_([a-z0-9]+)[-_.]/i.exec(id);
  return match ? match[1].toLowerCase() : null;
}

function providerOf(record: ApiModel, prefixProviders: Map<string, string>): string {
  const compliance = record.complianceMetadata as { modelProvider?: unknown } | undefined;
  const fromCompliance = nonEmpty(typeof compliance?.modelProvider === "string" ? compliance.modelProvider : null);
  if (fromCompliance) return fromCompliance;
  const prefix = idPrefix(record.id);
  const fromPrefix = prefix ? prefixProviders.get(prefix) : undefined;
  if (fromPrefix) return fromPrefix;
  return prefix === "scenario" ? "Scenario" : "Unknown";
}

function refreshNotes(notes: string, snapshotDate: string, report: MergeReport): string {
  const base = notes.replace(REFRESH_NOTE_PATTERN, "").trimEnd();
  const sentence =
    `${REFRESH_NOTE_PREFIX} ${snapshotDate} from the Scenario API (GET /models, GET /models/{id}): names, Scenario capabilities, inputs and tags re-read, ` +
    `performance figures, insights and release months carried over from the previous snapshot (${report.previousSnapshotDate}); ` +
    `${report.added.length} model(s) added with null figures, ${report.dropped.length} dropped.`;
  return base ? `${base} ${sentence}` : sentence;
}

function diffModel(before: CatalogModel, after: CatalogModel): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of ["name", "provider", "releasedAt", "capabilities", "scenarioCapabilities", "tags", "insights"] as const) {
    if (!deepEqual(before[field], after[field])) changes.push({ field, before: before[field], after: after[field] });
  }
  for (const key of unionKeys(before.inputs, after.inputs)) {
    if (!deepEqual(before.inputs[key], after.inputs[key])) {
      changes.push({ field: `inputs.${key}`, before: before.inputs[key], after: after.inputs[key] });
    }
  }
  for (const key of unionKeys(before.performance, after.performance)) {
    if (!(key in before.performance)) changes.push({ field: `performance.${key}`, before: undefined, after: "added with null figures" });
    else if (!(key in after.performance)) changes.push({ field: `performance.${key}`, before: before.performance[key], after: undefined });
  }
  return changes;
}

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

/** Structural equality of JSON values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a as object);
    const kb = Object.keys(b as object);
    return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

function nonEmpty(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/** Code-point order, so the result does not depend on the locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
