/**
 * The offline provider (ARCHITECTURE.md, "Providers"): real image operations behind the same
 * job life cycle as Scenario's API (upload → submit → job id → poll or wait → download),
 * with optional latency and fault injection for tests.
 *
 * Jobs go pending → running (progress 0.25, 0.5, 0.75 when there is latency) → succeeded,
 * failed or canceled; with a data folder the job record is written on submit and at the end. With `latencyMs` 0 no timer is involved: a job finishes as soon as its
 * image operation does. With a data folder, assets and job records are files, and a job left
 * unfinished by a provider that is gone is re-run by the next provider that reads it.
 *
 * Pure module: no Next.js, Prisma or React.
 */
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { abortableSleep, withRetry, type RetryOptions } from "../retry";
import {
  ProviderError,
  type CostEstimate,
  type DownloadedAsset,
  type ModelRequest,
  type Provider,
  type ProviderJob,
  type SubmittedJob,
} from "../types";
import { AssetStore } from "./asset-store";
import { invalidBody, type Body } from "./body-fields";
import { localCapability, type AssetAccess } from "./capabilities";
import type { ModelSchema } from "../model-schema";
import { localModelSchema } from "./model-schemas";
import { localCredits } from "./catalog-credits";
import { FaultInjector, type FaultPlan } from "./faults";
import { newLocalId } from "./ids";
import { isTerminal, JobStore, type JobRecord } from "./job-store";
import { isOwnerAlive, registerInstance, unregisterInstance } from "./owner-liveness";
import { normaliseUpload } from "./upload-format";
import { imageSize } from "./operations/raster";
import { getWorkerPool, type ImageTaskRunner } from "./pool/worker-pool";
import { getNeuralPool } from "./neural/neural-pool";

export interface LocalProviderOptions {
  /** Folder for `assets/<id>.<ext>` and `jobs/<id>.json`; without it everything stays in memory. */
  dataDir?: string;
  /** Simulated job duration in milliseconds (default 0: no timers at all). */
  latencyMs?: number | ((request: ModelRequest) => number);
  /** Scripted submit errors and failing jobs, for tests. */
  faults?: FaultPlan;
  /** Backoff for submit retries (see retry.ts); tests pass a tiny `baseDelayMs` or a fake `sleep`. */
  retry?: Omit<RetryOptions, "signal">;
  /**
   * Where image operations run: by default the process-wide worker pool (pool/worker-pool.ts),
   * off the request thread; `inlineTaskRunner` runs them in the calling thread.
   */
  tasks?: ImageTaskRunner;
  /**
   * Where neural operations (ESRGAN upscale, background removal) run: by default `tasks` when
   * given, else the process-wide neural pool (neural/neural-pool.ts).
   */
  neuralTasks?: ImageTaskRunner;
}

/** Progress steps reported while a simulated latency elapses. */
const LATENCY_STEPS = 4;

/**
 * The offline Provider. Example:
 * `const provider = new LocalProvider({ dataDir: "data/local-engine" });`
 * then `uploadAsset` → `submit({ modelId, capability: "upscale", body: { image, upscaleFactor: 2 } })`
 * → `waitForJob(jobId, {})` → `downloadAsset(job.assetIds[0])`.
 */
export class LocalProvider implements Provider {
  readonly id = "local";
  readonly label = "Local preview engine";
  readonly pollIntervalMs = 25;

  private readonly instanceId = randomUUID();
  private readonly assets: AssetStore;
  private readonly store: JobStore;
  private readonly faults: FaultInjector;
  private readonly latency: LocalProviderOptions["latencyMs"];
  private readonly retry: Omit<RetryOptions, "signal">;
  private readonly tasksOption: ImageTaskRunner | undefined;
  private readonly neuralOption: ImageTaskRunner | undefined;
  /** Jobs this instance runs or has run. */
  private readonly jobs = new Map<string, JobRecord>();
  /** Aborts a running job's work (cancel, close). */
  private readonly controllers = new Map<string, AbortController>();
  /** `job:<id>` carries ProviderJob snapshots; `closed` fires once on close(). */
  private readonly events = new EventEmitter();
  private closed = false;

