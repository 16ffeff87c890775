/**
 * The offline engine charges what the model picker shows: the catalog's p50CostCU for the model
 * and capability (the `metrics.p50CostCU` of POST /api/recommend's ranking), per output.
 */
import { afterEach, describe, expect, it } from "vitest";
import { recommend } from "../../intelligence/recommend/recommend";
import { readSample } from "./__fixtures__/sample-images";
import { LocalProvider } from "./local-provider";

const providers: LocalProvider[] = [];
afterEach(async () => {
  await Promise.all(providers.splice(0).map((p) => p.close()));
});
function provider() {
  const p = new LocalProvider();
  providers.push(p);
  return p;
}

/** The cost the picker lists for a model (its row in the ranking for the node's capability). */
function pickerCost(capability: string, modelId: string): number | null {
  const rec = recommend({ capability, prompt: "a product photo of a ceramic mug", limit: 50 }).recommendations.find(
    (r) => r.modelId === modelId,
  );
  if (!rec) throw new Error(`${modelId} is not ranked for ${capability}`);
  return rec.metrics.p50CostCU;
}

describe("local engine credits", () => {
  it("charges the picker's figure per output for generation, and the estimate agrees", async () => {
    const p = provider();
    const shown = pickerCost("txt2img", "model_openai-gpt-image-2");
    expect(shown).toBe(11);
    const one = await p.submit({
      modelId: "model_openai-gpt-image-2",
      capability: "txt2img",
      body: { prompt: "a mug", width: 64, height: 64 },
    });
    expect(one.creditsCost).toBe(shown);
    const three = await p.submit({
      modelId: "model_openai-gpt-image-2",
      capability: "txt2img",
      body: { prompt: "a mug", width: 64, height: 64, numOutputs: 3 },
    });
    expect(three.creditsCost).toBe(3 * shown!);
    expect(
      await p.estimateCost({ modelId: "model_openai-gpt-image-2", capability: "txt2img", body: { prompt: "a mug", numOutputs: 3 } }),
    ).toEqual({ credits: 33 });

    // FLUX.1 dev is priced 10.75 CU per image in the catalog: fractions are charged as shown.
    const flux = pickerCost("txt2img", "model_bfl-flux-1-dev");
    expect(
      (
        await p.submit({
          modelId: "model_bfl-flux-1-dev",
          capability: "txt2img",
          body: { prompt: "a mug", width: 64, height: 64, numOutputs: 2 },
        })
      ).creditsCost,
    ).toBe(2 * flux!);
  });

  it("charges the picker's figure for one-asset operations (upscale, background removal)", async () => {
    const p = provider();
    const image = await p.uploadAsset({ bytes: readSample("coffee.png"), mimeType: "image/png", name: "coffee.png" });
    for (const [capability, modelId, body] of [
      ["upscale", "model_upscale-v3", { image, upscaleFactor: 2 }],
      ["upscale", "model_scenario-gemini-upscale", { image, upscaleFactor: 2 }],
      ["background-removal", "model_photoroom-background-removal", { image }],
    ] as const) {
      const shown = pickerCost(capability, modelId);
      expect(shown, modelId).not.toBeNull();
      expect((await p.submit({ modelId, capability, body: { ...body } })).creditsCost, modelId).toBe(shown);
      expect((await p.estimateCost({ modelId, capability, body: { ...body } })).credits, modelId).toBe(shown);
    }
  });

  it("falls back to the nominal figure for a model id the catalog does not list", async () => {
    const p = provider();
    expect(
      (
        await p.submit({
          modelId: "model_someones-lora",
          capability: "txt2img",
          body: { prompt: "x", width: 64, height: 64, numOutputs: 2 },
        })
      ).creditsCost,
    ).toBe(10);
  });
});
