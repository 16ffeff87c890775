/**
 * Topological order of a graph's nodes (Kahn's algorithm), and the cycle when there is one.
 *
 * Steps:
 * 1. Count each node's incoming edges (edges to unknown nodes are ignored: validation reports them).
 * 2. Queue the nodes with no incoming edge, in their order in `nodes` (stable output).
 * 3. Pop a node, append it to the order, decrement its successors; queue those that reach zero.
 * 4. Nodes never queued lie on or behind a cycle, and each has a predecessor never queued; walk
 *    such predecessors from one of them until a node repeats, then reverse that loop to name
 *    the cycle in edge order.
 *
 * Pure module.
 */

interface Edge {
  source: string;
  target: string;
}

export interface TopologicalResult {
  /** Node ids, every node after all of its upstream nodes. Partial when there is a cycle. */
  order: string[];
  /** The node ids of one cycle, in edge order, or null. */
  cycle: string[] | null;
}

export function topologicalOrder(nodeIds: readonly string[], edges: readonly Edge[]): TopologicalResult {
  const known = new Set(nodeIds);
  const successors = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  const predecessors = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  const indegree = new Map<string, number>(nodeIds.map((id) => [id, 0]));
  for (const edge of edges) {
    if (!known.has(edge.source) || !known.has(edge.target)) continue;
    successors.get(edge.source)!.push(edge.target);
    predecessors.get(edge.target)!.push(edge.source);
    indegree.set(edge.target, indegree.get(edge.target)! + 1);
  }

  const queue = nodeIds.filter((id) => indegree.get(id) === 0);
  const order: string[] = [];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head];
    order.push(id);
    for (const next of successors.get(id)!) {
      const remaining = indegree.get(next)! - 1;
      indegree.set(next, remaining);
      if (remaining === 0) queue.push(next);
    }
  }
  if (order.length === nodeIds.length) return { order, cycle: null };

  // Every unordered node has an unordered predecessor, so following unordered predecessors
  // from any unordered node must come back to a node already seen.
  const ordered = new Set(order);
  const start = nodeIds.find((id) => !ordered.has(id))!;
  const path: string[] = [];
  const seenAt = new Map<string, number>();
  let current = start;
  while (!seenAt.has(current)) {
    seenAt.set(current, path.length);
    path.push(current);
    current = predecessors.get(current)!.find((previous) => !ordered.has(previous))!;
  }
  const loop = path.slice(seenAt.get(current)).reverse();
  // Start the cycle at its earliest node in `nodeIds`, for a stable message.
  const first = loop.reduce((best, id, i) => (nodeIds.indexOf(id) < nodeIds.indexOf(loop[best]) ? i : best), 0);
  return { order, cycle: [...loop.slice(first), ...loop.slice(0, first)] };
}