  private readonly assetAccess: AssetAccess = {
    exists: (id) => this.assets.has(id),
    bytes: async (id) => (await this.requireAsset(id)).bytes,
    size: async (id) => this.assets.size(id) ?? (await imageSize((await this.requireAsset(id)).bytes)),
  };

  constructor(options: LocalProviderOptions = {}) {
    this.assets = new AssetStore(options.dataDir);
    this.store = new JobStore(options.dataDir);
    this.faults = new FaultInjector(options.faults);
    this.latency = options.latencyMs;
    this.retry = options.retry ?? {};
    this.tasksOption = options.tasks;
    this.neuralOption = options.neuralTasks ?? options.tasks;
    this.events.setMaxListeners(0);
    registerInstance(this.instanceId);
  }

  /**
   * Stores an image and returns its `local_asset_…` id. PNG, JPEG and WebP are kept as sent;
   * other formats sharp reads are converted to PNG. Bytes this engine produced (the same Buffer
   * `downloadAsset` gave) answer the id they already have.
   * @throws ProviderError 400 (code "invalid_asset") when the bytes are not a readable image.
   */
  async uploadAsset(input: { bytes: Buffer; mimeType: string; name: string }): Promise<string> {
    // The bytes of an output this engine made, handed back by the next node of a run: already stored.
    const known = await this.assets.idOf(input.bytes);
    if (known) return known;
    const stored = await normaliseUpload(input.bytes, input.name);
    return this.assets.put(stored.bytes, stored.mimeType, stored);
  }

  /**
   * The offline engine's own input schema (model-schemas.ts): the same for every model id, since
   * the engine runs by capability. Requests are built from it exactly as from Scenario's.
   */
  async getModelSchema(modelId: string): Promise<ModelSchema | null> {
    return localModelSchema(modelId);
  }

  /**
   * The job a submit created whose answer was lost. With `request.submissionId` (every submission
   * the engine makes): the job submitted with that id, and no other, so a resumed node never adopts
   * another run's job with the same body. Without it (a submission recorded before ids existed):
   * the latest job without an id, of `request.modelId` and capability, created at or after
   * `submittedAfter`, whose stored body holds every field of `request.body` with the same value
   * (the stored body adds defaults and the seed). Looks at this instance's jobs and, with a data
   * folder, at every persisted record. Never submits.
   * @returns its job id, or null when there is none.
   */
  async findSubmittedJob(request: ModelRequest, submittedAfter: Date): Promise<string | null> {
    await this.store.flush();
    const records = new Map<string, JobRecord>();
    for (const record of await this.store.list()) records.set(record.jobId, record);
    for (const record of this.jobs.values()) records.set(record.jobId, record);
    const matches = [...records.values()]
      .filter(
        (record) =>
          record.request.modelId === request.modelId &&
          record.request.capability === request.capability &&
          Date.parse(record.createdAt) >= submittedAfter.getTime() &&
          (request.submissionId
            ? record.request.submissionId === request.submissionId
            : !record.request.submissionId && bodyContains(record.request.body, request.body ?? {})),
      )
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    return matches[0]?.jobId ?? null;
  }

  /**
   * Validates the body for the capability (see capabilities.ts), creates a `local_job_…` job and
   * starts it. Planned submit faults are thrown per attempt and retried by withRetry.
   * @returns the job id and the credits charged (catalog-credits.ts).
   * @throws ProviderError 400 naming the invalid field or the unavailable capability; the last
   *   injected fault when retries run out.
   */
  submit(request: ModelRequest): Promise<SubmittedJob> {
    return withRetry(() => this.submitOnce(request), this.retry);
  }

  /**
   * The job's state.
   * @throws ProviderError 404 for an unknown id.
   */
  async getJob(jobId: string): Promise<ProviderJob> {
    return toProviderJob(await this.findJob(jobId));
  }

