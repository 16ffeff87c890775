/**
 * Runs a validated workflow graph (ARCHITECTURE.md "Execution").
 *
 * - A node starts as soon as all of its upstream nodes have succeeded; independent branches
 *   run concurrently, at most `concurrency` model nodes at once.
 * - Every state change goes through the injected ExecutionStore (which persists and streams).
 * - Output cache: a model node whose cache key matches an earlier successful node run reuses
 *   its outputs without calling the provider, unless its id is in `force`.
 * - Provider job ids are recorded before polling; when a run resumes after a restart, a node
 *   with recorded job ids polls them again instead of submitting new jobs (no double billing).
 * - A failed node marks everything downstream `skipped`; the run ends `failed` with the reason.
 * - Aborting `signal` cancels: running jobs are asked to cancel, the rest is marked canceled.
 *
 * Imports no React, Next.js or Prisma.
 */
import type { ExecutionPlan, ResolvedEdge, ResolvedNode } from "../graph/validate";
import { defaultModelChoice } from "../nodes/default-models";
import type { ModelChoice, ModelChoiceRequest } from "./model-choice";
import type { ImageRef, ProviderImage } from "../nodes/types";
import type { Provider, ProviderJob } from "../providers/types";
import { computeCacheKey } from "./cache-key";
import { NodeFailure, describeError } from "./errors";
import { createLimiter } from "./limiter";
import type { AssetStore, ExecutionStore, NodeRunState, RunOutput, RunStatus } from "./types";

export interface ExecuteRunOptions {
  runId: string;
  plan: ExecutionPlan;
  provider: Provider;
  store: ExecutionStore;
  assets: AssetStore;
  /** Most model nodes running at once; default 8. */
  concurrency?: number;
  /** Node ids whose output cache is ignored ("Run again"). */
  force?: ReadonlySet<string>;
  signal?: AbortSignal;
  /** Source of random seeds; default Math.random. */
  random?: () => number;
  /** Overrides the provider's poll interval, in milliseconds. */
  pollIntervalMs?: number;
  /** Longest wait for one provider job, in milliseconds; default 30 minutes. */
  jobTimeoutMs?: number;
  /**
   * Picks the model when a node's model is "auto" (the studio passes the resolver of
   * lib/intelligence); default: the fixed table of lib/nodes/default-models.ts.
   */
  chooseModel?: (request: ModelChoiceRequest) => ModelChoice;
}

export interface ExecuteRunResult {
  status: RunStatus;
  error: string | null;
  outputs: RunOutput[];
  /** Credits (CU) spent, cached nodes counting zero. */
  credits: number;
}

/** What a finished node hands to its successors. */
interface NodeValue {
  text?: string;
  images: ImageRef[];
}

const MAX_SEED = 2147483647;

/**
 * Executes `plan` to completion and records every transition in `store`.
 * Never throws for node failures (they end the run `failed`); throws only when the store does.
 */
