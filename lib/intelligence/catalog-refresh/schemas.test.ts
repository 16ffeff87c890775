/**
 * The refresh writes each model's input schema as the API returns it: `npm run catalog:refresh`
 * (scripts/catalog-refresh.ts `main()`) and the data-folder refresh behind
 * `POST /api/catalog/refresh`, against the mock Scenario API serving the recorded records
 * (scenario-api-contract.md §5; shared/reference/scenario-models).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { main } from "../../../scripts/catalog-refresh";
import type { ModelSchema } from "../../providers/model-schema";
import { startMockScenarioServer, type MockModelRecord, type MockScenarioServer } from "../../providers/scenario/mock-server";
import { attachSchemas } from "../catalog/attach-schemas";
import { getBundledCatalog, getCatalog, getCatalogOrigin, setActiveCatalog } from "../catalog/get-catalog";
import { parseCatalog } from "../catalog/parse-catalog";
import { activateRefreshedCatalog, readSchemaFolder } from "../catalog/refreshed-catalog";
import { CatalogRefreshError, refreshCatalogInDataDir } from "./data-dir";
import { apiRecordFor } from "./__fixtures__/api-records";
import { DEFAULT_CATALOG_PATH } from "./run";

const NOW = new Date("2026-12-03T09:00:00Z");
const BUNDLED_TEXT = readFileSync(DEFAULT_CATALOG_PATH, "utf8");
const SCHEMA_DIR = path.join(path.dirname(DEFAULT_CATALOG_PATH), "model-schemas");

/** The recorded records (as bundled in model-schemas/), served under their catalog names. */
function recordedRecords(): MockModelRecord[] {
  const catalog = getBundledCatalog();
  return catalog.models
    .filter((m) => m.schema)
    .map((m) => ({
      id: m.id,
      name: m.name,
      type: "custom",
      privacy: "public" as const,
      status: "trained",
      capabilities: m.schema!.capabilities,
      tags: [],
      inputs: structuredClone(m.schema!.inputs) as MockModelRecord["inputs"],
      uiConfig: structuredClone(m.schema!.uiConfig) as MockModelRecord["uiConfig"],
    }));
}

const SNAPSHOT = JSON.parse(BUNDLED_TEXT) as { models: Parameters<typeof apiRecordFor>[0][] };

/** Upscale v3's record without `inputs[]` (as a plan-gated or list-only record comes). */
function recordWithoutInputs(): MockModelRecord {
  const { inputs: _none, ...row } = apiRecordFor(SNAPSHOT.models.find((m) => m.id === "model_upscale-v3")!);
  return row as MockModelRecord;
}

let tempDir: string;
const servers: MockScenarioServer[] = [];
async function serve(records: MockModelRecord[]): Promise<MockScenarioServer> {
  const server = await startMockScenarioServer({ modelRecords: records });
  servers.push(server);
  return server;
}
const envFor = (server: MockScenarioServer, extra: Record<string, string> = {}) => ({
  SCENARIO_API_KEY: server.credentials.apiKey,
  SCENARIO_API_SECRET: server.credentials.apiSecret,
  SCENARIO_API_URL: server.baseUrl,
  ...extra,
});
const quiet = { log: () => {}, error: () => {} };

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), "catalog-schemas-"));
});
afterEach(async () => {
  while (servers.length) await servers.pop()!.close();
  setActiveCatalog(null);
});
afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

describe("the bundled snapshot", () => {
  it("attaches the six recorded schemas and says null for every other model", () => {
    const catalog = getBundledCatalog();
    const withSchema = catalog.models.filter((m) => m.schema).map((m) => m.id);
    expect(withSchema.sort()).toEqual([
      "model_bfl-flux-1-dev",
      "model_bfl-flux-2-dev",
      "model_bytedance-seedance-2-0",
      "model_google-gemini-3-1-flash",
      "model_meshy-7-img23d",
      "model_openai-gpt-image-2",
    ]);
    expect(catalog.models.find((m) => m.id === "model_upscale-v3")!.schema).toBeNull();
    const gpt = catalog.models.find((m) => m.id === "model_openai-gpt-image-2")!.schema!;
    expect(gpt.inputs.find((i) => i.name === "numOutputs")).toMatchObject({ type: "number", min: 1, max: 10 });
    expect(gpt.uiConfig?.resolutionComponent?.presets?.length).toBeGreaterThan(3);
  });
});

