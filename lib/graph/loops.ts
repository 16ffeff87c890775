/**
 * The loops of a graph (For each … End, issue 11): which nodes each loop repeats, and the rules a
 * loop must follow to run. Read from the definitions' `loop` (lib/nodes/types.ts), never from
 * node types.
 *
 * - The body of a loop is every node reachable from the start's outputs (without passing an end)
 *   that leads to the end.
 * - Refused (run mode): an end no start leads to; a start that leads to no end, or to two; an end
 *   two starts lead to; a start inside another loop (nested loops are not supported yet); a body
 *   node (or the start) feeding a node outside the loop without passing the end (its result would
 *   belong to one item of many).
 * Nodes outside the loop may feed body nodes (a style image, a shared prompt): they run once,
 * before the loop. Pure module.
 */
import type { GraphIssue } from "./issues";
import type { ResolvedEdge, ResolvedNode } from "./validate";

/** One loop of a valid graph. */
export interface LoopPlan {
  startId: string;
  endId: string;
  /** The nodes repeated per item, in no particular order (the executor orders them). */
  body: ReadonlySet<string>;
}

const label = (resolved: ResolvedNode | undefined) => `${resolved?.definition.label ?? "A"} node "${resolved?.node.id ?? ""}"`;

/**
 * Finds the loops of a graph and what is wrong with them.
 * @returns the loops that are well formed, and one issue per rule broken (each naming the node).
 */
export function findLoops(
  nodes: ReadonlyMap<string, ResolvedNode>,
  edges: readonly ResolvedEdge[],
): { loops: LoopPlan[]; issues: GraphIssue[] } {
  const boundary = (id: string) => nodes.get(id)?.definition.loop?.boundary;
  const starts = [...nodes.keys()].filter((id) => boundary(id) === "start");
  const ends = [...nodes.keys()].filter((id) => boundary(id) === "end");
  if (starts.length === 0 && ends.length === 0) return { loops: [], issues: [] };

  const outgoing = new Map<string, ResolvedEdge[]>();
  const incoming = new Map<string, ResolvedEdge[]>();
  for (const edge of edges) {
    (outgoing.get(edge.source) ?? outgoing.set(edge.source, []).get(edge.source)!).push(edge);
    (incoming.get(edge.target) ?? incoming.set(edge.target, []).get(edge.target)!).push(edge);
  }
  const issues: GraphIssue[] = [];
  const loops: LoopPlan[] = [];
  const startsOfEnd = new Map<string, string[]>(ends.map((id) => [id, []]));

  for (const startId of starts) {
    // Nodes the start reaches without passing an end; the ends it reaches.
    const reached = new Set<string>();
    const endsReached = new Set<string>();
    const stack = (outgoing.get(startId) ?? []).map((e) => e.target);
    while (stack.length) {
      const id = stack.pop()!;
      if (boundary(id) === "end") {
        endsReached.add(id);
        continue;
      }
      if (reached.has(id) || id === startId) continue;
      reached.add(id);
      stack.push(...(outgoing.get(id) ?? []).map((e) => e.target));
    }
    for (const endId of endsReached) startsOfEnd.get(endId)?.push(startId);
    const inner = [...reached].filter((id) => boundary(id) === "start");
    if (inner.length) {
      for (const id of inner) {
        issues.push({
          code: "loop_nested",
          nodeId: id,
          relatedNodeId: startId,
          message: `${label(nodes.get(id))} is inside the loop of ${label(nodes.get(startId))}: loops inside loops are not supported yet`,
        });
      }
      continue;
    }
    if (endsReached.size === 0) {
      issues.push({ code: "loop_without_end", nodeId: startId, message: `${label(nodes.get(startId))} leads to no End node` });
      continue;
    }
    if (endsReached.size > 1) {
      issues.push({
        code: "loop_end_shared",
        nodeId: startId,
        message: `${label(nodes.get(startId))} leads to ${endsReached.size} End nodes; a loop has one`,
      });
      continue;
    }
    const endId = [...endsReached][0];
    // The body: reached nodes that lead to the end.
    const body = new Set<string>();
    const back = (incoming.get(endId) ?? []).map((e) => e.source);
    while (back.length) {
      const id = back.pop()!;
      if (!reached.has(id) || body.has(id)) continue;
      body.add(id);
      back.push(...(incoming.get(id) ?? []).map((e) => e.source));
    }
    let escapes = false;
    for (const id of [startId, ...body]) {
      for (const edge of outgoing.get(id) ?? []) {
        if (edge.target === endId || body.has(edge.target)) continue;
        escapes = true;
        issues.push({
          code: "loop_escape",
          nodeId: id,
          relatedNodeId: edge.target,
          edgeId: edge.id,
          message: `${label(nodes.get(id))} runs once per item of a loop but feeds ${label(nodes.get(edge.target))}, which is outside it`,
        });
      }
    }
    if (!escapes) loops.push({ startId, endId, body });
  }

  for (const [endId, found] of startsOfEnd) {
    if (found.length === 0) {
      issues.push({ code: "loop_without_start", nodeId: endId, message: `${label(nodes.get(endId))} has no For each before it` });
    } else if (found.length > 1) {
      issues.push({
        code: "loop_end_shared",
        nodeId: endId,
        message: `${found.length} loops lead to ${label(nodes.get(endId))}; a loop has one End`,
      });
      for (let i = loops.length - 1; i >= 0; i--) if (loops[i].endId === endId) loops.splice(i, 1);
    }
  }
  return { loops, issues };
}
