/**
 * Running For each loops (issue 11; loops found by lib/graph/loops.ts from the definitions'
 * `loop`). When the run's scheduler reaches a loop's start:
 *
 * 1. the list on the start's list port is read (a text counts as a one-item list; an empty list
 *    fails the start: there is nothing to repeat);
 * 2. one queued node run per item and body node is recorded, keyed `itemRunKey(nodeId, index)`
 *    ("upscale#6" is item 7 of the Upscale node), so every item's node run is visible, cancelable
 *    and resumable like any other: a model node's submissions are recorded on its item's node run,
 *    so a restarted run polls them instead of submitting again (submission.ts);
 * 3. the items run a few at a time (the start's concurrency parameter; the run's model-node limit
 *    still applies), each through its own scheduler over the body: within an item a failed node
 *    skips what follows it, and a failed item never stops the others;
 * 4. the body nodes' own node runs hold the summary (progress = items settled / items; status
 *    `failed` when an item failed there; the items' outputs and credits);
 * 5. the end collects, in item order, the images and texts of the items that succeeded, and fails
 *    only when none did. Each failed item is reported to the run ("Item 7 of 20 (“blue mug”) failed
 *    at Upscale: …"), which then ends `failed` even though the other items' results reach the
 *    outputs: the designer asked for 20 and got 19, and "Run again" redoes only what is missing
 *    (the others come from the output cache).
 *
 * Imports no React, Next.js or Prisma.
 */
import { findLoops, type LoopPlan } from "../graph/loops";
import type { ExecutionPlan, ResolvedEdge, ResolvedNode } from "../graph/validate";
import type { ImageRef, LoopSpec } from "../nodes/types";
import { describeError, NodeFailure } from "./errors";
import { createLimiter } from "./limiter";
import { portValue, type NodeValue } from "./model-node-request";
import type { NodeResult } from "./model-node";
import { scheduleNodes, type NodeRunOutcome } from "./scheduler";
import type { ExecutionStore, NodeRunStatus } from "./types";

/** The node run key of item `index` (0-based) of body node `nodeId`. */
export const itemRunKey = (nodeId: string, index: number) => `${nodeId}#${index}`;

/** The body node and item index an item node run key names, or null for a plain node id. */
export function parseItemRunKey(key: string): { nodeId: string; index: number } | null {
  const match = /^(.+)#(\d+)$/s.exec(key);
  return match ? { nodeId: match[1], index: Number(match[2]) } : null;
}

/** What a loop records on its start's, body nodes' and end's node runs: `request.loop`. */
export interface RecordedLoop {
  /** The items, in order. */
  items: string[];
}

/** The items a loop node run recorded (`request.loop.items`), or null for other node runs. */
export function recordedLoopItems(request: Record<string, unknown> | null): string[] | null {
  const loop = request?.loop as Partial<RecordedLoop> | undefined;
  return Array.isArray(loop?.items) && loop.items.every((i) => typeof i === "string") ? loop.items : null;
}

type ValueOf = (nodeId: string) => NodeValue | undefined;
type Outcome = NodeResult & NodeRunOutcome;

export interface LoopRunnerOptions {
  runId: string;
  plan: ExecutionPlan;
  store: ExecutionStore;
  signal?: AbortSignal;
  /** Runs one body node for one item, recording it under `runKey`, reading inputs with `valueOf`. */
  runBodyNode(resolved: ResolvedNode, runKey: string, valueOf: ValueOf): Promise<Outcome>;
  /** An item failed at `nodeId`: `sentence` says which item, where and why. */
  onItemFailed(nodeId: string, sentence: string): void;
}

export interface LoopRunner {
  /**
   * The edges the run's scheduler follows: the graph's, plus one from each node outside a loop
   * that feeds a body node to the loop's start, so it has finished before the first item starts.
   */
  scheduleEdges: ResolvedEdge[];
  /** True for a loop's start, body nodes and end: the scheduler runs them through `runNode`. */
  owns(nodeId: string): boolean;
  /** Runs a whole loop (start), or settles a body node or end after it. @throws NodeFailure. */
  runNode(nodeId: string, valueOf: ValueOf): Promise<Outcome>;
}

interface LoopState {
  loop: LoopPlan;
  /** Body nodes in the plan's order, and the edges between them. */
  order: string[];
  edges: ResolvedEdge[];
  /** Per item: what reached the end, or null when the item failed or was canceled. */
  collected: Array<{ ports: Record<string, ImageRef[] | string[]> } | null>;
  items: string[];
}

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/** The title a designer gave the node, else its kind's label. */
function titleOf(resolved: ResolvedNode): string {
  const own = resolved.node.data?.label ?? resolved.node.data?.title;
  return typeof own === "string" && own.trim() ? own.trim() : resolved.definition.label;
}

