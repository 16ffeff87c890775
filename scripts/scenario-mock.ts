/**
 * Serves the strict stand-in of Scenario's API (lib/providers/scenario/mock-server.ts) for
 * end-to-end runs of a studio in Scenario mode (playwright.config.ts, project `scenario`).
 *
 *   SCENARIO_MOCK_PORT=3299 npx tsx scripts/scenario-mock.ts
 *
 * Environment: SCENARIO_MOCK_PORT (default 3299); SCENARIO_MOCK_MODELS_DIR, a folder of
 * `GET /models/{id}` JSON files to serve instead of the bundled records; SCENARIO_MOCK_MAX_JOBS_IN_FLIGHT,
 * unfinished generations allowed before a 429; SCENARIO_MOCK_JOB_MS, the least milliseconds a generation
 * takes (default 0: done on its second poll); SCENARIO_MOCK_API_KEY / SCENARIO_MOCK_API_SECRET, the
 * key pair it accepts (default fixed test values, e2e-scenario-key / e2e-scenario-secret). Point
 * the studio at it with SCENARIO_API_URL=http://127.0.0.1:<port>/v1 and that pair. Each answered
 * request is logged on one line, refusals with their reason.
 */
import { startMockScenarioServer } from "../lib/providers/scenario/mock-server";

async function main(): Promise<void> {
  const port = Number(process.env.SCENARIO_MOCK_PORT ?? 3299);
  const maxJobs = process.env.SCENARIO_MOCK_MAX_JOBS_IN_FLIGHT ? Number(process.env.SCENARIO_MOCK_MAX_JOBS_IN_FLIGHT) : null;
  const server = await startMockScenarioServer({
    port,
    apiKey: process.env.SCENARIO_MOCK_API_KEY || "e2e-scenario-key",
    apiSecret: process.env.SCENARIO_MOCK_API_SECRET || "e2e-scenario-secret",
    modelsDir: process.env.SCENARIO_MOCK_MODELS_DIR || undefined,
    maxJobsInFlight: maxJobs,
    jobDurationMs: Number(process.env.SCENARIO_MOCK_JOB_MS ?? 0) || 0,
    log: (line) => console.log(`[scenario-mock] ${line}`),
  });
  console.log(`[scenario-mock] strict Scenario mock on ${server.baseUrl} (${server.state.modelRecords.size} models)`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`[scenario-mock] ${(error as Error).message}`);
  process.exit(1);
});
