/**
 * Test helper: a fresh, migrated database for one test file.
 *
 * In-memory PGlite by default (about 4 s to initialise: open one per test FILE,
 * in `beforeAll`). With `TEST_DATABASE_URL=postgres://…` set, the tests run
 * against that PostgreSQL server instead, in a throw-away database that is
 * dropped on close (the URL's user needs CREATEDB).
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Db, openDatabase } from "./client";

/** prisma/migrations of this repository, independent of the cwd. */
export const REPO_MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Opens a migrated database for tests: in-memory PGlite, or a throw-away
 * database on the `TEST_DATABASE_URL` server when that is set. Close it in `afterAll`.
 */
export async function openTestDb(): Promise<Db> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return openDatabase({ memory: true, migrationsDir: REPO_MIGRATIONS_DIR });

  const name = `studio_test_${randomUUID().replace(/-/g, "")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), migrationsDir: REPO_MIGRATIONS_DIR });
  return {
    ...db,
    async close() {
      await db.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}"`);
    },
  };
}
