/**
 * Scenario provider: a typed client of Scenario's public API and the `Provider` built on it
 * (ARCHITECTURE.md, "Providers"; shared/reference/scenario-api-contract.md).
 *
 * The mock server (`./mock-server`) is deliberately not re-exported: it imports sharp and
 * node:http and is meant for tests and end-to-end runs only.
 */
export {
  ScenarioClient,
  SCENARIO_DEFAULT_BASE_URL,
  SCENARIO_DEFAULT_TIMEOUT_MS,
  SCENARIO_BASE64_UPLOAD_MAX_BYTES,
  SCENARIO_DRY_RUN_STATUS,
  SCENARIO_JOBS_MAX_PAGE_SIZE,
  SCENARIO_UPLOAD_PART_BYTES,
  sniffImageType,
  uploadKindOf,
  type ScenarioJobSummary,
  type ScenarioListJobsOptions,
  type ScenarioAsset,
  type ScenarioClientOptions,
  type ScenarioDryRunResult,
  type ScenarioGenerateResult,
  type ScenarioRetryOptions,
} from "./client";
export { codeForStatus, errorFromResponse, extractErrorReason, parseRetryAfter, ScenarioRateLimitError } from "./errors";
export { JobSlots } from "./job-slots";
export { jobErrorMessage, normaliseJobStatus, SCENARIO_JOB_STATUSES, toProviderJob } from "./normalize";
export {
  ScenarioProvider,
  SCENARIO_CLOCK_SKEW_MS,
  SCENARIO_POLL_INTERVAL_MS,
  SCENARIO_SCHEMA_TTL_MS,
  type ScenarioProviderOptions,
} from "./scenario-provider";
