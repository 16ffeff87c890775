/**
 * Prisma client factory: embedded PGlite by default, a PostgreSQL server when a
 * `postgres://` URL is given (ARCHITECTURE.md, "Persistence"). Migrations are
 * applied before the client is handed out.
 *
 * Server-only: never import this from a client component. (It does not import
 * the `server-only` package so that vitest and tsx scripts can use it; the
 * check below stops it from running in a browser.)
 *
 * Next.js: `serverExternalPackages` must list "@electric-sql/pglite",
 * "pglite-prisma-adapter" and "@prisma/schema-engine-wasm" (webpack builds fail
 * at run time without PGlite external; the adapter must share PGlite's module
 * instance; the schema engine's .wasm is read from its package folder).
 * "@prisma/client" and "pg" are external by Next's defaults.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/client";
import { pgDirectSql, pgliteDirectSql, registerDirectSql, type DirectSql } from "./direct-sql";
import { applyMigrations } from "./migrate";
import { lockDataFolder } from "./pglite-lock";
import { ensurePrivateFolder, restrictToOwner } from "../storage/data-folder";

if (typeof window !== "undefined") {
  throw new Error("lib/db is server-only and must not be bundled for the browser");
}

export { PrismaClient };
export { DataFolderInUseError } from "./pglite-lock";

/** An open database: the Prisma client plus the means to close what backs it. */
export interface Db {
  prisma: PrismaClient;
  /** "pglite" (embedded, in a folder or in memory) or "postgres" (a server). */
  kind: "pglite" | "postgres";
  /** Names of the migrations applied while opening (empty when already up to date). */
  appliedMigrations: string[];
  /** Disconnects Prisma, then closes the PGlite instance or ends the pg pool. Safe to call twice. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** `postgres://` or `postgresql://` URL of a PostgreSQL server. Takes precedence over the others. */
  url?: string;
  /** Folder of an embedded PGlite database (created with its parents when missing). */
  dataDir?: string;
  /** Embedded PGlite database in memory (lost on close). Used when neither url nor dataDir is given. */
  memory?: boolean;
  /** Migrations folder; default `<cwd>/prisma/migrations` (see lib/db/migrate.ts). */
  migrationsDir?: string;
}

interface Backend {
  kind: Db["kind"];
  factory: SqlMigrationAwareDriverAdapterFactory;
  /**
   * What the schema engine migrates through, when not `factory`: on PostgreSQL a pool of one
   * connection, ended after migrating. The engine takes a session-level advisory lock; through a
   * shared pool its unlock could run on another connection, leaving the lock held for the life
   * of the process, and every other process opening the database would wait for it forever.
   */
  migrations?: { factory: SqlMigrationAwareDriverAdapterFactory; end(): Promise<void> };
  /** The driver itself, for the engine's hot-path statements (lib/db/direct-sql.ts). */
  direct: DirectSql;
  shutdown(): Promise<void>;
}

function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

async function openPostgres(url: string): Promise<Backend> {
  const [{ Pool }, { PrismaPg }] = await Promise.all([import("pg"), import("@prisma/adapter-pg")]);
  const pool = new Pool({ connectionString: url });
  // An external pool: neither Prisma nor the schema engine ends it; shutdown() does.
  const factory = new PrismaPg(pool) as unknown as SqlMigrationAwareDriverAdapterFactory;
  const migrationPool = new Pool({ connectionString: url, max: 1 });
  const migrations = {
    factory: new PrismaPg(migrationPool) as unknown as SqlMigrationAwareDriverAdapterFactory,
    end: () => migrationPool.end(),
  };
  // Sessions that commit without waiting for the WAL flush, for writes lib/db/direct-sql.ts
  // allows to (PostgreSQL's `synchronous_commit = off`); a few connections are enough.
  const relaxed = new Pool({ connectionString: url, max: 4, options: "-c synchronous_commit=off" });
  // An idle connection that fails is dropped by the pool; the next statement opens another.
  relaxed.on("error", () => undefined);
  return {
    kind: "postgres",
    factory,
    migrations,
    direct: pgDirectSql(pool, relaxed),
    shutdown: async () => {
      await Promise.all([pool.end(), relaxed.end()]);
    },
  };
}

