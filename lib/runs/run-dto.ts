/**
 * The JSON shape of a run in API responses and SSE messages:
 * `{ id, workflowId, workflowVersion, status, error, createdAt, startedAt, finishedAt, credits,
 *    nodes: [{ nodeId, nodeType, status, progress, cached, model, modelReason, error, credits,
 *              attempts, startedAt, finishedAt, outputs: [{ assetId, url, width, height }],
 *              notes: [sentence] (what the request builder left out or changed for the model),
 *              pick?: { candidates: [image], min, max, message, choice? } (a Pick's node run) }],
 *    outputs: [{ nodeId, label, assetId, url, width, height }] }`.
 * Times are ISO 8601 strings; credits are CU; progress is 0 to 1.
 */
import type { getRunWithNodes } from "../db/repositories/runs";
import type { RunOutput, RunStatus } from "../engine/types";
import type { RunDto } from "./run-dto-types";
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
    nodes: run.nodeRuns.map((row) => {
      const node = toNodeRunState(row);
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
        ...(pickRecordOf(node.request) ? { pick: pickRecordOf(node.request)! } : {}),
      };
    }),
    outputs: (run.outputs as RunOutput[] | null) ?? [],
  };
}

/** The builder's notes recorded in a node run's request (lib/engine/model-node.ts), as sentences. */
function requestNotes(request: Record<string, unknown> | null): string[] {
  const notes = request?.notes;
  return Array.isArray(notes)
    ? notes.map((n) => (n && typeof n === "object" ? String((n as { message?: unknown }).message ?? "") : "")).filter(Boolean)
    : [];
}
