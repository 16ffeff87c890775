/**
 * Validates a workflow graph against the node registry (ARCHITECTURE.md "Node kinds":
 * port types are checked when connecting, saving and running).
 *
 * Two strictness levels:
 * - `"save"`: what must hold for a graph to be stored — valid shape, unique ids, known node
 *   kinds, parameters within their schemas, edges between existing ports of matching types,
 *   one edge per input port, no cycle. A half-built graph (an input not yet connected, no
 *   upload yet) saves fine, so autosave never loses work.
 * - `"run"`: everything above, plus every required input connected and each node's own
 *   readiness check (a prompt, a mask, an uploaded image), at least one node, and the loop
 *   rules of lib/graph/loops.ts (For each … End).
 *
 * Every issue names the node (label and id) and the port or field. Pure module.
 */
import { getNodeDefinition } from "../nodes";
import type { AnyNodeDefinition } from "../nodes";
import { idRecord } from "./id-record";
import { findLoops } from "./loops";
import { issuesByNode, type GraphIssue } from "./issues";
import { portTypesCompatible, type PortSpec } from "./ports";
import { workflowGraphSchema, type GraphEdge, type GraphNode, type WorkflowGraph } from "./schema";
import { topologicalOrder } from "./topological-order";

export type ValidationMode = "save" | "run";

/** A node with its definition and parsed parameters. */
export interface ResolvedNode {
  node: GraphNode;
  definition: AnyNodeDefinition;
  params: Record<string, unknown>;
}

/** An edge with both port names resolved. */
export interface ResolvedEdge extends GraphEdge {
  sourceHandle: string;
  targetHandle: string;
}

export interface ValidationResult {
  ok: boolean;
  issues: GraphIssue[];
  /** Issues grouped by node id, for marking nodes on the canvas. */
  nodeIssues: Record<string, GraphIssue[]>;
  /** Present when `ok`: the graph in execution order with parsed parameters. */
  plan?: ExecutionPlan;
}

export interface ExecutionPlan {
  graph: WorkflowGraph;
  order: string[];
  nodes: Map<string, ResolvedNode>;
  edges: ResolvedEdge[];
}

function nodeName(node: GraphNode, definition?: AnyNodeDefinition): string {
  return `${definition?.label ?? node.type} node "${node.id}"`;
}

/**
 * Validates `input` (any JSON) as a workflow graph.
 * Never throws for bad input: every problem is returned as an issue.
 */
export function validateGraph(input: unknown, mode: ValidationMode): ValidationResult {
  const parsed = workflowGraphSchema.safeParse(input);
  if (!parsed.success) {
    const issues: GraphIssue[] = parsed.error.issues.map((issue) => ({
      code: "invalid_graph",
      message: `graph.${issue.path.join(".")}: ${issue.message}`,
    }));
    return { ok: false, issues, nodeIssues: idRecord() };
  }
  const graph = parsed.data;
  const issues: GraphIssue[] = [];
  const nodes = new Map<string, ResolvedNode>();

  for (const node of graph.nodes) {
    if (nodes.has(node.id)) {
      issues.push({ code: "duplicate_node_id", nodeId: node.id, message: `Two nodes share the id "${node.id}"` });
      continue;
    }
    const definition = getNodeDefinition(node.type);
    if (!definition) {
      issues.push({ code: "unknown_node_type", nodeId: node.id, message: `Node "${node.id}" has an unknown type "${node.type}"` });
      continue;
    }
    const params = definition.paramsSchema.safeParse(node.data ?? {});
    if (!params.success) {
      for (const issue of params.error.issues) {
        const field = String(issue.path[0] ?? "");
        issues.push({
          code: "invalid_parameter",
          nodeId: node.id,
          field,
          message: `${nodeName(node, definition)}: parameter "${field}" ${issue.message}`,
        });
      }
      continue;
    }
    nodes.set(node.id, { node, definition, params: params.data });
  }

  const edges = resolveEdges(graph.edges, graph.nodes, nodes, issues);

  const { order, cycle } = topologicalOrder(
    graph.nodes.map((n) => n.id).filter((id, index, all) => all.indexOf(id) === index),
    edges,
  );
  if (cycle) {
    const names = cycle.map((id) => `"${id}"`).join(" → ");
    issues.push({
      code: "cycle",
      nodeId: cycle[0],
      message: `The graph has a cycle: ${names} → "${cycle[0]}". Remove one of these connections.`,
    });
  }

  if (mode === "run") {
    checkRunnable(graph, nodes, edges, issues);
    // Loop rules (lib/graph/loops.ts) only bind a run: a half-built loop saves fine.
    if (!cycle) issues.push(...findLoops(nodes, edges).issues);
  }

  const ok = issues.length === 0;
  return {
    ok,
    issues,
    nodeIssues: issuesByNode(issues),
    plan: ok ? { graph, order, nodes, edges } : undefined,
  };
}

