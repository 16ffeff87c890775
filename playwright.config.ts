import { defineConfig } from "@playwright/test";
import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { OWNER_STATE, SCENARIO_OWNER_STATE } from "./e2e/support/accounts";

/**
 * End-to-end tests against a production build on port 3100 with a fresh data folder and the
 * offline engine. Debian's Chromium stands in for Playwright's own browser download
 * (shared/notes/offline-toolchain.md); CHROMIUM_PATH overrides its location.
 *
 * The `scenario` project (specs in e2e/scenario/) runs a second studio of the same build on
 * Scenario's API, pointed at the strict local mock (scripts/scenario-mock.ts), with its own data
 * folder and first account. It is part of every run (`npm test`); E2E_SCENARIO=0 leaves it out.
 * Ports: E2E_SCENARIO_PORT (default E2E_PORT + 50) and SCENARIO_MOCK_PORT (default E2E_PORT + 99).
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = process.env.E2E_DATA_DIR ?? `data/e2e-${Date.now()}`;
const withScenario = process.env.E2E_SCENARIO !== "0";
const scenarioPort = Number(process.env.E2E_SCENARIO_PORT ?? port + 50);
const mockPort = Number(process.env.SCENARIO_MOCK_PORT ?? port + 99);
/** Test values the mock accepts (scripts/scenario-mock.ts), not secrets. */
const mockCredentials = { SCENARIO_MOCK_API_KEY: "e2e-scenario-key", SCENARIO_MOCK_API_SECRET: "e2e-scenario-secret" };

// Each run gets a fresh data folder; in the runner process, drop those of runs over an hour old.
if (!process.env.TEST_WORKER_INDEX) {
  try {
    for (const name of readdirSync("data")) {
      const folder = path.join("data", name);
      if (name.startsWith("e2e-") && Date.now() - statSync(folder).mtimeMs > 3_600_000) rmSync(folder, { recursive: true, force: true });
    }
  } catch {
    // no data folder yet
  }
}

export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    // Signs up the first account (owner of the first team) and saves its browser state.
    { name: "setup", testMatch: /.*\.setup\.ts/, testIgnore: /e2e\/scenario\// },
    { name: "studio", testIgnore: [/.*\.setup\.ts/, /e2e\/scenario\//], dependencies: ["setup"], use: { storageState: OWNER_STATE } },
    ...(withScenario
      ? [
          {
            name: "scenario-setup",
            testDir: "e2e/scenario",
            testMatch: /.*\.setup\.ts/,
            use: { baseURL: `http://localhost:${scenarioPort}` },
          },
          {
            name: "scenario",
            testDir: "e2e/scenario",
            testIgnore: /.*\.setup\.ts/,
            dependencies: ["scenario-setup"],
            timeout: 180_000,
            use: { baseURL: `http://localhost:${scenarioPort}`, storageState: SCENARIO_OWNER_STATE },
          },
        ]
      : []),
  ],
  webServer: [
    {
      command: "node scripts/start.mjs",
      url: `http://localhost:${port}/api/engine`,
      timeout: 240_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(port),
        DATA_DIR: dataDir,
        NEXT_TELEMETRY_DISABLED: "1",
        // Every job takes a moment, so the tests see nodes queue and run.
        LOCAL_ENGINE_LATENCY_MS: "300",
        SCENARIO_API_KEY: "",
        SCENARIO_API_SECRET: "",
        // The tests sign up and in more often than the per-IP limit allows a person.
        AUTH_RATE_LIMIT: "off",
      },
    },
    ...(withScenario
      ? [
          {
            command: "npx --no-install tsx scripts/scenario-mock.ts",
            url: `http://127.0.0.1:${mockPort}/health`,
            timeout: 60_000,
            reuseExistingServer: false,
            stdout: "pipe" as const,
            stderr: "pipe" as const,
            env: { SCENARIO_MOCK_PORT: String(mockPort), ...mockCredentials },
          },
          {
            // The same build (the first server built it), on Scenario's API through the mock.
            command: "node scripts/start.mjs",
            url: `http://localhost:${scenarioPort}/api/engine`,
            timeout: 240_000,
            reuseExistingServer: false,
            stdout: "pipe" as const,
            stderr: "pipe" as const,
            env: {
              PORT: String(scenarioPort),
              DATA_DIR: `${dataDir}-scenario`,
              NEXT_TELEMETRY_DISABLED: "1",
              SCENARIO_API_URL: `http://127.0.0.1:${mockPort}/v1`,
              SCENARIO_API_KEY: mockCredentials.SCENARIO_MOCK_API_KEY,
              SCENARIO_API_SECRET: mockCredentials.SCENARIO_MOCK_API_SECRET,
              AUTH_RATE_LIMIT: "off",
            },
          },
        ]
      : []),
  ],
});
