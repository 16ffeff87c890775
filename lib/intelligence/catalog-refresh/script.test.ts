/**
 * `npm run catalog:refresh` end to end: scripts/catalog-refresh.ts `main()` against the mock Scenario
 * server (GET /v1/models, GET /v1/models/:id; scenario-api-contract.md §5), writing to a temp file.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { startMockScenarioServer, type MockScenarioServer } from "../../providers/scenario/mock-server";
import { main } from "../../../scripts/catalog-refresh";
import { apiRecordFor } from "./__fixtures__/api-records";
import { parseCatalog } from "../catalog/parse-catalog";
import { DEFAULT_CATALOG_PATH, type RefreshDeps } from "./run";
import type { Catalog } from "./types";
import { validateCatalogShape } from "./validate";

const SNAPSHOT_TEXT = readFileSync(DEFAULT_CATALOG_PATH, "utf8");
const snapshot = JSON.parse(SNAPSHOT_TEXT) as Catalog;
const NOW = new Date("2026-12-03T09:00:00Z");
const deps: RefreshDeps = { now: () => NOW, retry: { retries: 0 } };

let tempDir: string;
const servers: MockScenarioServer[] = [];

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), "catalog-refresh-"));
});
afterEach(async () => {
  while (servers.length) await servers.pop()!.close();
});
afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { log: (l: string) => out.push(l), error: (l: string) => err.push(l) }, out, err, text: () => [...out, ...err].join("\n") };
}

/** A mock whose `GET /v1/models` mirrors the snapshot minus two models, plus a new one and a trained LoRA. */
async function mirrorServer(): Promise<MockScenarioServer> {
  const records = snapshot.models.filter((m) => m.id !== "model_imagen4-fast" && m.id !== "model_photoroom-expand").map(apiRecordFor);
  records.push({
    id: "model_acme-music-1",
    name: "Acme Music 1",
    type: "custom",
    privacy: "public",
    status: "trained",
    capabilities: ["txt2audio"],
    tags: ["Music"],
    inputs: [
      { name: "prompt", type: "string", maxLength: 2000, required: { always: true } },
      { name: "lyrics", type: "string", maxLength: 3000 },
      { name: "duration", type: "number", min: 10, max: 240 },
    ],
  });
  records.push({ ...records[0], id: "model_community-lora", type: "flux.1-lora", name: "Someone's LoRA" });
  const server = await startMockScenarioServer({ modelRecords: records });
  servers.push(server);
  return server;
}

const envFor = (server: MockScenarioServer) => ({
  SCENARIO_API_KEY: server.credentials.apiKey,
  SCENARIO_API_SECRET: server.credentials.apiSecret,
  SCENARIO_API_URL: server.baseUrl,
});

describe("catalog:refresh without credentials", () => {
  it("prints the message, exits 0 and touches no file", async () => {
    const before = statSync(DEFAULT_CATALOG_PATH).mtimeMs;
    const out = path.join(tempDir, "never.json");
    for (const env of [{}, { SCENARIO_API_KEY: "key-only" }, { SCENARIO_API_KEY: " ", SCENARIO_API_SECRET: " " }]) {
      const { io, out: lines, err } = capture();
      expect(await main(["--out", out], env, io, deps)).toBe(0);
      expect(lines).toEqual(["set SCENARIO_API_KEY and SCENARIO_API_SECRET to refresh; the bundled snapshot of 2026-11-20 stays in use"]);
      expect(err).toEqual([]);
    }
    const { io } = capture();
    expect(await main([], {}, io, deps)).toBe(0);
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(DEFAULT_CATALOG_PATH, "utf8")).toBe(SNAPSHOT_TEXT);
    expect(statSync(DEFAULT_CATALOG_PATH).mtimeMs).toBe(before);
  });
});

