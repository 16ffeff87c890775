import { defineConfig } from "@playwright/test";
import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { OWNER_STATE } from "./e2e/support/accounts";

/**
 * End-to-end tests against a production build on port 3100 with a fresh data folder and the
 * offline engine. Debian's Chromium stands in for Playwright's own browser download
 * (shared/notes/offline-toolchain.md); CHROMIUM_PATH overrides its location.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = process.env.E2E_DATA_DIR ?? `data/e2e-${Date.now()}`;

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
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    // Signs up the first account (owner of the first team) and saves its browser state.
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "studio", testIgnore: /.*\.setup\.ts/, dependencies: ["setup"], use: { storageState: OWNER_STATE } },
  ],
  webServer: {
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
});
