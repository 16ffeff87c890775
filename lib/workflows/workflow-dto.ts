/**
 * The JSON shapes of a workflow in API responses, and their mappers. Times are ISO 8601. Pure
 * module: the browser imports its types.
 */
import type { WorkflowGraph } from "../graph/schema";
import { assetFileUrl, thumbnailUrl } from "../assets/asset-dto";

/** `GET /api/workflows/:id` `workflow` (also the create and update replies). */
export interface WorkflowDto {
  id: string;
  name: string;
  graph: WorkflowGraph;
  version: number;
  /** Most credits (CU) one run may cost by its estimate, or null for no limit (set by owners); always sent. */
  creditLimitPerRun?: number | null;
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
  /** The first image of the workflow's latest run that returned one, or null (never run). */
  latestOutput: { assetId: string; url: string; thumbnailUrl: string } | null;
}

interface WorkflowRow {
  id: string;
  name: string;
  graph: unknown;
  version: number;
  creditLimitPerRun?: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** `{ id, name, graph, version, creditLimitPerRun, createdAt, updatedAt }` (the stored graph was validated when saved). */
export function toWorkflowDto(row: WorkflowRow): WorkflowDto {
  return {
    id: row.id,
    name: row.name,
    graph: row.graph as WorkflowGraph,
    version: row.version,
    creditLimitPerRun: row.creditLimitPerRun ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** List entry: `{ id, name, version, nodeCount, createdAt, updatedAt, latestOutput }`. */
export function toWorkflowSummaryDto(
  row: Omit<WorkflowRow, "graph"> & { nodeCount: number },
  latestOutputAssetId?: string | null,
): WorkflowSummaryDto {
  const url = latestOutputAssetId ? assetFileUrl(latestOutputAssetId) : null;
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    nodeCount: row.nodeCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    latestOutput: latestOutputAssetId && url ? { assetId: latestOutputAssetId, url, thumbnailUrl: thumbnailUrl(url) } : null,
  };
}