  /**
   * Resolves with the job once it is succeeded, failed or canceled. Jobs this instance runs are
   * followed through events (no polling); jobs another live instance runs are polled every
   * `pollIntervalMs`.
   * @throws ProviderError 404 for an unknown id; the signal's reason (an AbortError
   *   DOMException by default) when aborted; ProviderError when the provider is closed.
   */
  async waitForJob(jobId: string, options: { signal?: AbortSignal; onProgress?: (progress: number) => void } = {}): Promise<ProviderJob> {
    const { signal, onProgress } = options;
    signal?.throwIfAborted();
    const first = await this.findJob(jobId);
    if (isTerminal(first.status)) return toProviderJob(first);
    if (!this.jobs.has(jobId)) return this.pollUntilDone(jobId, options);

    return new Promise<ProviderJob>((resolve, reject) => {
      const channel = `job:${jobId}`;
      const cleanup = () => {
        this.events.off(channel, onUpdate);
        this.events.off("closed", onClosed);
        signal?.removeEventListener("abort", onAbort);
      };
      const onUpdate = (job: ProviderJob) => {
        onProgress?.(job.progress);
        if (!isTerminal(job.status)) return;
        cleanup();
        resolve(job);
      };
      const onAbort = () => {
        cleanup();
        reject(abortReason(signal));
      };
      const onClosed = () => {
        cleanup();
        reject(new ProviderError("The local provider was closed while waiting for the job", { code: "closed" }));
      };
      this.events.on(channel, onUpdate);
      this.events.on("closed", onClosed);
      signal?.addEventListener("abort", onAbort, { once: true });
      // The signal may have aborted, or the job ended, while findJob was pending.
      if (signal?.aborted) return onAbort();
      const current = this.jobs.get(jobId);
      if (current && isTerminal(current.status)) onUpdate(toProviderJob(current));
    });
  }

  /**
   * Bytes and type of an asset (uploaded or produced), with its size in pixels when known.
   * @throws ProviderError 404 for an unknown id.
   */
  async downloadAsset(remoteAssetId: string): Promise<DownloadedAsset> {
    const asset = await this.requireAsset(remoteAssetId);
    const size = this.assets.size(remoteAssetId);
    return size ? { ...asset, ...size } : asset;
  }

  /**
   * The credits `submit` would charge (catalog-credits.ts: the catalog's p50CostCU per output, else
   * the nominal figure). Asset ids are not checked, so a preview works before inputs are uploaded.
   * @throws ProviderError 400 for an unavailable capability or an invalid `numOutputs`.
   */
  async estimateCost(request: ModelRequest): Promise<CostEstimate> {
    return { credits: localCredits(request.capability, localCapability(request.capability), request.modelId, requestBody(request)) };
  }

  /**
   * Marks an unfinished job canceled and stops its work; no-op for a finished job.
   * @throws ProviderError 404 for an unknown id; 409 when another live instance runs the job.
   */
  async cancelJob(jobId: string): Promise<void> {
    const record = await this.findJob(jobId);
    if (isTerminal(record.status)) return;
    if (!this.jobs.has(jobId)) {
      throw new ProviderError(`Job ${jobId} is run by another local provider instance`, { status: 409, code: "not_owner" });
    }
    this.controllers.get(jobId)?.abort();
    await this.finish(record, { status: "canceled" });
  }

