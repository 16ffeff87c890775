import { describe, expect, it } from "vitest";
import { listExposableInputs } from "@/lib/apps/exposable-inputs";
import { initialInputs, publishFormSchema, slugify, toPublishBody, type PublishFormValues } from "./publish-form";

const graph = {
  nodes: [
    { id: "imageInput-1", type: "imageInput", position: { x: 0, y: 0 }, data: { assetId: "asset-1" } },
    { id: "expand-1", type: "expand", position: { x: 1, y: 0 }, data: { platform: "tiktok" } },
    { id: "upscale-1", type: "upscale", position: { x: 2, y: 0 }, data: { factor: 2 } },
    { id: "output-1", type: "output", position: { x: 3, y: 0 }, data: { label: "Story" } },
  ],
  edges: [],
};

describe("publish form", () => {
  const candidates = listExposableInputs(graph);

  it("slugifies names", () => {
    expect(slugify("Story Maker 2!")).toBe("story-maker-2");
    expect(slugify("  Café — été ")).toBe("cafe-ete");
  });

  it("starts with the image exposed and parameters not", () => {
    const inputs = initialInputs(candidates);
    expect(candidates.map((c, i) => [c.nodeId, c.field, inputs[i].enabled])).toEqual([
      ["imageInput-1", "assetId", true],
      ["expand-1", "platform", false],
      ["expand-1", "aspectRatio", false],
      ["upscale-1", "factor", false],
      ["upscale-1", "preset", false],
    ]);
  });

  it("keeps the published version's keys and labels for a new version", () => {
    const inputs = initialInputs(candidates, [
      { key: "photo", nodeId: "imageInput-1", field: "assetId", label: "Your photo", required: true, kind: "image" },
      { key: "where", nodeId: "expand-1", field: "platform", label: "Where", required: true, kind: "select", default: "instagram_story" },
    ]);
    expect(inputs[0]).toMatchObject({ enabled: true, key: "photo", label: "Your photo" });
    expect(inputs[1]).toMatchObject({ enabled: true, key: "where", default: "instagram_story" });
    expect(inputs[3].enabled).toBe(false);
  });

  it("refuses a form exposing nothing, and builds the body of one that does", () => {
    const values: PublishFormValues = {
      target: "",
      name: "Story maker",
      slug: "story-maker",
      description: "",
      cover: null,
      inputs: initialInputs(candidates),
    };
    values.inputs = values.inputs.map((i) => ({ ...i, enabled: false }));
    const refused = publishFormSchema.safeParse(values);
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["inputs", "Choose at least one input for the App's form."],
    ]);

    values.inputs[0].enabled = true;
    values.inputs[1] = { ...values.inputs[1], enabled: true, help: " Where it will be posted " };
    expect(publishFormSchema.safeParse(values).success).toBe(true);
    expect(toPublishBody(candidates, values)).toEqual({
      name: "Story maker",
      slug: "story-maker",
      description: "",
      coverAssetId: null,
      inputs: [
        { key: "image", nodeId: "imageInput-1", field: "assetId", label: "Image", required: true },
        {
          key: "platform",
          nodeId: "expand-1",
          field: "platform",
          label: "Platform",
          required: false,
          help: "Where it will be posted",
          default: "tiktok",
        },
      ],
    });
  });

  it("names bad slugs and duplicate keys", () => {
    const inputs = initialInputs(candidates).map((i) => ({ ...i, enabled: true, key: "same" }));
    const result = publishFormSchema.safeParse({ target: "", name: "X", slug: "Bad Slug", description: "", cover: null, inputs });
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toContain("slug");
    expect(paths).toContain("inputs.1.key");
  });
});
