/**
 * Scenario provider: a typed client of Scenario's public API and the `Provider` built on it
 * (ARCHITECTURE.md, "Providers"; shared/reference/scenario-api-contract.md).
 *
 * The mock server (`./mock-server`) is deliberately not re-exported: it imports sharp and
 * node:http and is meant for tests and end-to-end runs only.
 */
export { ScenarioClient } from "./client";
export { ScenarioProvider } from "./scenario-provider";
