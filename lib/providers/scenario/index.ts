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
  SCENARIO_DRY_RUN_STATUS,
  sniffImageType,
  type ScenarioAsset,
  type ScenarioClientOptions,
  type ScenarioDryRunResult,
  type ScenarioGenerateResult,
  type ScenarioRetryOptions,
} from "./client";
export { codeForStatus, errorFromResponse, extractErrorReason, parseRetryAfter } from "./errors";
export { jobErrorMessage, normaliseJobStatus, toProviderJob } from "./normalize";
export { ScenarioProvider, SCENARIO_POLL_INTERVAL_MS } from "./scenario-provider";
