/**
 * The JSON shape of a run in API responses and SSE messages:
 * `{ id, workflowId, workflowVersion, status, error, createdAt, startedAt, finishedAt, credits,
 *    nodes: [{ nodeId, nodeType, status, progress, cached, model, modelReason, error, credits,
 *              attempts, startedAt, finishedAt, outputs: [{ assetId, url, width, height }],
 *              notes: [sentence] (what the request builder left out or changed for the model),
 *              values: { port: text | [text] } and emptyPorts: [port] (transform nodes),
 *              loopItems: [text] (For each loops), items: [{ ...node run, index, item }] (a loop's body
 *              nodes: one node run per item, in item order),
 *              pick?: { candidates: [image], min, max, message, choice? } (a Pick's node run) }],
 *    outputs: [{ nodeId, label, assetId, url, width, height }] }`.
 * Times are ISO 8601 strings; credits are CU; progress is 0 to 1.
 */
import type { getRunWithNodes } from "../db/repositories/runs";
import type { RunOutput, RunStatus } from "../engine/types";
import type { ItemNodeRunDto, NodeRunDto, RunDto } from "./run-dto-types";
import { parseItemRunKey, recordedLoopItems } from "../engine/loop-node";
import { recordedEmptyPorts, recordedValues } from "../engine/transform-node";
import { toNodeRunState } from "./prisma-execution-store";
import { pickRecordOf } from "../engine/gate-node";

export type { RunDto } from "./run-dto-types";

type RunRow = NonNullable<Awaited<ReturnType<typeof getRunWithNodes>>>;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A run row with its node runs → `RunDto` (./run-dto-types.ts). */
export function toRunDto(run: RunRow): RunDto {
  return {
    id: run.id,
    workflowId: run.workflowId,
    workflowVersion: run.workflowVersion?.version ?? null,
    status: run.status as RunStatus,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    credits: run.credits,
    nodes: withItems(run),
    outputs: (run.outputs as RunOutput[] | null) ?? [],
  };
}

/** One node run row → its DTO. */
function toNodeRunDto(row: RunRow["nodeRuns"][number]): NodeRunDto {
  const node = toNodeRunState(row);
  const loopItems = recordedLoopItems(node.request);
  const pick = pickRecordOf(node.request);
  return {
    nodeId: node.nodeId,
    nodeType: node.nodeType,
    status: node.status,
    progress: node.progress,
    cached: node.cached,
    model: node.model,
    modelReason: node.modelReason,
    error: node.error,
    credits: node.credits,
    attempts: node.attempts,
    startedAt: iso(node.startedAt),
    finishedAt: iso(node.finishedAt),
    outputs: node.outputs,
    notes: requestNotes(node.request),
    values: recordedValues(node.request),
    emptyPorts: recordedEmptyPorts(node.request),
    ...(loopItems ? { loopItems } : {}),
    ...(pick ? { pick } : {}),
  };
}

/**
 * The graph's node runs, each For each body node with its item node runs (rows keyed
 * `<nodeId>#<index>`, lib/engine/loop-node.ts) in `items`, in item order.
 */
function withItems(run: RunRow): NodeRunDto[] {
  const graphIds = new Set(
    (run.workflowVersion.graph?.nodes ?? []).map((n) => (n && typeof n === "object" ? String((n as { id?: unknown }).id) : "")),
  );
  const nodes: NodeRunDto[] = [];
  const itemRows: Array<{ nodeId: string; index: number; row: RunRow["nodeRuns"][number] }> = [];
  for (const row of run.nodeRuns) {
    const key = graphIds.has(row.nodeId) ? null : parseItemRunKey(row.nodeId);
    if (key && graphIds.has(key.nodeId)) itemRows.push({ ...key, row });
    else nodes.push(toNodeRunDto(row));
  }
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  for (const { nodeId, index, row } of itemRows.sort((a, b) => a.index - b.index)) {
    const owner = byId.get(nodeId);
    if (!owner) continue;
    const item: ItemNodeRunDto = { ...toNodeRunDto(row), nodeId, index, item: owner.loopItems?.[index] ?? "" };
    delete (item as Partial<NodeRunDto>).loopItems;
    (owner.items ??= []).push(item);
  }
  return nodes;
}

/** The builder's notes recorded in a node run's request (lib/engine/model-node.ts), as sentences. */
function requestNotes(request: Record<string, unknown> | null): string[] {
  const notes = request?.notes;
  return Array.isArray(notes)
    ? notes.map((n) => (n && typeof n === "object" ? String((n as { message?: unknown }).message ?? "") : "")).filter(Boolean)
    : [];
}
