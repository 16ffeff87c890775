/**
 * The catalog routes: `GET /api/catalog` (schema presence per model, where the catalog comes
 * from), `GET /api/models/:id/schema` (a model's input schema: the one route for it) and `POST /api/catalog/refresh`
 * (owners only; without Scenario keys a 409 that changes nothing; with them, against the mock
 * Scenario API, a refreshed catalog in `<DATA_DIR>/catalog/` that the next reads use).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, useFreshDataDir } from "./harness";

const dataDir = useFreshDataDir();
const { setUpTeams } = await import("./apps-harness");
const catalogRoute = await import("@/app/api/catalog/route");
const schemaRoute = await import("@/app/api/models/[id]/schema/route");
const refreshRoute = await import("@/app/api/catalog/refresh/route");
const recommendRoute = await import("@/app/api/recommend/route");
const { startMockScenarioServer } = await import("@/lib/providers/scenario/mock-server");
const { apiRecordFor } = await import("@/lib/intelligence/catalog-refresh/__fixtures__/api-records");
const { getBundledCatalog, getCatalogModelSchema, setActiveCatalog } = await import("@/lib/intelligence/catalog/get-catalog");
const bundledJson = (await import("@/lib/intelligence/data/model-catalog.json")).default;

let team: Awaited<ReturnType<typeof setUpTeams>>;
const catalogFolder = path.join(dataDir, "catalog");

beforeAll(async () => {
  team = await setUpTeams();
}, 120_000);
afterAll(() => setActiveCatalog(null));

/** Runs `fn` with the server holding the mock's Scenario keys. */
async function withKeys<T>(
  server: { credentials: { apiKey: string; apiSecret: string }; baseUrl: string },
  fn: () => Promise<T>,
): Promise<T> {
  Object.assign(process.env, {
    SCENARIO_API_KEY: server.credentials.apiKey,
    SCENARIO_API_SECRET: server.credentials.apiSecret,
    SCENARIO_API_URL: server.baseUrl,
  });
  try {
    return await fn();
  } finally {
    delete process.env.SCENARIO_API_KEY;
    delete process.env.SCENARIO_API_SECRET;
    delete process.env.SCENARIO_API_URL;
  }
}

describe("GET /api/catalog and /api/models/:id/schema", () => {
  it("say which models have an input schema; a model without one answers schema null", async () => {
    const res = await call(catalogRoute.GET, { cookie: team.member.cookie });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      snapshotDate: "2026-11-20",
      modelCount: 60,
      schemaCount: 6,
      origin: { kind: "bundled" },
      canRefresh: false,
    });
    const gpt = res.body.models.find((m: any) => m.id === "model_openai-gpt-image-2");
    expect(gpt).toMatchObject({ name: "GPT Image 2", hasSchema: true, schemaSource: expect.stringMatching(/^recorded/) });
    expect(res.body.models.find((m: any) => m.id === "model_upscale-v3")).toMatchObject({ hasSchema: false, schemaSource: null });

    // The catalog's recorded schema is the one runs fall back on.
    expect(getCatalogModelSchema("model_openai-gpt-image-2")!.inputs.map((i) => i.name)).toEqual([
      "prompt",
      "referenceImages",
      "mask",
      "numOutputs",
      "width",
      "height",
      "quality",
      "background",
    ]);
    expect(getCatalogModelSchema("model_upscale-v3")).toBeNull();
  });

  it("the schema route answers the schema a run would use, for owners and editors only", async () => {
    const one = await call(schemaRoute.GET, { params: { id: "model_openai-gpt-image-2" }, cookie: team.editor.cookie });
    expect(one.status).toBe(200);
    // Offline, the engine in use declares its own schema (lib/providers/local/model-schemas.ts).
    expect(one.body).toMatchObject({
      modelId: "model_openai-gpt-image-2",
      name: "GPT Image 2",
      origin: "provider",
      schema: { source: "local preview engine" },
    });
    expect((await call(schemaRoute.GET, { params: { id: "model_openai-gpt-image-2" }, cookie: team.member.cookie })).status).toBe(403);
    expect((await call(schemaRoute.GET, { params: { id: "model_openai-gpt-image-2" }, cookie: null })).status).toBe(401);
  });
});

describe("POST /api/catalog/refresh", () => {
  it("without Scenario keys answers 409 with the sentence and changes nothing", async () => {
    const res = await call(refreshRoute.POST, { method: "POST", cookie: team.owner.cookie });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/^Refreshing needs Scenario API keys on the server/);
    expect(existsSync(catalogFolder)).toBe(false);
    expect((await call(catalogRoute.GET, { cookie: team.owner.cookie })).body.origin).toEqual({ kind: "bundled" });
  });

  it("refuses editors and members (403) and anonymous callers (401), even with keys, and changes nothing", async () => {
    const server = await startMockScenarioServer({ modelRecords: (bundledJson as any).models.map(apiRecordFor) });
    try {
      await withKeys(server, async () => {
        for (const [cookie, status] of [
          [team.editor.cookie, 403],
          [team.member.cookie, 403],
          [null, 401],
        ] as const) {
          const res = await call(refreshRoute.POST, { method: "POST", cookie });
          expect(res.status).toBe(status);
          expect(res.body.error.code).toBeTruthy();
        }
      });
      expect(server.state.requests).toEqual([]);
      expect(existsSync(catalogFolder)).toBe(false);
    } finally {
      await server.close();
    }
  });

  it("for an owner, refreshes from the API into the data folder; the catalog routes and the ranking read it", async () => {
    const records = (bundledJson as any).models.map(apiRecordFor);
    // The API added an input to FLUX.2 dev since the snapshot: the refreshed schema carries it.
    const flux2 = records.find((r: any) => r.id === "model_bfl-flux-2-dev");
    flux2.inputs.push({ name: "guidance", type: "number", min: 1, max: 10, step: 0.5, default: 3.5 });
    const server = await startMockScenarioServer({ modelRecords: records });
    try {
      const res = await withKeys(server, () => call(refreshRoute.POST, { method: "POST", cookie: team.owner.cookie }));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ modelCount: 60, withSchema: 60, withoutSchema: [], added: [], dropped: [] });
      expect(JSON.parse(readFileSync(path.join(catalogFolder, "refresh.json"), "utf8")).refreshedAt).toBe(res.body.refreshedAt);

      const info = await call(catalogRoute.GET, { cookie: team.member.cookie });
      expect(info.body).toMatchObject({
        snapshotDate: res.body.snapshotDate,
        schemaCount: 60,
        origin: { kind: "refreshed", refreshedAt: res.body.refreshedAt },
      });
      expect(JSON.stringify(info.body)).not.toContain(dataDir);
      expect(info.body.models.find((m: any) => m.id === "model_bfl-flux-2-dev")).toMatchObject({
        hasSchema: true,
        schemaSource: `api ${res.body.refreshedAt}`,
      });
      // What a run falls back on when the provider cannot answer is the refreshed schema.
      expect(getCatalogModelSchema("model_bfl-flux-2-dev")!.inputs).toEqual(flux2.inputs);

      const ranked = await call(recommendRoute.POST, {
        method: "POST",
        json: { capability: "txt2img", prompt: "a fox" },
        cookie: team.editor.cookie,
      });
      expect(ranked.body.snapshotDate).toBe(res.body.snapshotDate);
      // The bundled snapshot is untouched.
      expect(getBundledCatalog().snapshotDate).toBe("2026-11-20");
    } finally {
      await server.close();
    }
  });
});