async function openPglite(dataDir: string | undefined): Promise<Backend> {
  const [{ PGlite }, { createPgliteAdapterFactory }] = await Promise.all([import("@electric-sql/pglite"), import("./pglite-adapter")]);
  if (!dataDir) {
    const memory = await PGlite.create();
    return { kind: "pglite", factory: createPgliteAdapterFactory(memory), direct: pgliteDirectSql(memory), shutdown: () => memory.close() };
  }
  const dir = path.resolve(/*turbopackIgnore: true*/ dataDir);
  mkdirSync(path.dirname(dir), { recursive: true, mode: 0o700 });
  const release = lockDataFolder(dir);
  let pglite: Awaited<ReturnType<typeof PGlite.create>>;
  try {
    ensurePrivateFolder(dir);
    pglite = await PGlite.create(dir);
    // PGlite writes its files 0666 whatever the umask: owner only, like the rest of DATA_DIR.
    restrictToOwner(dir);
  } catch (error) {
    release();
    throw error;
  }
  const instance = pglite;
  return {
    kind: "pglite",
    factory: createPgliteAdapterFactory(instance),
    direct: pgliteDirectSql(instance),
    shutdown: async () => {
      try {
        await instance.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * Opens a database and applies pending migrations.
 *
 * - `url` (postgres:// or postgresql://) → PostgreSQL server through `@prisma/adapter-pg`;
 * - else `dataDir` → embedded PGlite in that folder (about 4 s the first time, 0.5 s after);
 * - else `memory: true` → embedded PGlite in memory.
 *
 * A PGlite folder is opened by one process (and one Db) at a time: a lock file
 * `<dataDir>.lock` enforces it (lib/db/pglite-lock.ts). The folder, its parent and every file
 * in it are owner-only (0700 folders, 0600 files; lib/storage/data-folder.ts).
 * @throws DataFolderInUseError when another live process (or another Db in this
 *   one) has the PGlite folder open.
 * @throws Error when no target is given, when `url` is not a PostgreSQL URL, or
 *   when the connection or a migration fails (the backend is closed first).
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Db> {
  let backend: Backend;
  if (options.url) {
    if (!isPostgresUrl(options.url)) {
      throw new Error("openDatabase: url must start with postgres:// or postgresql:// (use dataDir for PGlite)");
    }
    backend = await openPostgres(options.url);
  } else if (options.dataDir || options.memory) {
    backend = await openPglite(options.dataDir);
  } else {
    throw new Error("openDatabase: give url, dataDir or memory: true");
  }

  let appliedMigrations: string[];
  try {
    ({ applied: appliedMigrations } = await applyMigrations(backend.migrations?.factory ?? backend.factory, {
      migrationsDir: options.migrationsDir,
    }));
  } catch (error) {
    await backend.migrations?.end().catch(() => {});
    await backend.shutdown().catch(() => {});
    throw error;
  }
  await backend.migrations?.end().catch(() => {});

  const prisma = new PrismaClient({ adapter: backend.factory });
  registerDirectSql(prisma, backend.direct);
  let closing: Promise<void> | undefined;
  return {
    prisma,
    kind: backend.kind,
    appliedMigrations,
    close() {
      closing ??= (async () => {
        try {
          await prisma.$disconnect();
        } finally {
          await backend.shutdown();
        }
      })();
      return closing;
    },
  };
}

/**
 * Options `getDb()` uses, from the environment:
 * `DATABASE_URL` (postgres:// or postgresql://) → that server; otherwise
 * PGlite in `<DATA_DIR>/pglite` (`DATA_DIR` defaults to `./data`, relative to the cwd).
 * @throws Error when DATABASE_URL is set to something other than a PostgreSQL URL.
 */
export function databaseOptionsFromEnv(env: Record<string, string | undefined> = process.env): OpenDatabaseOptions {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!isPostgresUrl(url)) throw new Error("DATABASE_URL must start with postgres:// or postgresql://");
    return { url };
  }
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR?.trim() || "./data");
  return { dataDir: path.join(dataDir, "pglite") };
}

const GLOBAL_KEY = Symbol.for("workflow-studio.db");
type DbGlobal = typeof globalThis & { [GLOBAL_KEY]?: Promise<Db> };

/**
 * The process-wide database, opened (and migrated) on first call with
 * `databaseOptionsFromEnv()`. The promise lives on `globalThis`, so Next.js
 * dev-mode module reloads reuse it instead of opening the PGlite folder twice.
 * A failed open is not cached: the next call tries again.
 * @throws whatever `openDatabase` throws.
 */
export function getDb(): Promise<Db> {
  const g = globalThis as DbGlobal;
  let pending = g[GLOBAL_KEY];
  if (!pending) {
    pending = openDatabase(databaseOptionsFromEnv());
    g[GLOBAL_KEY] = pending;
    pending.catch(() => {
      if (g[GLOBAL_KEY] === pending) delete g[GLOBAL_KEY];
    });
  }
  return pending;
}

/** Closes the process-wide database if it was opened (shutdown hooks, tests); the next `getDb()` reopens it. */
export async function closeDb(): Promise<void> {
  const g = globalThis as DbGlobal;
  const pending = g[GLOBAL_KEY];
  delete g[GLOBAL_KEY];
  if (!pending) return;
  const db = await pending.catch(() => undefined);
  await db?.close();
}
