/**
 * The rule the canvas applies while a connection is dragged, with the reason when refused.
 * Same rule as the server validator (lib/graph/validate.ts): ports must exist, types must
 * match (portTypesCompatible), an input takes one edge, and the graph stays acyclic.
 */
import type { Connection, Edge } from "@xyflow/react";
import { portTypesCompatible } from "@/lib/graph/ports";
import { getNodeDefinition } from "@/lib/nodes";

export type ConnectionVerdict = { ok: true } | { ok: false; reason: string };

interface NodeLike {
  id: string;
  type?: string;
}

type EdgeLike = Pick<Edge, "source" | "target" | "targetHandle">;

/** True when `to` can already reach `from` along edges, so from → to would close a loop. */
function reaches(from: string, to: string, edges: readonly EdgeLike[]): boolean {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const stack = [from];
  const seen = new Set<string>();
  while (stack.length) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return false;
}

export function checkConnection(connection: Connection | Edge, nodes: readonly NodeLike[], edges: readonly EdgeLike[]): ConnectionVerdict {
  const sourceNode = nodes.find((n) => n.id === connection.source);
  const targetNode = nodes.find((n) => n.id === connection.target);
  const sourceDef = sourceNode?.type ? getNodeDefinition(sourceNode.type) : undefined;
  const targetDef = targetNode?.type ? getNodeDefinition(targetNode.type) : undefined;
  if (!sourceDef || !targetDef) return { ok: false, reason: "Unknown node" };
  const sourcePort = sourceDef.outputs.find((p) => p.name === connection.sourceHandle);
  const targetPort = targetDef.inputs.find((p) => p.name === connection.targetHandle);
  if (!sourcePort || !targetPort) return { ok: false, reason: "Connect an output (right side of a node) to an input (left side)" };
  if (connection.source === connection.target) return { ok: false, reason: `${targetDef.label} cannot feed itself` };
  if (!portTypesCompatible(sourcePort.type, targetPort.type)) {
    return {
      ok: false,
      reason: `${targetDef.label} input '${targetPort.name}' takes ${targetPort.type}, ${sourceDef.label} gives ${sourcePort.type}`,
    };
  }
  if (edges.some((e) => e.target === connection.target && e.targetHandle === connection.targetHandle)) {
    return { ok: false, reason: `${targetDef.label} input '${targetPort.name}' already has a connection: delete it first` };
  }
  if (reaches(connection.target, connection.source, edges)) {
    return { ok: false, reason: `Connecting ${sourceDef.label} to ${targetDef.label} would make a loop` };
  }
  return { ok: true };
}
