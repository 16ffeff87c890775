/**
 * Scenario-backed `IntentClassifier` (lib/intelligence/understand/classifier.ts) for close calls.
 *
 * Enabled only when SCENARIO_API_KEY, SCENARIO_API_SECRET and SCENARIO_LLM_MODEL are all set;
 * otherwise `classifierFromEnv` returns null and the rules' choice stands (never offline, never
 * required). SCENARIO_API_URL overrides the base URL as for the provider.
 *
 * ASSUMED, not documented in shared/reference: Scenario's reference documents running a model
 * as a job (`POST /generate/custom/{modelId}` → job → output assets, scenario-api-contract.md)
 * and an `llm` workflow node, but no text-model contract. This provider assumes that an LLM
 * model id given in SCENARIO_LLM_MODEL runs through the same job path with a `prompt` body field,
 * and that its answer is the first output asset, read as UTF-8 text. Any other shape makes the
 * classification fail, which is ignored (the rules' choice stands).
 * Server-only.
 */
import type { ClassifyRequest, IntentClassifier } from "@/lib/intelligence/understand/classifier";
import { classifierPrompt } from "@/lib/intelligence/understand/classifier";
import { ScenarioClient } from "@/lib/providers/scenario";

/** The part of ScenarioClient the classifier uses (a fake in tests). */
export interface LlmJobClient {
  generate(modelId: string, body: Record<string, unknown>): Promise<{ jobId: string }>;
  getJob(jobId: string): Promise<{ status: string; assetIds: string[]; error?: string }>;
  downloadAsset(assetId: string): Promise<{ bytes: Buffer; mimeType: string }>;
}

export interface ScenarioLlmClassifierOptions {
  client: LlmJobClient;
  modelId: string;
  /** Pause between job polls, ms (default 400). */
  pollIntervalMs?: number;
}

/** Runs the classification prompt as a Scenario job and returns the model's text answer. */
export function scenarioLlmClassifier({ client, modelId, pollIntervalMs = 400 }: ScenarioLlmClassifierOptions): IntentClassifier {
  return {
    name: `Scenario LLM ${modelId}`,
    async classify(request: ClassifyRequest, signal: AbortSignal): Promise<string | null> {
      const { jobId } = await client.generate(modelId, { prompt: classifierPrompt(request) });
      for (;;) {
        if (signal.aborted) return null;
        const job = await client.getJob(jobId);
        if (job.status === "succeeded") {
          const [assetId] = job.assetIds;
          if (!assetId) return null;
          const { bytes } = await client.downloadAsset(assetId);
          return bytes.toString("utf8");
        }
        if (job.status === "failed" || job.status === "canceled") throw new Error(job.error ?? `job ${job.status}`);
        await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
      }
    },
  };
}

/** The classifier the environment configures, or null (see the module comment). */
export function classifierFromEnv(env: Record<string, string | undefined> = process.env): IntentClassifier | null {
  const apiKey = env.SCENARIO_API_KEY?.trim();
  const apiSecret = env.SCENARIO_API_SECRET?.trim();
  const modelId = env.SCENARIO_LLM_MODEL?.trim();
  if (!apiKey || !apiSecret || !modelId) return null;
  const client = new ScenarioClient({
    apiKey,
    apiSecret,
    ...(env.SCENARIO_API_URL ? { baseUrl: env.SCENARIO_API_URL } : {}),
    timeoutMs: 4000,
  });
  return scenarioLlmClassifier({ client, modelId });
}
