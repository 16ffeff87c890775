/**
 * Upstream lookups on a graph's edges. Pure module.
 */

interface Edge {
  source: string;
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
}

/** The edges into each node, keyed by target node id. */
export function incomingEdgesByNode<E extends Edge>(edges: readonly E[]): Map<string, E[]> {
  const byTarget = new Map<string, E[]>();
  for (const edge of edges) {
    const list = byTarget.get(edge.target);
    if (list) list.push(edge);
    else byTarget.set(edge.target, [edge]);
  }
  return byTarget;
}

/** The input port names of `nodeId` that have an edge. */
export function connectedInputPorts(nodeId: string, edges: readonly Edge[]): Set<string> {
  const ports = new Set<string>();
  for (const edge of edges) if (edge.target === nodeId && edge.targetHandle) ports.add(edge.targetHandle);
  return ports;
}

/** `nodeId` and every node it feeds, directly or through others ("run from here" re-runs these). */
export function nodeAndDownstream(nodeId: string, edges: readonly Edge[]): Set<string> {
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const found = new Set<string>();
  const stack = [nodeId];
  while (stack.length) {
    const id = stack.pop()!;
    if (found.has(id)) continue;
    found.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return found;
}
