/**
 * Per-node executor overhead on PostgreSQL (`npm run bench`, section 2b; alone:
 * `npx tsx scripts/bench-postgres-chain.ts`): the zero-latency chain of scripts/lib/bench-chain.ts
 * persisted through Prisma on the local PostgreSQL server (SCALE_TEST_PG_URL; a fresh database,
 * dropped afterwards), with the studio's asset storage, in a child process (the server context
 * is per process). Two figures, each with the statements sent per node (every `pg` query call:
 * one round trip each, LISTEN/NOTIFY included) and the time spent waiting for them:
 * - the store alone (what the embedded queue executes through);
 * - lease-fenced, as a worker process executes a run (lib/queue/run-lease.ts).
 * Goal: < 2 ms per node. Null when PostgreSQL is unreachable.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { ExecutionStore } from "../lib/engine/types";
import { ADMIN_URL, postgresReachable } from "../tests/scale/cluster-harness";

/** One measured variant: wall time, statements and time inside statements, per node. */
export interface ChainFigure {
  wallMsPerNode: number;
  statementsPerNode: number;
  queryMsPerNode: number;
}

export interface PostgresChainBench {
  nodes: number;
  store: ChainFigure;
  fenced: ChainFigure;
}

const CHILD_FLAG = "--bench-postgres-child";

/** Child: counts every pg query (calls and time to answer), then runs the chain both ways. */
async function child(nodes: number): Promise<PostgresChainBench> {
  const counter = { statements: 0, ms: 0 };
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    counter.statements++;
    const started = performance.now();
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      // pg.Pool passes a callback.
      const callback = args[last] as (...results: unknown[]) => void;
      args[last] = (...results: unknown[]) => {
        counter.ms += performance.now() - started;
        callback(...results);
      };
    }
    const answer = original.apply(this, args);
    if (answer && typeof (answer as Promise<unknown>).then === "function") {
      (answer as Promise<unknown>).then(
        () => (counter.ms += performance.now() - started),
        () => (counter.ms += performance.now() - started),
      );
    }
    return answer;
  };
  const { benchDatabaseChain } = await import("./bench-db-chain");
  const { chainGraph, plan } = await import("./lib/bench-chain");
  const { claimRun, fenceStore, renewLease, LeaseLostError } = await import("../lib/queue/run-lease");
  const { getServerContext } = await import("../lib/server/context");
  const ctx = await getServerContext();

  const measure = async (wrapStore?: NonNullable<Parameters<typeof benchDatabaseChain>[3]>["wrapStore"]): Promise<ChainFigure> => {
    const rounds: { statements: number; ms: number }[] = [];
    let mark = { statements: 0, ms: 0 };
    const wall = await benchDatabaseChain(nodes, chainGraph, plan, {
      wrapStore,
      onRound: (phase) => {
        if (phase === "start") mark = { ...counter };
        else rounds.push({ statements: counter.statements - mark.statements, ms: counter.ms - mark.ms });
      },
    });
    const rest = rounds.slice(1).sort((a, b) => a.statements - b.statements);
    const median = rest[Math.floor(rest.length / 2)];
    return { wallMsPerNode: wall, statementsPerNode: median.statements / nodes, queryMsPerNode: median.ms / nodes };
  };

  const store = await measure();
  const owner = `bench:${process.pid}`;
  const fenced = await measure(async (base: ExecutionStore, runId: string) => {
    if (!(await claimRun(ctx.db, runId, owner, 30))) throw new Error("could not claim the bench run");
    // As lib/queue/pg-boss-queue.ts leases a run (its owner lets the store fence each write in its own statement).
    const lease = {
      runId,
      owner,
      lost: false,
      async check() {
        if ((await renewLease(ctx.db, runId, owner, 30)) === null) {
          this.lost = true;
          throw new LeaseLostError(runId);
        }
      },
    };
    return fenceStore(base, lease);
  });
  return { nodes, store, fenced };
}

/**
 * Runs the benchmark in a child process on a fresh database.
 * @returns the figures, or null when PostgreSQL is unreachable (said on the console).
 */
export async function benchPostgresChain(nodes = 200): Promise<PostgresChainBench | null> {
  if (!(await postgresReachable())) {
    console.log("executor on PostgreSQL: skipped (PostgreSQL unreachable; set SCALE_TEST_PG_URL)");
    return null;
  }
  const database = `studio_bench_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "studio-bench-pg-"));
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const proc = spawn(
        process.execPath,
        ["--import", "tsx", path.resolve("scripts/bench-postgres-chain.ts"), CHILD_FLAG, String(nodes)],
        {
          env: { ...process.env, DATABASE_URL: url.toString(), DATA_DIR: dataDir, RUN_QUEUE: "" },
          stdio: ["ignore", "pipe", "inherit"],
        },
      );
      let text = "";
      proc.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
      proc.on("exit", (code) =>
        code === 0 ? resolve(text) : reject(new Error(`the PostgreSQL chain bench exited with ${code}:\n${text}`)),
      );
    });
    const line = output.trim().split("\n").at(-1)!;
    return JSON.parse(line) as PostgresChainBench;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Prints the figures (bench.ts and the standalone run). */
export function printPostgresChain(result: PostgresChainBench): void {
  const line = (label: string, f: ChainFigure) =>
    `  ${label.padEnd(30)}${f.wallMsPerNode.toFixed(3)} ms   (${f.statementsPerNode.toFixed(2)} statements, ${f.queryMsPerNode.toFixed(3)} ms waiting for them)`;
  console.log(`chain of ${result.nodes} nodes, zero-latency provider, PostgreSQL server (Prisma + pg) and asset storage, per node:`);
  console.log(line("store alone", result.store));
  console.log(line("lease-fenced, as a worker", result.fenced));
  console.log(`  goal < 2 ms per node`);
}

if (process.argv.includes(CHILD_FLAG)) {
  const nodes = Number(process.argv[process.argv.indexOf(CHILD_FLAG) + 1]) || 200;
  child(nodes).then(
    (result) => {
      console.log(JSON.stringify(result));
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
} else if (import.meta.url === `file://${process.argv[1]}`) {
  benchPostgresChain().then(
    (result) => {
      if (result) printPostgresChain(result);
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
