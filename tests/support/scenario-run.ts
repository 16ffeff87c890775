/**
 * Test support: runs a workflow through the executor and the Scenario provider over real HTTP
 * against the strict mock of Scenario's API (lib/providers/scenario/mock-server.ts), with fresh
 * in-memory stores, and reads back what a designer would see: node statuses and errors, saved
 * outputs (sizes read from the bytes) and the requests the mock received. Test-only.
 */
import sharp from "sharp";
import { expect } from "vitest";
import { executeRun } from "@/lib/engine/executor";
import { createSchemaSource } from "@/lib/engine/model-schemas";
import { MemoryAssetStore, MemoryExecutionStore } from "@/lib/engine/testing/memory-store";
import type { WorkflowGraph } from "@/lib/graph/schema";
import { validateGraph } from "@/lib/graph/validate";
import { ScenarioProvider } from "@/lib/providers/scenario";
import type { MockScenarioServer } from "@/lib/providers/scenario/mock-server";

/** A Scenario provider pointed at the mock, with fast retries. */
export function providerFor(server: MockScenarioServer): ScenarioProvider {
  return new ScenarioProvider({
    apiKey: server.credentials.apiKey,
    apiSecret: server.credentials.apiSecret,
    baseUrl: server.baseUrl,
    retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 },
  });
}

export type ScenarioRun = Awaited<ReturnType<typeof runOnScenario>>;

/**
 * Runs the graph `build` returns (it may first add files to the asset store) as run "r".
 * @returns the run result, its stores, the mock's requests since the start (`requests`) and its
 *   `POST /generate/custom/…` ones (`generates`), each node's status, and "nodeId: error" lines.
 */
export async function runOnScenario(
  server: MockScenarioServer,
  build: (assets: MemoryAssetStore) => Promise<WorkflowGraph> | WorkflowGraph,
) {
  server.script.reset();
  const provider = providerFor(server);
  const assets = new MemoryAssetStore();
  const graph = await build(assets);
  const validation = validateGraph(graph, "run");
  expect(validation.plan, JSON.stringify(validation)).toBeTruthy();
  const store = new MemoryExecutionStore();
  const result = await executeRun({
    runId: "r",
    plan: validation.plan!,
    provider,
    store,
    assets,
    pollIntervalMs: 5,
    schemas: createSchemaSource(provider),
  });
  const requests = [...server.state.requests];
  const generates = requests.filter((r) => r.method === "POST" && r.path.startsWith("/v1/generate/custom/"));
  const statuses = Object.fromEntries(graph.nodes.map((n) => [n.id, store.node("r", n.id)?.status]));
  const failures = graph.nodes
    .map((n) => store.node("r", n.id))
    .filter((n) => n?.error)
    .map((n) => `${n!.nodeId}: ${n!.error}`);
  return { result, store, assets, requests, generates, statuses, failures };
}

/** Pixel size of the first image a node saved, read from the stored bytes with sharp. */
export async function savedSize(ctx: Pick<ScenarioRun, "store" | "assets">, nodeId: string): Promise<{ width: number; height: number }> {
  const ref = ctx.store.node("r", nodeId)!.outputs[0];
  expect(ref, `${nodeId} saved no output`).toBeTruthy();
  const meta = await sharp((await ctx.assets.read(ref.assetId)).bytes).metadata();
  return { width: meta.width!, height: meta.height! };
}

/** The multipart upload flow's requests in `requests`: creates, part PUTs (with their bytes) and completes. */
export function multipartUploads(requests: ScenarioRun["requests"]) {
  return {
    creates: requests.filter((r) => r.method === "POST" && r.path === "/v1/uploads"),
    parts: requests.filter((r) => r.method === "PUT" && r.path.startsWith("/upload-parts/")),
    completes: requests.filter(
      (r) => r.method === "POST" && /^\/v1\/uploads\/[^/]+\/action$/.test(r.path) && (r.body as { action?: string })?.action === "complete",
    ),
    base64: requests.filter((r) => r.method === "POST" && r.path === "/v1/assets"),
  };
}