export async function executeRun(options: ExecuteRunOptions): Promise<ExecuteRunResult> {
  const { runId, plan, store, signal } = options;
  const incoming = new Map<string, ResolvedEdge[]>();
  const outgoing = new Map<string, string[]>();
  for (const edge of plan.edges) {
    (incoming.get(edge.target) ?? incoming.set(edge.target, []).get(edge.target)!).push(edge);
    (outgoing.get(edge.source) ?? outgoing.set(edge.source, []).get(edge.source)!).push(edge.target);
  }

  const previous = new Map((await store.loadNodeRuns(runId)).map((n) => [n.nodeId, n]));
  const values = new Map<string, NodeValue>();
  const finished = new Set<string>();
  const failures: { nodeId: string; message: string }[] = [];
  let credits = 0;
  const limit = createLimiter(options.concurrency ?? 8);
  const uploads = new Map<string, Promise<string>>();

  await store.updateRun(runId, { status: "running", startedAt: new Date(), error: null });

  const pendingUpstream = new Map<string, number>();
  for (const id of plan.order) pendingUpstream.set(id, new Set((incoming.get(id) ?? []).map((e) => e.source)).size);

  const context: NodeContext = { options, incoming, values, uploads, previous };

  await new Promise<void>((resolveAll) => {
    let inFlight = 0;
    const start = (nodeId: string) => {
      inFlight++;
      const resolved = plan.nodes.get(nodeId)!;
      runNode(context, resolved, limit)
        .then(
          async (result) => {
            values.set(nodeId, result.value);
            credits += result.credits;
            finished.add(nodeId);
            const successors = new Set(outgoing.get(nodeId) ?? []);
            for (const next of successors) {
              const remaining = pendingUpstream.get(next)! - 1;
              pendingUpstream.set(next, remaining);
              if (remaining === 0 && !finished.has(next) && !signal?.aborted) start(next);
            }
          },
          async (error: unknown) => {
            finished.add(nodeId);
            const aborted = signal?.aborted ?? false;
            const message = describeError(error);
            if (!aborted) failures.push({ nodeId, message });
            await store.updateNodeRun(runId, nodeId, {
              status: aborted ? "canceled" : "failed",
              error: aborted ? "Canceled" : message,
              finishedAt: new Date(),
            });
            if (!aborted) await skipDownstream(nodeId);
          },
        )
        .catch((storeError: unknown) => failures.push({ nodeId, message: describeError(storeError) }))
        .finally(() => {
          inFlight--;
          if (inFlight === 0) resolveAll();
        });
    };

    const skipDownstream = async (failedId: string) => {
      const label = plan.nodes.get(failedId)!.definition.label;
      const stack = [...(outgoing.get(failedId) ?? [])];
      while (stack.length) {
        const id = stack.pop()!;
        if (finished.has(id)) continue;
        finished.add(id);
        await store.updateNodeRun(runId, id, {
          status: "skipped",
          error: `Skipped: upstream ${label} node "${failedId}" failed`,
          finishedAt: new Date(),
        });
        stack.push(...(outgoing.get(id) ?? []));
      }
    };

    const roots = plan.order.filter((id) => pendingUpstream.get(id) === 0);
    if (roots.length === 0) resolveAll();
    for (const id of roots) start(id);
  });

  const outputs: RunOutput[] = [];
  for (const id of plan.order) {
    const resolved = plan.nodes.get(id)!;
    if (resolved.definition.role !== "sink") continue;
    const label = String(resolved.params.label ?? resolved.definition.label);
    for (const image of values.get(id)?.images ?? []) outputs.push({ ...image, nodeId: id, label });
  }

  let status: RunStatus = "succeeded";
  let error: string | null = null;
  if (signal?.aborted) {
    status = "canceled";
    error = "Canceled by the user";
    for (const id of plan.order) {
      if (!finished.has(id)) await store.updateNodeRun(runId, id, { status: "canceled", finishedAt: new Date() });
    }
  } else if (failures.length) {
    status = "failed";
    error = failures
      .map(({ nodeId, message }) => `${plan.nodes.get(nodeId)?.definition.label ?? "Node"} node "${nodeId}" failed: ${message}`)
      .join("; ");
  }
  await store.updateRun(runId, { status, error, outputs, credits, finishedAt: new Date() });
  return { status, error, outputs, credits };
}

interface NodeContext {
  options: ExecuteRunOptions;
  incoming: Map<string, ResolvedEdge[]>;
  values: Map<string, NodeValue>;
  uploads: Map<string, Promise<string>>;
  previous: Map<string, NodeRunState>;
}

interface NodeResult {
  value: NodeValue;
  credits: number;
}

/** Runs one node; resolves with its value, rejects with the reason it failed. */
async function runNode(ctx: NodeContext, resolved: ResolvedNode, limit: ReturnType<typeof createLimiter>): Promise<NodeResult> {
  const { options } = ctx;
  const { store, runId } = options;
  const { node, definition, params } = resolved;
  const inputs = collectInputs(ctx, node.id);

  if (definition.role === "source") {
    const value: NodeValue = { images: [] };
    if (typeof params.text === "string") value.text = params.text;
    if (typeof params.assetId === "string") value.images = [(await options.assets.read(params.assetId)).ref];
    await store.updateNodeRun(runId, node.id, {
      status: "succeeded",
      progress: 1,
      outputs: value.images,
      startedAt: new Date(),
      finishedAt: new Date(),
    });
    return { value, credits: 0 };
  }

  if (definition.role === "sink") {
    const images = inputs.ports.get("image") ?? [];
    await store.updateNodeRun(runId, node.id, { status: "succeeded", progress: 1, outputs: images, startedAt: new Date(), finishedAt: new Date() });
    return { value: { images }, credits: 0 };
  }

  return limit(() => runModelNode(ctx, resolved, inputs));
}

interface CollectedInputs {
  ports: Map<string, ImageRef[]>;
  text?: string;
  connected: Set<string>;
}

function collectInputs(ctx: NodeContext, nodeId: string): CollectedInputs {
  const ports = new Map<string, ImageRef[]>();
  const connected = new Set<string>();
  let text: string | undefined;
  for (const edge of ctx.incoming.get(nodeId) ?? []) {
    connected.add(edge.targetHandle);
    const value = ctx.values.get(edge.source);
    if (!value) continue;
    if (edge.sourceHandle === "text") text = value.text ?? "";
    else ports.set(edge.targetHandle, value.images);
  }
  return { ports, text, connected };
}

