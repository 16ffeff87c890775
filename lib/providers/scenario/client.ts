/**
 * A thin typed HTTP client for Scenario's public API (scenario-api-contract.md §1–§5).
 *
 * One instance holds one key pair. Every call is retried by `withRetry` (../retry.ts) when it
 * fails with a retryable ProviderError: HTTP 429 and 5xx (honouring `Retry-After`), network
 * errors and timeouts. Other 4xx fail at once (api-integration-guide.txt, "Error handling").
 *
 * The API secret lives only in a private field and in the `Authorization` header; it is never
 * logged, never put in an error message, and never sent to the signed asset URLs.
 */
import { z } from "zod";
import type { ModelInput } from "../model-schema";

import { abortableSleep, withRetry } from "../retry";
import { ProviderError, type ProviderJob } from "../types";
import { errorFromResponse, extractErrorReason, parseRetryAfter, ScenarioRateLimitError } from "./errors";
import {
  assetResponseSchema,
  dryRunResponseSchema,
  generateResponseSchema,
  jobListResponseSchema,
  jobResponseSchema,
  parseReply,
  toProviderJob,
  uploadResponseSchema,
} from "./normalize";

/** Production base URL (contract §1). */
export const SCENARIO_DEFAULT_BASE_URL = "https://api.cloud.scenario.com/v1";
/** Default per-request timeout, in milliseconds. */
export const SCENARIO_DEFAULT_TIMEOUT_MS = 60_000;
/** HTTP status of a successful dry run (contract §1). */
export const SCENARIO_DRY_RUN_STATUS = 269;
/**
 * Images below this many bytes go as base64 `POST /assets`; larger ones and every other file
 * through `POST /uploads` (contract §4: the API takes base64 under 6 MB, the official client
 * switches to multipart above 3.5 MB).
 */
export const SCENARIO_BASE64_UPLOAD_MAX_BYTES = 3_500_000;
/** Bytes per part of a multipart upload (the official Blender client's part size). */
export const SCENARIO_UPLOAD_PART_BYTES = 32 * 1024 * 1024;
/** Largest `pageSize` of `GET /jobs` (contract §3). */
export const SCENARIO_JOBS_MAX_PAGE_SIZE = 200;
/**
 * Network failures that happen before a request is sent (nothing reached the API), so even a
 * paid generate may be sent again.
 */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);

/** Backoff settings passed to `withRetry` (delays in milliseconds). */
export interface ScenarioRetryOptions {
  /** Retries after the first attempt (default 4). */
  retries?: number;
  /** First backoff ceiling (default 500 ms), doubled per attempt. */
  baseDelayMs?: number;
  /** Backoff cap (default 8000 ms). */
  maxDelayMs?: number;
  /** Injected sleep (tests record the delays instead of waiting). */
  sleep?: (ms: number) => Promise<void>;
  /** Injected random source in [0, 1) for the jitter. */
  random?: () => number;
  /** A `Retry-After` above this (ms) is not waited for; the error is thrown (withRetry default 60 000). */
  maxRetryAfterMs?: number;
}

export interface ScenarioClientOptions {
  apiKey: string;
  apiSecret: string;
  /** Default `https://api.cloud.scenario.com/v1`; a trailing slash is ignored. */
  baseUrl?: string;
  /** Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  retry?: ScenarioRetryOptions;
  /** Per attempt, in milliseconds (default 60 000). A timeout is retryable. */
  timeoutMs?: number;
  /** Optional `?projectId=` added to every API call (contract §1). */
  projectId?: string;
  /** Delay between two polls of an upload job, in milliseconds (default 1500). */
  uploadPollIntervalMs?: number;
  /** Polls of an upload job before giving up (default 120). */
  uploadMaxPolls?: number;
  /** Bytes per multipart part (default 32 MiB). */
  uploadPartBytes?: number;
}

/** One row of `GET /jobs` (contract §3), reduced to what reconciling a lost submission needs. */
export interface ScenarioJobSummary {
  jobId: string;
  jobType: string | null;
  /** Raw Scenario status (`queued`, `success`, …). */
  status: string;
  /** The model the job runs, when the API says. */
  modelId: string | null;
  /** ISO date, or null when missing. */
  createdAt: string | null;
  /** `metadata.input`: the body the job was created with, when the API gives it. */
  input: Record<string, unknown> | null;
}

