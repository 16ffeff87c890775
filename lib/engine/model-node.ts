/**
 * The pipeline of one model node (Generation, Retouch, Expand, Upscale, Remove background, Run
 * model): collect inputs → choose the model and build its requests (model-node-request.ts) →
 * output cache → convert and upload files → submit once per request (submission.ts) → wait
 * (job-waiting.ts) → download and store the outputs with provenance.
 * A request the builder refuses fails the node before anything is uploaded or submitted.
 * Imports no React, Next.js or Prisma.
 */
import type { ResolvedNode } from "../graph/validate";
import type { PreparedRequest } from "../nodes/prepare-request/types";
import type { ImageRef } from "../nodes/types";
import type { ProviderJob } from "../providers/types";
import { computeCacheKey } from "./cache-key";
import { NodeFailure } from "./errors";
import type { ExecuteRunOptions } from "./executor";
import type { ModelChoiceRequest } from "./model-choice";
import { throttle, waitForJob } from "./job-waiting";
import { prepareModelNode, type ModelNodeInputs, type NodeValue } from "./model-node-request";
import type { SchemaSource } from "./model-schemas";
import { recordsSubmissionIntent, submitOnce } from "./submission";
import type { NodeRunPatch, NodeRunState, SubmissionRecord } from "./types";

export interface ModelNodeContext {
  options: ExecuteRunOptions;
  schemas: SchemaSource;
  previous: Map<string, NodeRunState>;
  /** Remote ids of uploaded files, per asset id and conversion, shared by the run's nodes. */
  uploads: Map<string, Promise<string>>;
  /** Model nodes whose outputs only feed other model nodes (ModelRequest.intermediate). */
  intermediate?: ReadonlySet<string>;
  /** Routing purposes decided by gates (lib/engine/gate-node.ts `modelPurposes`). */
  purposes?: ReadonlyMap<string, NonNullable<ModelChoiceRequest["purpose"]>>;
}

export interface NodeResult {
  value: NodeValue;
  credits: number;
}

const MAX_SEED = 2147483647;

/** Longest wait before the job ids of a submit that answered are written on their own (see `runModelNode`). */
const JOB_ID_WRITE_DELAY_MS = 50;

/** The recorded submissions of a node run's `request`, or []. */
function recordedSubmissions(prior: NodeRunState | undefined): SubmissionRecord[] {
  const list = (prior?.request as { submissions?: unknown } | null | undefined)?.submissions;
  return Array.isArray(list) ? (list as SubmissionRecord[]) : [];
}

/** Uploads a studio asset (converted as asked) once per run; returns its remote id. */
function uploadOnce(ctx: ModelNodeContext, file: PreparedRequest["files"][number]): Promise<string> {
  const key = `${file.assetId}|${file.convert ? JSON.stringify(file.convert) : ""}`;
  let pending = ctx.uploads.get(key);
  if (!pending) {
    const { assets, provider } = ctx.options;
    pending = assets.read(file.assetId).then(async ({ bytes, mimeType }) => {
      const converted = file.convert ? await assets.convert({ bytes, mimeType }, file.convert) : { bytes, mimeType };
      return provider.uploadAsset({ bytes: converted.bytes, mimeType: converted.mimeType, name: file.assetId });
    });
    pending.catch(() => ctx.uploads.delete(key));
    ctx.uploads.set(key, pending);
  }
  return pending;
}

/** The body as sent: each file field's studio asset id replaced by its remote id. */
async function withRemoteIds(ctx: ModelNodeContext, request: PreparedRequest): Promise<Record<string, unknown>> {
  const body = structuredClone(request.body);
  for (const file of request.files) {
    const remoteId = await uploadOnce(ctx, file);
    if (file.index === undefined) body[file.field] = remoteId;
    else (body[file.field] as string[])[file.index] = remoteId;
  }
  return body;
}

/**
 * Runs one model node to its outputs.
 * @param runKey the node run it records into: the node id, or an item's key inside a For each
 *   loop (lib/engine/loop-node.ts `itemRunKey`), whose earlier state (seed, submissions) it resumes.
 * @throws NodeFailure (shown on the node) or a provider error.
 */
