/**
 * The benchmark's embedded-database figure: the same zero-latency chain, persisted through
 * Prisma on PGlite with assets in the studio's storage (lib/runs, lib/assets), as the studio
 * runs it. Expects DATA_DIR to point at an empty temporary folder.
 */
import sharp from "sharp";
import { storeImage } from "../lib/assets/store-image";
import { createStudioAssetStore } from "../lib/assets/studio-asset-store";
import { createRun } from "../lib/db/repositories/runs";
import { createWorkflow, snapshotVersion } from "../lib/db/repositories/workflows";
import { executeRun } from "../lib/engine/executor";
import { FakeProvider } from "../lib/engine/testing/fake-provider";
import type { WorkflowGraph } from "../lib/graph/schema";
import type { ExecutionPlan } from "../lib/graph/validate";
import { createPrismaExecutionStore } from "../lib/runs/prisma-execution-store";
import { getServerContext } from "../lib/server/context";

/** @returns wall time per node in milliseconds (median of 3 runs after a warm-up). */
export async function benchEmbeddedDatabaseChain(
  _dataDir: string,
  length: number,
  chainGraph: (assetId: string, length: number) => WorkflowGraph,
  plan: (graph: WorkflowGraph) => ExecutionPlan,
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
    const started = performance.now();
    // force every node: each round measures real node runs, not cache hits
    const result = await executeRun({
      runId: run.id,
      plan: runPlan,
      provider,
      store: createPrismaExecutionStore(ctx, { teamId: null }),
      assets: createStudioAssetStore(ctx),
      force: new Set(runPlan.order),
    });
    if (result.status !== "succeeded") throw new Error(`embedded chain run ${result.status}: ${result.error}`);
    times.push(performance.now() - started);
  }
  const rest = times.slice(1).sort((a, b) => a - b);
  return rest[1] / length;
}