/** Filters of `GET /jobs` (contract §3). */
export interface ScenarioListJobsOptions {
  /** 1–200 (default 50). */
  pageSize?: number;
  paginationToken?: string;
  status?: string;
  /** One job type (`custom`, `upload`, …) or several (sent as `types`, comma-separated). */
  type?: string | string[];
  authorId?: string;
}

/** Result of `generate`: the job id and the credits the API says it will cost. */
export interface ScenarioGenerateResult {
  jobId: string;
  /** Creative Units (CU) from `creativeUnitsCost`, or null when the reply has none. */
  creditsCost: number | null;
}

/** Result of `dryRun`, in Creative Units (CU). */
export interface ScenarioDryRunResult {
  credits: number;
  discount: number;
  /** `costDetails` with its numeric entries, e.g. `{"custom-generation": 9, "quality-gate": 1.75}`. */
  details: Record<string, number>;
}

/** An asset record, reduced (contract §4). */
export interface ScenarioAsset {
  id: string;
  /** Signed URL (keep its query intact), or null while the asset is not ready. */
  url: string | null;
  mimeType: string | null;
  /** Pixels, when the API reports them. */
  width: number | null;
  height: number | null;
}

/** Largest `pageSize` `GET /models` accepts (contract §5). */
export const SCENARIO_MODELS_MAX_PAGE_SIZE = 500;

/**
 * One item of a model's `inputs[]` (contract §5): the parameter schema of
 * `POST /generate/custom/{modelId}`, as lib/providers/model-schema.ts parses it (extra fields kept).
 */
export type ScenarioModelInput = ModelInput;

/**
 * A model as `GET /models` (list row) or `GET /models/{id}` (full record) returns it (contract §5).
 * List rows omit `inputs` and `uiConfig`; `capabilities` and `tags` default to `[]` when absent.
 */
export interface ScenarioModel {
  id: string;
  name: string | null;
  shortDescription?: string | null;
  /** `custom` for the catalog's foundation / third-party models; `flux.1-lora`, … for trained ones. */
  type?: string | null;
  privacy?: string | null;
  /** `new|training|trained|failed|copying|training-canceled`. */
  status?: string | null;
  /** Scenario's own capability slugs (`txt2img`, `img2img`, …); an open enum. */
  capabilities: string[];
  tags: string[];
  /** Plan tier gate: 0/25/50/75/100. */
  accessRestrictions?: number | null;
  exampleAssetIds?: string[];
  /** Present on `GET /models/{id}` only. */
  inputs?: ScenarioModelInput[];
  uiConfig?: unknown;
  createdAt?: string | null;
  updatedAt?: string | null;
  [key: string]: unknown;
}

/** `GET /models/{id}` reply (contract §5). */
export interface ScenarioModelRecord {
  model: ScenarioModel;
}

/** Filters of `GET /models` (contract §5). */
export interface ScenarioListModelsOptions {
  privacy?: "public" | "private";
  /** Rows per page, 1–500 (API maximum, contract §5). Default 500. */
  pageSize?: number;
  /** `new|training|trained|failed|copying|training-canceled`. */
  status?: string;
  collectionId?: string;
  /** Safety stop against a server that keeps answering with tokens. Default 1000 pages. */
  maxPages?: number;
}

const scenarioModelSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullish(),
  capabilities: z.array(z.string()).nullish(),
  tags: z.array(z.string()).nullish(),
  inputs: z.array(z.unknown()).nullish(),
});
const modelListResponseSchema = z.object({
  models: z.array(scenarioModelSchema),
  nextPaginationToken: z.string().nullish(),
});
const modelRecordResponseSchema = z.object({ model: scenarioModelSchema });

interface RequestSpec {
  method: "GET" | "POST";
  /** Path below the base URL, starting with "/". */
  path: string;
  query?: Record<string, string>;
  json?: unknown;
  /** Accepted statuses; default any 2xx. */
  okStatuses?: readonly number[];
}

interface Reply {
  status: number;
  body: unknown;
}

/**
 * Typed client of the Scenario REST API. Every method throws `ProviderError` (after retries)
 * with `status` = the HTTP status (null for network errors and timeouts).
 */
export class ScenarioClient {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly #authorization: string;
  readonly #secrets: string[];
  readonly #fetch: typeof globalThis.fetch;
  readonly #retry: ScenarioRetryOptions;
  readonly #projectId: string | undefined;
  readonly #upload: { pollIntervalMs: number; maxPolls: number; partBytes: number };

