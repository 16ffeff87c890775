/**
 * The benchmark's database figures: the zero-latency chain persisted through Prisma, with assets
 * in the studio's storage (lib/runs, lib/assets), as the studio runs it, on whatever database
 * DATABASE_URL / DATA_DIR give the server context: the embedded PGlite (bench.ts, section 2) or a
 * PostgreSQL server (scripts/bench-postgres-chain.ts, section 2b). Expects DATA_DIR to point at
 * an empty temporary folder.
 */
import sharp from "sharp";
import { storeImage } from "../lib/assets/store-image";
import { createRun } from "../lib/db/repositories/runs";
import { createWorkflow, snapshotVersion } from "../lib/db/repositories/workflows";
import { executeRun } from "../lib/engine/executor";
import { FakeProvider } from "../lib/engine/testing/fake-provider";
import type { ExecutionStore } from "../lib/engine/types";
import type { WorkflowGraph } from "../lib/graph/schema";
import type { ExecutionPlan } from "../lib/graph/validate";
import { createRunStores } from "../lib/runs/prisma-execution-store";
import { getServerContext } from "../lib/server/context";

/**
 * Runs the chain 4 times (every node forced: real node runs, not cache hits).
 * @param options.wrapStore turns the run's store into the one measured (e.g. lease-fenced, as a worker executes).
 * @param options.onRound called before and after each timed round (statement counters).
 * @returns wall time per node in milliseconds (median of the 3 rounds after a warm-up).
 */
export async function benchDatabaseChain(
  length: number,
  chainGraph: (assetId: string, length: number) => WorkflowGraph,
  plan: (graph: WorkflowGraph) => ExecutionPlan,
  options: {
    wrapStore?: (store: ExecutionStore, runId: string) => Promise<ExecutionStore>;
    onRound?: (phase: "start" | "end") => void;
  } = {},
): Promise<number> {
  const ctx = await getServerContext();
  const bytes = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#3a6ea5" } })
    .png()
    .toBuffer();
  const photo = await storeImage(ctx, { bytes, origin: "upload" });
  const graph = chainGraph(photo.id, length);
  const workflow = await createWorkflow(ctx.db, { name: "bench chain", graph });
  const version = await snapshotVersion(ctx.db, workflow);
  const runPlan = plan(graph);
  const provider = new FakeProvider({ latencyMs: 0 });
  const times: number[] = [];
  for (let round = 0; round < 4; round++) {
    const run = await createRun(ctx.db, {
      workflowId: workflow.id,
      workflowVersionId: version.id,
      nodes: runPlan.order.map((nodeId) => ({ nodeId, nodeType: runPlan.nodes.get(nodeId)!.node.type })),
    });
    // As lib/runs/execute-run-job.ts executes a run.
    const stores = createRunStores(ctx, { teamId: null });
    const store = options.wrapStore ? await options.wrapStore(stores.store, run.id) : stores.store;
    options.onRound?.("start");
    const started = performance.now();
    const result = await executeRun({
      runId: run.id,
      plan: runPlan,
      provider,
      store,
      assets: stores.assets,
      force: new Set(runPlan.order),
    });
    times.push(performance.now() - started);
    options.onRound?.("end");
    if (result.status !== "succeeded") throw new Error(`database chain run ${result.status}: ${result.error}`);
  }
  const rest = times.slice(1).sort((a, b) => a - b);
  return rest[1] / length;
}

/**
 * Alone (`npx tsx scripts/bench-db-chain.ts [nodes]`, default 200): the embedded-database figure
 * in a fresh temporary DATA_DIR, with the statements sent to PGlite per node (every
 * `PGlite.query` / `exec` call), the time waiting for them, and this process's CPU time.
 */
async function standalone(nodes: number): Promise<void> {
  const { mkdtempSync, rmSync } = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const { PGlite } = await import("@electric-sql/pglite");
  const { chainGraph, plan } = await import("./lib/bench-chain");
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "studio-bench-"));
  process.env.DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  const counter = { statements: 0, ms: 0 };
  const proto = PGlite.prototype as unknown as Record<"query" | "exec", (...args: unknown[]) => Promise<unknown>>;
  for (const method of ["query", "exec"] as const) {
    const original = proto[method];
    proto[method] = async function (this: unknown, ...args: unknown[]) {
      counter.statements++;
      const started = performance.now();
      try {
        return await original.apply(this, args);
      } finally {
        counter.ms += performance.now() - started;
      }
    };
  }
  const rounds: { statements: number; ms: number; cpuMs: number }[] = [];
  let mark = { ...counter };
  let cpu = process.cpuUsage();
  try {
    const wall = await benchDatabaseChain(nodes, chainGraph, plan, {
      onRound: (phase) => {
        if (phase === "start") {
          mark = { ...counter };
          cpu = process.cpuUsage();
        } else {
          const used = process.cpuUsage(cpu);
          rounds.push({
            statements: counter.statements - mark.statements,
            ms: counter.ms - mark.ms,
            cpuMs: (used.user + used.system) / 1000,
          });
        }
      },
    });
    const rest = rounds.slice(1).sort((a, b) => a.statements - b.statements);
    const cpuMs = rounds
      .slice(1)
      .map((r) => r.cpuMs)
      .sort((a, b) => a - b)[1];
    const median = rest[Math.floor(rest.length / 2)];
    console.log(`chain of ${nodes} nodes, zero-latency provider, embedded database (PGlite + Prisma) and asset storage, per node:`);
    console.log(
      `  wall time ${wall.toFixed(3)} ms   (${(median.statements / nodes).toFixed(2)} statements, ${(median.ms / nodes).toFixed(3)} ms waiting for them; goal ≤ 2 ms)`,
    );
    // CPU time of this process (all its threads; PGlite runs in it): less sensitive to other load than wall time.
    console.log(`  CPU time  ${(cpuMs / nodes).toFixed(3)} ms`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  standalone(Number(process.argv[2]) || 200).then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
