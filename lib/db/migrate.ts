/**
 * Applies `prisma/migrations/*` to a database, as `prisma migrate deploy` does,
 * through the WebAssembly schema engine (no native binary needed).
 *
 * Applied migrations are recorded in `_prisma_migrations`, so a second call
 * applies nothing, and the same folders work with the Prisma CLI on a machine
 * that has the native engine.
 *
 * Server-only (uses node:fs).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { NO_EXTERNAL_FILTERS, openSchemaEngine } from "./schema-engine";

export const LOCKFILE_NAME = "migration_lock.toml";
export const MIGRATION_FILE_NAME = "migration.sql";

/**
 * Default migrations folder: `$PRISMA_MIGRATIONS_DIR`, else
 * `<process.cwd()>/prisma/migrations`.
 */
export function defaultMigrationsDir(): string {
  return process.env.PRISMA_MIGRATIONS_DIR ?? path.join(process.cwd(), "prisma", "migrations");
}

/**
 * Reads a migrations folder in Prisma's standard layout
 * (`<dir>/<timestamp>_<name>/migration.sql` and `<dir>/migration_lock.toml`) into
 * the engine's `MigrationList`, folders sorted by name (that is, by timestamp).
 * A missing folder gives an empty list.
 * @param dir absolute path of the migrations folder.
 */
export function readMigrationsList(dir: string): MigrationList {
  const baseDir = path.resolve(/*turbopackIgnore: true*/ dir);
  const lockPath = path.join(baseDir, LOCKFILE_NAME);
  const lockfile = { path: LOCKFILE_NAME, content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null };
  const entries = existsSync(baseDir) ? readdirSync(baseDir, { withFileTypes: true }) : [];
  const migrationDirectories = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b))
    .map((name) => {
      const file = path.join(baseDir, name, MIGRATION_FILE_NAME);
      let content: { tag: "ok"; value: string } | { tag: "error"; value: string };
      try {
        content = { tag: "ok", value: readFileSync(file, "utf8") };
      } catch (error) {
        content = { tag: "error", value: error instanceof Error ? error.message : String(error) };
      }
      return { path: name, migrationFile: { path: MIGRATION_FILE_NAME, content } };
    });
  return { baseDir, lockfile, shadowDbInitScript: "", migrationDirectories };
}

export interface ApplyMigrationsOptions {
  /** Migrations folder; default `defaultMigrationsDir()`. */
  migrationsDir?: string;
  /** Receives the engine's log lines; default: dropped. */
  onLog?: (line: string) => void;
}

export interface ApplyMigrationsResult {
  /** Names (folder names) of the migrations applied by this call; empty when up to date. */
  applied: string[];
}

/**
 * True when every migration of the folder is recorded in `_prisma_migrations` as finished, with
 * the checksum of its file as it is now (SHA-256 of migration.sql, as Prisma records it), and no
 * migration is left failed: then there is nothing to apply and the schema engine (a WebAssembly
 * module that takes a second or more to load) need not be started. Any doubt (no table yet, a
 * query error, an edited or failed migration) answers false, and the engine decides.
 */
async function everyMigrationRecorded(adapterFactory: SqlMigrationAwareDriverAdapterFactory, list: MigrationList): Promise<boolean> {
  const wanted = new Map<string, string>();
  for (const directory of list.migrationDirectories) {
    const content = directory.migrationFile.content;
    if (content.tag !== "ok") return false;
    wanted.set(directory.path, createHash("sha256").update(content.value).digest("hex"));
  }
  let adapter: Awaited<ReturnType<SqlMigrationAwareDriverAdapterFactory["connect"]>> | undefined;
  try {
    adapter = await adapterFactory.connect();
    const result = await adapter.queryRaw({
      sql: 'SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back FROM "_prisma_migrations"',
      args: [],
      argTypes: [],
    });
    const recorded = new Map<string, string>();
    for (const [name, checksum, finished, rolledBack] of result.rows as [string, string, boolean, boolean][]) {
      if (rolledBack) continue;
      if (!finished) return false; // a failed migration: the engine reports it
      recorded.set(name, checksum);
    }
    for (const [name, checksum] of wanted) if (recorded.get(name) !== checksum) return false;
    return true;
  } catch {
    return false;
  } finally {
    await adapter?.dispose().catch(() => {});
  }
}

/**
 * Applies every migration not yet recorded in the database's `_prisma_migrations`
 * table, in order. Idempotent: a second call applies nothing, and when every migration is
 * already recorded (unchanged) it answers from one query without starting the schema engine.
 *
 * The adapter factory is only used for the duration of the call; the caller keeps
 * ownership of the underlying connection (PGlite instance or pool).
 *
 * @throws Error when the migrations folder is missing or has no migration (a
 *   misplaced cwd would otherwise leave an empty database), when a migration
 *   fails (the database's message is kept), or when an applied migration was
 *   edited afterwards.
 */
export async function applyMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  options: ApplyMigrationsOptions = {},
): Promise<ApplyMigrationsResult> {
  const dir = options.migrationsDir ?? defaultMigrationsDir();
  const migrationsList = readMigrationsList(dir);
  if (migrationsList.migrationDirectories.length === 0) {
    throw new Error(`applyMigrations: no migration found in ${migrationsList.baseDir}`);
  }
  if (await everyMigrationRecorded(adapterFactory, migrationsList)) return { applied: [] };
  const engine = await openSchemaEngine(adapterFactory, { onLog: options.onLog });
  try {
    const output = await engine.applyMigrations({ migrationsList, filters: NO_EXTERNAL_FILTERS });
    return { applied: output.appliedMigrationNames };
  } finally {
    engine.free();
  }
}