  /**
   * @param options key pair (required, non-empty), base URL, fetch, backoff and timeout settings.
   * @throws ProviderError (code `missing_credentials`) when the key or the secret is empty.
   */
  constructor(options: ScenarioClientOptions) {
    if (!options.apiKey || !options.apiSecret) {
      throw new ProviderError("Scenario API key and secret are required (SCENARIO_API_KEY, SCENARIO_API_SECRET)", {
        status: null,
        retryable: false,
        code: "missing_credentials",
      });
    }
    const token = Buffer.from(`${options.apiKey}:${options.apiSecret}`, "utf8").toString("base64");
    this.#authorization = `Basic ${token}`;
    this.#secrets = [options.apiSecret, token].filter((s) => s.length >= 4);
    this.baseUrl = (options.baseUrl ?? SCENARIO_DEFAULT_BASE_URL).replace(/\/+$/, "");
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#retry = options.retry ?? {};
    this.timeoutMs = options.timeoutMs ?? SCENARIO_DEFAULT_TIMEOUT_MS;
    this.#projectId = options.projectId;
    this.#upload = {
      pollIntervalMs: options.uploadPollIntervalMs ?? 1500,
      maxPolls: options.uploadMaxPolls ?? 120,
      partBytes: options.uploadPartBytes ?? SCENARIO_UPLOAD_PART_BYTES,
    };
  }

  /**
   * Starts a paid generation: `POST /generate/custom/{modelId}` with `body` as JSON (contract §2).
   *
   * @param modelId e.g. `model_upscale-v3`.
   * @param body free-form model inputs (`prompt`, `image` = asset id, `numOutputs`, …).
   * @returns the job id (`job.jobId`, or `job.id` as on the help pages) and `creativeUnitsCost` in CU.
   * @throws ProviderError 400 (bad inputs), 404 (`Model … not found`), 401/403; a 429 after retries
   *   (waiting `Retry-After` or `remainingSeconds`); a `ScenarioRateLimitError` at once when the 429
   *   names `details.actionLimit` (too many jobs in flight: wait for one to end, see ScenarioProvider);
   *   code `submission_unknown` (not retryable) after a 5xx, a timeout or a lost connection.
   */
  async generate(modelId: string, body: Record<string, unknown>): Promise<ScenarioGenerateResult> {
    // Never pay twice: once the request may have reached the API (a 5xx, a timeout, a reset), the
    // job may exist, so it is never sent again; the caller reconciles with `listJobs`. Only a 429
    // (refused before anything was created) and a connection that never opened are retried.
    const spec: RequestSpec = { method: "POST", path: generatePath(modelId), json: body };
    const reply = await this.#retryCall(() =>
      this.#send(spec).catch((error: unknown) => {
        throw generateFailure(error);
      }),
    );
    const parsed = parseReply(generateResponseSchema, reply.body, "generate", reply.status);
    const jobId = parsed.job.jobId ?? parsed.job.id;
    if (!jobId) {
      throw new ProviderError("Scenario API generate: unexpected reply (job.jobId and job.id are missing)", {
        status: reply.status,
        retryable: false,
        code: "invalid_response",
      });
    }
    return { jobId, creditsCost: parsed.creativeUnitsCost ?? null };
  }

  /**
   * Cost preview without running: `POST /generate/custom/{modelId}?dryRun=true` (contract §1).
   * The API answers HTTP 269 (200 is accepted too). `dryRun` must be a query parameter: in the
   * body it is ignored and a paid job runs.
   *
   * @returns `{credits, discount, details}` in Creative Units (CU).
   * @throws ProviderError as `generate`; code `unexpected_status` for another 2xx.
   */
  async dryRun(modelId: string, body: Record<string, unknown>): Promise<ScenarioDryRunResult> {
    const reply = await this.#call({
      method: "POST",
      path: generatePath(modelId),
      query: { dryRun: "true" },
      json: body,
      okStatuses: [SCENARIO_DRY_RUN_STATUS, 200],
    });
    const parsed = parseReply(dryRunResponseSchema, reply.body, "dryRun", reply.status);
    const details: Record<string, number> = {};
    for (const [key, value] of Object.entries(parsed.costDetails ?? {})) {
      if (typeof value === "number" && Number.isFinite(value)) details[key] = value;
    }
    return { credits: parsed.creativeUnitsCost, discount: parsed.creativeUnitsDiscount ?? 0, details };
  }

  /**
   * Reads a job: `GET /jobs/{jobId}` (contract §3), normalised to a `ProviderJob`
   * (status mapping in normalize.ts `normaliseJobStatus`; progress 0–1; output ids from
   * `metadata.assetIds`; `error` from `metadata.error` when failed).
   *
   * @throws ProviderError 404 for an unknown job id.
   */
  async getJob(jobId: string): Promise<ProviderJob> {
    const reply = await this.#call({ method: "GET", path: `/jobs/${encodeURIComponent(requireId(jobId, "job id"))}` });
    return toProviderJob(parseReply(jobResponseSchema, reply.body, "getJob", reply.status), jobId);
  }

  /**
   * Best-effort cancel: `POST /jobs/{jobId}/action {"action":"cancel"}` (contract §3).
   * Scenario refuses most generation cancels with 400 `Cannot cancel this type of job`;
   * that answer resolves quietly.
   *
   * @throws ProviderError for any other failure (e.g. 404 unknown job).
   */
  async cancelJob(jobId: string): Promise<void> {
    try {
      await this.#call({
        method: "POST",
        path: `/jobs/${encodeURIComponent(requireId(jobId, "job id"))}/action`,
        json: { action: "cancel" },
      });
    } catch (error) {
      if (error instanceof ProviderError && error.status === 400 && /cannot cancel/i.test(error.message)) return;
      throw error;
    }
  }

  /**
   * Uploads a file and returns its asset id (contract §4): images below
   * `SCENARIO_BASE64_UPLOAD_MAX_BYTES` (3.5 MB) as base64 `POST /assets`, larger images and every
   * video, audio or 3D file through the multipart flow (`uploadMultipart`).
   *
   * @param input raw bytes, their MIME type (`image/png`, `video/mp4`, `audio/mpeg`, `model/gltf-binary`, …) and a file name.
   * @throws ProviderError code `invalid_input` for empty bytes or a missing MIME type; HTTP errors as `getJob`;
   *   code `upload_failed` when the upload job fails or never finishes.
   */
  async uploadAsset(input: { bytes: Buffer; mimeType: string; name: string }): Promise<string> {
    if (!input.bytes?.length) {
      throw new ProviderError("Scenario uploadAsset: no bytes to upload", { status: null, retryable: false, code: "invalid_input" });
    }
    if (!/^[\w.+-]+\/[\w.+-]+$/.test(input.mimeType ?? "")) {
      throw new ProviderError(`Scenario uploadAsset: a MIME type is required (got "${input.mimeType}")`, {
        status: null,
        retryable: false,
        code: "invalid_input",
      });
    }
    const kind = uploadKindOf(input.mimeType);
    if (kind === "image" && input.bytes.length < SCENARIO_BASE64_UPLOAD_MAX_BYTES) return this.uploadBase64Image(input);
    return this.uploadMultipart(input);
  }

  /**
   * `POST /assets` with JSON `{image: "data:<mime>;base64,…", name}` (contract §4). Images only,
   * under 6 MB; `uploadAsset` picks this path below 3.5 MB.
   * @returns the new asset id (`asset.id`).
   */
  async uploadBase64Image(input: { bytes: Buffer; mimeType: string; name: string }): Promise<string> {
    const image = `data:${input.mimeType};base64,${input.bytes.toString("base64")}`;
    const reply = await this.#call({ method: "POST", path: "/assets", json: { image, name: input.name || "upload" } });
    return parseReply(assetResponseSchema, reply.body, "uploadAsset", reply.status).asset.id;
  }

  /**
   * Multipart upload (contract §4): `POST /uploads {fileName, fileSize, contentType, kind, parts}`,
   * `PUT` each part (32 MiB, the last shorter) to its signed URL without the Authorization header,
   * `POST /uploads/{id}/action {"action":"complete"}`, then polls the upload job until
   * `metadata.output.entityId` names the new asset.
   *
   * @returns the new asset id.
   * @throws ProviderError `download_failed`-style `upload_failed` when a part is refused, the
   *   upload job fails, or it has no asset after `uploadMaxPolls` polls.
   */
  async uploadMultipart(input: { bytes: Buffer; mimeType: string; name: string }): Promise<string> {
    const partBytes = this.#upload.partBytes;
    const parts = Math.max(1, Math.ceil(input.bytes.length / partBytes));
    const created = await this.#call({
      method: "POST",
      path: "/uploads",
      json: {
        fileName: input.name || "upload",
        fileSize: input.bytes.length,
        contentType: input.mimeType,
        kind: uploadKindOf(input.mimeType),
        parts,
      },
    });
    const { upload } = parseReply(uploadResponseSchema, created.body, "uploadAsset", created.status);
    const jobId = upload.jobId;
    if (!jobId || upload.parts.length !== parts) {
      throw new ProviderError(`Scenario API uploadAsset: unexpected reply (${parts} part URLs and a job id expected)`, {
        status: created.status,
        retryable: false,
        code: "invalid_response",
      });
    }
    for (const part of [...upload.parts].sort((a, b) => a.number - b.number)) {
      const chunk = input.bytes.subarray((part.number - 1) * partBytes, part.number * partBytes);
      await this.#retryCall(() => this.#putPart(part.url, chunk, input.mimeType, part.number));
    }
    await this.#call({ method: "POST", path: `/uploads/${encodeURIComponent(upload.id)}/action`, json: { action: "complete" } });
    const sleep = this.#retry.sleep ?? abortableSleep;
    for (let poll = 0; poll < this.#upload.maxPolls; poll++) {
      const reply = await this.#call({ method: "GET", path: `/jobs/${encodeURIComponent(jobId)}` });
      const job = toProviderJob(parseReply(jobResponseSchema, reply.body, "uploadAsset", reply.status), jobId);
      if (job.status === "succeeded" && job.assetIds[0]) return job.assetIds[0];
      if (job.status === "failed" || job.status === "canceled") {
        throw new ProviderError(`Scenario could not import ${input.name || "the file"}: ${job.error ?? job.status}`, {
          status: null,
          retryable: false,
          code: "upload_failed",
        });
      }
      await sleep(this.#upload.pollIntervalMs);
    }
    throw new ProviderError(`Scenario did not finish importing ${input.name || "the file"} in time`, {
      status: null,
      retryable: true,
      code: "upload_failed",
    });
  }

  /**
   * Lists jobs, newest first: `GET /jobs?pageSize&paginationToken&status&type|types&authorId` (contract §3).
   * @returns one page: `{jobs, nextPaginationToken}` (null on the last page).
   * @throws ProviderError code `invalid_input` for a pageSize outside 1–200; HTTP errors as `getJob`.
   */
  async listJobs(options: ScenarioListJobsOptions = {}): Promise<{ jobs: ScenarioJobSummary[]; nextPaginationToken: string | null }> {
    const pageSize = options.pageSize ?? 50;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > SCENARIO_JOBS_MAX_PAGE_SIZE) {
      throw new ProviderError(`Scenario listJobs: pageSize must be an integer from 1 to ${SCENARIO_JOBS_MAX_PAGE_SIZE} (got ${pageSize})`, {
        status: null,
        retryable: false,
        code: "invalid_input",
      });
    }
    const query: Record<string, string> = { pageSize: String(pageSize) };
    if (options.paginationToken) query.paginationToken = options.paginationToken;
    if (options.status) query.status = options.status;
    if (Array.isArray(options.type)) query.types = options.type.join(",");
    else if (options.type) query.type = options.type;
    if (options.authorId) query.authorId = options.authorId;
    const reply = await this.#call({ method: "GET", path: "/jobs", query });
    const parsed = parseReply(jobListResponseSchema, reply.body, "listJobs", reply.status);
    return {
      jobs: parsed.jobs.flatMap((job) => {
        const jobId = job.jobId ?? job.id;
        if (!jobId) return [];
        const input = job.metadata?.input;
        return [
          {
            jobId,
            jobType: job.jobType ?? null,
            status: job.status,
            modelId: job.modelId ?? null,
            createdAt: job.createdAt ?? null,
            input: input && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : null,
          },
        ];
      }),
      nextPaginationToken: parsed.nextPaginationToken || null,
    };
  }

  /**
   * Reads an asset: `GET /assets/{assetId}` (contract §4).
   *
   * @returns `{id, url, mimeType, width, height}` from `asset.url`, `asset.mimeType` and
   *   `asset.properties.width/height` (pixels); missing fields are null.
   * @throws ProviderError 404 for an unknown asset.
   */
  async getAsset(assetId: string): Promise<ScenarioAsset> {
    return this.#retryCall(() => this.#getAssetOnce(assetId));
  }

  /**
   * Downloads an asset's bytes: `getAsset`, then `GET` of the signed `asset.url` exactly as given
   * (query kept intact, no `Authorization` header: the URL carries its own signature).
   * Each retry asks for a fresh signed URL.
   *
   * @returns the bytes and the MIME type (`asset.mimeType`, else the response's Content-Type,
   *   else sniffed from the bytes).
   * @throws ProviderError 404 unknown asset; code `asset_not_ready` (retryable) while the asset
   *   has no URL; `download_failed` with the storage's HTTP status when the signed URL fails.
   */
  async downloadAsset(assetId: string): Promise<{ bytes: Buffer; mimeType: string }> {
    return this.#retryCall(async () => {
      const asset = await this.#getAssetOnce(assetId);
      if (!asset.url) {
        throw new ProviderError(`Scenario asset ${assetId} has no download URL yet`, {
          status: null,
          retryable: true,
          code: "asset_not_ready",
        });
      }
      const url = /^https?:\/\//i.test(asset.url) ? asset.url : new URL(asset.url, `${this.baseUrl}/`).toString();
      const response = await this.#fetchOnce(url, { method: "GET" }, `download of asset ${assetId}`);
      if (!response.ok) {
        const text = await response.text().catch(() => "");
        const reason = extractErrorReason(safeJson(text)) ?? (response.statusText || "request failed");
        throw new ProviderError(`Scenario asset download ${response.status}: ${reason}`, {
          status: response.status,
          retryable: response.status === 429 || response.status >= 500,
          retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
          code: "download_failed",
        });
      }
      const bytes = Buffer.from(await this.#readBody(response, `download of asset ${assetId}`, (r) => r.arrayBuffer()));
      const mimeType = asset.mimeType || contentType(response) || sniffImageType(bytes) || "application/octet-stream";
      return { bytes, mimeType };
    });
  }

  /**
   * Lists models: `GET /models?privacy&pageSize&paginationToken&status&collectionId`
   * (contract §5), following `nextPaginationToken` until the last page.
   * List rows omit `inputs` / `uiConfig`: call `getModel` for them.
   *
   * @returns every row of every page, in the API's order.
   * @throws ProviderError code `invalid_input` for a `pageSize` outside 1–500; code
   *   `invalid_response` for a malformed page or a repeated pagination token; HTTP errors as `getJob`.
   */
  async listModels(options: ScenarioListModelsOptions = {}): Promise<ScenarioModel[]> {
    const models: ScenarioModel[] = [];
    for await (const page of this.listModelPages(options)) models.push(...page);
    return models;
  }

  /**
   * Same as `listModels`, one page at a time (each page fetched with retries when consumed).
   * Stops after the page without `nextPaginationToken`.
   */
  async *listModelPages(options: ScenarioListModelsOptions = {}): AsyncGenerator<ScenarioModel[], void, undefined> {
    const pageSize = options.pageSize ?? SCENARIO_MODELS_MAX_PAGE_SIZE;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > SCENARIO_MODELS_MAX_PAGE_SIZE) {
      throw new ProviderError(
        `Scenario listModels: pageSize must be an integer from 1 to ${SCENARIO_MODELS_MAX_PAGE_SIZE} (got ${pageSize})`,
        {
          status: null,
          retryable: false,
          code: "invalid_input",
        },
      );
    }
    const maxPages = options.maxPages ?? 1000;
    const seen = new Set<string>();
    let token: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const query: Record<string, string> = { pageSize: String(pageSize) };
      if (options.privacy) query.privacy = options.privacy;
      if (options.status) query.status = options.status;
      if (options.collectionId) query.collectionId = options.collectionId;
      if (token) query.paginationToken = token;
      const reply = await this.#call({ method: "GET", path: "/models", query });
      const parsed = parseReply(modelListResponseSchema, reply.body, "listModels", reply.status);
      yield parsed.models.map(toScenarioModel);
      const next = parsed.nextPaginationToken || undefined;
      if (!next) return;
      if (seen.has(next)) {
        throw new ProviderError("Scenario API listModels: the pagination token repeats (the API would loop)", {
          status: reply.status,
          retryable: false,
          code: "invalid_response",
        });
      }
      seen.add(next);
      token = next;
    }
    throw new ProviderError(`Scenario API listModels: more than ${maxPages} pages; stopped`, {
      status: null,
      retryable: false,
      code: "too_many_pages",
    });
  }

  /**
   * Reads one model with its parameter schema: `GET /models/{modelId}` (contract §5).
   *
   * @returns `{model}` with `inputs[]` (items without a string `name` and `type` are left out),
   *   `capabilities`, `tags`, `name`, `type`, `status`, … as the API sent them.
   * @throws ProviderError 404 (`Model … not found`), 401/403, `invalid_response`, or after retries 429/5xx.
   */
  async getModel(modelId: string): Promise<ScenarioModelRecord> {
    const reply = await this.#call({ method: "GET", path: `/models/${encodeURIComponent(requireId(modelId, "model id"))}` });
    const parsed = parseReply(modelRecordResponseSchema, reply.body, "getModel", reply.status);
    return { model: toScenarioModel(parsed.model) };
  }

  async #getAssetOnce(assetId: string): Promise<ScenarioAsset> {
    const reply = await this.#send({ method: "GET", path: `/assets/${encodeURIComponent(requireId(assetId, "asset id"))}` });
    const { asset } = parseReply(assetResponseSchema, reply.body, "getAsset", reply.status);
    return {
      id: asset.id,
      url: asset.url || null,
      mimeType: asset.mimeType || null,
      width: asset.properties?.width ?? null,
      height: asset.properties?.height ?? null,
    };
  }

  /** One `PUT` of a multipart part to its signed URL (no Authorization: the URL carries its signature). */
  async #putPart(url: string, chunk: Buffer, contentType: string, number: number): Promise<void> {
    const operation = `upload of part ${number}`;
    const response = await this.#fetchOnce(
      url,
      { method: "PUT", headers: { "Content-Type": contentType }, body: new Uint8Array(chunk) },
      operation,
    );
    const text = await this.#readBody(response, operation, (r) => r.text());
    if (!response.ok) {
      throw new ProviderError(
        `Scenario ${operation} ${response.status}: ${extractErrorReason(safeJson(text)) ?? (response.statusText || "refused")}`,
        {
          status: response.status,
          retryable: response.status === 429 || response.status >= 500,
          retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
          code: "upload_failed",
        },
      );
    }
  }

  /** One API call with retries. */
  #call(spec: RequestSpec): Promise<Reply> {
    return this.#retryCall(() => this.#send(spec));
  }

  #retryCall<T>(fn: () => Promise<T>): Promise<T> {
    const { retries, baseDelayMs, maxDelayMs, sleep, random, maxRetryAfterMs } = this.#retry;
    return withRetry(() => fn(), { retries, baseDelayMs, maxDelayMs, sleep, random, maxRetryAfterMs });
  }

  /** One attempt of one API call: auth, JSON in and out, error mapping. */
  async #send(spec: RequestSpec): Promise<Reply> {
    const url = new URL(`${this.baseUrl}${spec.path}`);
    for (const [key, value] of Object.entries(spec.query ?? {})) url.searchParams.set(key, value);
    if (this.#projectId) url.searchParams.set("projectId", this.#projectId);

    const headers: Record<string, string> = { Authorization: this.#authorization, Accept: "application/json" };
    let body: string | undefined;
    if (spec.json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(spec.json);
    }
    const operation = `${spec.method} ${spec.path}`;
    const response = await this.#fetchOnce(url.toString(), { method: spec.method, headers, body }, operation);
    const text = await this.#readBody(response, operation, (r) => r.text());
    const parsed = safeJson(text);

    if (!response.ok) {
      throw this.#redact(errorFromResponse(response.status, parsed, response.headers.get("retry-after"), response.statusText));
    }
    if (spec.okStatuses && !spec.okStatuses.includes(response.status)) {
      throw new ProviderError(`Scenario API ${operation}: unexpected HTTP ${response.status}`, {
        status: response.status,
        retryable: false,
        code: "unexpected_status",
      });
    }
    if (typeof parsed === "string" && parsed.trim()) {
      throw new ProviderError(`Scenario API ${operation}: reply is not JSON`, {
        status: response.status,
        retryable: false,
        code: "invalid_response",
      });
    }
    return { status: response.status, body: parsed };
  }

  /** fetch with the per-attempt timeout; network failures and timeouts become retryable ProviderErrors. */
  async #fetchOnce(url: string, init: RequestInit, operation: string): Promise<Response> {
    try {
      return await this.#fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw this.#transportError(error, operation);
    }
  }

  async #readBody<T>(response: Response, operation: string, read: (r: Response) => Promise<T>): Promise<T> {
    try {
      return await read(response);
    } catch (error) {
      throw this.#transportError(error, operation);
    }
  }

  #transportError(error: unknown, operation: string): ProviderError {
    const name = (error as { name?: string } | null)?.name;
    if (name === "TimeoutError" || name === "AbortError") {
      return new ProviderError(`Scenario API ${operation}: no answer within ${this.timeoutMs} ms`, {
        status: null,
        retryable: true,
        code: "timeout",
        cause: error,
      });
    }
    return this.#redact(
      new ProviderError(`Scenario API ${operation}: network error (${describeNetworkError(error)})`, {
        status: null,
        retryable: true,
        code: "network_error",
        cause: error,
      }),
    );
  }

  /** Belt and braces: strips the secret (and the encoded header) should a message ever contain them. */
  #redact(error: ProviderError): ProviderError {
    for (const secret of this.#secrets) {
      if (error.message.includes(secret)) error.message = error.message.split(secret).join("[redacted]");
    }
    return error;
  }
}