/** Sets up the loops of `plan` (none: every method is inert). */
export function createLoopRunner(options: LoopRunnerOptions): LoopRunner {
  const { runId, plan, store, signal } = options;
  const { loops } = findLoops(plan.nodes, plan.edges);
  const states = new Map<string, LoopState>();
  const roleOf = new Map<string, { kind: "start" | "body" | "end"; state: LoopState }>();
  const scheduleEdges = [...plan.edges];
  for (const loop of loops) {
    const order = plan.order.filter((id) => loop.body.has(id));
    const state: LoopState = {
      loop,
      order,
      edges: plan.edges.filter((e) => loop.body.has(e.source) && loop.body.has(e.target)),
      collected: [],
      items: [],
    };
    states.set(loop.startId, state);
    roleOf.set(loop.startId, { kind: "start", state });
    roleOf.set(loop.endId, { kind: "end", state });
    for (const id of loop.body) roleOf.set(id, { kind: "body", state });
    for (const edge of plan.edges) {
      if (loop.body.has(edge.target) && !loop.body.has(edge.source) && edge.source !== loop.startId) {
        scheduleEdges.push({ ...edge, id: `${edge.id}#loop`, target: loop.startId });
      }
    }
  }

  const runLoop = async (state: LoopState, outer: ValueOf): Promise<Outcome> => {
    const { loop, order } = state;
    const start = plan.nodes.get(loop.startId)!;
    const spec = start.definition.loop as Extract<LoopSpec, { boundary: "start" }>;
    const listEdge = plan.edges.find((e) => e.target === loop.startId && e.targetHandle === spec.listPort);
    const raw = listEdge ? portValue(outer(listEdge.source), listEdge.sourceHandle) : undefined;
    const items = typeof raw === "string" ? [raw] : Array.isArray(raw) ? raw.filter((v): v is string => typeof v === "string") : [];
    if (items.length === 0) throw new NodeFailure("The list is empty, so there is nothing to repeat: give the For each at least one item");
    state.items = items;
    const total = items.length;
    const startedAt = new Date();
    const recorded = { loop: { items } satisfies RecordedLoop };
    await store.updateNodeRun(runId, loop.startId, {
      status: "running",
      progress: 0,
      startedAt,
      error: null,
      request: { ...recorded, values: {} },
    });
    // Per body node: how each item ended there, its outputs and credits.
    const tally = new Map(
      order.map((id) => [id, { settled: 0, failed: [] as string[], outputs: new Map<number, ImageRef[]>(), credits: 0 }]),
    );
    for (const id of order) {
      await store.updateNodeRun(runId, id, { status: "running", progress: 0, startedAt, error: null, outputs: [], request: recorded });
    }
    await store.createNodeRuns?.(
      runId,
      order.flatMap((id) => items.map((_, index) => ({ nodeId: itemRunKey(id, index), nodeType: plan.nodes.get(id)!.node.type }))),
    );
    let itemsSettled = 0;
    let credits = 0;
    const settle = async (
      id: string,
      index: number,
      status: NodeRunStatus,
      detail?: { outputs?: ImageRef[]; credits?: number; sentence?: string },
    ) => {
      const entry = tally.get(id)!;
      entry.settled++;
      if (status === "succeeded" && detail?.outputs) entry.outputs.set(index, detail.outputs);
      if (status === "failed" && detail?.sentence) entry.failed.push(detail.sentence);
      entry.credits += detail?.credits ?? 0;
      await store.updateNodeRun(runId, id, { progress: Math.min(0.99, entry.settled / total) });
    };

    const runItem = async (index: number) => {
      const item = items[index];
      const local = new Map<string, NodeValue>([[loop.startId, { text: item, images: [], ports: { [spec.itemPort]: item } }]]);
      const valueOf: ValueOf = (id) => local.get(id) ?? outer(id);
      const sentence = (id: string, message: string) =>
        `Item ${index + 1} of ${total} (“${short(item)}”) failed at ${titleOf(plan.nodes.get(id)!)}: ${message}`;
      let failed = false;
      const finished = signal?.aborted
        ? new Set<string>()
        : await scheduleNodes({
            order,
            edges: state.edges,
            signal,
            async runNode(id) {
              const result = await options.runBodyNode(plan.nodes.get(id)!, itemRunKey(id, index), valueOf);
              local.set(id, result.value);
              credits += result.credits;
              await settle(id, index, "succeeded", { outputs: result.value.images, credits: result.credits });
              return { emptyPorts: result.emptyPorts };
            },
            async onFailed(id, error, aborted) {
              const message = describeError(error);
              await store.updateNodeRun(runId, itemRunKey(id, index), {
                status: aborted ? "canceled" : "failed",
                error: aborted ? "Canceled" : message,
                finishedAt: new Date(),
              });
              if (!aborted) {
                failed = true;
                options.onItemFailed(id, sentence(id, message));
              }
              await settle(id, index, aborted ? "canceled" : "failed", { sentence: sentence(id, message) });
            },
            async onSkipped(id, causeId, cause) {
              const definition = plan.nodes.get(causeId)!.definition;
              await store.updateNodeRun(runId, itemRunKey(id, index), {
                status: "skipped",
                error:
                  cause === "empty_port"
                    ? `Skipped: ${definition.emptyPortReason ?? `the ${definition.label} node left this output empty`}`
                    : `Skipped: ${titleOf(plan.nodes.get(causeId)!)} failed for this item`,
                finishedAt: new Date(),
              });
              await settle(id, index, "skipped");
            },
            onError(id, error) {
              failed = true;
              options.onItemFailed(id, sentence(id, describeError(error)));
            },
          });
      for (const id of order) {
        if (finished.has(id)) continue;
        await store.updateNodeRun(runId, itemRunKey(id, index), { status: "canceled", error: "Canceled", finishedAt: new Date() });
        await settle(id, index, "canceled");
      }
      if (!failed && !signal?.aborted) {
        const end = plan.nodes.get(loop.endId)!;
        const collect = (end.definition.loop as Extract<LoopSpec, { boundary: "end" }>).collect;
        const ports: Record<string, ImageRef[] | string[]> = {};
        for (const edge of plan.edges.filter((e) => e.target === loop.endId)) {
          const value = portValue(valueOf(edge.source), edge.sourceHandle);
          const out = collect[edge.targetHandle];
          if (!out || value === undefined) continue;
          ports[out] = typeof value === "string" ? [value] : value;
        }
        state.collected[index] = { ports };
      } else state.collected[index] = null;
      itemsSettled++;
      await store.updateNodeRun(runId, loop.startId, { progress: Math.min(0.99, itemsSettled / total) });
    };

    const concurrency = spec.concurrencyParam ? Number(start.params[spec.concurrencyParam]) : 1;
    const limit = createLimiter(Number.isInteger(concurrency) && concurrency >= 1 ? concurrency : 1);
    await Promise.all(items.map((_, index) => limit(() => runItem(index))));

    const aborted = signal?.aborted ?? false;
    for (const id of order) {
      const entry = tally.get(id)!;
      const outputs = [...entry.outputs.entries()].sort(([a], [b]) => a - b).flatMap(([, refs]) => refs);
      const summary =
        entry.failed.length === 0
          ? null
          : `${entry.failed.length} of ${total} item${total === 1 ? "" : "s"} failed here. ${entry.failed.slice(0, 3).join(" ")}${entry.failed.length > 3 ? ` (and ${entry.failed.length - 3} more)` : ""}`;
      await store.updateNodeRun(runId, id, {
        status: aborted ? "canceled" : entry.failed.length ? "failed" : "succeeded",
        progress: 1,
        outputs,
        credits: entry.credits,
        error: aborted ? "Canceled" : summary,
        finishedAt: new Date(),
      });
    }
    if (aborted) throw new NodeFailure("Canceled");
    await store.updateNodeRun(runId, loop.startId, { status: "succeeded", progress: 1, credits: 0, finishedAt: new Date() });
    return { value: { text: items[0], images: [], ports: { [spec.itemPort]: items[0] } }, credits };
  };

  const runEnd = async (state: LoopState): Promise<Outcome> => {
    const { loop, items } = state;
    const end = plan.nodes.get(loop.endId)!;
    const collect = (end.definition.loop as Extract<LoopSpec, { boundary: "end" }>).collect;
    const done = state.collected.filter((c): c is NonNullable<typeof c> => c !== null && c !== undefined);
    if (done.length === 0) throw new NodeFailure("No item of the loop finished, so there is nothing to collect");
    const ports: Record<string, ImageRef[] | string[]> = {};
    for (const [input, out] of Object.entries(collect)) {
      const port = end.definition.outputs.find((p) => p.name === out);
      const connected = plan.edges.some((e) => e.target === loop.endId && e.targetHandle === input);
      if (!port || !connected) continue;
      const parts: Array<ImageRef | string> = done.flatMap((c) => [...(c.ports[out] ?? [])]);
      ports[out] = parts as ImageRef[] | string[];
    }
    const images = Object.values(ports).flatMap((v) => v.filter((x): x is ImageRef => typeof x !== "string"));
    const values = Object.fromEntries(Object.entries(ports).filter(([, v]) => v.every((x) => typeof x === "string"))) as Record<
      string,
      string[]
    >;
    await store.updateNodeRun(runId, loop.endId, {
      status: "succeeded",
      progress: 1,
      credits: 0,
      outputs: images,
      request: { loop: { items } satisfies RecordedLoop, values },
      startedAt: new Date(),
      finishedAt: new Date(),
    });
    return { value: { images, ports }, credits: 0 };
  };

  return {
    scheduleEdges,
    owns: (nodeId) => roleOf.has(nodeId),
    async runNode(nodeId, valueOf) {
      const role = roleOf.get(nodeId)!;
      if (role.kind === "start") return runLoop(role.state, valueOf);
      if (role.kind === "end") return runEnd(role.state);
      // A body node: its items ran inside the loop, and its summary is recorded.
      return { value: { images: [] }, credits: 0 };
    },
  };
}
