/**
 * The strict Scenario mock's data: model records, recorded dry runs and the per-model cost table,
 * read from JSON files (`__fixtures__/`, described in its SOURCES.md).
 *
 * Test-only module (node:fs); never import it from app code.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { modelInputSchema, type ModelInput } from "../model-schema";

/** A model record as `GET /v1/models/:id` returns it under `model` (contract §5). */
export interface MockModelRecord {
  id: string;
  name: string;
  shortDescription?: string;
  type: string;
  privacy: "public" | "private" | (string & {});
  status: string;
  capabilities: string[];
  tags: string[];
  accessRestrictions?: number;
  exampleAssetIds?: string[];
  /** The model's inputs, in the studio's own type of lib/providers/model-schema.ts (one shape for builder and mock). */
  inputs: ModelInput[];
  uiConfig?: Record<string, unknown>;
  createdAt?: string;
  updatedAt?: string;
  [key: string]: unknown;
}

/** Creative Units of one model: `customGeneration × numOutputs + qualityGate`. */
export interface MockModelCost {
  customGeneration: number;
  qualityGate: number;
  source?: string;
}

/** A recorded dry run of contracts.json (`dryRuns[]`). */
export interface RecordedDryRun {
  case: string;
  target: string;
  body: Record<string, unknown>;
  status: number;
  reply: Record<string, unknown>;
}

/** Folder of the fixtures that ship with the mock. */
export const MOCK_FIXTURES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "__fixtures__");
/** Folder of the default model records (6 recorded, the rest written from documented fields). */
export const DEFAULT_MOCK_MODELS_DIR = path.join(MOCK_FIXTURES_DIR, "models");

/**
 * Reads every `*.json` file of `dir` as a `GET /models/{id}` reply (`{model}`, or the bare record),
 * in file-name order.
 * Each `inputs[]` item is parsed with the studio's own `modelInputSchema`, so the mock and the
 * request builder read one shape.
 * @throws Error naming the file when one is not a model record (no `id` or no `inputs[]`, or an
 *   input that is not a model input: no `name`, no `type`, a `min` that is not a number, …).
 */
export function loadMockModelRecords(dir: string = DEFAULT_MOCK_MODELS_DIR): MockModelRecord[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const raw = JSON.parse(readFileSync(path.join(dir, name), "utf8")) as { model?: MockModelRecord } & Partial<MockModelRecord>;
      const record = (raw.model ?? raw) as MockModelRecord;
      if (typeof record.id !== "string" || !Array.isArray(record.inputs)) {
        throw new Error(`mock Scenario: ${path.join(dir, name)} is not a model record (needs id and inputs[])`);
      }
      const inputs = record.inputs.map((input, index) => {
        const parsed = modelInputSchema.safeParse(input);
        if (!parsed.success)
          throw new Error(
            `mock Scenario: ${path.join(dir, name)} inputs[${index}] is not a model input: ${parsed.error.issues[0]?.message}`,
          );
        return parsed.data;
      });
      return { ...record, inputs, capabilities: record.capabilities ?? [], tags: record.tags ?? [] };
    });
}

/** The cost table of `__fixtures__/costs.json`: per model id, plus `default` for the others. */
export function loadMockCosts(file: string = path.join(MOCK_FIXTURES_DIR, "costs.json")): {
  default: MockModelCost;
  models: Record<string, MockModelCost>;
} {
  const raw = JSON.parse(readFileSync(file, "utf8")) as { default: MockModelCost; models: Record<string, MockModelCost> };
  return { default: raw.default, models: raw.models ?? {} };
}

/** The recorded dry runs of `__fixtures__/contracts.json`. */
export function loadRecordedDryRuns(file: string = path.join(MOCK_FIXTURES_DIR, "contracts.json")): RecordedDryRun[] {
  const raw = JSON.parse(readFileSync(file, "utf8")) as { dryRuns?: RecordedDryRun[] };
  return raw.dryRuns ?? [];
}

/**
 * The trained models of `__fixtures__/trained-models.json` (ids and types recorded in
 * contracts.json): records with an empty `inputs[]`, as their detail records carry none.
 */
export function loadTrainedModels(file: string = path.join(MOCK_FIXTURES_DIR, "trained-models.json")): MockModelRecord[] {
  const raw = JSON.parse(readFileSync(file, "utf8")) as { models: { id: string; name: string; type: string }[] };
  return raw.models.map((m) => ({ ...m, privacy: "public", status: "trained", capabilities: [], tags: [], inputs: [] }));
}

/** Model ids of the default records, in list order. */
export const DEFAULT_MOCK_MODEL_RECORDS: readonly MockModelRecord[] = loadMockModelRecords();
export const DEFAULT_MOCK_MODELS: readonly string[] = DEFAULT_MOCK_MODEL_RECORDS.map((r) => r.id);
