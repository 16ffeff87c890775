/**
 * `npm run db:migrate`: applies prisma/migrations/* to the configured database
 * and closes it, leaving it ready for the server (whose own check on opening then finds
 * nothing to apply and does not start the schema engine: lib/db/migrate.ts). Exits as soon as
 * it is done: the schema engine and PGlite leave handles that would otherwise keep the
 * process alive for seconds after the database is closed (issue 14).
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

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("db:migrate failed:", error);
    process.exit(1);
  },
);
