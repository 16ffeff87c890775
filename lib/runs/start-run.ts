/**
 * Starts a run of a workflow's SAVED graph (ARCHITECTURE.md "Execution": never unsaved
 * client state): validates it for running, snapshots the version, records the run and its
 * node runs as queued, and hands it to the queue. `startRunFromVersion` does the same for an
 * existing immutable version (App runs).
 */
import { createRun, findRunsByIdempotencyKey, type IdempotentRun, type RunStatus } from "../db/repositories/runs";
import { isDuplicateKeyError } from "../api/idempotency";
import { getAssetsByIds } from "../db/repositories/assets";
import { getWorkflow, getWorkflowVersion, snapshotVersion } from "../db/repositories/workflows";
import type { DbClient } from "../db/types";
import { AppError, notFound } from "../api/errors";
import { validateGraph } from "../graph/validate";
import { savedGraphWarnings } from "../workflows/save-graph";
import type { ServerContext } from "../server/context";
import { assertWithinCreditLimit } from "./run-cost";

/**
 * The runs an earlier request with the same `Idempotency-Key` started, when it was the same
 * request (`expected`: the workflow, or the App), else null when the key is new.
 * @throws AppError conflict (409) when the key was used by this person for another workflow or App.
 */
export async function findIdempotentRuns(
  ctx: Pick<ServerContext, "db">,
  scope: { teamId: string; createdById: string },
  key: string,
  expected: { workflowId: string; appId?: undefined } | { appId: string; workflowId?: undefined },
): Promise<IdempotentRun[] | null> {
  const runs = await findRunsByIdempotencyKey(ctx.db, scope, key);
  if (runs.length === 0) return null;
  const same =
    expected.appId !== undefined
      ? runs.every((run) => run.appId === expected.appId && run.idempotencyKey !== key)
      : runs.length === 1 && runs[0].appId === null && runs[0].workflowId === expected.workflowId && runs[0].idempotencyKey === key;
  if (!same) {
    throw new AppError("conflict", "This Idempotency-Key was already used to start other runs: send a new key for a new request", {
      runIds: runs.map((run) => run.id),
    });
  }
  return runs;
}

/**
 * @param options.teamId only a workflow of this team runs (another team's id reads as 404);
 *   the run is recorded as the team's, started by `options.createdById`.
 * @param options.idempotencyKey the request's `Idempotency-Key` (needs teamId and createdById):
 *   when this person already started a run of this workflow with it, that run is returned
 *   (`replayed: true`) and nothing new starts, also when two retries race.
 * @returns `{ id, status, replayed }`: "queued" for a new run, the current status of a replayed one.
 * @throws AppError not_found (404) for a missing or deleted workflow; invalid_graph (400) with
 *   `details.issues` (each naming node, port or field) when the saved graph cannot run, or when a
 *   node's chosen model would refuse it (a model of the wrong kind, lib/nodes/prepare-request/
 *   model-kind.ts, or any other refusal of the request builder, with uploads at their real
 *   size): the message is the refusal's own sentence, `details.issues[].code` is `model_refusal`;
 *   conflict (409) when the key started something else; conflict (409, `details.reason`
 *   "credit_limit") when the run's estimate exceeds the workflow's `creditLimitPerRun`
 *   (lib/runs/run-cost.ts). In every refusal nothing is recorded, queued or spent.
 */
