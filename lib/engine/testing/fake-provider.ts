/**
 * A scripted provider for engine tests and the benchmark (after ComfyUI's test-only node
 * pack): jobs finish after `latencyMs` (0 = at once, pushed through `waitForJob`), outputs
 * are tiny solid PNGs of the size the request asks for, and tests can make chosen jobs fail.
 * Records every submitted request. Not a stand-in for the offline engine's image operations.
 *
 * Like the real API it refuses, with HTTP 400, a body that breaks the model's schema (a field the
 * model does not list, a value out of range, a missing required input; checked with the same
 * rules as lib/nodes/prepare-request/check-body.ts) and a file field naming an asset it does not
 * hold. Schemas: `schemas` (a map or function), default the offline engine's for every model.
 */
import { EventEmitter } from "node:events";
import sharp from "sharp";
import type { ModelRequest, Provider, ProviderJob, SubmittedJob } from "../../providers/types";
import { ProviderError } from "../../providers/types";
import type { ModelSchema } from "../../providers/model-schema";
import { localModelSchema } from "../../providers/local/model-schemas";
import { checkBody } from "../../nodes/prepare-request/check-body";

export interface FakeProviderOptions {
  /** Job duration in milliseconds, or a function of the request. */
  latencyMs?: number | ((request: ModelRequest) => number);
  /** Returns a failure message for requests that should end `failed`. */
  failWhen?: (request: ModelRequest) => string | null;
  /** Credits (CU) each job reports. */
  creditsPerJob?: number;
  /** The schema of a model id (null: unknown to this provider); default the offline engine's. */
  schemas?: (modelId: string) => ModelSchema | null;
  /** Job statuses to report instead of the real one, e.g. an unknown status from a broken provider. */
  statusOverride?: (request: ModelRequest) => string | null;
  /**
   * Loses the answer of a submit (ProviderError `submission_unknown`): "after-create" creates the
   * job first (the answer was lost on the way back), "before-create" never creates it (the request
   * was lost on the way out). Called per submit; null answers normally.
   */
  loseSubmit?: (request: ModelRequest) => "after-create" | "before-create" | null;
}

interface FakeJob extends ProviderJob {
  request: ModelRequest;
  createdAt: Date;
}

const TINY_PNG = sharp({ create: { width: 4, height: 4, channels: 3, background: "#808080" } })
  .png()
  .toBuffer();

export class FakeProvider implements Provider {
  readonly id = "fake";
  readonly label = "Fake provider (tests)";
  readonly pollIntervalMs = 5;
  readonly submitted: ModelRequest[] = [];
  /** Jobs started and not yet finished, now and at the most. */
  inFlight = 0;
  maxInFlight = 0;
  readonly uploads: string[] = [];
  private readonly jobs = new Map<string, FakeJob>();
  private readonly blobs = new Map<string, { bytes: Buffer; width: number; height: number }>();
  private readonly events = new EventEmitter();
  private counter = 0;
  private readonly pngBySize = new Map<string, Promise<Buffer>>();

  constructor(private readonly options: FakeProviderOptions = {}) {
    this.events.setMaxListeners(0);
  }

  async uploadAsset(input: { bytes: Buffer }): Promise<string> {
    const id = `fake_asset_${++this.counter}`;
    const meta = await sharp(input.bytes).metadata();
    this.blobs.set(id, { bytes: input.bytes, width: meta.width ?? 1, height: meta.height ?? 1 });
    this.uploads.push(id);
    return id;
  }

  /** Counts getModelSchema calls per model id. */
  readonly schemaLookups: string[] = [];

  async getModelSchema(modelId: string): Promise<ModelSchema | null> {
    this.schemaLookups.push(modelId);
    return (this.options.schemas ?? localModelSchema)(modelId);
  }

  async submit(request: ModelRequest): Promise<SubmittedJob> {
    const schema = (this.options.schemas ?? localModelSchema)(request.modelId);
    if (!schema) throw new ProviderError(`Model ${request.modelId} not found`, { status: 404 });
    const body = structuredClone(request.body);
    const refusal = checkBody(schema, body, request.modelId);
    if (refusal) throw new ProviderError(String(refusal.details?.reason ?? refusal.message), { status: 400 });
    for (const input of schema.inputs) {
      if (input.type !== "file" && input.type !== "file_array") continue;
      const ids = ([] as unknown[]).concat(request.body[input.name] ?? []);
      for (const id of ids)
        if (!this.blobs.has(String(id))) throw new ProviderError(`body.${input.name}: unknown asset ${String(id)}`, { status: 400 });
    }
    const lose = this.options.loseSubmit?.(request) ?? null;
    const lost = () => new ProviderError("The connection was reset before the answer arrived", { status: 502, code: "submission_unknown" });
    if (lose === "before-create") throw lost();
    this.submitted.push(request);
    const jobId = `fake_job_${++this.counter}`;
    const job: FakeJob = { jobId, status: "pending", progress: 0, assetIds: [], request, createdAt: new Date() };
    this.jobs.set(jobId, job);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const latency = typeof this.options.latencyMs === "function" ? this.options.latencyMs(request) : (this.options.latencyMs ?? 0);
    if (latency <= 0) await this.finish(job);
    else setTimeout(() => void this.finish(job), latency);
    if (lose === "after-create") throw lost();
    return { jobId, creditsCost: this.options.creditsPerJob ?? 5 };
  }

