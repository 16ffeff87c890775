import { describe, expect, it } from "vitest";
import { classifierPrompt, parseClassifierAnswer, settleCloseCall, type ClassifyRequest, type IntentClassifier } from "./classifier";

const request: ClassifyRequest = {
  kind: "template",
  text: "a spokesperson in our product video",
  options: [
    { id: "product_video", label: "Product video" },
    { id: "talking_head", label: "Talking head" },
    { id: "style_transfer", label: "Style transfer" },
  ],
  candidates: ["talking_head", "product_video"],
};

/** A fake classifier (no network): answers what it is told, or throws, or never answers. */
function fake(answer: string | null | Error | "hang"): IntentClassifier & { calls: ClassifyRequest[] } {
  const calls: ClassifyRequest[] = [];
  return {
    name: "fake",
    calls,
    classify: (r) => {
      calls.push(r);
      if (answer === "hang") return new Promise(() => {});
      if (answer instanceof Error) return Promise.reject(answer);
      return Promise.resolve(answer);
    },
  };
}

describe("settleCloseCall", () => {
  it("keeps the rules' pick when there is no classifier", async () => {
    expect(await settleCloseCall(request, null)).toEqual({ id: "talking_head", source: "rules" });
  });

  it("takes a valid id from the closed set, tolerating quotes, case and a full stop", async () => {
    const classifier = fake(' "Product_Video". ');
    expect(await settleCloseCall(request, classifier)).toEqual({ id: "product_video", source: "llm" });
    expect(classifier.calls).toHaveLength(1);
  });

  it.each([["karaoke"], ["none"], ["product video please"], [""], [null]])("ignores the answer %j", async (answer) => {
    const settled = await settleCloseCall(request, fake(answer));
    expect(settled.id).toBe("talking_head");
    expect(settled.source).toBe("rules");
  });

  it("ignores an error and a classifier that does not answer in time", async () => {
    expect(await settleCloseCall(request, fake(new Error("502 from the model")))).toMatchObject({
      id: "talking_head",
      source: "rules",
      ignored: "502 from the model",
    });
    const slow = await settleCloseCall(request, fake("hang"), { timeoutMs: 20 });
    expect(slow).toMatchObject({ id: "talking_head", source: "rules", ignored: expect.stringMatching(/within 20 ms/) });
  });
});

describe("classifier prompt and answer", () => {
  it("lists every id of the closed set and asks for the id only", () => {
    const prompt = classifierPrompt(request);
    for (const o of request.options) expect(prompt).toContain(`- ${o.id}: ${o.label}`);
    expect(prompt).toContain(JSON.stringify(request.text));
    expect(prompt).toMatch(/Answer with the id only/);
  });

  it("parses only exact ids", () => {
    expect(parseClassifierAnswer("talking_head", request.options)).toBe("talking_head");
    expect(parseClassifierAnswer("talking head", request.options)).toBeNull();
  });
});