/** Normalises a parsed model row: `capabilities`/`tags` default to `[]`, malformed `inputs[]` items are dropped. */
function toScenarioModel(raw: z.infer<typeof scenarioModelSchema>): ScenarioModel {
  const { inputs, ...rest } = raw;
  const model: ScenarioModel = {
    ...rest,
    id: raw.id,
    name: raw.name ?? null,
    capabilities: raw.capabilities ?? [],
    tags: raw.tags ?? [],
  };
  if (Array.isArray(inputs)) {
    model.inputs = inputs.filter(
      (item): item is ScenarioModelInput =>
        typeof item === "object" &&
        item !== null &&
        typeof (item as { name?: unknown }).name === "string" &&
        typeof (item as { type?: unknown }).type === "string",
    );
  }
  return model;
}

/**
 * What a failed generate attempt becomes. A 429 stays retryable (nothing was created), except one
 * naming `details.actionLimit`, thrown at once so the caller can wait for a job to end. A
 * connection that never opened stays retryable. Any other 5xx or transport failure means the job
 * may exist: code `submission_unknown`, not retryable.
 */
function generateFailure(error: unknown): unknown {
  if (!(error instanceof ProviderError)) return error;
  if (error instanceof ScenarioRateLimitError) {
    if (error.actionLimit === null) return error;
    return new ScenarioRateLimitError(error.message, {
      retryable: false,
      retryAfterMs: error.retryAfterMs,
      code: error.code,
      actionLimit: error.actionLimit,
      actionName: error.actionName,
      cause: error,
    });
  }
  const transport = error.status === null && (error.code === "network_error" || error.code === "timeout");
  if (transport && error.code === "network_error" && NOT_SENT_CODES.has(networkErrorCode(error.cause) ?? "")) return error;
  if (!transport && (error.status ?? 0) < 500) return error;
  const what = error.status
    ? `answered HTTP ${error.status}`
    : error.code === "timeout"
      ? "did not answer in time"
      : "dropped the connection";
  return new ProviderError(
    `Scenario ${what} after the generation request was sent, so the job may have started. It was not sent again, so it is not paid twice.`,
    { status: error.status, retryable: false, code: "submission_unknown", cause: error },
  );
}

