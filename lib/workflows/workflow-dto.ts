/** The JSON shapes of a workflow in API responses. Times are ISO 8601. */

interface WorkflowRow {
  id: string;
  name: string;
  graph: unknown;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** `{ id, name, graph, version, createdAt, updatedAt }`. */
export function toWorkflowDto(row: WorkflowRow) {
  return {
    id: row.id,
    name: row.name,
    graph: row.graph,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** List entry: `{ id, name, version, nodeCount, createdAt, updatedAt }`. */
export function toWorkflowSummaryDto(row: Omit<WorkflowRow, "graph"> & { nodeCount: number }) {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    nodeCount: row.nodeCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