  /** Counts findSubmittedJob calls. */
  findCalls = 0;

  /**
   * The latest job of the same model and capability created at or after `after` that was submitted
   * with the request's `submissionId` (when it has one) and whose body equals the request's.
   */
  async findSubmittedJob(request: ModelRequest, after: Date): Promise<string | null> {
    this.findCalls++;
    const matches = [...this.jobs.values()].filter(
      (job) =>
        job.request.modelId === request.modelId &&
        job.request.capability === request.capability &&
        job.createdAt.getTime() >= after.getTime() &&
        job.request.submissionId === request.submissionId &&
        JSON.stringify(job.request.body) === JSON.stringify(request.body),
    );
    return matches.at(-1)?.jobId ?? null;
  }

  private async finish(job: FakeJob): Promise<void> {
    this.inFlight--;
    const failure = this.options.failWhen?.(job.request) ?? null;
    if (failure) {
      Object.assign(job, { status: "failed", error: failure, progress: 1 });
    } else {
      const { width, height } = this.outputSize(job.request);
      const count = Number(job.request.body.numOutputs ?? 1);
      for (let i = 0; i < count; i++) {
        const id = `fake_asset_${++this.counter}`;
        this.blobs.set(id, { bytes: await TINY_PNG, width, height });
        job.assetIds.push(id);
      }
      Object.assign(job, { status: "succeeded", progress: 1 });
    }
    this.events.emit(job.jobId, job);
  }

  /** The size a real model would return: explicit width/height, else the input × upscale factor. */
  private outputSize(request: ModelRequest): { width: number; height: number } {
    const source = request.body.image ?? (Array.isArray(request.body.referenceImages) ? request.body.referenceImages[0] : undefined);
    const input = source ? this.blobs.get(String(source)) : undefined;
    const factor = Number(request.body.upscaleFactor ?? 1);
    return {
      width: Number(request.body.width ?? (input ? input.width * factor : 64)),
      height: Number(request.body.height ?? (input ? input.height * factor : 64)),
    };
  }

  async getJob(jobId: string): Promise<ProviderJob> {
    const job = this.jobs.get(jobId);
    if (!job) throw new ProviderError(`job ${jobId} not found`, { status: 404 });
    const status = (this.options.statusOverride?.(job.request) ?? job.status) as ProviderJob["status"];
    return { jobId: job.jobId, status, progress: job.progress, assetIds: [...job.assetIds], error: job.error };
  }

  waitForJob(jobId: string, options: { signal?: AbortSignal } = {}): Promise<ProviderJob> {
    const job = this.jobs.get(jobId);
    if (!job) return Promise.reject(new ProviderError(`job ${jobId} not found`, { status: 404 }));
    if (job.status !== "pending") return this.getJob(jobId);
    return new Promise((resolve, reject) => {
      const onDone = () => resolve(this.getJob(jobId));
      this.events.once(jobId, onDone);
      options.signal?.addEventListener(
        "abort",
        () => {
          this.events.off(jobId, onDone);
          reject(Object.assign(new Error("aborted"), { name: "AbortError" }));
        },
        { once: true },
      );
    });
  }

  /** The bytes uploaded (or made) under a remote id. */
  bytesOf(remoteId: string): Buffer | undefined {
    return this.blobs.get(remoteId)?.bytes;
  }

  /** The pixel size the fake asset stands for (its bytes are a 4×4 PNG). */
  sizeOf(remoteId: string) {
    const blob = this.blobs.get(remoteId);
    return blob ? { width: blob.width, height: blob.height } : undefined;
  }

  async downloadAsset(remoteId: string) {
    const blob = this.blobs.get(remoteId);
    if (!blob) throw new ProviderError(`asset ${remoteId} not found`, { status: 404 });
    // A real PNG of the announced size keeps the studio's width/height checks honest.
    const key = `${blob.width}x${blob.height}`;
    let png = this.pngBySize.get(key);
    if (!png) {
      png = sharp({ create: { width: blob.width, height: blob.height, channels: 3, background: "#808080" } })
        .png({ compressionLevel: 1 })
        .toBuffer();
      this.pngBySize.set(key, png);
    }
    return { bytes: await png, mimeType: "image/png" };
  }

  async estimateCost() {
    return { credits: this.options.creditsPerJob ?? 5 };
  }

  /** Job ids the engine asked to cancel, in order. */
  readonly cancelRequests: string[] = [];

  async cancelJob(jobId: string) {
    this.cancelRequests.push(jobId);
    const job = this.jobs.get(jobId);
    if (job && job.status === "pending") {
      Object.assign(job, { status: "canceled" });
      this.events.emit(jobId, job);
    }
  }
}
