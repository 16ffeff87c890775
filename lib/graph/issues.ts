/**
 * Graph validation issues with stable codes, each naming the node, the port or the field
 * (STYLE.md §6, after ComfyUI's `node_errors`). Pure module.
 */

import { idRecord } from "./id-record";

export type GraphIssueCode =
  | "invalid_graph"
  | "duplicate_node_id"
  | "duplicate_edge_id"
  | "unknown_node_type"
  | "invalid_parameter"
  | "missing_parameter"
  | "unknown_node"
  | "unknown_port"
  | "port_type_mismatch"
  | "port_already_connected"
  | "cycle"
  | "missing_input"
  | "empty_graph"
  | "loop_without_start"
  | "loop_without_end"
  | "loop_end_shared"
  | "loop_nested"
  | "loop_escape";

export interface GraphIssue {
  code: GraphIssueCode;
  /** A sentence a designer can act on, naming the node (by label and id) and the port or field. */
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** Input or output port name. */
  port?: string;
  /** Parameter name. */
  field?: string;
  /** Another node the issue is about (loops: the node outside the loop, the outer For each). */
  relatedNodeId?: string;
}

/**
 * Groups issues by node id for the canvas (`{ [nodeId]: GraphIssue[] }`, a record without a
 * prototype, so a node called `constructor` has only its own issues); issues without a node are left out.
 */
export function issuesByNode(issues: readonly GraphIssue[]): Record<string, GraphIssue[]> {
  const byNode = idRecord<GraphIssue[]>();
  for (const issue of issues) {
    if (!issue.nodeId) continue;
    (byNode[issue.nodeId] ??= []).push(issue);
  }
  return byNode;
}

/**
 * Something about a node's model a designer should know before running, found when saving
 * (lib/workflows/model-warnings.ts): `model_refusal` = the chosen model cannot express the node
 * (the run would fail it before spending anything); `model_note` = a setting the model lacks is
 * left out or a size is changed ("Poster print 3000 × 4500 → 2731 × 4096, the model's maximum").
 */
export interface GraphWarning {
  code: "model_refusal" | "model_note";
  nodeId: string;
  /** A sentence about the node's work, naming the model. */
  message: string;
  /** The node setting or model input concerned (technical). */
  field?: string;
  modelId: string | null;
  details?: Record<string, unknown>;
}
