import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { applyMigrations, readMigrationsList } from "./migrate";
import { createPgliteAdapterFactory } from "./pglite-adapter";
import { REPO_MIGRATIONS_DIR } from "./test-db";

// Counts how often the (slow to load) schema engine is started; it still does the real work.
const engineStarts = vi.hoisted(() => ({ count: 0 }));
vi.mock("./schema-engine", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./schema-engine")>();
  return {
    ...actual,
    openSchemaEngine: (...args: Parameters<typeof actual.openSchemaEngine>) => {
      engineStarts.count++;
      return actual.openSchemaEngine(...args);
    },
  };
});

describe("applyMigrations (in-memory PGlite)", () => {
  let pglite: PGlite;
  let scratch: string;

  beforeAll(async () => {
    pglite = await PGlite.create();
    scratch = mkdtempSync(path.join(tmpdir(), "studio-migrate-"));
  });
  afterAll(async () => {
    await pglite?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  // Runs first, on the still-empty database, and cleans up after itself.
  it("reports a failing migration instead of recording it as applied", async () => {
    const dir = path.join(scratch, "bad");
    mkdirSync(path.join(dir, "20000101000000_bad"), { recursive: true });
    writeFileSync(path.join(dir, "20000101000000_bad", "migration.sql"), "SELECT * FROM no_such_table;\n");
    await expect(applyMigrations(createPgliteAdapterFactory(pglite), { migrationsDir: dir })).rejects.toThrow(/no_such_table/);
    const rows = await pglite.query<{ finished_at: Date | null }>("SELECT finished_at FROM _prisma_migrations");
    expect(rows.rows).toEqual([{ finished_at: null }]);
    await pglite.exec("DROP TABLE _prisma_migrations");
  });

  it("reads the repository's migrations in Prisma's layout", () => {
    const list = readMigrationsList(REPO_MIGRATIONS_DIR);
    expect(list.lockfile.content).toContain('provider = "postgresql"');
    expect(list.migrationDirectories.length).toBeGreaterThan(0);
    expect(list.migrationDirectories[0].path).toMatch(/^\d{14}_init$/);
    expect(list.migrationDirectories[0].migrationFile.content.tag).toBe("ok");
  });

  it("applies every migration, then nothing on a second call", async () => {
    const factory = createPgliteAdapterFactory(pglite);
    const expected = readMigrationsList(REPO_MIGRATIONS_DIR).migrationDirectories.map((d) => d.path);

    const first = await applyMigrations(factory, { migrationsDir: REPO_MIGRATIONS_DIR });
    expect(first.applied).toEqual(expected);

    const tables = await pglite.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      [
        "App",
        "AppVersion",
        "Asset",
        "NodeRun",
        "Run",
        "Workflow",
        "WorkflowVersion",
        "_prisma_migrations",
        "account",
        "invitation",
        "member",
        "organization",
        "session",
        "user",
        "verification",
      ].sort(),
    );

    const startsBefore = engineStarts.count;
    const second = await applyMigrations(factory, { migrationsDir: REPO_MIGRATIONS_DIR });
    expect(second.applied).toEqual([]);
    // Up to date: answered from _prisma_migrations (checksums as Prisma recorded them), no engine.
    expect(engineStarts.count).toBe(startsBefore);
    const recorded = await pglite.query<{ n: number }>("SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL");
    expect(recorded.rows[0].n).toBe(expected.length);
  });

  it("applies a new migration folder added later, and only that one", async () => {
    const dir = path.join(scratch, "grow");
    cpSync(REPO_MIGRATIONS_DIR, dir, { recursive: true });
    mkdirSync(path.join(dir, "29990101000000_extra"));
    writeFileSync(path.join(dir, "29990101000000_extra", "migration.sql"), 'CREATE TABLE "Extra" ("id" TEXT PRIMARY KEY);\n');
    const result = await applyMigrations(createPgliteAdapterFactory(pglite), { migrationsDir: dir });
    expect(result.applied).toEqual(["29990101000000_extra"]);
    // An applied migration edited afterwards is not taken as up to date: the engine decides.
    writeFileSync(path.join(dir, "29990101000000_extra", "migration.sql"), 'CREATE TABLE "Extra" ("id" TEXT PRIMARY KEY, "x" INT);\n');
    const startsBefore = engineStarts.count;
    await applyMigrations(createPgliteAdapterFactory(pglite), { migrationsDir: dir }).catch(() => undefined);
    expect(engineStarts.count).toBe(startsBefore + 1);
    await pglite.exec("DROP TABLE \"Extra\"; DELETE FROM _prisma_migrations WHERE migration_name = '29990101000000_extra'");
  });

  it("refuses an empty or missing migrations folder", async () => {
    await expect(applyMigrations(createPgliteAdapterFactory(pglite), { migrationsDir: path.join(scratch, "missing") })).rejects.toThrow(
      /no migration found/,
    );
  });
});