async function runModelNode(ctx: NodeContext, resolved: ResolvedNode, inputs: CollectedInputs): Promise<NodeResult> {
  const { options, previous } = ctx;
  const { store, runId, provider, signal } = options;
  const { node, definition, params } = resolved;
  if (signal?.aborted) throw new NodeFailure("Canceled");

  const capability = definition.capability!(params, inputs.connected);
  const prior = previous.get(node.id);
  const requested = typeof params.model === "string" ? params.model : "auto";
  const priorRequest = prior?.request as { seed?: number } | null | undefined;

  const images = inputs.connected.has("image") ? inputs.ports.get("image") ?? [] : [undefined];
  if (images.length === 0) throw new NodeFailure('input "image" received no image from upstream');
  let mask: ImageRef | undefined = inputs.ports.get("mask")?.[0];
  const maskParam = definition.assetParamForPort?.mask;
  if (!mask && maskParam && typeof params[maskParam] === "string") mask = (await options.assets.read(params[maskParam] as string)).ref;
  const prompt = inputs.text ?? (typeof params.prompt === "string" ? params.prompt : "");
  const media: ImageRef | undefined = inputs.ports.get("media")?.[0];

  let choice: ModelChoice;
  if (requested !== "auto") choice = { modelId: requested, reason: "chosen on the node" };
  else if (prior?.status === "running" && prior.model) choice = { modelId: prior.model, reason: prior.modelReason ?? "resumed" };
  else {
    const request: ModelChoiceRequest = {
      nodeType: node.type,
      capability,
      prompt,
      params,
      connectedInputs: inputs.connected,
      requiredInputs: [
        ...new Set([...(definition.modelInputs ?? []), ...[...inputs.connected].filter((port) => port === "mask" || port === "image")]),
      ],
      outputCount: typeof params.numOutputs === "number" ? params.numOutputs : images.length,
      upstreamModels: [...new Set([...images, mask, media].map((ref) => ref?.model).filter((m): m is string => Boolean(m)))],
    };
    try {
      choice = options.chooseModel ? options.chooseModel(request) : defaultModelChoice(capability);
    } catch (error) {
      throw new NodeFailure(error instanceof Error ? error.message : String(error));
    }
  }
  const { modelId, reason } = choice;

  const seed = definition.usesSeed
    ? typeof params.seed === "number"
      ? params.seed
      : priorRequest?.seed ?? Math.floor((options.random ?? Math.random)() * MAX_SEED)
    : null;

  const cacheKey = computeCacheKey({
    type: node.type,
    params,
    modelId,
    seed,
    inputs: {
      image: images.filter(Boolean).map((i) => i!.assetId),
      mask: mask ? [mask.assetId] : undefined,
      media: media ? [media.assetId] : undefined,
      prompt,
    },
  });

  const startedAt = new Date();
  // A node resumed with recorded jobs polls them: they were submitted (and billed) already.
  const resumedJobs = prior?.status === "running" ? prior.providerJobIds : [];
  if (!options.force?.has(node.id) && resumedJobs.length === 0) {
    const cached = await store.findCachedOutputs(cacheKey);
    if (cached) {
      await store.updateNodeRun(runId, node.id, {
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

  const remoteMask = mask ? await uploadOnce(ctx, mask) : undefined;
  const remoteMedia = media ? await uploadOnce(ctx, media) : undefined;
  const bodies: Record<string, unknown>[] = [];
  for (let index = 0; index < images.length; index++) {
    const image = images[index];
    const remoteImage = image ? await uploadOnce(ctx, image) : undefined;
    const itemSeed = seed === null ? 0 : (seed + index * 1000) % MAX_SEED;
    bodies.push(definition.buildRequest!({ params, prompt, image: remoteImage, mask: remoteMask, media: remoteMedia, seed: itemSeed }).body);
  }

  await store.updateNodeRun(runId, node.id, {
    status: "running",
    progress: 0,
    cached: false,
    cacheKey,
    model: modelId,
    modelReason: reason,
    request: { modelId, capability, seed, bodies },
    attempts: (prior?.attempts ?? 0) + 1,
    startedAt: prior?.startedAt ?? startedAt,
    error: null,
  });

  // Submit sequentially, recording each job id before any polling.
  const jobIds = [...resumedJobs];
  let credits = 0;
  for (let index = jobIds.length; index < bodies.length; index++) {
    if (signal?.aborted) throw new NodeFailure("Canceled");
    const submitted = await provider.submit({ modelId, capability, body: bodies[index] });
    jobIds.push(submitted.jobId);
    credits += submitted.creditsCost ?? 0;
    await store.updateNodeRun(runId, node.id, { providerJobIds: [...jobIds] });
  }

  const progress = new Array<number>(jobIds.length).fill(0);
  const reportProgress = throttle(async () => {
    const mean = progress.reduce((a, b) => a + b, 0) / progress.length;
    await store.updateNodeRun(runId, node.id, { progress: Math.min(0.99, mean) });
  }, 200);

  let jobs: ProviderJob[];
  try {
    jobs = await Promise.all(
      jobIds.map((jobId, index) =>
        waitForJob(ctx, jobId, (p) => {
          progress[index] = p;
          reportProgress();
        }),
      ),
    );
  } finally {
    reportProgress.cancel();
  }

  const outputs: ImageRef[] = [];
  for (let index = 0; index < jobs.length; index++) {
    const job = jobs[index];
    if (job.status === "failed") throw new NodeFailure(job.error ?? "the provider reported a failure");
    if (job.status === "canceled") throw new NodeFailure("the provider canceled the job");
    const parent = images[index];
    const perOutputCredits = jobs.length && credits ? credits / jobs.length / Math.max(1, job.assetIds.length) : null;
    for (const remoteId of job.assetIds) {
      const downloaded = await provider.downloadAsset(remoteId);
      const saved = await options.assets.saveGenerated({
        bytes: downloaded.bytes,
        mimeType: downloaded.mimeType,
        provenance: {
          runId,
          nodeId: node.id,
          nodeType: node.type,
          model: modelId,
          capability,
          prompt: prompt || null,
          parameters: params,
          seed,
          credits: perOutputCredits,
          parentAssetIds: [parent?.assetId, mask?.assetId, media?.assetId].filter((id): id is string => Boolean(id)),
          providerJobId: job.jobId,
          provider: provider.id,
        },
      });
      outputs.push({ ...saved, model: modelId });
    }
  }
  if (outputs.length === 0) throw new NodeFailure("the provider returned no image");

  await store.updateNodeRun(runId, node.id, {
    status: "succeeded",
    progress: 1,
    outputs,
    credits,
    finishedAt: new Date(),
  });
  return { value: { images: outputs }, credits };
}

/** Uploads a studio asset to the provider once per run; returns the image with its remote id. */
async function uploadOnce(ctx: NodeContext, image: ImageRef): Promise<ProviderImage> {
  let pending = ctx.uploads.get(image.assetId);
  if (!pending) {
    pending = ctx.options.assets.read(image.assetId).then(({ bytes, mimeType }) =>
      ctx.options.provider.uploadAsset({ bytes, mimeType, name: image.assetId }),
    );
    ctx.uploads.set(image.assetId, pending);
  }
  return { ...image, remoteId: await pending };
}

/** Waits for a job's terminal status: the provider's push when it has one, else polling. */
async function waitForJob(ctx: NodeContext, jobId: string, onProgress: (p: number) => void): Promise<ProviderJob> {
  const { provider, signal } = ctx.options;
  const timeoutMs = ctx.options.jobTimeoutMs ?? 30 * 60_000;
  if (provider.waitForJob) {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      return await provider.waitForJob(jobId, { signal: combined, onProgress });
    } catch (error) {
      if (timeout.aborted && !signal?.aborted) throw new NodeFailure(`job ${jobId} did not finish within ${Math.round(timeoutMs / 1000)} s`);
      if (signal?.aborted) await provider.cancelJob?.(jobId).catch(() => undefined);
      throw error;
    }
  }
  const deadline = Date.now() + timeoutMs;
  const interval = ctx.options.pollIntervalMs ?? provider.pollIntervalMs;
  for (;;) {
    const job = await provider.getJob(jobId);
    onProgress(job.progress);
    if (job.status === "succeeded" || job.status === "failed" || job.status === "canceled") return job;
    if (signal?.aborted) {
      await provider.cancelJob?.(jobId).catch(() => undefined);
      throw new NodeFailure("Canceled");
    }
    if (Date.now() > deadline) throw new NodeFailure(`job ${jobId} did not finish within ${Math.round(timeoutMs / 1000)} s`);
    await sleep(interval, signal);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

/** Calls `fn` at most once per `ms`, trailing; `cancel()` drops a pending call. */
function throttle(fn: () => Promise<void>, ms: number): (() => void) & { cancel(): void } {
  let last = 0;
  let canceled = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const call = () => {
    const now = Date.now();
    if (timer || canceled) return;
    const wait = Math.max(0, last + ms - now);
    timer = setTimeout(() => {
      timer = null;
      last = Date.now();
      if (!canceled) void fn().catch(() => undefined);
    }, wait);
  };
  call.cancel = () => {
    canceled = true;
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return call;
}