/** The system error code (`ECONNREFUSED`, …) under a fetch failure, if any. */
function networkErrorCode(error: unknown): string | undefined {
  let current = error as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 4; depth++) {
    if (typeof current.code === "string") return current.code;
    current = current.cause as typeof current;
  }
  return undefined;
}

/** `kind` of `POST /uploads` for a MIME type (contract §4): image, video, audio, else 3d. */
export function uploadKindOf(mimeType: string): "image" | "video" | "audio" | "3d" {
  const family = mimeType.split("/")[0]?.toLowerCase();
  return family === "image" || family === "video" || family === "audio" ? family : "3d";
}

function generatePath(modelId: string): string {
  return `/generate/custom/${encodeURIComponent(requireId(modelId, "model id"))}`;
}

function requireId(id: string, what: string): string {
  if (typeof id !== "string" || !id.trim()) {
    throw new ProviderError(`Scenario API: a ${what} is required`, { status: null, retryable: false, code: "invalid_input" });
  }
  return id;
}

function safeJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  const detail = cause?.code ?? cause?.message;
  return detail && !error.message.includes(detail) ? `${error.message}: ${detail}` : error.message;
}

function contentType(response: Response): string | null {
  const value = response.headers.get("content-type");
  const type = value?.split(";")[0]?.trim().toLowerCase();
  return type && type !== "application/octet-stream" ? type : null;
}

/** Recognises PNG, JPEG, WebP and GIF signatures. */
export function sniffImageType(bytes: Buffer): string | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return "image/png";
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length >= 12 && bytes.toString("ascii", 0, 4) === "RIFF" && bytes.toString("ascii", 8, 12) === "WEBP") {
    return "image/webp";
  }
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(bytes.toString("ascii", 0, 6))) return "image/gif";
  return null;
}
