import { describe, expect, it } from "vitest";
import type { IntentClassifier } from "@/lib/intelligence/understand/classifier";
import { classifierFromEnv, scenarioLlmClassifier, type LlmJobClient } from "./llm-classifier";
import { planWithClassifier } from "./plan-with-classifier";

const CLOSE = "a spokesperson in our product video";

function answering(answer: string): IntentClassifier & { calls: number } {
  const c = { name: "Fake LLM", calls: 0, classify: async () => (c.calls++, answer) };
  return c;
}

describe("planWithClassifier (a fake classifier, no network)", () => {
  it("without a classifier the rules' plan stands", async () => {
    const plan = await planWithClassifier({ description: CLOSE }, null);
    expect(plan.alternative).not.toBeNull();
  });

  it("a valid answer naming the alternative re-drafts with it and says so", async () => {
    const rules = await planWithClassifier({ description: CLOSE }, null);
    const plan = await planWithClassifier({ description: CLOSE }, answering(rules.alternative!.template));
    expect(plan.template).toBe(rules.alternative!.template);
    expect(plan.alternative?.template).toBe(rules.template);
    expect(plan.notes.join(" ")).toMatch(/Fake LLM settled the close call/);
  });

  it("an answer outside the closed set is ignored", async () => {
    const rules = await planWithClassifier({ description: CLOSE }, null);
    const plan = await planWithClassifier({ description: CLOSE }, answering("a nice video"));
    expect(plan.template).toBe(rules.template);
    expect(plan.notes.join(" ")).not.toMatch(/Fake LLM/);
  });

  it("is not asked when the call is clear, nor when the user chose the template", async () => {
    const classifier = answering("style_transfer");
    const clear = await planWithClassifier({ description: "turn our logo into a vector for printing" }, classifier);
    expect(clear.template).toBe("logo_to_vector");
    const chosen = await planWithClassifier({ description: CLOSE, template: "talking_head" }, classifier);
    expect(chosen.template).toBe("talking_head");
    expect(classifier.calls).toBe(0);
  });
});

describe("Scenario LLM classifier", () => {
  it("is off unless the keys and SCENARIO_LLM_MODEL are set", () => {
    expect(classifierFromEnv({})).toBeNull();
    expect(classifierFromEnv({ SCENARIO_API_KEY: "k", SCENARIO_API_SECRET: "s" })).toBeNull();
    expect(classifierFromEnv({ SCENARIO_API_KEY: "k", SCENARIO_API_SECRET: "s", SCENARIO_LLM_MODEL: "model_llm" })?.name).toBe(
      "Scenario LLM model_llm",
    );
  });

  it("runs the prompt as a job and reads the answer from the output asset (fake client)", async () => {
    const bodies: Array<Record<string, unknown>> = [];
    let polls = 0;
    const client: LlmJobClient = {
      generate: async (_model, body) => (bodies.push(body), { jobId: "job_1" }),
      getJob: async () => (++polls < 2 ? { status: "running", assetIds: [] } : { status: "succeeded", assetIds: ["asset_1"] }),
      downloadAsset: async () => ({ bytes: Buffer.from("talking_head\n"), mimeType: "text/plain" }),
    };
    const classifier = scenarioLlmClassifier({ client, modelId: "model_llm", pollIntervalMs: 1 });
    const plan = await planWithClassifier({ description: CLOSE }, classifier);
    expect(String(bodies[0].prompt)).toContain("talking_head");
    expect(plan.template).toBe("talking_head");
  });
});
