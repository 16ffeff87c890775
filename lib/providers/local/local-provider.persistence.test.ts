import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readSample } from "./__fixtures__/sample-images";
import type { JobRecord } from "./job-store";
import { LocalProvider, type LocalProviderOptions } from "./local-provider";

let dataDir: string;
const providers: LocalProvider[] = [];
function provider(options: LocalProviderOptions = {}): LocalProvider {
  const created = new LocalProvider({ dataDir, ...options });
  providers.push(created);
  return created;
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "local-provider-"));
});
afterEach(async () => {
  await Promise.all(providers.splice(0).map((p) => p.close()));
  await rm(dataDir, { recursive: true, force: true });
});

const uploadCoffee = (p: LocalProvider) => p.uploadAsset({ bytes: readSample("coffee.png"), mimeType: "image/png", name: "coffee.png" });

describe("LocalProvider with a data folder", () => {
  it("writes assets and job records as files", async () => {
    const p = provider();
    const image = await uploadCoffee(p);
    const { jobId } = await p.submit({ modelId: "m", capability: "background-removal", body: { image } });
    const job = await p.waitForJob(jobId, {});
    expect((await readdir(path.join(dataDir, "assets"))).sort()).toEqual([`${image}.png`, `${job.assetIds[0]}.png`].sort());
    const record = JSON.parse(await readFile(path.join(dataDir, "jobs", `${jobId}.json`), "utf8")) as JobRecord;
    expect(record).toMatchObject({
      jobId,
      status: "succeeded",
      assetIds: job.assetIds,
      request: { capability: "background-removal", body: { image } },
    });
  }, 240_000); // a neural background removal

  it("lets a new instance read a finished job and its outputs", async () => {
    const first = provider();
    const { jobId } = await first.submit({
      modelId: "m",
      capability: "txt2img",
      body: { prompt: "dunes", width: 160, height: 90, seed: 4 },
    });
    const done = await first.waitForJob(jobId, {});
    const firstBytes = (await first.downloadAsset(done.assetIds[0])).bytes;

    const second = provider();
    expect(await second.getJob(jobId)).toEqual(done);
    const again = await second.downloadAsset(done.assetIds[0]);
    expect(Buffer.compare(again.bytes, firstBytes)).toBe(0);
  });

  it("re-runs a job whose provider went away before it finished", async () => {
    const first = provider({ latencyMs: 60_000 });
    const image = await uploadCoffee(first);
    const { jobId } = await first.submit({ modelId: "m", capability: "upscale", body: { image, upscaleFactor: 2 } });
    expect((await first.getJob(jobId)).status).toBe("running");
    await first.close(); // as if the process had died

    const second = provider();
    expect(["pending", "running"]).toContain((await second.getJob(jobId)).status);
    const job = await second.waitForJob(jobId, {});
    expect(job.status).toBe("succeeded");
    const meta = await sharp((await second.downloadAsset(job.assetIds[0])).bytes).metadata();
    expect([meta.width, meta.height]).toEqual([1200, 800]);
  });

  it("re-runs a job left running by a process that exited", async () => {
    const uploader = provider();
    const image = await uploadCoffee(uploader);
    const exited = spawnSync(process.execPath, ["-e", ""]);
    expect(exited.status).toBe(0);
    const now = new Date().toISOString();
    const orphan: JobRecord = {
      jobId: "local_job_00000000000000aa",
      request: { modelId: "m", capability: "outpaint", body: { image, width: 720, height: 405, prompt: "" } },
      status: "running",
      progress: 0.5,
      assetIds: [],
      creditsCost: 5,
      createdAt: now,
      updatedAt: now,
      owner: { pid: exited.pid!, instanceId: "gone" },
    };
    await mkdir(path.join(dataDir, "jobs"), { recursive: true });
    await writeFile(path.join(dataDir, "jobs", `${orphan.jobId}.json`), JSON.stringify(orphan));

    const next = provider();
    const job = await next.waitForJob(orphan.jobId, {});
    expect(job.status).toBe("succeeded");
    const meta = await sharp((await next.downloadAsset(job.assetIds[0])).bytes).metadata();
    expect([meta.width, meta.height]).toEqual([720, 405]);
    const record = JSON.parse(await readFile(path.join(dataDir, "jobs", `${orphan.jobId}.json`), "utf8")) as JobRecord;
    expect(record.owner.pid).toBe(process.pid);
  });

  it("follows, without re-running, a job another live instance is running", async () => {
    const runner = provider({ latencyMs: 120 });
    const { jobId } = await runner.submit({ modelId: "m", capability: "txt2img", body: { prompt: "x", width: 64, height: 64, seed: 2 } });
    const observer = provider();
    expect(["pending", "running"]).toContain((await observer.getJob(jobId)).status);
    const seen = await observer.waitForJob(jobId, {});
    const own = await runner.waitForJob(jobId, {});
    expect(seen).toEqual(own);
    expect(seen.status).toBe("succeeded");
    // One output file for the one job: the observer did not run it again.
    expect(await readdir(path.join(dataDir, "assets"))).toEqual([`${own.assetIds[0]}.png`]);
  });
});
