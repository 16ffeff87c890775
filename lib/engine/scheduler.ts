/**
 * What can run next (after ComfyUI's ExecutionList): a node starts as soon as every upstream
 * node has succeeded; independent branches run concurrently; a failed node marks everything
 * downstream skipped; a node that succeeds but leaves output ports empty (an If / else's
 * branches not taken) marks what hangs off those ports, and everything after it, skipped;
 * after an abort nothing new starts. The scheduler knows nothing of what a
 * node does: `runNode` does the work. Imports no React, Next.js or Prisma.
 *
 * Steps:
 * 1. count each node's distinct upstream nodes;
 * 2. start every node with none;
 * 3. when a node succeeds, skip the successors fed by an output port it left empty (and their
 *    transitive successors), then decrement the other successors' counts and start those reaching zero;
 * 4. when a node fails, report it and skip its transitive successors (depth-first);
 * 5. resolve when nothing is in flight.
 */
import type { ResolvedEdge } from "../graph/validate";

/** Why a node is skipped: an upstream node failed, or left the output port leading to it empty. */
export type SkipCause = "failed" | "empty_port";

/** What a node that succeeded may tell the scheduler. */
export interface NodeRunOutcome {
  /** Output ports left empty (an If / else's branches not taken). */
  emptyPorts?: readonly string[];
}

export interface ScheduleOptions {
  order: readonly string[];
  edges: readonly ResolvedEdge[];
  signal?: AbortSignal;
  /**
   * Runs one node; rejects with the reason it failed. May resolve with the output ports (handle
   * names) it left empty: the nodes connected to them are skipped with cause "empty_port".
   */
  runNode(nodeId: string): Promise<void | NodeRunOutcome>;
  /** A node rejected (or the signal aborted while it ran). */
  onFailed(nodeId: string, error: unknown, aborted: boolean): Promise<void>;
  /**
   * A node will not run because `causeId` upstream failed (`cause` "failed", the default) or left
   * the output port leading to it empty (`cause` "empty_port").
   */
  onSkipped(nodeId: string, causeId: string, cause?: SkipCause): Promise<void>;
  /** A store error raised by the callbacks themselves. */
  onError(nodeId: string, error: unknown): void;
}

/** Runs the graph's nodes in dependency order. @returns the ids of the nodes that finished (any status). */
export function scheduleNodes(options: ScheduleOptions): Promise<Set<string>> {
  const { order, edges, signal } = options;
  const outgoing = new Map<string, string[]>();
  const upstream = new Map<string, Set<string>>();
  for (const id of order) upstream.set(id, new Set());
  for (const edge of edges) {
    (outgoing.get(edge.source) ?? outgoing.set(edge.source, []).get(edge.source)!).push(edge.target);
    upstream.get(edge.target)?.add(edge.source);
  }
  const pending = new Map(order.map((id) => [id, upstream.get(id)!.size]));
  const finished = new Set<string>();

  return new Promise<Set<string>>((resolveAll) => {
    let inFlight = 0;
    const skipFrom = async (causeId: string, firstIds: readonly string[], cause: SkipCause) => {
      const stack = [...firstIds];
      while (stack.length) {
        const id = stack.pop()!;
        if (finished.has(id)) continue;
        finished.add(id);
        await options.onSkipped(id, causeId, cause);
        stack.push(...(outgoing.get(id) ?? []));
      }
    };
    const skipDownstream = (failedId: string) => skipFrom(failedId, outgoing.get(failedId) ?? [], "failed");
    const start = (nodeId: string) => {
      inFlight++;
      options
        .runNode(nodeId)
        .then(
          async (outcome) => {
            finished.add(nodeId);
            const empty = new Set(outcome?.emptyPorts ?? []);
            if (empty.size) {
              const untaken = edges.filter((e) => e.source === nodeId && empty.has(e.sourceHandle)).map((e) => e.target);
              await skipFrom(nodeId, untaken, "empty_port");
            }
            for (const next of new Set(outgoing.get(nodeId) ?? [])) {
              const remaining = pending.get(next)! - 1;
              pending.set(next, remaining);
              if (remaining === 0 && !finished.has(next) && !signal?.aborted) start(next);
            }
          },
          async (error: unknown) => {
            finished.add(nodeId);
            const aborted = signal?.aborted ?? false;
            await options.onFailed(nodeId, error, aborted);
            if (!aborted) await skipDownstream(nodeId);
          },
        )
        .catch((error: unknown) => options.onError(nodeId, error))
        .finally(() => {
          inFlight--;
          if (inFlight === 0) resolveAll(finished);
        });
    };
    const roots = order.filter((id) => pending.get(id) === 0);
    if (roots.length === 0) resolveAll(finished);
    for (const id of roots) start(id);
  });
}
