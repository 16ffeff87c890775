/**
 * `npm run db:migrate`: applies prisma/migrations/* to the configured database
 * and closes it, leaving it ready for the server (which also migrates on start).
 *
 * Target, as for the server (lib/db/client.ts `databaseOptionsFromEnv`):
 * DATABASE_URL=postgres://… → that server; otherwise PGlite in <DATA_DIR>/pglite
 * (DATA_DIR defaults to ./data).
 */
import { databaseOptionsFromEnv, openDatabase } from "../lib/db/client";

async function main(): Promise<void> {
  const options = databaseOptionsFromEnv();
  const target = options.url ? "PostgreSQL (DATABASE_URL)" : `PGlite at ${options.dataDir}`;
  const started = Date.now();
  const db = await openDatabase(options);
  try {
    const applied = db.appliedMigrations;
    console.log(
      applied.length > 0
        ? `db:migrate: applied ${applied.length} migration(s) to ${target}: ${applied.join(", ")}`
        : `db:migrate: ${target} is up to date`,
    );
  } finally {
    await db.close();
  }
  console.log(`db:migrate: done in ${Date.now() - started} ms`);
}

main().catch((error: unknown) => {
  console.error("db:migrate failed:", error);
  process.exit(1);
});
