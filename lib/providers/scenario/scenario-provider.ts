/**
 * The Scenario implementation of `Provider` (ARCHITECTURE.md, "Providers"), built on
 * `ScenarioClient`. Scenario has no push channel the studio uses, so there is no `waitForJob`:
 * callers poll `getJob` every `pollIntervalMs`.
 *
 * Besides the calls, it keeps three things per process: the models' input schemas (cached with
 * a TTL), the jobs it has in flight (held under the limit a 429 names, contract §1), and the job
 * ids it has handed out (so reconciling a lost submission never returns one twice).
 */
import { isDeepStrictEqual } from "node:util";

import { modelSchemaFromRecord, type ModelSchema } from "../model-schema";
import { abortableSleep } from "../retry";
import {
  ProviderError,
  type CostEstimate,
  type DownloadedAsset,
  type ModelRequest,
  type Provider,
  type ProviderJob,
  type SubmittedJob,
} from "../types";
import { ScenarioClient, type ScenarioClientOptions, type ScenarioJobSummary } from "./client";
import { ScenarioRateLimitError } from "./errors";
import { JobSlots } from "./job-slots";

/** Suggested delay between two `getJob` polls, in milliseconds. */
export const SCENARIO_POLL_INTERVAL_MS = 2000;
/** How long a model's input schema is reused before `GET /models/{id}` is asked again, in milliseconds. */
export const SCENARIO_SCHEMA_TTL_MS = 10 * 60_000;
/**
 * Slack between the studio's clock and Scenario's when matching a job's `createdAt` to the moment
 * a submission was sent, in milliseconds.
 */
export const SCENARIO_CLOCK_SKEW_MS = 60_000;

export interface ScenarioProviderOptions {
  /** Jobs in flight allowed before any 429 says (default: no limit until one does). */
  maxJobsInFlight?: number | null;
  /** Schema cache lifetime in milliseconds (default 10 minutes). */
  schemaTtlMs?: number;
  /** How often a submission refused for too many jobs in flight is tried again (default 8). */
  rateLimitRetries?: number;
  /** Waits `ms` milliseconds (tests inject a fast one). Default: setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds clock (tests). Default Date.now. */
  now?: () => number;
}

/**
 * `Provider` backed by Scenario's REST API (scenario-api-contract.md §2–§5).
 * All methods throw `ProviderError` as documented on `ScenarioClient`.
 */
export class ScenarioProvider implements Provider {
  readonly id = "scenario" as const;
  readonly label = "Scenario API";
  readonly pollIntervalMs = SCENARIO_POLL_INTERVAL_MS;
  readonly client: ScenarioClient;
  readonly #slots: JobSlots;
  readonly #schemas = new Map<string, { expiresAt: number; schema: Promise<ModelSchema | null> }>();
  readonly #handedOut = new Set<string>();
  /** Jobs `findSubmittedJob` matched, with the submission time of the call that claimed them. */
  readonly #found = new Map<string, number>();
  readonly #schemaTtlMs: number;
  readonly #rateLimitRetries: number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #now: () => number;

  /**
   * @param clientOrOptions an existing client, or the options to build one (key, secret, base URL, retry…).
   * @param options job limit, schema TTL, rate-limit retries, sleep and clock.
   */
  constructor(clientOrOptions: ScenarioClient | ScenarioClientOptions, options: ScenarioProviderOptions = {}) {
    this.client = clientOrOptions instanceof ScenarioClient ? clientOrOptions : new ScenarioClient(clientOrOptions);
    const retrySleep = clientOrOptions instanceof ScenarioClient ? undefined : clientOrOptions.retry?.sleep;
    this.#now = options.now ?? Date.now;
    this.#slots = new JobSlots({ limit: options.maxJobsInFlight ?? null, now: this.#now });
    this.#schemaTtlMs = options.schemaTtlMs ?? SCENARIO_SCHEMA_TTL_MS;
    this.#rateLimitRetries = options.rateLimitRetries ?? 8;
    this.#sleep = options.sleep ?? retrySleep ?? ((ms) => abortableSleep(ms));
  }

  /** Jobs this process has submitted and not yet seen end. */
  get jobsInFlight(): number {
    return this.#slots.jobsInFlight;
  }

  /** Jobs in flight allowed at once: Infinity until a 429 names `details.actionLimit`. */
  get jobLimit(): number {
    return this.#slots.limit;
  }

  /**
   * Uploads an input file (contract §4): images below 3.5 MB as base64 `POST /assets`, larger
   * images and every video, audio or 3D file through `POST /uploads`. Returns the remote asset id.
   */
  uploadAsset(input: { bytes: Buffer; mimeType: string; name: string }): Promise<string> {
    return this.client.uploadAsset(input);
  }

