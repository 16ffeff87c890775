import { describe, expect, it } from "vitest";
import { workflowGraphSchema } from "../../graph/schema";
import { planBatch } from "../../client/apps/batch";
import { applyInputs, listExposableInputs, type ExposedInput } from "../exposable-inputs";
import { findPaintedMaskConflicts } from "../painted-mask-rule";
import { resolveExposedInputs } from "../resolve-exposed-inputs";

/** Image input → Retouch (mask painted by the designer) → Output. */
const graph = workflowGraphSchema.parse({
  nodes: [
    { id: "in", type: "imageInput", position: { x: 0, y: 0 }, data: { assetId: "designer-photo" } },
    { id: "fix", type: "retouch", position: { x: 300, y: 0 }, data: { prompt: "a clean wall", maskAssetId: "designer-mask" } },
    { id: "out", type: "output", position: { x: 600, y: 0 }, data: { label: "Retouched" } },
  ],
  edges: [
    { id: "a", source: "in", sourceHandle: "image", target: "fix", targetHandle: "image" },
    { id: "b", source: "fix", sourceHandle: "image", target: "out", targetHandle: "image" },
  ],
});
const photo: ExposedInput = { key: "photo", nodeId: "in", field: "assetId", label: "Your photo", required: true };
const mask: ExposedInput = { key: "mask", nodeId: "fix", field: "maskAssetId", label: "Paint the area to change", required: false };

describe("a Retouch mask as an App input", () => {
  it("is offered as a mask the member paints, with no default (the designer's mask stays theirs)", () => {
    const candidate = listExposableInputs(graph).find((c) => c.nodeId === "fix");
    expect(candidate).toMatchObject({ field: "maskAssetId", kind: "mask", label: "Paint the area to change", suggestedKey: "mask" });
  });

  it("is published required and painted over the exposed image; then the painted-mask rule has nothing to refuse", () => {
    const resolved = resolveExposedInputs(graph, [photo, mask]);
    expect(resolved.issues).toBeUndefined();
    expect(resolved.inputs?.[1]).toMatchObject({ key: "mask", kind: "mask", required: true, paintedOver: "photo" });
    expect(findPaintedMaskConflicts(graph, resolved.inputs!)).toEqual([]);
    // Without the mask input, the designer's mask would land on every member's photo.
    const photoOnly = resolveExposedInputs(graph, [photo]).inputs!;
    expect(findPaintedMaskConflicts(graph, photoOnly).map((c) => c.nodeId)).toEqual(["fix"]);
  });

  it("refuses a mask input with a default, or with no exposed image to paint on", () => {
    expect(resolveExposedInputs(graph, [photo, { ...mask, default: "designer-mask" }]).issues).toEqual([
      { path: "inputs[1].default", message: expect.stringContaining("a painted mask has no default") },
    ]);
    expect(resolveExposedInputs(graph, [mask]).issues).toEqual([
      { path: "inputs[0].field", message: expect.stringContaining("also expose the image input") },
    ]);
  });

  it("runs with the member's mask in place of the designer's", () => {
    const inputs = resolveExposedInputs(graph, [photo, mask]).inputs!;
    const run = applyInputs(graph, inputs, { photo: "member-photo", mask: "member-mask" });
    expect(run.nodes.find((n) => n.id === "fix")?.data).toMatchObject({ maskAssetId: "member-mask", prompt: "a clean wall" });
    expect(run.nodes.find((n) => n.id === "in")?.data).toMatchObject({ assetId: "member-photo" });
  });

  it("keeps the image it is painted on to one picture in the form", () => {
    const inputs = resolveExposedInputs(graph, [photo, mask]).inputs!;
    expect(planBatch(inputs, { photo: ["a"], mask: "m" }, new Set()).items).toEqual([{ photo: "a", mask: "m" }]);
    expect(planBatch(inputs, { photo: ["a", "b"], mask: "m" }, new Set()).error).toEqual({
      key: "photo",
      message: '"Paint the area to change" is painted on one image: choose a single image for "Your photo".',
    });
  });
});
