/**
 * What can run next (after ComfyUI's ExecutionList): a node starts as soon as every upstream
 * node has succeeded; independent branches run concurrently; a failed node marks everything
 * downstream skipped; after an abort nothing new starts. The scheduler knows nothing of what a
 * node does: `runNode` does the work. Imports no React, Next.js or Prisma.
 *
 * Steps:
 * 1. count each node's distinct upstream nodes;
 * 2. start every node with none;
 * 3. when a node succeeds, decrement its successors' counts and start those reaching zero;
 * 4. when a node fails, report it and skip its transitive successors (depth-first);
 * 5. resolve when nothing is in flight.
 */
import type { ResolvedEdge } from "../graph/validate";

export interface ScheduleOptions {
  order: readonly string[];
  edges: readonly ResolvedEdge[];
  signal?: AbortSignal;
  /** Runs one node; rejects with the reason it failed. */
  runNode(nodeId: string): Promise<void>;
  /** A node rejected (or the signal aborted while it ran). */
  onFailed(nodeId: string, error: unknown, aborted: boolean): Promise<void>;
  /** A node will not run because `failedId` upstream failed. */
  onSkipped(nodeId: string, failedId: string): Promise<void>;
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
    const skipDownstream = async (failedId: string) => {
      const stack = [...(outgoing.get(failedId) ?? [])];
      while (stack.length) {
        const id = stack.pop()!;
        if (finished.has(id)) continue;
        finished.add(id);
        await options.onSkipped(id, failedId);
        stack.push(...(outgoing.get(id) ?? []));
      }
    };
    const start = (nodeId: string) => {
      inFlight++;
      options
        .runNode(nodeId)
        .then(
          () => {
            finished.add(nodeId);
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
