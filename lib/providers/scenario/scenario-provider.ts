/**
 * The Scenario implementation of `Provider` (ARCHITECTURE.md, "Providers"), built on
 * `ScenarioClient`. Scenario has no push channel the studio uses, so there is no `waitForJob`:
 * callers poll `getJob` every `pollIntervalMs`.
 */
import {
  ProviderError,
  type CostEstimate,
  type DownloadedAsset,
  type ModelRequest,
  type Provider,
  type ProviderJob,
  type SubmittedJob,
} from "../types";
import { ScenarioClient, type ScenarioClientOptions } from "./client";

/** Suggested delay between two `getJob` polls, in milliseconds. */
export const SCENARIO_POLL_INTERVAL_MS = 2000;

/**
 * `Provider` backed by Scenario's REST API (scenario-api-contract.md §2–§4).
 * All methods throw `ProviderError` as documented on `ScenarioClient`.
 */
export class ScenarioProvider implements Provider {
  readonly id = "scenario" as const;
  readonly label = "Scenario API";
  readonly pollIntervalMs = SCENARIO_POLL_INTERVAL_MS;
  readonly client: ScenarioClient;

  /** @param clientOrOptions an existing client, or the options to build one (key, secret, base URL, retry…). */
  constructor(clientOrOptions: ScenarioClient | ScenarioClientOptions) {
    this.client = clientOrOptions instanceof ScenarioClient ? clientOrOptions : new ScenarioClient(clientOrOptions);
  }

  /** Uploads an image (`POST /assets`, contract §4); returns the remote asset id. */
  uploadAsset(input: { bytes: Buffer; mimeType: string; name: string }): Promise<string> {
    return this.client.uploadAsset(input);
  }

  /**
   * Starts one job: `POST /generate/custom/{request.modelId}` with `request.body` (contract §2).
   * `request.capability` is not sent; it only labels error messages
   * (e.g. `Scenario API 404: Model model_X not found (txt2img with model_X)`).
   *
   * @returns `{jobId, creditsCost}` (CU, or null when the API does not say).
   * @throws ProviderError: 4xx at once, 429/5xx after the client's retries.
   */
  async submit(request: ModelRequest): Promise<SubmittedJob> {
    try {
      return await this.client.generate(request.modelId, request.body);
    } catch (error) {
      throw withRequestContext(error, request);
    }
  }

  /** Reads a job (`GET /jobs/{jobId}`, contract §3). Throws ProviderError 404 for an unknown id. */
  getJob(jobId: string): Promise<ProviderJob> {
    return this.client.getJob(jobId);
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

function withRequestContext(error: unknown, request: ModelRequest): unknown {
  if (!(error instanceof ProviderError)) return error;
  const context = request.capability ? `${request.capability} with ${request.modelId}` : request.modelId;
  return new ProviderError(`${error.message} (${context})`, {
    status: error.status,
    retryable: error.retryable,
    retryAfterMs: error.retryAfterMs,
    code: error.code,
    cause: error,
  });
}
