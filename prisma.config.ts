/**
 * Prisma CLI configuration (Prisma 7 reads the connection URL from here, not
 * from schema.prisma).
 *
 * The studio itself does not need the CLI at run time: it generates the client
 * with `npm run db:generate` and applies migrations through the WebAssembly
 * schema engine (lib/db/migrate.ts). This file is for `prisma generate` and, on
 * a machine that has Prisma's native engine, `prisma migrate deploy|dev` against
 * DATABASE_URL (a PostgreSQL server). Without DATABASE_URL the datasource is left
 * out, which `prisma generate` does not need.
 */
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  ...(url ? { datasource: { url } } : {}),
});
