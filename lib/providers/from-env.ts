/**
 * Chooses the generation provider from configuration (ARCHITECTURE.md "Providers"):
 * SCENARIO_API_KEY and SCENARIO_API_SECRET set → Scenario's HTTP API (SCENARIO_API_URL
 * overrides the base URL, e.g. for a local stand-in); unset → the offline engine, whose jobs
 * and blobs live under `<dataDir>/local-engine`. LOCAL_ENGINE_LATENCY_MS adds a simulated
 * job duration in milliseconds (default 0). Server-only: the secret never leaves it.
 */
import path from "node:path";
import { LocalProvider } from "./local";
import { ScenarioProvider } from "./scenario";
import type { Provider } from "./types";

export function createProviderFromEnv(env: Record<string, string | undefined>, dataDir: string): Provider {
  const apiKey = env.SCENARIO_API_KEY?.trim();
  const apiSecret = env.SCENARIO_API_SECRET?.trim();
  if (apiKey && apiSecret) {
    return new ScenarioProvider({ apiKey, apiSecret, ...(env.SCENARIO_API_URL ? { baseUrl: env.SCENARIO_API_URL } : {}) });
  }
  const latencyMs = Number(env.LOCAL_ENGINE_LATENCY_MS ?? 0);
  return new LocalProvider({ dataDir: path.join(dataDir, "local-engine"), latencyMs: Number.isFinite(latencyMs) ? latencyMs : 0 });
}
