/**
 * Runs a validated workflow graph (ARCHITECTURE.md "Execution").
 *
 * - Scheduling (scheduler.ts): a node starts as soon as all of its upstream nodes have
 *   succeeded; independent branches run concurrently, at most `concurrency` model nodes at once;
 *   a failed node marks everything downstream `skipped`; the run ends `failed` with the reason.
 * - Source and sink nodes are answered here; model nodes go through model-node.ts (request built
 *   from the chosen model's own schema, output cache, submit-once, job waiting); transform nodes
 *   through transform-node.ts (the definition's `evaluate`; output ports it leaves empty skip
 *   what hangs off them, e.g. an If / else's branches not taken); For each loops through
 *   loop-node.ts (the body runs once per item, each item's node runs recorded apart); gate nodes
 *   (Pick) through gate-node.ts: a gate waiting for a choice holds everything downstream of it,
 *   and a run with a held gate and nothing left to run ends its execution `waiting`.
 * - Resumed (restart, or a pick): node runs already succeeded in this run are reused as recorded.
 * - Every state change goes through the injected ExecutionStore (which persists and streams).
 * - Aborting `signal` cancels: running jobs are asked to cancel, the rest is marked canceled.
 *
 * Imports no React, Next.js or Prisma.
 */
import type { ExecutionPlan, ResolvedEdge, ResolvedNode } from "../graph/validate";
import type { ImageRef } from "../nodes/types";
import type { Provider } from "../providers/types";
import { describeError, NodeFailure } from "./errors";
import { modelPurposes, runGateNode } from "./gate-node";
import { createLimiter } from "./limiter";
import { createLoopRunner } from "./loop-node";
import { collectModelInputs, paramAssetIds, portValue, withPortParams, type NodeValue, type RankModels } from "./model-node-request";
import { runModelNode, type ModelNodeContext, type NodeResult } from "./model-node";
import { createSchemaSource, type SchemaSource } from "./model-schemas";
import { scheduleNodes, type NodeRunOutcome } from "./scheduler";
import { reuseSucceededNodeRun } from "./reuse-node-run";
import type { ReconcileOptions } from "./submission";
import { runTransformNode } from "./transform-node";
import type { AssetStore, ExecutionStore, RunOutput, RunStatus } from "./types";

export interface ExecuteRunOptions {
  runId: string;
  plan: ExecutionPlan;
  provider: Provider;
  store: ExecutionStore;
  assets: AssetStore;
  /** Most model nodes running at once; default 8. */
  concurrency?: number;
  /** Node ids whose output cache is ignored ("Run again"). */
  force?: ReadonlySet<string>;
  signal?: AbortSignal;
  /** Source of random seeds; default Math.random. */
  random?: () => number;
  /** Overrides the provider's poll interval, in milliseconds. */
  pollIntervalMs?: number;
  /** Longest wait for one provider job, in milliseconds; default 30 minutes. */
  jobTimeoutMs?: number;
  /**
   * Ranks models when a node's model is "auto" (the studio passes the resolver of
   * lib/intelligence); the first whose schema can express the node is used. Default: the fixed
   * table of lib/nodes/default-models.ts.
   */
  rankModels?: RankModels;
  /** Where model schemas come from; default the provider's, else the catalog snapshot. */
  schemas?: SchemaSource;
  /** How long a lost submission is looked for before the node fails (submission.ts). */
  reconcile?: ReconcileOptions;
}

export interface ExecuteRunResult {
  status: RunStatus;
  error: string | null;
  outputs: RunOutput[];
  /** Credits (CU) spent, cached nodes counting zero. */
  credits: number;
}

/**
 * Executes `plan` to completion, or until it waits at a gate, and records every transition in `store`.
 * Never throws for node failures (they end the run `failed`); throws only when the store does.
 * @returns status `waiting` when a gate waits for a choice and nothing else can run.
 */