describe("catalog:refresh writes the input schemas", () => {
  it("equal to each record's inputs[] and uiConfig, with their source and date; none for a record without inputs[]", async () => {
    const records = recordedRecords();
    // The API changed a limit since the recording: the refreshed schema follows the API.
    const gptRecord = records.find((r) => r.id === "model_openai-gpt-image-2")!;
    gptRecord.inputs.find((i) => i.name === "numOutputs")!.max = 8;
    const server = await serve([...records, recordWithoutInputs()]);
    const out = path.join(tempDir, "script", "model-catalog.json");
    const code = await main(["--out", out, "--force"], envFor(server), quiet, { now: () => NOW, retry: { retries: 0 } });
    expect(code).toBe(0);

    const schemaDir = path.join(path.dirname(out), "model-schemas");
    expect(readdirSync(schemaDir).sort()).toEqual([...records.map((r) => `${r.id}.json`), "index.ts"].sort());
    for (const record of records) {
      const schema = JSON.parse(readFileSync(path.join(schemaDir, `${record.id}.json`), "utf8")) as ModelSchema;
      expect(schema.modelId).toBe(record.id);
      expect(schema.inputs).toEqual(record.inputs);
      expect(schema.uiConfig).toEqual(record.uiConfig);
      expect(schema.source).toBe("api 2026-12-03T09:00:00.000Z");
    }
    expect(existsSync(path.join(schemaDir, "model_upscale-v3.json"))).toBe(false);

    // Read back as the loader does: Upscale v3 is in the catalog with schema null.
    const catalog = attachSchemas(parseCatalog(JSON.parse(readFileSync(out, "utf8"))), await readSchemaFolder(path.dirname(out)));
    expect(catalog.models.find((m) => m.id === "model_upscale-v3")!.schema).toBeNull();
    expect(catalog.models.find((m) => m.id === "model_openai-gpt-image-2")!.schema!.inputs.find((i) => i.name === "numOutputs")!.max).toBe(
      8,
    );
    // The generated index lists the schema files, as the bundled one does.
    expect(readFileSync(path.join(schemaDir, "index.ts"), "utf8")).toContain(`import s0 from "./model_bfl-flux-1-dev.json";`);

    expect(readFileSync(DEFAULT_CATALOG_PATH, "utf8")).toBe(BUNDLED_TEXT);
    expect(readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".json"))).toHaveLength(6);
  });
});

describe("catalog:refresh --data-dir", () => {
  it("writes <DATA_DIR>/catalog/ as the studio's refresh does, leaving the bundled snapshot alone", async () => {
    const server = await serve([...recordedRecords(), recordWithoutInputs()]);
    const dataDir = path.join(tempDir, "cli-data");
    const code = await main(["--data-dir", "--force"], envFor(server, { DATA_DIR: dataDir }), quiet, {
      now: () => NOW,
      retry: { retries: 0 },
    });
    expect(code).toBe(0);
    const folder = path.join(dataDir, "catalog");
    expect(JSON.parse(readFileSync(path.join(folder, "refresh.json"), "utf8"))).toEqual({
      refreshedAt: NOW.toISOString(),
      source: server.baseUrl,
    });
    expect(readdirSync(path.join(folder, "model-schemas")).sort()).toEqual(
      recordedRecords()
        .map((r) => `${r.id}.json`)
        .sort(),
    );
    expect((await activateRefreshedCatalog({ DATA_DIR: dataDir })).kind).toBe("refreshed");
    expect(getCatalog().models.map((m) => m.id)).toContain("model_upscale-v3");
    expect(getCatalog().models.find((m) => m.id === "model_upscale-v3")!.schema).toBeNull();
    expect(readFileSync(DEFAULT_CATALOG_PATH, "utf8")).toBe(BUNDLED_TEXT);
  });
});

