import { describe, expect, it } from "vitest";
import { listNodeDefinitions } from "@/lib/nodes";
import { compatibleNodeChoices } from "./compatible-nodes";

const definitions = listNodeDefinitions();
const types = (choices: ReturnType<typeof compatibleNodeChoices>) => choices.map((c) => c.definition.type);

describe("compatibleNodeChoices", () => {
  it("offers kinds with an input a text output can feed", () => {
    const choices = compatibleNodeChoices({ side: "source", type: "text" }, definitions);
    expect(types(choices)).toContain("generation");
    expect(types(choices)).not.toContain("imageInput");
    expect(types(choices)).not.toContain("prompt");
    expect(choices.find((c) => c.definition.type === "generation")!.port).toBe("prompt");
  });

  it("offers image consumers for an image output, and no image consumer for an asset output", () => {
    expect(types(compatibleNodeChoices({ side: "source", type: "image" }, definitions))).toEqual(
      expect.arrayContaining(["upscale", "output"]),
    );
    const fromAsset = compatibleNodeChoices({ side: "source", type: "asset" }, definitions);
    for (const choice of fromAsset) expect(choice.definition.inputs.find((p) => p.name === choice.port)!.type).toBe("asset");
  });

  it("offers producers for a wire dragged back out of an input", () => {
    const choices = compatibleNodeChoices({ side: "target", type: "text" }, definitions);
    expect(types(choices)).toEqual(["prompt", "aspectRatio", "textTemplate", "ifElse", "forEach"]);
    expect(choices[0].port).toBe("text");
  });
});
