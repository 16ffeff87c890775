import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, DataFolderInUseError, databaseOptionsFromEnv, getDb, openDatabase } from "./client";
import { createWorkflow, getWorkflow } from "./repositories/workflows";
import { REPO_MIGRATIONS_DIR } from "./test-db";

describe("openDatabase / getDb (PGlite in a data folder)", () => {
  let scratch: string;
  const savedEnv = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };

  beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), "studio-db-"));
  });
  afterAll(async () => {
    await closeDb();
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(scratch, { recursive: true, force: true });
  });

  it("reads its target from the environment", () => {
    expect(databaseOptionsFromEnv({ DATABASE_URL: "postgresql://u:p@h:5432/db" })).toEqual({
      url: "postgresql://u:p@h:5432/db",
    });
    expect(databaseOptionsFromEnv({ DATA_DIR: "/srv/studio" })).toEqual({ dataDir: "/srv/studio/pglite" });
    expect(databaseOptionsFromEnv({})).toEqual({ dataDir: path.resolve("data", "pglite") });
    expect(() => databaseOptionsFromEnv({ DATABASE_URL: "file:./dev.db" })).toThrow(/postgres/);
  });

  it("refuses a non-PostgreSQL url and a call without a target", async () => {
    await expect(openDatabase({ url: "mysql://x" })).rejects.toThrow(/postgres/);
    await expect(openDatabase({})).rejects.toThrow(/url, dataDir or memory/);
  });

  it("creates the folder and its parents, migrates, and reopens with the data kept", async () => {
    const dataDir = path.join(scratch, "nested", "deeper", "pglite");
    const first = await openDatabase({ dataDir, migrationsDir: REPO_MIGRATIONS_DIR });
    expect(first.kind).toBe("pglite");
    expect(first.appliedMigrations.length).toBeGreaterThan(0);
    const wf = await createWorkflow(first.prisma, { name: "Kept", graph: { nodes: [], edges: [] } });
    // a second opener of the same folder is refused while the first one has it
    await expect(openDatabase({ dataDir, migrationsDir: REPO_MIGRATIONS_DIR })).rejects.toBeInstanceOf(DataFolderInUseError);
    await first.close();
    await first.close(); // idempotent

    const second = await openDatabase({ dataDir, migrationsDir: REPO_MIGRATIONS_DIR });
    try {
      expect(second.appliedMigrations).toEqual([]);
      expect(await getWorkflow(second.prisma, wf.id)).toEqual(wf);
    } finally {
      await second.close();
    }
  });

  it("getDb opens <DATA_DIR>/pglite once per process", async () => {
    delete process.env.DATABASE_URL;
    process.env.DATA_DIR = path.join(scratch, "env-data");
    const [a, b] = await Promise.all([getDb(), getDb()]);
    expect(a).toBe(b);
    expect(await a.prisma.workflow.count()).toBeGreaterThanOrEqual(0);
    await closeDb();
    const c = await getDb();
    expect(c).not.toBe(a);
    expect(c.appliedMigrations).toEqual([]);
    await closeDb();
  });
});
