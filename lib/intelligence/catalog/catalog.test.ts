import { describe, expect, it } from "vitest";
import catalogJson from "../data/model-catalog.json";
import { getCatalog } from "./get-catalog";
import { deprecatedSuccessor, isEstimate, metricSource, tagsOf } from "./helpers";
import { CatalogError, parseCatalog } from "./parse-catalog";
import { METRICS } from "./schema";

/** A deep copy of the bundled file, edited by `edit`. */
function broken(edit: (doc: any) => void): unknown {
  const doc = structuredClone(catalogJson) as any;
  edit(doc);
  return doc;
}

const model = (doc: any, id: string) => doc.models.find((m: any) => m.id === id);

function refusal(doc: unknown): CatalogError {
  try {
    parseCatalog(doc);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return error as CatalogError;
  }
  throw new Error("parseCatalog accepted a broken catalog");
}

describe("parseCatalog", () => {
  it("accepts the bundled snapshot", () => {
    const catalog = parseCatalog(catalogJson);
    expect(catalog.snapshotDate).toBe("2026-11-20");
    expect(catalog.models).toHaveLength(60);
    expect(catalog.trainingTypes.length).toBeGreaterThan(0);
    expect(catalog.notes).toMatch(/sort nulls last/);
  });

  it("names the model and the field path of a wrong figure", () => {
    const error = refusal(broken((d) => (model(d, "model_openai-gpt-image-2").performance.txt2img.elo = "1512")));
    expect(error.message).toContain('model "model_openai-gpt-image-2": performance.txt2img.elo: expected number or null');
    expect(error.issues).toHaveLength(1);
  });

  it("refuses a bad release month, a missing name and a wrong input type, one line each", () => {
    const error = refusal(
      broken((d) => {
        model(d, "model_pixal3d").releasedAt = "May 2026";
        delete model(d, "model_veo3-1").name;
        model(d, "model_bytedance-seedance-2-0").inputs.endImage = "yes";
      }),
    );
    expect(error.issues).toEqual(
      expect.arrayContaining([
        'model "model_pixal3d": releasedAt: expected "YYYY-MM" or null',
        'model "model_veo3-1": name: expected string name',
        'model "model_bytedance-seedance-2-0": inputs.endImage: expected boolean, received string',
      ]),
    );
  });

  it("refuses list items and top-level fields with their path", () => {
    const error = refusal(
      broken((d) => {
        model(d, "model_z-image").tags[2] = 7;
        d.snapshotDate = "yesterday";
      }),
    );
    expect(error.issues).toContain('model "model_z-image": tags[2]: expected string');
    expect(error.issues).toContain('catalog: snapshotDate: expected "YYYY-MM-DD"');
  });

  it("refuses a model without an id by its position", () => {
    const error = refusal(broken((d) => delete d.models[3].id));
    expect(error.issues).toEqual(["model #3: id: expected string id"]);
  });

  it("refuses duplicate ids, unknown successors and performance that does not match the capabilities", () => {
    const error = refusal(
      broken((d) => {
        d.models[1].id = d.models[0].id;
        model(d, "model_imagen4-fast").tags.push("deprecated:model_nope");
        model(d, "model_ideogram-v4").performance.img2img = model(d, "model_ideogram-v4").performance.txt2img;
        delete model(d, "model_recraft-vectorize").performance.img2svg;
      }),
    );
    expect(error.issues).toEqual(
      expect.arrayContaining([
        'model "model_openai-gpt-image-2": id: duplicate model id',
        'model "model_imagen4-fast": tags[3]: successor "model_nope" is not in the catalog',
        'model "model_ideogram-v4": performance.img2img: "img2img" is not one of the model\'s capabilities',
        'model "model_recraft-vectorize": performance.img2svg: missing (the capability is listed in capabilities)',
      ]),
    );
  });

  it("refuses a training type by its type string", () => {
    const error = refusal(broken((d) => (d.trainingTypes[0].styleFit = "style")));
    expect(error.issues).toEqual(['training type "flux.2-dev-lora": styleFit: expected array of strings']);
  });
});

describe("getCatalog", () => {
  it("parses the bundled snapshot once", () => {
    expect(getCatalog()).toBe(getCatalog());
    expect(getCatalog().models.map((m) => m.id)).toEqual((catalogJson as any).models.map((m: any) => m.id));
  });
});

describe("helpers", () => {
  const gpt = getCatalog().models.find((m) => m.id === "model_openai-gpt-image-2")!;
  const seedreamPro = getCatalog().models.find((m) => m.id === "model_bytedance-seedream-5-0-pro")!;

  it("isEstimate reads the 'estimate:' convention of the sources", () => {
    expect(isEstimate(gpt, "txt2img", "elo")).toBe(false);
    expect(isEstimate(gpt, "txt2img", "p50LatencySec")).toBe(true);
    expect(isEstimate(gpt, "txt2img", "p50CostCU")).toBe(false);
    expect(isEstimate(gpt, "inpaint", "elo")).toBe(true);
    expect(isEstimate(gpt, "txt2video", "elo")).toBe(false); // no such variant
    // null ELO with a "no public arena score" source: not an estimate, no figure
    expect(seedreamPro.performance.txt2img.elo).toBeNull();
    expect(isEstimate(seedreamPro, "txt2img", "elo")).toBe(false);
    expect(metricSource(seedreamPro, "txt2img", "p50LatencySec")).toMatch(/^scenario-labs\/skills/);
  });

  it("counts sourced, estimated and null figures as model-catalog-SOURCES.md states", () => {
    const count = { elo: [0, 0, 0], p50LatencySec: [0, 0, 0], p50CostCU: [0, 0, 0] };
    for (const m of getCatalog().models) {
      for (const capability of Object.keys(m.performance)) {
        for (const metric of METRICS) {
          const slot = m.performance[capability][metric] === null ? 2 : isEstimate(m, capability, metric) ? 1 : 0;
          count[metric][slot]++;
        }
      }
    }
    // "ELO 15 sourced / 68 estimated / 6 null; p50CostCU 18 / 71; p50LatencySec 2 / 87"
    expect(count).toEqual({ elo: [15, 68, 6], p50LatencySec: [2, 87, 0], p50CostCU: [18, 71, 0] });
  });

  it("deprecatedSuccessor and tagsOf", () => {
    const byId = (id: string) => getCatalog().models.find((m) => m.id === id)!;
    expect(deprecatedSuccessor(byId("model_google-gemini-2-5-flash-image-editing"))).toBe("model_google-gemini-3-1-flash");
    expect(deprecatedSuccessor(byId("model_imagen4-fast"))).toBe("model_google-gemini-3-1-flash");
    expect(deprecatedSuccessor(byId("model_xai-grok-imagine-image"))).toBe("model_xai-grok-imagine-image-2-0");
    expect(deprecatedSuccessor(gpt)).toBeNull();
    expect(tagsOf(gpt, "style")).toEqual(["photoreal", "illustration"]);
    expect(tagsOf(gpt, "subcategory:")).toEqual(["text-rendering", "poster", "editing"]);
    expect(tagsOf(gpt, "deprecated")).toEqual([]);
  });
});