  /**
   * Stops this instance: running jobs are abandoned (their records stay unfinished, so a later
   * instance on the same data folder re-runs them), waiters reject, submit refuses.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    unregisterInstance(this.instanceId);
    for (const controller of this.controllers.values()) controller.abort();
    this.events.emit("closed");
    await this.store.flush();
  }

  private async submitOnce(request: ModelRequest): Promise<SubmittedJob> {
    if (this.closed) throw new ProviderError("The local provider is closed", { code: "closed" });
    this.faults.throwNextSubmitFault();
    if (typeof request.modelId !== "string" || request.modelId === "") throw invalidBody("modelId is required");
    const capability = localCapability(request.capability);
    const body = await capability.parse(requestBody(request), this.assetAccess);
    const now = new Date().toISOString();
    const record: JobRecord = {
      jobId: newLocalId("job"),
      request: {
        modelId: request.modelId,
        capability: request.capability,
        body,
        ...(request.intermediate ? { intermediate: true } : {}),
        ...(request.submissionId ? { submissionId: request.submissionId } : {}),
      },
      status: "pending",
      progress: 0,
      assetIds: [],
      creditsCost: localCredits(request.capability, capability, request.modelId, body),
      createdAt: now,
      updatedAt: now,
      owner: { pid: process.pid, instanceId: this.instanceId },
    };
    this.jobs.set(record.jobId, record);
    if (this.store.persistent) await this.store.save(record);
    this.start(record);
    return { jobId: record.jobId, creditsCost: record.creditsCost };
  }

  /** Own job, else the persisted record; adopts (and re-runs) one whose owner is gone. */
  private async findJob(jobId: string): Promise<JobRecord> {
    const own = this.jobs.get(jobId);
    if (own) return own;
    const persisted = await this.store.read(jobId);
    const ownNow = this.jobs.get(jobId); // adopted by a concurrent call meanwhile
    if (ownNow) return ownNow;
    if (!persisted) throw new ProviderError(`Job ${jobId} not found`, { status: 404, code: "not_found" });
    if (isTerminal(persisted.status) || isOwnerAlive(persisted.owner) || this.closed) return persisted;
    const adopted: JobRecord = {
      ...persisted,
      status: "pending",
      progress: 0,
      assetIds: [],
      error: undefined,
      notes: undefined,
      owner: { pid: process.pid, instanceId: this.instanceId },
      updatedAt: new Date().toISOString(),
    };
    this.jobs.set(jobId, adopted);
    // The new owner matters to other instances (they must not adopt it too): persist it.
    if (this.store.persistent) this.store.save(adopted).catch(reportPersistError);
    this.start(adopted);
    return adopted;
  }

  private start(record: JobRecord): void {
    const controller = new AbortController();
    this.controllers.set(record.jobId, controller);
    void this.run(record, controller.signal).finally(() => this.controllers.delete(record.jobId));
  }

  /** Runs the operation while the simulated latency elapses, then stores the outputs. */
  private async run(record: JobRecord, signal: AbortSignal): Promise<void> {
    const { request } = record;
    const latencyMs = this.latencyFor(request);
    this.progress(record, { status: "running", progress: 0 });
    try {
      const failure = this.faults.jobFailure(request);
      const context = { neural: this.neuralOption ?? getNeuralPool(), onProgress: this.progressReporter(record) };
      const work =
        failure === null ? localCapability(request.capability).run(request.body, this.assetAccess, this.tasksFor(request), context) : null;
      work?.catch(() => undefined); // awaited below; avoids an unhandled rejection during the latency
      if (latencyMs > 0) {
        for (let step = 1; step <= LATENCY_STEPS; step++) {
          await abortableSleep(latencyMs / LATENCY_STEPS, signal);
          if (step < LATENCY_STEPS) this.progress(record, { progress: step / LATENCY_STEPS });
        }
      }
      const outputs = work ? await work : [];
      if (signal.aborted) return;
      if (failure !== null) return await this.finish(record, { status: "failed", error: failure });
      const assetIds: string[] = [];
      for (const output of outputs) assetIds.push(await this.assets.put(output.bytes, "image/png", output));
      if (signal.aborted) return;
      const notes = [...new Set(outputs.flatMap((output) => output.notes ?? []))];
      await this.finish(record, { status: "succeeded", progress: 1, assetIds, ...(notes.length ? { notes } : {}) });
    } catch (error) {
      if (signal.aborted) return;
      await this.finish(record, { status: "failed", error: error instanceof Error ? error.message : String(error) });
    }
  }