describe("refreshCatalogInDataDir (POST /api/catalog/refresh)", () => {
  it("without keys refuses with the sentence and writes nothing", async () => {
    const dataDir = path.join(tempDir, "no-keys");
    const error = await refreshCatalogInDataDir({ DATA_DIR: dataDir }).catch((e) => e);
    expect(error).toBeInstanceOf(CatalogRefreshError);
    expect(error.reason).toBe("no_keys");
    expect(error.message).toMatch(/^Refreshing needs Scenario API keys on the server/);
    expect(existsSync(dataDir)).toBe(false);
    expect(getCatalogOrigin()).toEqual({ kind: "bundled" });
  });

  it("refuses a result that drops most of the catalog, and changes nothing", async () => {
    const server = await serve(recordedRecords());
    const dataDir = path.join(tempDir, "too-few");
    const error = await refreshCatalogInDataDir(envFor(server, { DATA_DIR: dataDir }), { now: () => NOW, retry: { retries: 0 } }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(CatalogRefreshError);
    expect(error.reason).toBe("too_many_dropped");
    expect(error.detail).toMatch(/54 of 60 snapshot models would be dropped/);
    expect(existsSync(dataDir)).toBe(false);
    expect(getCatalog()).toBe(getBundledCatalog());
  });

  it("writes <DATA_DIR>/catalog/ and switches getCatalog() to it; a restart reads it back", async () => {
    // Mirror the whole snapshot: every catalog model, six with their recorded inputs, the rest with synthetic ones.
    const recorded = new Map(recordedRecords().map((r) => [r.id, r]));
    const records = SNAPSHOT.models.map((m) => recorded.get(m.id) ?? apiRecordFor(m));
    records[records.findIndex((r) => r.id === "model_upscale-v3")] = recordWithoutInputs();
    const server = await serve(records);
    const dataDir = path.join(tempDir, "data");
    const env = envFor(server, { DATA_DIR: dataDir });

    const result = await refreshCatalogInDataDir(env, { now: () => NOW, retry: { retries: 0 } });
    expect(result).toMatchObject({
      snapshotDate: "2026-12-03",
      modelCount: 60,
      withSchema: 59,
      withoutSchema: ["model_upscale-v3"],
      added: [],
      dropped: [],
    });
    const folder = path.join(dataDir, "catalog");
    expect(JSON.parse(readFileSync(path.join(folder, "refresh.json"), "utf8"))).toEqual({
      refreshedAt: NOW.toISOString(),
      source: server.baseUrl,
    });
    expect(readdirSync(path.join(folder, "model-schemas"))).toHaveLength(59);

    expect(getCatalogOrigin()).toEqual({ kind: "refreshed", folder, refreshedAt: NOW.toISOString() });
    const active = getCatalog();
    expect(active.snapshotDate).toBe("2026-12-03");
    expect(active.models.find((m) => m.id === "model_upscale-v3")!.schema).toBeNull();
    expect(active.models.find((m) => m.id === "model_bfl-flux-2-dev")!.schema!.inputs).toEqual(
      recorded.get("model_bfl-flux-2-dev")!.inputs,
    );
    expect(readFileSync(DEFAULT_CATALOG_PATH, "utf8")).toBe(BUNDLED_TEXT);

    // A new process: nothing installed until the start-up hook reads the folder.
    setActiveCatalog(null);
    expect(getCatalog()).toBe(getBundledCatalog());
    expect((await activateRefreshedCatalog({ DATA_DIR: dataDir })).kind).toBe("refreshed");
    expect(getCatalog().snapshotDate).toBe("2026-12-03");
    expect(getCatalog().models.filter((m) => m.schema)).toHaveLength(59);
  });
});
