/**
 * The JSON shapes of a workflow in API responses, and their mappers. Times are ISO 8601. Pure
 * module: the browser imports its types.
 */
import type { WorkflowGraph } from "../graph/schema";

/** `GET /api/workflows/:id` `workflow` (also the create and update replies). */
export interface WorkflowDto {
  id: string;
  name: string;
  graph: WorkflowGraph;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/workflows` item. */
export interface WorkflowSummaryDto {
  id: string;
  name: string;
  version: number;
  nodeCount: number;
  createdAt: string;
  updatedAt: string;
}

interface WorkflowRow {
  id: string;
  name: string;
  graph: unknown;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** `{ id, name, graph, version, createdAt, updatedAt }` (the stored graph was validated when saved). */
export function toWorkflowDto(row: WorkflowRow): WorkflowDto {
  return {
    id: row.id,
    name: row.name,
    graph: row.graph as WorkflowGraph,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** List entry: `{ id, name, version, nodeCount, createdAt, updatedAt }`. */
export function toWorkflowSummaryDto(row: Omit<WorkflowRow, "graph"> & { nodeCount: number }): WorkflowSummaryDto {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    nodeCount: row.nodeCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
