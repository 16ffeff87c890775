/**
 * Parameterised SQL sent straight to the database's own driver (the `pg` pool, or the PGlite
 * instance), beside Prisma: the engine's hot path writes a run's node runs through it (issues 12
 * and 14). Measured on one 2-core machine, one `UPDATE "NodeRun"` cost about 1.3 ms of CPU through
 * Prisma's `updateMany` (query compiler and interpreter) against 0.15 ms through `pg`, and
 * 2.9 ms against 0.35 ms on PGlite; `$executeRawUnsafe` still cost 0.55 ms and 1.7 ms.
 *
 * Durability: on PostgreSQL a statement sent with `durable: false` commits on a second, small
 * pool whose sessions run with `synchronous_commit = off` (PostgreSQL's own setting: the commit
 * returns before its WAL record is flushed; the row is visible to every session at once, a
 * crash of the database server may lose the last few hundred ms of such commits, never corrupts
 * anything). WAL is one sequence, so the next durable commit of any session flushes every such
 * commit made before it. On PGlite every statement commits the same way (it runs with fsync off;
 * the WAL is written at each commit).
 *
 * A client this module does not know (a transaction client, a client opened elsewhere) gets the
 * same statements through Prisma's `$executeRawUnsafe` / `$queryRawUnsafe`, so they stay inside
 * its transaction. Server-only.
 */
import type { DbClient } from "./types";

export interface DirectSqlOptions {
  /**
   * false: the commit need not wait for the WAL flush (see the module comment). Default true.
   * Only for writes whose loss in a database crash is repaired by the durable write before the
   * next thing that cannot be undone (e.g. a provider submit).
   */
  durable?: boolean;
}

/** One database's driver, as this module uses it. */
export interface DirectSql {
  /** Runs a statement with `$1`, `$2` … placeholders. @returns the rows it affected or returned. */
  execute(sql: string, params: readonly unknown[], options?: DirectSqlOptions): Promise<number>;
  /** Runs a query with `$1`, `$2` … placeholders. @returns its rows, as objects by column name. */
  rows<Row extends Record<string, unknown>>(sql: string, params: readonly unknown[], options?: DirectSqlOptions): Promise<Row[]>;
}

const registry = new WeakMap<object, DirectSql>();

/** Makes `sql` the driver of `client` (lib/db/client.ts, when it opens a database). */
export function registerDirectSql(client: object, sql: DirectSql): void {
  registry.set(client, sql);
}

/** The driver behind `db`, or Prisma's raw queries on `db` itself when it is not known here. */
export function directSql(db: DbClient): DirectSql {
  return (
    registry.get(db) ?? {
      execute: (sql, params) => db.$executeRawUnsafe(sql, ...params),
      rows: <Row>(sql: string, params: readonly unknown[]) => db.$queryRawUnsafe<Row[]>(sql, ...params),
    }
  );
}

/** A `pg` pool (or anything with its `query`), as DirectSql. */
export interface PgQueryable {
  query(sql: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
}

/**
 * The DirectSql of a PostgreSQL server: durable statements on `pool` (the pool Prisma uses),
 * the others on `relaxed` (sessions with `synchronous_commit = off`).
 */
export function pgDirectSql(pool: PgQueryable, relaxed: PgQueryable): DirectSql {
  const on = (options?: DirectSqlOptions) => (options?.durable === false ? relaxed : pool);
  return {
    async execute(sql, params, options) {
      return (await on(options).query(sql, [...params])).rowCount ?? 0;
    },
    async rows<Row>(sql: string, params: readonly unknown[], options?: DirectSqlOptions) {
      return (await on(options).query(sql, [...params])).rows as Row[];
    },
  };
}

/** A PGlite instance (its `query`), as DirectSql. */
export interface PgliteQueryable {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[]; affectedRows?: number }>;
}

/** The DirectSql of an embedded PGlite database (one session: every statement commits alike). */
export function pgliteDirectSql(pglite: PgliteQueryable): DirectSql {
  return {
    async execute(sql, params) {
      return (await pglite.query(sql, [...params])).affectedRows ?? 0;
    },
    async rows<Row>(sql: string, params: readonly unknown[]) {
      return (await pglite.query<Row>(sql, [...params])).rows;
    },
  };
}
