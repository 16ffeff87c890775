/**
 * Which input handles (port names) of each node have a wire, computed once per edges array:
 * the store replaces `edges` on every edge change and keeps the same array otherwise, so a
 * lookup cached by array identity (a WeakMap, dropped with the array) lets every node card ask
 * for its own ports in O(1) on each store update (a drag updates the store on every pointer
 * move) instead of filtering all edges per card.
 */
interface EdgeEnds {
  source: string;
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
}

const NONE: ReadonlySet<string> = new Set();
const byEdges = new WeakMap<readonly EdgeEnds[], ReadonlyMap<string, ReadonlySet<string>>>();
const outputsByEdges = new WeakMap<readonly EdgeEnds[], ReadonlyMap<string, ReadonlySet<string>>>();

/** Node id → the names of its input ports that have an edge (an edge with no target handle counts as port ""). Cached per `edges` array. */
export function connectedInputsByNode(edges: readonly EdgeEnds[]): ReadonlyMap<string, ReadonlySet<string>> {
  let lookup = byEdges.get(edges);
  if (!lookup) {
    const built = new Map<string, Set<string>>();
    for (const edge of edges) {
      const ports = built.get(edge.target);
      if (ports) ports.add(edge.targetHandle ?? "");
      else built.set(edge.target, new Set([edge.targetHandle ?? ""]));
    }
    lookup = built;
    byEdges.set(edges, lookup);
  }
  return lookup;
}

/** The connected input ports of `nodeId` (the same set object for the same `edges` array; an empty set when none). */
export function connectedInputsOf(edges: readonly EdgeEnds[], nodeId: string): ReadonlySet<string> {
  return connectedInputsByNode(edges).get(nodeId) ?? NONE;
}

/** The output ports of `nodeId` that have an edge (the same set object for the same `edges` array; an empty set when none). */
export function connectedOutputsOf(edges: readonly EdgeEnds[], nodeId: string): ReadonlySet<string> {
  let lookup = outputsByEdges.get(edges);
  if (!lookup) {
    const built = new Map<string, Set<string>>();
    for (const edge of edges) {
      const ports = built.get(edge.source);
      if (ports) ports.add(edge.sourceHandle ?? "");
      else built.set(edge.source, new Set([edge.sourceHandle ?? ""]));
    }
    lookup = built;
    outputsByEdges.set(edges, lookup);
  }
  return lookup.get(nodeId) ?? NONE;
}
