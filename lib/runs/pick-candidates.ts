/**
 * A person's choice at a gate (Pick) of a run that waits there (lib/engine/gate-node.ts):
 * picking records the chosen asset ids on the gate's node run and queues the run again (the
 * executor resumes, reusing every node run already succeeded); rejecting ends the run
 * `canceled` at once (no process executes a waiting run). After Scenario's approval gate:
 * "reject cancels the run" (shared/reference/scenario-workflow-format.md).
 */
import { z } from "zod";
import { AppError, notFound } from "../api/errors";
import { canReadRun } from "../apps/access";
import type { TeamSession } from "../auth/session";
import { getRunWithNodes } from "../db/repositories/runs";
import { pickRecordOf, type PickRecord } from "../engine/gate-node";
import { getNodeDefinition } from "../nodes";
import type { ServerContext } from "../server/context";
import { getRunDto } from "./get-run";
import type { RunDto } from "./run-dto-types";

const nodeIdSchema = z.string().min(1, "must not be empty").max(200, "must be at most 200 characters");

/** `{ nodeId, assetIds: [...] }` (1 to 64 ids) or `{ nodeId, reject: true }`. */
export const pickBodySchema = z.union([
  z.object({ nodeId: nodeIdSchema, assetIds: z.array(z.string().min(1).max(200)).min(1, "pick at least one image").max(64) }).strict(),
  z.object({ nodeId: nodeIdSchema, reject: z.literal(true) }).strict(),
]);
export type PickBody = z.infer<typeof pickBodySchema>;

const sameChoice = (recorded: NonNullable<PickRecord["choice"]>, body: PickBody) =>
  "reject" in body
    ? recorded.rejected === true
    : !recorded.rejected &&
      recorded.assetIds.length === new Set(body.assetIds).size &&
      body.assetIds.every((id) => recorded.assetIds.includes(id));

/** "You rejected the candidates at Pick": the run's error after a reject. */
const rejectedSentence = (label: string) => `You rejected the candidates at ${label}`;

/**
 * Records `body` at gate `body.nodeId` of run `runId` for `session`.
 * Idempotent: the same choice sent again (a retry) answers the run as it is now.
 * @returns the run after the choice (`queued` again after a pick, `canceled` after a reject).
 * @throws AppError not_found (404) for an unknown run, one the session may not read, or a node the
 *   run does not have; conflict (409) when the run is not waiting at that node (or someone chose
 *   differently already); validation_error (400) when the ids are not candidates or their count
 *   is outside the Pick's bounds (nothing changes then).
 */
export async function pickCandidates(ctx: ServerContext, runId: string, body: PickBody, session: TeamSession): Promise<RunDto> {
  const run = await getRunWithNodes(ctx.db, runId);
  if (!run || !canReadRun(session, run)) throw notFound("Run", runId);
  const nodeRun = run.nodeRuns.find((n) => n.nodeId === body.nodeId);
  const definition = nodeRun ? getNodeDefinition(nodeRun.nodeType) : undefined;
  if (!nodeRun || !definition) throw notFound("Step", body.nodeId);
  const gate = definition.gate;
  const record = pickRecordOf(nodeRun.request);
  const notWaiting = () =>
    new AppError("conflict", "This run is not waiting for a pick at this step", { status: run.status, nodeStatus: nodeRun.status });
  if (!gate || !record) throw notWaiting();
  if (record.choice) {
    if (sameChoice(record.choice, body)) return getRunDto(ctx, runId);
    throw new AppError("conflict", "Someone already chose at this step; reload the run to see what was picked", {
      status: run.status,
    });
  }
  if (run.status !== "waiting" || nodeRun.status !== "waiting") throw notWaiting();

  const rejected = "reject" in body;
  if (!rejected) {
    const checked = gate.check(record.candidates, record, body.assetIds);
    if (!checked.ok) throw new AppError("validation_error", checked.message, { field: "assetIds" });
  }
  const choice: NonNullable<PickRecord["choice"]> = {
    assetIds: rejected ? [] : [...new Set(body.assetIds)],
    ...(rejected ? { rejected: true } : {}),
    byUserId: session.user.id,
    at: new Date().toISOString(),
  };
  const now = new Date();
  const error = rejectedSentence(definition.label);
  const won = await ctx.db
    .$transaction(async (tx) => {
      const node = await tx.nodeRun.updateMany({
        where: { runId, nodeId: body.nodeId, status: "waiting" },
        data: {
          request: { pick: { ...record, choice } } as object,
          ...(rejected ? { status: "canceled", error, finishedAt: now } : {}),
        },
      });
      const moved = await tx.run.updateMany({
        where: { id: runId, status: "waiting" },
        data: rejected ? { status: "canceled", error, finishedAt: now } : { status: "queued" },
      });
      if (node.count !== 1 || moved.count !== 1) throw new RaceLost();
      if (rejected) {
        await tx.nodeRun.updateMany({
          where: { runId, status: { in: ["queued", "running", "waiting"] } },
          data: { status: "canceled", error: "Canceled: the candidates were rejected", finishedAt: now },
        });
      }
      return true;
    })
    .catch((caught: unknown) => {
      if (caught instanceof RaceLost) return false;
      throw caught;
    });
  if (!won) {
    // Another request chose first: the same choice is a retry, another one a conflict.
    const again = pickRecordOf((await getRunWithNodes(ctx.db, runId))?.nodeRuns.find((n) => n.nodeId === body.nodeId)?.request);
    if (again?.choice && sameChoice(again.choice, body)) return getRunDto(ctx, runId);
    throw notWaiting();
  }
  if (rejected) ctx.events.emit(runId, { terminal: true });
  else {
    ctx.events.emit(runId);
    await ctx.queue.enqueue(runId);
  }
  return getRunDto(ctx, runId);
}

/** The conditional updates found the run no longer waiting (a concurrent choice won). */
class RaceLost extends Error {}
