/**
 * Asset storage on an S3-compatible server (ASSET_STORAGE_URL=s3://bucket/prefix, endpoint and
 * credentials from the AWS variables): an upload, a run's output and the downloads go through the
 * bucket, and nothing is written to the local asset folder. The server is s3rver, started here.
 */
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { actAsNewOwner, call, fixture, uploadForm, useFreshDataDir } from "@/tests/api/harness";

const dataDir = useFreshDataDir();
const s3Dir = mkdtempSync(path.join(os.tmpdir(), "studio-s3rver-"));
const s3 = new S3rver({
  address: "127.0.0.1",
  port: 0,
  silent: true,
  directory: s3Dir,
  configureBuckets: [{ name: "studio-assets", configs: [] }],
});
const { port } = (await s3.run()) as unknown as { port: number };
process.env.ASSET_STORAGE_URL = "s3://studio-assets/assets";
process.env.AWS_ENDPOINT_URL_S3 = `http://127.0.0.1:${port}`;
process.env.AWS_ACCESS_KEY_ID = "S3RVER";
process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
process.env.AWS_REGION = "us-east-1";

const upload = await import("@/app/api/assets/route");
const file = await import("@/app/api/assets/[id]/file/route");
const workflows = await import("@/app/api/workflows/route");
const workflowRuns = await import("@/app/api/workflows/[id]/runs/route");
const runRoute = await import("@/app/api/runs/[id]/route");
const { getServerContext } = await import("@/lib/server/context");
const { shutdownServer } = await import("@/lib/server/shutdown");
const { s3ClientFromEnv, createS3Storage } = await import("@/lib/storage/s3");
const { StorageKeyNotFoundError, InvalidStorageKeyError } = await import("@/lib/storage/local-folder");
await actAsNewOwner();

afterAll(async () => {
  await shutdownServer({ graceMs: 1000 });
  await s3.close();
  delete process.env.ASSET_STORAGE_URL;
});

async function objectKeys(): Promise<string[]> {
  const listed = await s3ClientFromEnv().send(new ListObjectsV2Command({ Bucket: "studio-assets" }));
  return (listed.Contents ?? []).map((o) => o.Key!);
}

describe("asset storage on S3 (s3rver)", () => {
  it("stores an upload in the bucket and serves it back, byte for byte", async () => {
    const bytes = fixture("coffee.png");
    const uploaded = await call(upload.POST, { method: "POST", body: uploadForm(bytes, "coffee.png") });
    expect(uploaded.status).toBe(201);
    const asset = uploaded.body.asset;
    expect(await objectKeys()).toEqual([expect.stringMatching(/^assets\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}\.png$/)]);
    const localAssets = path.join(dataDir, "assets");
    expect(existsSync(localAssets) ? readdirSync(localAssets) : []).toEqual([]);

    const served = await call(file.GET, { url: `http://localhost/api/assets/${asset.id}/file?download=1`, params: { id: asset.id } });
    expect(served.status).toBe(200);
    expect(Buffer.compare(served.body, bytes)).toBe(0);
    expect(served.headers.get("content-disposition")).toMatch(/attachment; filename="coffee-600x400\.png"/);
  });

  it("writes a run's output to the bucket, where a download finds it", async () => {
    const photo = (await call(upload.POST, { method: "POST", body: uploadForm(fixture("coffee.png"), "coffee.png") })).body.asset.id;
    const graph = {
      nodes: [
        { id: "in", type: "imageInput", position: { x: 0, y: 0 }, data: { assetId: photo } },
        { id: "up", type: "upscale", position: { x: 1, y: 0 }, data: { factor: 2 } },
        { id: "out", type: "output", position: { x: 2, y: 0 }, data: {} },
      ],
      edges: [
        { id: "a", source: "in", sourceHandle: "image", target: "up", targetHandle: "image" },
        { id: "b", source: "up", sourceHandle: "image", target: "out", targetHandle: "image" },
      ],
    };
    const workflow = (await call(workflows.POST, { method: "POST", json: { name: "On S3", graph } })).body.workflow;
    const runId = (await call(workflowRuns.POST, { method: "POST", params: { id: workflow.id }, json: {} })).body.run.id;
    await (await getServerContext()).queue.whenIdle();
    const run = (await call(runRoute.GET, { params: { id: runId } })).body.run;
    expect(run.status).toBe("succeeded");
    const outputId = run.nodes.find((n: { nodeId: string }) => n.nodeId === "up").outputs[0].assetId;
    const served = await call(file.GET, { url: `http://localhost/api/assets/${outputId}/file`, params: { id: outputId } });
    expect(served.status).toBe(200);
    expect(await sharp(served.body).metadata()).toMatchObject({ width: 1200, height: 800 });
    expect((await objectKeys()).length).toBe(2); // the photo (stored once: same bytes) and the upscale
  });

  it("answers a missing key as missing and refuses keys that could leave the prefix", async () => {
    const storage = createS3Storage(s3ClientFromEnv(), { bucket: "studio-assets", prefix: "assets" });
    await expect(storage.get("00/00/missing.png")).rejects.toBeInstanceOf(StorageKeyNotFoundError);
    expect(await storage.has("00/00/missing.png")).toBe(false);
    await storage.put("00/00/x.png", new Uint8Array([1, 2, 3]));
    expect(await storage.has("00/00/x.png")).toBe(true);
    await storage.remove("00/00/x.png");
    expect(await storage.has("00/00/x.png")).toBe(false);
    await expect(storage.put("../escape.png", new Uint8Array([1]))).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });
});