export async function startRun(
  ctx: ServerContext,
  workflowId: string,
  options: { force?: string[]; teamId?: string; createdById?: string; idempotencyKey?: string | null } = {},
): Promise<{ id: string; status: RunStatus; replayed: boolean }> {
  const { idempotencyKey: key, teamId, createdById } = options;
  const keyScope = key && teamId && createdById ? { teamId, createdById } : null;
  const replay = async () => {
    const found = keyScope ? await findIdempotentRuns(ctx, keyScope, key!, { workflowId }) : null;
    return found ? { id: found[0].id, status: found[0].status, replayed: true } : null;
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const workflow = await getWorkflow(ctx.db, workflowId, { teamId: options.teamId });
  if (!workflow) throw notFound("Workflow", workflowId);
  const validation = validateGraph(workflow.graph, "run");
  if (!validation.ok) {
    const first = validation.issues[0]?.message ?? "the graph is invalid";
    const more = validation.issues.length > 1 ? ` (and ${validation.issues.length - 1} more)` : "";
    throw new AppError("invalid_graph", `The workflow cannot run: ${first}${more}`, { issues: validation.issues });
  }
  const unknownForced = (options.force ?? []).filter((id) => !validation.plan!.nodes.has(id));
  if (unknownForced.length)
    throw new AppError("validation_error", `force: no node with id ${unknownForced.map((id) => `"${id}"`).join(", ")}`);
  await refuseModelRefusals(ctx, validation.plan!.graph);
  await assertWithinCreditLimit(ctx, options.teamId ?? workflow.teamId ?? "", validation.plan!, {
    creditLimitPerRun: workflow.creditLimitPerRun,
    owner: "workflow",
  });

  const version = await snapshotVersion(ctx.db, workflow);
  let run;
  try {
    run = await createRun(ctx.db, {
      workflowId,
      workflowVersionId: version.id,
      teamId: options.teamId ?? workflow.teamId,
      createdById: options.createdById ?? null,
      idempotencyKey: keyScope ? key : null,
      nodes: validation.plan!.order.map((nodeId) => ({ nodeId, nodeType: validation.plan!.nodes.get(nodeId)!.node.type })),
    });
  } catch (error) {
    // A concurrent retry with the same key won the race: answer with its run.
    const raced = keyScope && isDuplicateKeyError(error) ? await replay() : null;
    if (raced) return raced;
    throw error;
  }
  await ctx.queue.enqueue(run.id, { force: options.force });
  return { id: run.id, status: run.status, replayed: false };
}

/**
 * Refuses a graph a node's model would refuse, before anything is queued (the save-time check,
 * lib/workflows/save-graph.ts, with the team's uploads at their real size). A provider that cannot
 * answer now refuses nothing here: the run then finds out as before.
 * @throws AppError invalid_graph (400) whose message is the first refusal's sentence, with `details.issues`.
 */
async function refuseModelRefusals(ctx: ServerContext, graph: Parameters<typeof savedGraphWarnings>[1]): Promise<void> {
  const warnings = await savedGraphWarnings(ctx.provider, graph, (ids) => getAssetsByIds(ctx.db, ids));
  const refusals = warnings.filter((w) => w.code === "model_refusal");
  if (refusals.length === 0) return;
  const more = refusals.length > 1 ? ` (and ${refusals.length - 1} more step${refusals.length > 2 ? "s" : ""} like it)` : "";
  throw new AppError("invalid_graph", `${refusals[0].message}${more}`, { issues: refusals });
}

/** What `startRunFromVersion` needs: the version, the graph that will run, and who and what started it. */
export interface RunFromVersionInput {
  workflowVersionId: string;
  /**
   * The graph the run executes: the version's graph, with the App form's values applied for an
   * App run. It must be what lib/runs/run-graph.ts derives from the version, the App version and
   * `appInputs` (the executor derives it again from those immutable records; nothing else is stored).
   */
  graph: unknown;
  teamId: string;
  createdById: string;
  appId?: string | null;
  appVersionId?: string | null;
  /** App form values by input key (the re-run form). */
  appInputs?: Record<string, unknown> | null;
  /** Stored `Idempotency-Key` (`<key>#<item>` for an App batch item), unique per team and person. */
  idempotencyKey?: string | null;
}

function refuseInvalidGraph(validation: ReturnType<typeof validateGraph>, prefix: string): never {
  const first = validation.issues[0]?.message ?? "the graph is invalid";
  const more = validation.issues.length > 1 ? ` (and ${validation.issues.length - 1} more)` : "";
  throw new AppError("invalid_graph", `${prefix}: ${first}${more}`, { issues: validation.issues });
}

/**
 * Records a queued run (and its queued node runs, in execution order) of an existing workflow
 * version, WITHOUT queueing it: for callers that create several runs in one transaction and
 * queue them after it commits. Use `startRunFromVersion` otherwise.
 * @param db the client or a transaction client.
 * @throws AppError not_found (404) for an unknown version; invalid_graph (400) with `details.issues`
 *   when `input.graph` cannot run.
 */
export async function createRunFromVersion(db: DbClient, input: RunFromVersionInput): Promise<{ id: string; status: RunStatus }> {
  const version = await getWorkflowVersion(db, input.workflowVersionId);
  if (!version) throw notFound("Workflow version", input.workflowVersionId);
  const validation = validateGraph(input.graph, "run");
  if (!validation.ok) refuseInvalidGraph(validation, "The workflow cannot run");
  const plan = validation.plan!;
  const run = await createRun(db, {
    workflowId: version.workflowId,
    workflowVersionId: version.id,
    nodes: plan.order.map((nodeId) => ({ nodeId, nodeType: plan.nodes.get(nodeId)!.node.type })),
    teamId: input.teamId,
    createdById: input.createdById,
    appId: input.appId ?? null,
    appVersionId: input.appVersionId ?? null,
    appInputs: input.appInputs ?? null,
    idempotencyKey: input.idempotencyKey ?? null,
  });
  return { id: run.id, status: run.status };
}
