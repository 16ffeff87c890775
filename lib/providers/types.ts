/**
 * The one interface every generation back end implements (ARCHITECTURE.md, "Providers").
 *
 * The life cycle mirrors Scenario's public API (shared/reference/scenario-api-contract.md §2–§4):
 * upload input assets → submit a job for a model → poll (or await) the job → download the
 * output assets. Asset ids in a request body are the provider's own ("remote") ids, as
 * returned by `uploadAsset`; the engine maps studio assets to remote ids and back.
 *
 * Pure module: no Next.js, Prisma or React.
 */
import type { ModelSchema } from "./model-schema";

/** Scenario capability names, split as in shared/data/model-catalog.json. */
export type Capability =
  "txt2img" | "img2img" | "inpaint" | "outpaint" | "upscale" | "background-removal" | "img2video" | "txt2video" | "img2svg" | (string & {});

/** A request to run one model once. `body` uses Scenario's field names (prompt, image, mask, …). */
export interface ModelRequest {
  /** Model id, e.g. "model_upscale-v3". */
  modelId: string;
  /** What the request asks for; the local engine picks its operation from it. */
  capability: Capability;
  /** Free-form body as sent to `POST /generate/custom/{modelId}`; image fields hold remote asset ids. */
  body: Record<string, unknown>;
  /**
   * True when the outputs only feed further model nodes of the same run (no Output node reads
   * them): a provider may favour speed over size for them (the local engine encodes them at PNG
   * compression level 0; issue 14). Not part of the body: never sent to Scenario.
   */
  intermediate?: boolean;
  /**
   * Unique to one submission of one node run's request (a random id recorded in its
   * SubmissionRecord before the submit, lib/engine/submission.ts). A provider that stores it with
   * the job (the offline engine) finds the job of a lost answer by it alone in `findSubmittedJob`,
   * so a resumed node never adopts another run's job with the same body. Not part of the body:
   * never sent to Scenario.
   */
  submissionId?: string;
}

/** Job status normalised from Scenario's `pending|queued|warming-up|in-progress|finalizing|success|failure|canceled`. */
export type ProviderJobStatus = "pending" | "running" | "succeeded" | "failed" | "canceled";

export interface ProviderJob {
  jobId: string;
  status: ProviderJobStatus;
  /** 0 to 1. */
  progress: number;
  /** Remote ids of the output assets; filled when `status` is "succeeded". */
  assetIds: string[];
  /** Human-readable reason when `status` is "failed". */
  error?: string;
  /**
   * Sentences for the designer about how the job was done, when it differs from what was asked
   * (the offline engine: "Upscaled with Lanczos: the image is 2.4 MP, above the neural model's
   * 1 MP limit on this machine."); the node run shows them with its notes.
   */
  notes?: string[];
}

export interface SubmittedJob {
  jobId: string;
  /** Credits (CU) the provider says the job costs, or null when it does not say. */
  creditsCost: number | null;
}

export interface CostEstimate {
  /** Credits (CU). */
  credits: number;
  /** Breakdown as given by Scenario's dry run (`costDetails`), when there is one. */
  details?: Record<string, number>;
}

export interface DownloadedAsset {
  bytes: Buffer;
  /** "image/png", "image/jpeg" or "image/webp". */
  mimeType: string;
  /** Size in pixels, when the provider knows it without decoding (the local engine does). */
  width?: number;
  height?: number;
}

/** `GET /api/engine`: which generation back end runs workflows (never any credential). */
export interface EngineInfoDto {
  provider: Pick<Provider, "id" | "label">;
}

export interface Provider {
  /** "local" (offline engine) or "scenario". */
  readonly id: "local" | "scenario" | (string & {});
  /** Shown in the UI, e.g. "Local preview engine". */
  readonly label: string;
  /** Suggested delay between two `getJob` polls, in milliseconds. */
  readonly pollIntervalMs: number;

  /**
   * Stores an input file with the provider; returns its remote asset id. Scenario: images under
   * 3.5 MB as base64 `POST /assets`, larger images and every video, audio or 3D file through the
   * multipart `POST /uploads` flow (scenario-api-contract.md §4).
   */
  uploadAsset(input: { bytes: Buffer; mimeType: string; name: string }): Promise<string>;
  /**
   * The model's own input schema (`GET /models/{id}` `inputs[]` + `uiConfig`), or null when the
   * provider has none for it. Requests are built from it (lib/nodes/prepare-request.ts).
   * @throws ProviderError 404 for an unknown model.
   */
  getModelSchema?(modelId: string): Promise<ModelSchema | null>;
  /**
   * Finds the job a `submit` created when its response was lost (ProviderError code
   * `submission_unknown`): recent jobs of `request.modelId` created at or after `submittedAfter`
   * whose recorded input matches `request.body` (a provider that stored `request.submissionId`
   * matches that instead). Returns its id, or null when none exists.
   * Scenario: `GET /jobs` (contract §3). Never submits anything.
   */
  findSubmittedJob?(request: ModelRequest, submittedAfter: Date): Promise<string | null>;
  /** Starts one job. Throws ProviderError (4xx: not retryable) after the provider's own retries. */
  submit(request: ModelRequest): Promise<SubmittedJob>;
  /** Reads a job's state. Throws ProviderError with status 404 for an unknown job id. */
  getJob(jobId: string): Promise<ProviderJob>;
  /**
   * Optional: resolves when the job reaches a terminal status (push instead of polling).
   * `onProgress` receives 0..1 updates. Providers without push leave it undefined.
   */
  waitForJob?(jobId: string, options: { signal?: AbortSignal; onProgress?: (progress: number) => void }): Promise<ProviderJob>;
  /** Fetches the bytes of a remote asset. */
  downloadAsset(remoteAssetId: string): Promise<DownloadedAsset>;
  /** Cost preview without running (Scenario: `?dryRun=true`, HTTP 269). */
  estimateCost(request: ModelRequest): Promise<CostEstimate>;
  /** Best effort; Scenario refuses most generation cancels with 400. */
  cancelJob?(jobId: string): Promise<void>;
}

/**
 * An error from a provider call.
 * `status` is the HTTP status (or the emulated one); `retryable` is true for 429 and 5xx
 * (api-integration-guide.txt, "Error handling": back off on 429 and 5xx, fail at once on other 4xx).
 */
export class ProviderError extends Error {
  readonly status: number | null;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;
  readonly code: string;

  constructor(
    message: string,
    options: { status?: number | null; retryable?: boolean; retryAfterMs?: number | null; code?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ProviderError";
    this.status = options.status ?? null;
    this.retryable = options.retryable ?? (options.status === 429 || (options.status ?? 0) >= 500);
    this.retryAfterMs = options.retryAfterMs ?? null;
    /**
     * `provider_error` by default; `submission_unknown` when a generate request was sent but its
     * answer was lost (5xx after sending, timeout, reset): the job may exist, so it must be found
     * with `findSubmittedJob`, never sent again.
     */
    this.code = options.code ?? "provider_error";
  }
}
