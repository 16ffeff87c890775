/**
 * Prisma driver-adapter factory for an embedded PGlite database, with one fix
 * over `pglite-prisma-adapter` 0.7.2.
 *
 * The fix: its `executeScript` calls `client.exec(script)` without awaiting it,
 * so a failing script (the schema engine runs each migration through it) is
 * reported as a success: the migration is recorded as applied while PGlite rolls
 * it back, and the error surfaces later as an unhandled rejection. Here
 * `executeScript` awaits the script and rethrows the database error the way the
 * adapter's queries do.
 *
 * Server-only.
 */
import type { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

/** The parts of the library's adapter object this fix relies on (JS fields, not typed as public). */
interface PgliteAdapterInternals {
  client?: { exec(script: string): Promise<unknown> };
  onError?(error: unknown): never;
}

function withAwaitedExecuteScript(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const internals = adapter as unknown as PgliteAdapterInternals;
  const client = internals.client;
  if (!client || typeof client.exec !== "function") return adapter; // library changed: keep its own behaviour
  adapter.executeScript = async (script: string): Promise<void> => {
    try {
      await client.exec(script);
    } catch (error) {
      if (typeof internals.onError === "function") internals.onError.call(adapter, error);
      throw error;
    }
  };
  return adapter;
}

/**
 * Wraps a PGlite instance as a migration-aware Prisma driver-adapter factory,
 * usable both by `new PrismaClient({ adapter })` and by the schema engine.
 * The caller keeps ownership of `pglite` (close it yourself).
 */
export function createPgliteAdapterFactory(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  // pglite-prisma-adapter is typed against its own copy of @prisma/driver-adapter-utils (7.2.0).
  const inner = new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => withAwaitedExecuteScript(await inner.connect()),
    connectToShadowDb: async () => withAwaitedExecuteScript(await inner.connectToShadowDb()),
  };
}
