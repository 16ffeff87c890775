import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveAuthSecret } from "../auth/secret";
import { openDatabase } from "../db/client";
import { LocalProvider } from "../providers/local";
import { inlineTaskRunner } from "../providers/local/pool/worker-pool";
import { readSample } from "../providers/local/__fixtures__/sample-images";
import { secureDataFolder } from "./data-folder";
import { createLocalFolderStorage } from "./local-folder";

const umask = process.umask();
afterAll(() => {
  process.umask(umask);
});

/** Every path under `root` (itself included) with its permission bits, e.g. ["pglite/PG_VERSION", 0o600]. */
function modes(root: string): Array<[string, number, "dir" | "file"]> {
  const out: Array<[string, number, "dir" | "file"]> = [];
  const visit = (entry: string) => {
    const stat = lstatSync(entry);
    out.push([path.relative(root, entry) || ".", stat.mode & 0o777, stat.isDirectory() ? "dir" : "file"]);
    if (stat.isDirectory()) for (const name of readdirSync(entry)) visit(path.join(entry, name));
  };
  visit(root);
  return out;
}

describe("data folder permissions", () => {
  it("a fresh data folder made by the studio's own code is owner-only (folders 0700, files 0600)", async () => {
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), "studio-perms-")), "data");
    process.umask(0o000); // the worst case: a container that starts with umask 0
    secureDataFolder(dataDir);

    const db = await openDatabase({ dataDir: path.join(dataDir, "pglite") });
    await db.prisma.workflow.count();
    await createLocalFolderStorage(path.join(dataDir, "assets")).put("ab/cd/photo.png", readSample("coffee.png"));
    const engine = new LocalProvider({ dataDir: path.join(dataDir, "local-engine"), tasks: inlineTaskRunner });
    const assetId = await engine.uploadAsset({ bytes: readSample("coffee.png"), mimeType: "image/png", name: "coffee.png" });
    const { jobId } = await engine.submit({
      modelId: "m",
      capability: "upscale",
      body: { image: assetId, upscaleFactor: 2, preset: "precise" },
    });
    expect((await engine.waitForJob(jobId)).status).toBe("succeeded");
    await engine.close();
    resolveAuthSecret({ DATA_DIR: dataDir });
    const whileOpen = modes(dataDir);
    await db.close();

    const entries = [...whileOpen, ...modes(dataDir)];
    expect(entries.filter(([name]) => name === "pglite.lock")).toHaveLength(1); // seen while open, gone after close
    expect(entries.some(([name]) => name.startsWith("pglite/base/"))).toBe(true);
    expect(entries.some(([name]) => name.startsWith("local-engine/jobs/"))).toBe(true);
    expect(entries.some(([name]) => name === "auth-secret")).toBe(true);
    const open = entries.filter(([, mode, kind]) => mode !== (kind === "dir" ? 0o700 : 0o600));
    expect(open.map(([name, mode]) => `${name} ${mode.toString(8)}`)).toEqual([]);
  }, 120_000);

  it("tightens a data folder an earlier version left world-writable, and nothing beside it", () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), "studio-perms-"));
    const dataDir = path.join(parent, "data");
    mkdirSync(path.join(dataDir, "assets", "ab"), { recursive: true });
    writeFileSync(path.join(dataDir, "assets", "ab", "x.png"), "x");
    writeFileSync(path.join(dataDir, "notes.txt"), "mine");
    for (const entry of ["", "assets", "assets/ab", "notes.txt"]) chmodSync(path.join(dataDir, entry), 0o777);
    chmodSync(path.join(dataDir, "assets", "ab", "x.png"), 0o666); // as PGlite writes its files

    const { changed } = secureDataFolder(dataDir);
    expect(changed).toBe(3);
    const mode = (entry: string) => (lstatSync(path.join(dataDir, entry)).mode & 0o777).toString(8);
    expect([mode(""), mode("assets"), mode("assets/ab"), mode("assets/ab/x.png")]).toEqual(["700", "700", "700", "600"]);
    expect(mode("notes.txt")).toBe("777"); // not the studio's: left alone
  });
});
