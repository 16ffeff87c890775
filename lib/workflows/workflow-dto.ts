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
export function toWorkflowSummaryDto(row: WorkflowRow) {
  const nodes = (row.graph as { nodes?: unknown[] } | null)?.nodes;
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    nodeCount: Array.isArray(nodes) ? nodes.length : 0,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
