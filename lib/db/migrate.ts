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
 * Applies every migration not yet recorded in the database's `_prisma_migrations`
 * table, in order. Idempotent: a second call applies nothing.
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
  const engine = await openSchemaEngine(adapterFactory, { onLog: options.onLog });
  try {
    const output = await engine.applyMigrations({ migrationsList, filters: NO_EXTERNAL_FILTERS });
    return { applied: output.appliedMigrationNames };
  } finally {
    engine.free();
  }
}