  /**
   * The model's input schema from `GET /models/{modelId}` (contract §5), parsed with
   * `modelSchemaFromRecord`; reused for `schemaTtlMs`. Null when the record has no `inputs[]`.
   * @throws ProviderError 404 for an unknown model (not cached).
   */
  getModelSchema(modelId: string): Promise<ModelSchema | null> {
    const now = this.#now();
    const cached = this.#schemas.get(modelId);
    if (cached && cached.expiresAt > now) return cached.schema;
    const schema = this.client.getModel(modelId).then((record) => modelSchemaFromRecord(record, `api ${new Date(now).toISOString()}`));
    this.#schemas.set(modelId, { expiresAt: now + this.#schemaTtlMs, schema });
    schema.catch(() => {
      if (this.#schemas.get(modelId)?.schema === schema) this.#schemas.delete(modelId);
    });
    return schema;
  }

  /**
   * Starts one job: `POST /generate/custom/{request.modelId}` with `request.body` (contract §2).
   * Waits first while the process has as many jobs in flight as the known limit; a 429 naming
   * `details.actionLimit` sets that limit, waits `Retry-After` / `remainingSeconds`, then a free
   * slot, and tries again (at most `rateLimitRetries` times). `request.capability` is not sent; it
   * only labels error messages (e.g. `Scenario API 404: Model model_X not found (txt2img with model_X)`).
   *
   * @returns `{jobId, creditsCost}` (CU, or null when the API does not say).
   * @throws ProviderError: 4xx at once; code `submission_unknown` when the answer was lost (find
   *   the job with `findSubmittedJob`, never submit again); 429 once the retries are spent.
   */
  async submit(request: ModelRequest): Promise<SubmittedJob> {
    for (let attempt = 0; ; attempt++) {
      await this.#slots.acquire();
      try {
        const submitted = await this.client.generate(request.modelId, request.body);
        this.#slots.confirm(submitted.jobId);
        this.#handedOut.add(submitted.jobId);
        return submitted;
      } catch (error) {
        this.#slots.releaseReservation();
        if (error instanceof ScenarioRateLimitError && error.actionLimit !== null) {
          this.#slots.setLimit(error.actionLimit);
          if (attempt < this.#rateLimitRetries) {
            await this.#sleep(error.retryAfterMs ?? 1000);
            continue;
          }
          throw withRequestContext(error, request, { retryable: true });
        }
        throw withRequestContext(error, request);
      }
    }
  }

  /**
   * Finds the job a submission created when its answer was lost (`submission_unknown`): pages
   * `GET /jobs` (newest first, contract §3) back to `submittedAfter` (less `SCENARIO_CLOCK_SKEW_MS`)
   * and returns the earliest job of `request.modelId` whose `metadata.input` carries every field of
   * `request.body` with the same value, leaving out jobs `submit` handed out and jobs an earlier
   * call matched for another submission (another `submittedAfter`); asking again for the same
   * submission gives the same job. Never submits anything. A job found counts as in flight.
   *
   * @returns the job id, or null when there is none.
   * @throws ProviderError for HTTP failures of `GET /jobs`.
   */
  async findSubmittedJob(request: ModelRequest, submittedAfter: Date): Promise<string | null> {
    const since = submittedAfter.getTime() - SCENARIO_CLOCK_SKEW_MS;
    let token: string | undefined;
    let match: ScenarioJobSummary | null = null;
    for (let page = 0; page < 20; page++) {
      const { jobs, nextPaginationToken } = await this.client.listJobs({ pageSize: 100, paginationToken: token });
      let older = false;
      for (const job of jobs) {
        const created = job.createdAt ? Date.parse(job.createdAt) : Number.NaN;
        if (Number.isFinite(created) && created < since) {
          older = true;
          break;
        }
        if (this.#handedOut.has(job.jobId) || job.jobType === "upload") continue;
        const claimedBy = this.#found.get(job.jobId);
        if (claimedBy !== undefined && claimedBy !== submittedAfter.getTime()) continue;
        if (job.modelId && job.modelId !== request.modelId) continue;
        if (!job.input || !carriesBody(job.input, request.body)) continue;
        match = job; // newest first: the last match is the earliest
      }
      if (older || !nextPaginationToken) break;
      token = nextPaginationToken;
    }
    if (!match) return null;
    if (!this.#found.has(match.jobId)) {
      this.#found.set(match.jobId, submittedAfter.getTime());
      if (!isTerminal(match.status)) this.#slots.adopt(match.jobId);
    }
    return match.jobId;
  }

  /**
   * Reads a job (`GET /jobs/{jobId}`, contract §3); a terminal status frees its slot. A status the
   * contract does not list comes back `failed` with a message saying so.
   * @throws ProviderError 404 for an unknown id.
   */
  async getJob(jobId: string): Promise<ProviderJob> {
    const job = await this.client.getJob(jobId);
    if (job.status === "succeeded" || job.status === "failed" || job.status === "canceled") this.#slots.end(jobId);
    return job;
  }

  /** Fetches an output's bytes via its signed URL (contract §4, "Outputs"). */
  downloadAsset(remoteAssetId: string): Promise<DownloadedAsset> {
    return this.client.downloadAsset(remoteAssetId);
  }

  /**
   * Cost preview without running (`?dryRun=true`, HTTP 269; contract §1).
   * @returns `{credits, details}` in CU; `details` is Scenario's `costDetails`.
   */
  async estimateCost(request: ModelRequest): Promise<CostEstimate> {
    try {
      const { credits, details } = await this.client.dryRun(request.modelId, request.body);
      return Object.keys(details).length ? { credits, details } : { credits };
    } catch (error) {
      throw withRequestContext(error, request);
    }
  }

  /** Best effort (`POST /jobs/{id}/action`, contract §3); Scenario's usual 400 refusal resolves quietly. */
  cancelJob(jobId: string): Promise<void> {
    return this.client.cancelJob(jobId);
  }
}

/** True when every field of `body` is in `input` with a deeply equal value (the API may add defaults). */
function carriesBody(input: Record<string, unknown>, body: Record<string, unknown>): boolean {
  return Object.entries(body).every(([key, value]) => isDeepStrictEqual(input[key], value));
}

function isTerminal(status: string): boolean {
  return ["success", "failure", "failed", "canceled"].includes(status.toLowerCase());
}

function withRequestContext(error: unknown, request: ModelRequest, override: { retryable?: boolean } = {}): unknown {
  if (!(error instanceof ProviderError)) return error;
  const context = request.capability ? `${request.capability} with ${request.modelId}` : request.modelId;
  return new ProviderError(`${error.message} (${context})`, {
    status: error.status,
    retryable: override.retryable ?? error.retryable,
    retryAfterMs: error.retryAfterMs,
    code: error.code,
    cause: error,
  });
}