export async function executeRun(options: ExecuteRunOptions): Promise<ExecuteRunResult> {
  const { runId, plan, store, signal } = options;
  const incoming = new Map<string, ResolvedEdge[]>();
  for (const edge of plan.edges) (incoming.get(edge.target) ?? incoming.set(edge.target, []).get(edge.target)!).push(edge);

  const previous = new Map((await store.loadNodeRuns(runId)).map((n) => [n.nodeId, n]));
  const values = new Map<string, NodeValue>();
  // `sentence`: the whole sentence for the run's error (a loop item's failure names its item).
  const failures: { nodeId: string; message: string; sentence?: string }[] = [];
  let credits = 0;
  const limit = createLimiter(options.concurrency ?? 8);
  // A model node whose every successor is another model node: its outputs are intermediate.
  const intermediate = new Set<string>();
  const successors = new Map<string, string[]>();
  for (const edge of plan.edges) (successors.get(edge.source) ?? successors.set(edge.source, []).get(edge.source)!).push(edge.target);
  for (const [nodeId, targets] of successors) {
    if (plan.nodes.get(nodeId)?.definition.role !== "model") continue;
    if (targets.every((target) => plan.nodes.get(target)?.definition.role === "model")) intermediate.add(nodeId);
  }
  const modelContext: ModelNodeContext = {
    options,
    schemas: options.schemas ?? createSchemaSource(options.provider),
    previous,
    uploads: new Map(),
    intermediate,
    purposes: modelPurposes(plan),
  };
  // Gates waiting for a choice, and the nodes downstream of them (they do not run yet).
  const held = new Set<string>();

  await store.updateRun(runId, { status: "running", startedAt: new Date(), error: null });

  // `runKey`/`valueOf`: the node run and values of one item inside a For each loop (loop-node.ts).
  const runOne = async (
    resolved: ResolvedNode,
    runKey: string = resolved.node.id,
    valueOf: (nodeId: string) => NodeValue | undefined = (id) => values.get(id),
  ): Promise<NodeResult & NodeRunOutcome & { held?: boolean }> => {
    const { node, definition, params } = resolved;
    if ((incoming.get(node.id) ?? []).some((edge) => held.has(edge.source))) return { value: { images: [] }, credits: 0, held: true };
    if (definition.role === "model" || definition.role === "gate") {
      const reused = reuseSucceededNodeRun(previous.get(runKey));
      if (reused) return reused;
    }
    if (definition.role === "gate") return runGateNode({ runId, store, previous }, resolved, incoming.get(node.id) ?? [], valueOf);
    if (definition.role === "transform") {
      return runTransformNode(store, runId, resolved, incoming.get(node.id) ?? [], valueOf, runKey);
    }
    if (definition.role === "source") {
      const value: NodeValue = { images: [] };
      if (typeof params.text === "string") value.text = params.text;
      if (typeof params.assetId === "string") value.images = [(await options.assets.read(params.assetId)).ref];
      await store.updateNodeRun(runId, node.id, {
        status: "succeeded",
        progress: 1,
        outputs: value.images,
        startedAt: new Date(),
        finishedAt: new Date(),
      });
      return { value, credits: 0 };
    }
    const paramAssets = new Map<string, ImageRef>();
    for (const id of paramAssetIds(resolved)) paramAssets.set(id, (await options.assets.read(id)).ref);
    const inputs = collectModelInputs(resolved, incoming.get(node.id) ?? [], valueOf, (id) => paramAssets.get(id));
    if (definition.role === "sink") {
      const edge = incoming.get(node.id)?.find((e) => e.targetHandle === "image");
      const received = edge ? portValue(values.get(edge.source), edge.sourceHandle) : undefined;
      const images = Array.isArray(received) ? received.filter((item): item is ImageRef => typeof item !== "string") : [];
      await store.updateNodeRun(runId, node.id, {
        status: "succeeded",
        progress: 1,
        outputs: images,
        startedAt: new Date(),
        finishedAt: new Date(),
      });
      return { value: { images }, credits: 0 };
    }
    let withPorts: ResolvedNode;
    try {
      withPorts = withPortParams(resolved, inputs);
    } catch (error) {
      throw new NodeFailure(error instanceof Error ? error.message : String(error));
    }
    return limit(() => runModelNode(modelContext, withPorts, inputs, runKey));
  };
  const loops = createLoopRunner({
    runId,
    plan,
    store,
    signal,
    runBodyNode: runOne,
    onItemFailed: (nodeId, sentence) => failures.push({ nodeId, message: sentence, sentence }),
  });

  const finished = await scheduleNodes({
    order: plan.order,
    edges: loops.scheduleEdges,
    signal,
    async runNode(nodeId) {
      const result = loops.owns(nodeId) ? await loops.runNode(nodeId, (id) => values.get(id)) : await runOne(plan.nodes.get(nodeId)!);
      if ("held" in result && result.held) held.add(nodeId);
      values.set(nodeId, result.value);
      credits += result.credits;
      return { emptyPorts: result.emptyPorts };
    },
    async onFailed(nodeId, error, aborted) {
      const message = describeError(error);
      if (!aborted) failures.push({ nodeId, message });
      await store.updateNodeRun(runId, nodeId, {
        status: aborted ? "canceled" : "failed",
        error: aborted ? "Canceled" : message,
        finishedAt: new Date(),
      });
    },
    async onSkipped(nodeId, causeId, cause) {
      const definition = plan.nodes.get(causeId)!.definition;
      await store.updateNodeRun(runId, nodeId, {
        status: "skipped",
        error:
          cause === "empty_port"
            ? `Skipped: ${definition.emptyPortReason ?? `the ${definition.label} node left this output empty`}`
            : `Skipped: upstream ${definition.label} node "${causeId}" failed`,
        finishedAt: new Date(),
      });
    },
    onError(nodeId, error) {
      failures.push({ nodeId, message: describeError(error) });
    },
  });

  const outputs: RunOutput[] = [];
  for (const id of plan.order) {
    const resolved = plan.nodes.get(id)!;
    if (resolved.definition.role !== "sink") continue;
    const label = String(resolved.params.label ?? resolved.definition.label);
    for (const image of values.get(id)?.images ?? []) outputs.push({ ...image, nodeId: id, label });
  }

  let status: RunStatus = "succeeded";
  let error: string | null = null;
  if (signal?.aborted) {
    status = "canceled";
    error = "Canceled by the user";
    for (const id of plan.order) {
      if (!finished.has(id) || held.has(id)) await store.updateNodeRun(runId, id, { status: "canceled", finishedAt: new Date() });
    }
  } else if (failures.length) {
    status = "failed";
    error = failures
      .map(
        ({ nodeId, message, sentence }) =>
          sentence ?? `${plan.nodes.get(nodeId)?.definition.label ?? "Node"} node "${nodeId}" failed: ${message}`,
      )
      .join("; ");
    // Nobody needs to choose for a run that failed: the gates waiting and what they held end skipped.
    for (const id of held) {
      await store.updateNodeRun(runId, id, {
        status: "skipped",
        error: "Skipped: the run failed before anyone picked",
        finishedAt: new Date(),
      });
    }
  } else if (held.size) {
    status = "waiting";
  }
  if (status === "waiting") {
    await store.updateRun(runId, { status, error, outputs, credits });
    return { status, error, outputs, credits };
  }
  await store.updateRun(runId, { status, error, outputs, credits, finishedAt: new Date() });
  return { status, error, outputs, credits };
}