  /**
   * A non-terminal update (running, progress): applied and announced, not persisted. The record
   * is written when the job is submitted and when it ends, the two states a resume needs (a
   * record left pending or running by a gone owner is re-run from scratch either way; issue 14);
   * another live instance following the job sees it pending until it ends.
   */
  private progress(record: JobRecord, patch: Partial<JobRecord>): void {
    Object.assign(record, patch, { updatedAt: new Date().toISOString() });
    this.events.emit(`job:${record.jobId}`, toProviderJob(record));
  }

  /** A terminal update: applied, persisted (awaited, so other instances see it), announced. */
  private async finish(record: JobRecord, patch: Partial<JobRecord>): Promise<void> {
    if (isTerminal(record.status)) return;
    Object.assign(record, patch, { updatedAt: new Date().toISOString() });
    if (this.store.persistent) await this.store.save(record).catch(reportPersistError);
    this.events.emit(`job:${record.jobId}`, toProviderJob(record));
  }

  /**
   * Real progress from the operation (neural jobs), reported to waiters when it rises by at
   * least 1 % over what the job shows (each report becomes a write of the node's run record),
   * below 1 until the job succeeds. With a simulated latency its steps come first.
   */
  private progressReporter(record: JobRecord): (fraction: number) => void {
    return (fraction) => {
      const value = Math.min(0.99, fraction);
      if (isTerminal(record.status) || value - record.progress < 0.01) return;
      this.progress(record, { progress: value });
    };
  }

  /** The task runner: the one given, else the process-wide pool (created on the first job). */
  private tasks(): ImageTaskRunner {
    return this.tasksOption ?? getWorkerPool();
  }

  /** The task runner for a job: intermediate outputs (ModelRequest.intermediate) are encoded for speed. */
  private tasksFor(request: ModelRequest): ImageTaskRunner {
    const tasks = this.tasks();
    if (!request.intermediate) return tasks;
    return { run: (name, payload) => tasks.run(name, payload, { intermediate: true }), close: () => tasks.close() };
  }

  private latencyFor(request: ModelRequest): number {
    const value = typeof this.latency === "function" ? this.latency(request) : this.latency;
    return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
  }

  /** Polls a job another live instance runs; switches to events if this instance adopts it. */
  private async pollUntilDone(
    jobId: string,
    options: { signal?: AbortSignal; onProgress?: (progress: number) => void },
  ): Promise<ProviderJob> {
    let last = -1;
    for (;;) {
      await abortableSleep(this.pollIntervalMs, options.signal);
      if (this.jobs.has(jobId)) return this.waitForJob(jobId, options);
      const job = await this.getJob(jobId);
      if (job.progress !== last) options.onProgress?.(job.progress);
      last = job.progress;
      if (isTerminal(job.status)) return job;
    }
  }

  private async requireAsset(id: string): Promise<DownloadedAsset> {
    const asset = await this.assets.get(id);
    if (!asset) throw new ProviderError(`Asset ${id} not found`, { status: 404, code: "not_found" });
    return asset;
  }
}

function requestBody(request: ModelRequest): Body {
  const body: unknown = request.body ?? {};
  if (typeof body !== "object" || Array.isArray(body)) throw invalidBody("body must be an object");
  return body as Body;
}

/** True when every field of `wanted` is in `stored` with the same (JSON) value. */
function bodyContains(stored: Body, wanted: Record<string, unknown>): boolean {
  return Object.entries(wanted).every(([key, value]) => JSON.stringify(stored[key]) === JSON.stringify(value));
}

function toProviderJob(record: JobRecord): ProviderJob {
  const job: ProviderJob = {
    jobId: record.jobId,
    status: record.status,
    progress: record.progress,
    assetIds: [...record.assetIds],
  };
  if (record.error !== undefined) job.error = record.error;
  if (record.notes?.length) job.notes = [...record.notes];
  return job;
}

function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException("The operation was aborted", "AbortError");
}

function reportPersistError(error: unknown): void {
  console.warn("[local provider] could not persist a job record:", error);
}