/** Checks each edge's endpoints and ports; returns the edges whose ports resolved. */
function resolveEdges(
  edges: readonly GraphEdge[],
  allNodes: readonly GraphNode[],
  nodes: Map<string, ResolvedNode>,
  issues: GraphIssue[],
): ResolvedEdge[] {
  const present = new Set(allNodes.map((n) => n.id));
  const edgeIds = new Set<string>();
  const takenInputs = new Map<string, string>();
  const resolved: ResolvedEdge[] = [];

  for (const edge of edges) {
    if (edgeIds.has(edge.id)) {
      issues.push({ code: "duplicate_edge_id", edgeId: edge.id, message: `Two edges share the id "${edge.id}"` });
      continue;
    }
    edgeIds.add(edge.id);
    const missing = [edge.source, edge.target].find((id) => !present.has(id));
    if (missing !== undefined) {
      issues.push({
        code: "unknown_node",
        edgeId: edge.id,
        message: `Edge "${edge.id}" connects a node that does not exist: "${missing}"`,
      });
      continue;
    }
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) continue; // the node itself is already reported

    const sourcePort = resolvePort(source, "output", edge.sourceHandle, edge.id, issues);
    if (!sourcePort) continue;
    const targetPort = resolvePort(target, "input", edge.targetHandle, edge.id, issues);
    if (!targetPort) continue;
    if (!portTypesCompatible(sourcePort.type, targetPort.type)) {
      issues.push({
        code: "port_type_mismatch",
        nodeId: target.node.id,
        edgeId: edge.id,
        port: targetPort.name,
        message: `${nodeName(target.node, target.definition)}: input "${targetPort.name}" takes ${targetPort.type}, but ${nodeName(source.node, source.definition)} output "${sourcePort.name}" gives ${sourcePort.type}`,
      });
      continue;
    }
    const inputKey = `${target.node.id}\u0000${targetPort.name}`;
    if (takenInputs.has(inputKey)) {
      issues.push({
        code: "port_already_connected",
        nodeId: target.node.id,
        edgeId: edge.id,
        port: targetPort.name,
        message: `${nodeName(target.node, target.definition)}: input "${targetPort.name}" already has a connection (edge "${takenInputs.get(inputKey)}")`,
      });
      continue;
    }
    takenInputs.set(inputKey, edge.id);
    resolved.push({ ...edge, sourceHandle: sourcePort.name, targetHandle: targetPort.name });
  }
  return resolved;
}

/**
 * The port an edge end names: the handle id, or the node's only port of that side when the
 * edge names none. Reports `unknown_port` (naming node and port) and returns undefined otherwise.
 */
function resolvePort(
  resolved: ResolvedNode,
  side: "input" | "output",
  handle: string | null | undefined,
  edgeId: string,
  issues: GraphIssue[],
): PortSpec | undefined {
  const ports = side === "input" ? resolved.definition.inputs : resolved.definition.outputs;
  const port = handle ? ports.find((p) => p.name === handle) : ports.length === 1 ? ports[0] : undefined;
  if (!port) {
    issues.push({
      code: "unknown_port",
      nodeId: resolved.node.id,
      edgeId,
      port: handle ?? undefined,
      message: `${nodeName(resolved.node, resolved.definition)} has no ${side} port "${handle ?? "(none)"}"`,
    });
  }
  return port;
}

/** Run-only checks: a non-empty graph, required inputs, and each kind's readiness check. */
function checkRunnable(graph: WorkflowGraph, nodes: Map<string, ResolvedNode>, edges: ResolvedEdge[], issues: GraphIssue[]): void {
  if (graph.nodes.length === 0) {
    issues.push({ code: "empty_graph", message: "The workflow has no nodes: add some from the palette" });
    return;
  }
  const connected = new Map<string, Set<string>>();
  for (const edge of edges) {
    const set = connected.get(edge.target) ?? new Set<string>();
    set.add(edge.targetHandle);
    connected.set(edge.target, set);
  }
  for (const { node, definition, params } of nodes.values()) {
    const ports = connected.get(node.id) ?? new Set<string>();
    for (const port of definition.inputs) {
      if (port.required && !ports.has(port.name)) {
        issues.push({
          code: "missing_input",
          nodeId: node.id,
          port: port.name,
          message: `${nodeName(node, definition)}: input "${port.name}" is not connected`,
        });
      }
    }
    for (const issue of definition.checkReady?.(params, ports) ?? []) {
      issues.push({
        code: issue.code,
        nodeId: node.id,
        port: issue.port,
        field: issue.field,
        message: `${nodeName(node, definition)}: ${issue.message}`,
      });
    }
  }
}