describe("catalog:refresh against the mock Scenario API", () => {
  it("fetches, merges, validates and writes the catalog to --out", async () => {
    const server = await mirrorServer();
    const out = path.join(tempDir, "nested", "catalog.json");
    const { io, text } = capture();
    const code = await main(["--out", out], envFor(server), io, deps);
    expect(code, text()).toBe(0);

    const written = readFileSync(out, "utf8");
    const catalog = JSON.parse(written) as Catalog;
    expect(written).toBe(JSON.stringify(catalog, null, 1));
    expect(validateCatalogShape(catalog)).toEqual([]);
    expect(() => parseCatalog(catalog)).not.toThrow();

    expect(catalog.snapshotDate).toBe("2026-12-03");
    expect(catalog.models).toHaveLength(59);
    expect(catalog.models.slice(0, 58).map((m) => m.id)).toEqual(
      snapshot.models.map((m) => m.id).filter((id) => id !== "model_imagen4-fast" && id !== "model_photoroom-expand"),
    );
    const added = catalog.models[58];
    expect(added).toMatchObject({
      id: "model_acme-music-1",
      capabilities: ["txt2music"],
      scenarioCapabilities: ["txt2audio"],
      inputs: { prompt: true, promptMaxLength: 2000, durationSec: [10, 240] },
      performance: { txt2music: { elo: null, p50LatencySec: null, p50CostCU: null } },
    });
    const gpt = catalog.models.find((m) => m.id === "model_openai-gpt-image-2")!;
    expect(gpt.performance).toEqual(snapshot.models.find((m) => m.id === "model_openai-gpt-image-2")!.performance);
    expect(catalog.trainingTypes).toEqual(snapshot.trainingTypes);

    const report = text();
    expect(report).toContain("kept 58, added 1, dropped 2");
    expect(report).toContain("- model_imagen4-fast (Imagen 4 Fast): not returned by the Scenario API");
    expect(report).toContain("+ model_acme-music-1");
    expect(report).toContain("model_community-lora: type flux.1-lora");
    expect(report).toContain(`Wrote ${out}`);

    const listCalls = server.state.requests.filter((r) => r.path === "/v1/models");
    expect(listCalls[0].query).toMatchObject({ privacy: "public", status: "trained", pageSize: "500" });
    const recordCalls = server.state.requests.filter((r) => r.path.startsWith("/v1/models/"));
    expect(recordCalls).toHaveLength(59);
    expect(readFileSync(DEFAULT_CATALOG_PATH, "utf8")).toBe(SNAPSHOT_TEXT);
    expect((await readdir(path.dirname(out))).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("--dry-run prints the report and writes nothing", async () => {
    const server = await mirrorServer();
    const out = path.join(tempDir, "dry.json");
    const { io, text } = capture();
    expect(await main(["--dry-run", "--out", out], envFor(server), io, deps)).toBe(0);
    expect(text()).toContain("kept 58, added 1, dropped 2");
    expect(text()).toContain("Dry run: nothing written.");
    expect(existsSync(out)).toBe(false);
  });

  it("--known-only adds no model", async () => {
    const server = await mirrorServer();
    const out = path.join(tempDir, "known-only.json");
    const { io } = capture();
    expect(await main(["--known-only", "--out", out], envFor(server), io, deps)).toBe(0);
    expect((JSON.parse(readFileSync(out, "utf8")) as Catalog).models.map((m) => m.id)).not.toContain("model_acme-music-1");
  });

  it("refuses to drop most of the catalog without --force (the default mock knows 12 models)", async () => {
    const server = await startMockScenarioServer();
    servers.push(server);
    const out = path.join(tempDir, "partial.json");
    const refused = capture();
    expect(await main(["--out", out], envFor(server), refused.io, deps)).toBe(1);
    expect(refused.err.join("\n")).toMatch(/48 of 60 snapshot models would be dropped .*nothing written \(pass --force/);
    expect(existsSync(out)).toBe(false);

    const forced = capture();
    expect(await main(["--out", out, "--force"], envFor(server), forced.io, deps)).toBe(0);
    const catalog = JSON.parse(readFileSync(out, "utf8")) as Catalog;
    expect(catalog.models.map((m) => m.id)).toEqual([
      "model_openai-gpt-image-2",
      "model_google-gemini-3-1-flash",
      "model_bfl-flux-2-dev",
      "model_bfl-flux-1-dev",
      "model_upscale-v3",
      "model_scenario-gemini-upscale",
      "model_photoroom-background-removal",
      "model_scenario-gemini-reframe",
      "model_scenario-smart-reframe",
      "model_photoroom-expand",
      "model_bytedance-seedance-2-0",
      "model_meshy-7-img23d",
    ]);
    expect(validateCatalogShape(catalog)).toEqual([]);
  });

  it("leaves the target untouched when the API refuses the key", async () => {
    const server = await mirrorServer();
    const out = path.join(tempDir, "existing.json");
    await writeFile(out, "{}", "utf8");
    const { io, err } = capture();
    expect(await main(["--out", out], { ...envFor(server), SCENARIO_API_SECRET: "wrong" }, io, deps)).toBe(1);
    expect(err.join("\n")).toContain("Scenario API 401");
    expect(err.join("\n")).toContain("the catalog was not changed");
    expect(err.join("\n")).not.toContain("wrong");
    expect(readFileSync(out, "utf8")).toBe("{}");
  });

  it("does not write a catalog the validator refuses", async () => {
    const server = await mirrorServer();
    const out = path.join(tempDir, "refused.json");
    const { io, err } = capture();
    const refuse = () => {
      throw new Error("models[0] (model_x): tags: invalid");
    };
    expect(await main(["--out", out], envFor(server), io, { ...deps, parseCatalog: refuse })).toBe(1);
    expect(err.join("\n")).toContain("parseCatalog: models[0] (model_x): tags: invalid");
    expect(existsSync(out)).toBe(false);
  });

  it("rejects unknown arguments with exit code 2", async () => {
    const { io, err } = capture();
    expect(await main(["--bogus"], {}, io, deps)).toBe(2);
    expect(err[0]).toBe("catalog:refresh: unknown argument --bogus");
    expect(await main(["--out"], {}, capture().io, deps)).toBe(2);
  });
});