export async function runModelNode(
  ctx: ModelNodeContext,
  resolved: ResolvedNode,
  inputs: ModelNodeInputs,
  runKey: string = resolved.node.id,
): Promise<NodeResult> {
  const { options, previous } = ctx;
  const { store, runId, provider, signal } = options;
  const { node, definition, params } = resolved;
  if (signal?.aborted) throw new NodeFailure("Canceled");
  if (inputs.images.length === 0) throw new NodeFailure('input "image" received no image from upstream');

  const prior = previous.get(runKey);
  const resuming = prior?.status === "running";
  const priorRequest = prior?.request as { seed?: number | null } | null | undefined;
  const seed = definition.usesSeed
    ? typeof params.seed === "number"
      ? params.seed
      : (priorRequest?.seed ?? Math.floor((options.random ?? Math.random)() * MAX_SEED))
    : null;

  const prepared = await prepareModelNode({
    resolved,
    inputs,
    seed,
    schemas: ctx.schemas,
    rankModels: options.rankModels,
    purpose: ctx.purposes?.get(node.id),
    pinnedModel: resuming && prior?.model ? { modelId: prior.model, reason: prior.modelReason ?? "resumed" } : undefined,
  });
  if (!prepared.ok) {
    await store.updateNodeRun(runId, runKey, { model: prepared.modelId, request: { refusal: prepared.refusal }, credits: 0 });
    throw new NodeFailure(prepared.refusal.message);
  }
  const { modelId, reason, capability } = prepared;

  const cacheKey = computeCacheKey({
    type: node.type,
    params,
    modelId,
    seed,
    inputs: {
      image: inputs.images.filter(Boolean).map((i) => i!.assetId),
      mask: inputs.mask ? [inputs.mask.assetId] : undefined,
      media: inputs.media ? [inputs.media.assetId] : undefined,
      prompt: inputs.prompt,
    },
  });

  const startedAt = new Date();
  const previousSubmissions = resuming ? recordedSubmissions(prior) : [];
  const legacyJobs = resuming && previousSubmissions.length === 0 ? (prior?.providerJobIds ?? []) : [];
  if (!options.force?.has(node.id) && previousSubmissions.length === 0 && legacyJobs.length === 0) {
    const cached = await store.findCachedOutputs(cacheKey);
    if (cached) {
      await store.updateNodeRun(runId, runKey, {
        status: "succeeded",
        cached: true,
        cacheKey,
        progress: 1,
        model: modelId,
        modelReason: reason,
        outputs: cached,
        credits: 0,
        startedAt,
        finishedAt: new Date(),
      });
      return { value: { images: cached }, credits: 0 };
    }
  }

  // Bodies already submitted (resume) are kept exactly as recorded; only the others are uploaded and built.
  const bodies: Record<string, unknown>[] = [];
  for (const [index, request] of prepared.requests.entries()) {
    bodies.push(previousSubmissions[index]?.body ?? (await withRemoteIds(ctx, request)));
  }
  const notes = [...new Map(prepared.requests.flatMap((r) => r.notes).map((n) => [n.message, n])).values()];
  const baseRequest = { modelId, capability, seed, bodies, notes, schema: prepared.schemaOrigin };

  // The node becomes running in the same write as its first submission intent (one statement
  // per state change, issue 14): the intent is still recorded before anything is sent.
  let running: NodeRunPatch | null = {
    status: "running",
    progress: 0,
    cached: false,
    cacheKey,
    model: modelId,
    modelReason: reason,
    request: { ...baseRequest, submissions: previousSubmissions },
    attempts: (prior?.attempts ?? 0) + 1,
    startedAt: prior?.startedAt ?? startedAt,
    error: null,
  };
  // Job ids recorded after their submit answered wait for the node's next write (the next intent,
  // a progress report, its end) for at most JOB_ID_WRITE_DELAY_MS, so a job that ends sooner costs
  // no statement of its own (issue 12). A crash meanwhile leaves the intent, with its submission
  // id: resuming finds the job with `Provider.findSubmittedJob` (submission.ts) and never submits again.
  let jobIdsToWrite: NodeRunPatch | null = null;
  let jobIdsTimer: ReturnType<typeof setTimeout> | undefined;
  let timedWriteError: { error: unknown } | null = null;
  // This node run's writes land one after the other, in the order they were asked for.
  let writes: Promise<void> = Promise.resolve();
  const write = (patch: NodeRunPatch): Promise<void> => {
    clearTimeout(jobIdsTimer);
    jobIdsTimer = undefined;
    const next = writes.then(async () => {
      if (timedWriteError) {
        const { error } = timedWriteError;
        timedWriteError = null;
        throw error;
      }
      if (!running && !jobIdsToWrite && Object.keys(patch).length === 0) return;
      const merged = { ...running, ...jobIdsToWrite, ...patch };
      running = null;
      jobIdsToWrite = null;
      await store.updateNodeRun(runId, runKey, merged);
    });
    writes = next.catch(() => undefined);
    return next;
  };
  const writeJobIdsSoon = (patch: NodeRunPatch) => {
    jobIdsToWrite = patch;
    jobIdsTimer ??= setTimeout(() => {
      jobIdsTimer = undefined;
      write({}).catch((error: unknown) => void (timedWriteError = { error }));
    }, JOB_ID_WRITE_DELAY_MS);
  };

  let jobIds: string[];
  let credits = 0;
  let recorded = previousSubmissions;
  let jobs: ProviderJob[];
  const outputs: ImageRef[] = [];
  try {
    if (legacyJobs.length) jobIds = [...legacyJobs];
    else {
      const submitted = await submitOnce(
        {
          provider,
          signal,
          reconcile: options.reconcile,
          record: async (submissions) => {
            recorded = submissions;
            const patch: NodeRunPatch = {
              request: { ...baseRequest, submissions },
              providerJobIds: submissions.map((s) => s.jobId).filter((id): id is string => Boolean(id)),
            };
            // An intent is written before its submit; job ids completing the intents written can wait.
            if (running || recordsSubmissionIntent(patch.request)) await write(patch);
            else writeJobIdsSoon(patch);
          },
        },
        { modelId, capability, ...(ctx.intermediate?.has(node.id) ? { intermediate: true } : {}) },
        bodies,
        previousSubmissions,
      );
      jobIds = submitted.jobIds;
      credits = submitted.credits;
    }
    // Nothing was written yet (legacy job ids, or every job id recorded by an earlier attempt).
    if (running) await write({});

    const progress = new Array<number>(jobIds.length).fill(0);
    const reportProgress = throttle(async () => {
      const mean = progress.reduce((a, b) => a + b, 0) / progress.length;
      await write({ progress: Math.min(0.99, mean) });
    }, 200);
    const waitOptions = { provider, signal, pollIntervalMs: options.pollIntervalMs, timeoutMs: options.jobTimeoutMs ?? 30 * 60_000 };
    try {
      jobs = await Promise.all(
        jobIds.map((jobId, index) =>
          waitForJob(jobId, waitOptions, (p) => {
            progress[index] = p;
            reportProgress();
          }),
        ),
      );
    } finally {
      reportProgress.cancel();
    }

    for (let index = 0; index < jobs.length; index++) {
      const job = jobs[index];
      if (job.status === "failed") throw new NodeFailure(job.error ?? "the provider reported a failure");
      if (job.status === "canceled") throw new NodeFailure("the provider canceled the job");
      const parent = inputs.images[index];
      const perOutputCredits = jobs.length && credits ? credits / jobs.length / Math.max(1, job.assetIds.length) : null;
      for (const remoteId of job.assetIds) {
        const downloaded = await provider.downloadAsset(remoteId);
        const saved = await options.assets.saveGenerated({
          bytes: downloaded.bytes,
          mimeType: downloaded.mimeType,
          width: downloaded.width,
          height: downloaded.height,
          provenance: {
            runId,
            nodeId: node.id,
            nodeType: node.type,
            model: modelId,
            capability,
            prompt: inputs.prompt || null,
            parameters: params,
            seed,
            credits: perOutputCredits,
            parentAssetIds: [parent?.assetId, inputs.mask?.assetId, inputs.media?.assetId].filter((id): id is string => Boolean(id)),
            providerJobId: job.jobId,
            provider: provider.id,
          },
        });
        outputs.push({ ...saved, model: modelId });
      }
    }
    if (outputs.length === 0) throw new NodeFailure("the provider returned no image");
  } catch (error) {
    // The node fails: the job ids it has are recorded first (the failure itself is the executor's write).
    if (jobIdsToWrite) await write({}).catch(() => undefined);
    throw error;
  }

  // The provider's own notes (how it did the job, e.g. the offline engine's Lanczos fallback)
  // join the builder's, so the node card shows them.
  const jobNotes = [...new Set(jobs.flatMap((job) => job.notes ?? []))].filter((message) => !notes.some((n) => n.message === message));
  await write({
    status: "succeeded",
    progress: 1,
    outputs,
    credits,
    finishedAt: new Date(),
    ...(jobNotes.length
      ? { request: { ...baseRequest, notes: [...notes, ...jobNotes.map((message) => ({ message }))], submissions: recorded } }
      : {}),
  });
  return { value: { images: outputs }, credits };
}
