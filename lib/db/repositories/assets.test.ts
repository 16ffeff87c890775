import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { openTestDb } from "../test-db";
import { createAsset, getAsset, getAssetsByIds } from "./assets";
import { createRun } from "./runs";
import { createWorkflow, snapshotVersion } from "./workflows";

const sha = (c: string) => c.repeat(64);

describe("assets repository", () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("round-trips an uploaded asset", async () => {
    const asset = await createAsset(db.prisma, {
      storageKey: `aa/aa/${sha("a")}.png`,
      mimeType: "image/png",
      width: 640,
      height: 480,
      sizeBytes: 12_345,
      sha256: sha("a"),
      origin: "upload",
      name: "cat.png",
    });
    expect(asset).toMatchObject({
      mimeType: "image/png",
      width: 640,
      height: 480,
      sizeBytes: 12_345,
      origin: "upload",
      name: "cat.png",
      provenance: null,
      runId: null,
      nodeId: null,
    });
    expect(asset.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await getAsset(db.prisma, asset.id)).toEqual(asset);
    expect(await getAsset(db.prisma, "missing")).toBeNull();
  });

  it("records a generated asset with its run, node and provenance", async () => {
    const wf = await createWorkflow(db.prisma, { name: "Gen", graph: { nodes: [], edges: [] } });
    const version = await snapshotVersion(db.prisma, wf);
    const run = await createRun(db.prisma, {
      workflowId: wf.id,
      workflowVersionId: version.id,
      nodes: [{ nodeId: "gen", nodeType: "generation" }],
    });
    const provenance = {
      model: "model_flux",
      prompt: "a cat",
      parameters: { seed: 7, width: 512 },
      credits: 3,
      parentAssetIds: [],
    };
    const asset = await createAsset(db.prisma, {
      storageKey: `bb/bb/${sha("b")}.webp`,
      mimeType: "image/webp",
      width: 512,
      height: 512,
      sizeBytes: 999,
      sha256: sha("b"),
      origin: "generated",
      provenance,
      runId: run.id,
      nodeId: "gen",
    });
    expect(await getAsset(db.prisma, asset.id)).toMatchObject({ origin: "generated", provenance, runId: run.id, nodeId: "gen" });
  });

  it("gets several assets in the order asked, skipping unknown ids", async () => {
    const make = (c: string) =>
      createAsset(db.prisma, {
        storageKey: `${c}${c}/${c}${c}/${sha(c)}.png`,
        mimeType: "image/png",
        width: 1,
        height: 1,
        sizeBytes: 1,
        sha256: sha(c),
        origin: "upload",
      });
    const [c, d, e] = [await make("c"), await make("d"), await make("e")];
    const got = await getAssetsByIds(db.prisma, [e.id, "missing", c.id, d.id, e.id]);
    expect(got.map((a) => a.id)).toEqual([e.id, c.id, d.id]);
    expect(await getAssetsByIds(db.prisma, [])).toEqual([]);
  });
});
