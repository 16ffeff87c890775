/**
 * Submitting a model node's requests without ever paying twice (ARCHITECTURE.md "Execution": a
 * restart must not lose or double-bill work; issue 8 item 10).
 *
 * 1. The intent (exact body, time, a random submission id) is recorded on the node run BEFORE
 *    `provider.submit`, which receives the id as `ModelRequest.submissionId`.
 * 2. The job id is recorded as soon as the submit answers.
 * 3. A submit whose answer was lost (ProviderError `submission_unknown`) is marked uncertain and
 *    reconciled: `provider.findSubmittedJob(request, submittedAt)` is asked several times over a
 *    window (default 6 tries 10 s apart); the job found is polled; when none appears the node
 *    fails saying so. The request is never sent again.
 * 4. On resume, an intent without a job id goes through the same reconciliation.
 * Imports no React, Next.js or Prisma.
 */
import { randomUUID } from "node:crypto";
import { ProviderError, type ModelRequest, type Provider } from "../providers/types";
import { NodeFailure } from "./errors";
import { sleep } from "./job-waiting";
import type { SubmissionRecord } from "./types";

export interface ReconcileOptions {
  /** How many times findSubmittedJob is asked; default 6. */
  attempts?: number;
  /** Milliseconds between two asks; default 10 000 (about a minute in all). */
  intervalMs?: number;
}

export interface SubmitContext {
  provider: Provider;
  signal?: AbortSignal;
  reconcile?: ReconcileOptions;
  /** Persists the submissions so far (the node run's `request.submissions` and `providerJobIds`). */
  record(submissions: SubmissionRecord[]): Promise<void>;
}

const LOST_MESSAGE =
  "The provider did not confirm this request and no job for it could be found, so the studio did not send it again (to avoid paying twice). Run the node again to retry.";

/**
 * True when a node run's `request` holds a submission intent without its job id yet: the write
 * just before a provider submit, the one that must be durable and lease-checked before anything
 * is sent. Recording a job id after the submit answered is not one.
 */
export function recordsSubmissionIntent(request: Record<string, unknown> | null | undefined): boolean {
  const submissions = request?.submissions;
  return Array.isArray(submissions) && submissions.some((s) => !s || typeof s !== "object" || !(s as { jobId?: unknown }).jobId);
}

/** The request of one recorded submission: its body, and its submission id when it has one. */
function requestOf(request: Omit<ModelRequest, "body">, submission: SubmissionRecord): ModelRequest {
  return { ...request, body: submission.body, ...(submission.submissionId ? { submissionId: submission.submissionId } : {}) };
}

/** Looks for the job an uncertain or interrupted submission created, over the reconcile window. */
async function reconcile(ctx: SubmitContext, request: ModelRequest, submittedAt: Date): Promise<string | null> {
  const finder = ctx.provider.findSubmittedJob?.bind(ctx.provider);
  if (!finder) return null;
  const attempts = Math.max(1, ctx.reconcile?.attempts ?? 6);
  const interval = ctx.reconcile?.intervalMs ?? 10_000;
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await sleep(interval, ctx.signal);
    if (ctx.signal?.aborted) throw new NodeFailure("Canceled");
    const found = await finder(request, submittedAt);
    if (found) return found;
  }
  return null;
}

/**
 * Makes sure each body has exactly one job: submissions with a job id are kept, intents without
 * one are reconciled (never resent), the remaining bodies are submitted one by one.
 * @param previous submissions recorded by an earlier attempt of this node run (resume), else [].
 * @returns the job ids in body order and the credits the new submits reported.
 * @throws NodeFailure when a lost submission has no job; ProviderError from `submit`.
 */
export async function submitOnce(
  ctx: SubmitContext,
  request: Omit<ModelRequest, "body">,
  bodies: Record<string, unknown>[],
  previous: readonly SubmissionRecord[],
): Promise<{ jobIds: string[]; credits: number }> {
  const submissions: SubmissionRecord[] = previous.map((s) => ({ ...s }));
  // Each write gets its own snapshot, so a store that keeps the object never sees later changes.
  const record = () => ctx.record(submissions.map((s) => ({ ...s })));
  let credits = 0;
  for (const submission of submissions) {
    if (submission.jobId) continue;
    const jobId = await reconcile(ctx, requestOf(request, submission), new Date(submission.submittedAt));
    if (!jobId) throw new NodeFailure(LOST_MESSAGE);
    submission.jobId = jobId;
    submission.uncertain = false;
    await record();
  }
  for (let index = submissions.length; index < bodies.length; index++) {
    if (ctx.signal?.aborted) throw new NodeFailure("Canceled");
    const submittedAt = new Date();
    const submission: SubmissionRecord = {
      index,
      body: bodies[index],
      submittedAt: submittedAt.toISOString(),
      submissionId: randomUUID(),
      jobId: null,
    };
    submissions.push(submission);
    await record();
    try {
      const submitted = await ctx.provider.submit(requestOf(request, submission));
      submission.jobId = submitted.jobId;
      credits += submitted.creditsCost ?? 0;
    } catch (error) {
      if (!(error instanceof ProviderError && error.code === "submission_unknown")) {
        submissions.pop();
        await record();
        throw error;
      }
      submission.uncertain = true;
      await record();
      const jobId = await reconcile(ctx, requestOf(request, submission), submittedAt);
      if (!jobId) throw new NodeFailure(LOST_MESSAGE);
      submission.jobId = jobId;
      submission.uncertain = false;
    }
    await record();
  }
  return { jobIds: submissions.map((s) => s.jobId!), credits };
}
