/**
 * mergeCatalog, the capability mapping and the inputs summary (catalog refresh, issue 3 "Catalog";
 * scenario-api-contract.md §5).
 */
import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import type { ScenarioModel, ScenarioModelInput } from "../../providers/scenario/client";
import { DEFAULT_MOCK_MODEL_RECORDS } from "../../providers/scenario/mock-server";
import { parseCatalog } from "../catalog/parse-catalog";
import { apiRecordFor, slugsCoveredByScenario } from "./__fixtures__/api-records";
import { deriveCapabilities, reconcileCapabilities } from "./capabilities";
import { inputsForKnownModel, summariseInputs } from "./inputs";
import { mergeCatalog, NO_FIGURE_SOURCE } from "./merge";
import { formatReport } from "./report";
import type { Catalog } from "./types";
import { validateCatalogShape } from "./validate";

const CATALOG_TEXT = readFileSync(new URL("../data/model-catalog.json", import.meta.url), "utf8");
const loadSnapshot = (): Catalog => JSON.parse(CATALOG_TEXT) as Catalog;
const NOW = new Date("2026-12-03T18:30:00Z");

/** An API record the way `GET /models/{id}` answers (defaults: custom, public, trained). */
function apiModel(partial: Partial<ScenarioModel> & { id: string }): ScenarioModel {
  return { name: partial.id, type: "custom", privacy: "public", status: "trained", capabilities: [], tags: [], inputs: [], ...partial };
}

const mirror = (catalog: Catalog): ScenarioModel[] => catalog.models.map((m) => apiRecordFor(m) as ScenarioModel);
const mockRecord = (id: string) => structuredClone(DEFAULT_MOCK_MODEL_RECORDS.find((r) => r.id === id)!) as ScenarioModel;

describe("mergeCatalog: the API mirrors the snapshot", () => {
  const snapshot = loadSnapshot();
  const { catalog, report } = mergeCatalog(snapshot, mirror(snapshot), { now: NOW });

  it("keeps every model in the snapshot's order, adds and drops none", () => {
    expect(catalog.models.map((m) => m.id)).toEqual(snapshot.models.map((m) => m.id));
    expect(report.kept).toHaveLength(60);
    expect(report.added).toEqual([]);
    expect(report.dropped).toEqual([]);
  });

  it("keeps the curated capability split (Scenario's img2img / video2video / txt2audio filing)", () => {
    expect(snapshot.models.every(slugsCoveredByScenario)).toBe(true);
    for (const [index, model] of catalog.models.entries()) {
      expect(model.capabilities, model.id).toEqual(snapshot.models[index].capabilities);
      expect(model.scenarioCapabilities, model.id).toEqual(snapshot.models[index].scenarioCapabilities);
    }
  });

  it("carries performance (ELO, p50s and sources), insights, releasedAt, provider and tags over", () => {
    for (const [index, model] of catalog.models.entries()) {
      const before = snapshot.models[index];
      expect(model.performance, model.id).toEqual(before.performance);
      expect(model.insights).toEqual(before.insights);
      expect(model.releasedAt).toEqual(before.releasedAt);
      expect(model.provider).toEqual(before.provider);
      expect(model.tags).toEqual(before.tags);
    }
  });

  it("round-trips the inputs (only unknown nulls become the API's answer)", () => {
    const inputChanges = report.changed.flatMap(({ id, changes }) => changes.map((c) => ({ id, ...c })));
    expect(inputChanges.every((c) => c.field.startsWith("inputs.") && c.before === null)).toBe(true);
  });

  it("dates the snapshot today, extends the notes by one sentence, keeps trainingTypes", () => {
    expect(catalog.snapshotDate).toBe("2026-12-03");
    expect(catalog.notes.startsWith(snapshot.notes)).toBe(true);
    const added = catalog.notes.slice(snapshot.notes.length).trim();
    expect(added).toMatch(/^Refreshed 2026-12-03 from the Scenario API \(GET \/models, GET \/models\/\{id\}\)/);
    expect(added.match(/\.(\s|$)/g)).toHaveLength(1);
    expect(added).toContain("(2026-11-20)");
    expect(catalog.trainingTypes).toEqual(snapshot.trainingTypes);
    expect(validateCatalogShape(catalog)).toEqual([]);
    expect(() => parseCatalog(catalog)).not.toThrow();
  });

  it("does not mutate its inputs and is deterministic", () => {
    const again = mergeCatalog(loadSnapshot(), mirror(loadSnapshot()), { now: NOW });
    expect(JSON.stringify(again.catalog)).toBe(JSON.stringify(catalog));
    expect(JSON.stringify(snapshot)).toBe(JSON.stringify(loadSnapshot()));
  });

  it("replaces, not repeats, the refresh sentence on a second refresh", () => {
    const second = mergeCatalog(catalog, mirror(catalog), { now: new Date("2026-12-10T00:00:00Z") });
    expect(second.catalog.notes.match(/Refreshed \d{4}-\d{2}-\d{2} from the Scenario API/g)).toHaveLength(1);
    expect(second.catalog.notes).toContain("Refreshed 2026-12-10");
    expect(second.catalog.notes.startsWith(snapshot.notes)).toBe(true);
  });
});

describe("mergeCatalog: kept, added, dropped", () => {
  const snapshot = loadSnapshot();
  const api = mirror(snapshot).filter((m) => m.id !== "model_imagen4-fast" && m.id !== "model_kling-lip-sync");
  const newcomers: ScenarioModel[] = [
    apiModel({
      id: "model_zeta-lipsync-2",
      name: "Zeta Lip Sync 2",
      capabilities: ["video2video"],
      inputs: [
        { name: "video", type: "file", kind: "video", required: { always: true } },
        { name: "audio", type: "file", kind: "audio", required: { always: true } },
      ],
    }),
    apiModel({
      id: "model_elevenlabs-music-v3",
      name: "ElevenLabs Music v3",
      capabilities: ["txt2audio"],
      inputs: [
        { name: "prompt", type: "string", maxLength: 4000 },
        { name: "duration", type: "number", min: 3, max: 300 },
        { name: "instrumental", type: "boolean", default: false },
      ],
    }),
    apiModel({
      id: "model_acme-foley",
      name: "Acme Foley",
      capabilities: ["txt2audio"],
      tags: ["Sound Effects"],
      inputs: [{ name: "prompt", type: "string" }],
    }),
    apiModel({
      id: "model_acme-voice",
      name: "Acme Voice",
      capabilities: ["txt2audio"],
      tags: ["TTS"],
      inputs: [
        { name: "prompt", type: "string" },
        { name: "voiceId", type: "string", allowedValues: ["a", "b"] },
      ],
    }),
    apiModel({
      id: "model_acme-edit",
      name: "Acme Edit",
      shortDescription: "Instruction editing with optional masks.",
      capabilities: ["txt2img", "img2img"],
      accessRestrictions: 50,
      tags: ["editing", "sc:featured"],
      complianceMetadata: { modelProvider: "Acme" },
      inputs: [
        { name: "prompt", type: "string", maxLength: 5000, required: { always: true } },
        { name: "referenceImages", type: "file_array", kind: "image", maxLength: 6 },
        { name: "mask", type: "file", kind: "image", maskFrom: "referenceImages" },
        { name: "aspectRatio", type: "string", allowedValues: ["1:1", "16:9", "9:16"] },
        { name: "seed", type: "number" },
      ],
    }),
    apiModel({
      id: "model_acme-upscale-x",
      name: "Acme Upscale X",
      capabilities: ["img2img"],
      inputs: [{ name: "image", type: "file", kind: "image" }],
    }),
    apiModel({
      id: "model_bytedance-seedance-3-0",
      name: "Seedance 3.0",
      capabilities: ["txt2video", "img2video"],
      inputs: [
        { name: "prompt", type: "string" },
        { name: "image", type: "file", kind: "image" },
        { name: "lastFrameImage", type: "file", kind: "image" },
        { name: "duration", type: "number", allowedValues: [-1, 5, 10] },
        { name: "generateAudio", type: "boolean" },
      ],
    }),
    apiModel({ id: "model_acme-voice-changer", capabilities: ["audio2audio"], inputs: [{ name: "audio", type: "file", kind: "audio" }] }),
    apiModel({ id: "model_acme-no-inputs", capabilities: ["txt2img"], inputs: undefined }),
    apiModel({ id: "model_2taP2G9BJL1Rw8t81NwiXGZA", type: "flux.1-lora", capabilities: ["txt2img"] }),
  ];
  const { catalog, report } = mergeCatalog(snapshot, [...newcomers, ...api], { now: NOW });
  const byId = new Map(catalog.models.map((m) => [m.id, m]));

  it("drops models the API no longer returns and reports them", () => {
    expect(byId.has("model_imagen4-fast")).toBe(false);
    expect(byId.has("model_kling-lip-sync")).toBe(false);
    expect(report.dropped).toEqual([
      { id: "model_imagen4-fast", name: "Imagen 4 Fast", reason: "not returned by the Scenario API" },
      { id: "model_kling-lip-sync", name: expect.any(String), reason: "not returned by the Scenario API" },
    ]);
    expect(report.kept).toHaveLength(58);
  });

  it("appends new models after the snapshot's, sorted by id", () => {
    expect(report.added).toEqual([
      "model_acme-edit",
      "model_acme-foley",
      "model_acme-upscale-x",
      "model_acme-voice",
      "model_bytedance-seedance-3-0",
      "model_elevenlabs-music-v3",
      "model_zeta-lipsync-2",
    ]);
    expect(catalog.models.slice(58).map((m) => m.id)).toEqual(report.added);
    expect(catalog.models.slice(0, 58).map((m) => m.id)).toEqual(report.kept);
  });

  it("skips rows without a catalog capability, without inputs, or of a trained-LoRA type", () => {
    expect(report.skipped).toEqual([
      { id: "model_2taP2G9BJL1Rw8t81NwiXGZA", reason: "type flux.1-lora is not a catalog model" },
      { id: "model_acme-no-inputs", reason: "inputs[] could not be read" },
      { id: "model_acme-voice-changer", reason: "no catalog capability (Scenario lists audio2audio)" },
    ]);
  });

  it("splits Scenario's capabilities for new models", () => {
    expect(byId.get("model_zeta-lipsync-2")!.capabilities).toEqual(["lipsync"]);
    expect(byId.get("model_elevenlabs-music-v3")!.capabilities).toEqual(["txt2music"]);
    expect(byId.get("model_acme-foley")!.capabilities).toEqual(["txt2sfx"]);
    expect(byId.get("model_acme-voice")!.capabilities).toEqual(["txt2audio"]);
    expect(byId.get("model_acme-edit")!.capabilities).toEqual(["txt2img", "img2img", "inpaint"]);
    expect(byId.get("model_acme-upscale-x")!.capabilities).toEqual(["upscale"]);
    expect(byId.get("model_bytedance-seedance-3-0")!.capabilities).toEqual(["txt2video", "img2video"]);
    expect(byId.get("model_zeta-lipsync-2")!.scenarioCapabilities).toEqual(["video2video"]);
  });

  it("gives new models null figures sourced 'not in the previous snapshot: no figure'", () => {
    const model = byId.get("model_acme-edit")!;
    expect(Object.keys(model.performance)).toEqual(["txt2img", "img2img", "inpaint"]);
    for (const entry of Object.values(model.performance)) {
      expect(entry).toEqual({
        elo: null,
        p50LatencySec: null,
        p50CostCU: null,
        sources: { elo: NO_FIGURE_SOURCE, p50LatencySec: NO_FIGURE_SOURCE, p50CostCU: NO_FIGURE_SOURCE },
      });
    }
    expect(NO_FIGURE_SOURCE).toBe("not in the previous snapshot: no figure");
    expect(model.releasedAt).toBeNull();
  });

  it("summarises new models' inputs and fills provider, tags and insights", () => {
    const edit = byId.get("model_acme-edit")!;
    expect(edit.inputs).toEqual({
      prompt: true,
      promptMaxLength: 5000,
      image: true,
      mask: true,
      referenceImagesMax: 6,
      seed: true,
      negativePrompt: false,
      aspectRatios: ["1:1", "16:9", "9:16"],
    });
    expect(edit.provider).toBe("Acme");
    expect(edit.tags).toEqual(["editing", "featured", "plan:pro"]);
    expect(edit.insights).toEqual(["Instruction editing with optional masks."]);
    expect(byId.get("model_elevenlabs-music-v3")!.provider).toBe("ElevenLabs");
    expect(byId.get("model_bytedance-seedance-3-0")!.provider).toBe("ByteDance");
    expect(byId.get("model_zeta-lipsync-2")!.provider).toBe("Unknown");
    expect(byId.get("model_elevenlabs-music-v3")!.inputs).toMatchObject({ durationSec: [3, 300], instrumental: true });
    expect(byId.get("model_bytedance-seedance-3-0")!.inputs).toMatchObject({ endImage: true, durationsSec: [5, 10], generateAudio: true });
    expect(byId.get("model_zeta-lipsync-2")!.inputs).toMatchObject({ prompt: false, image: false, video: true, audio: true });
  });

  it("produces a valid catalog and a readable report", () => {
    expect(validateCatalogShape(catalog)).toEqual([]);
    expect(() => parseCatalog(catalog)).not.toThrow();
    const text = formatReport(report).join("\n");
    expect(text).toContain("kept 58, added 7, dropped 2");
    expect(text).toContain("- model_imagen4-fast (Imagen 4 Fast): not returned by the Scenario API");
    expect(text).toContain("+ model_acme-edit");
    const gptTags = formatReport(
      mergeCatalog(snapshot, [...api.filter((m) => m.id !== "model_openai-gpt-image-2"), mockRecord("model_openai-gpt-image-2")], {
        now: NOW,
      }).report,
    );
    expect(gptTags).toContain('    tags: +"GPT-Image", +"OpenAI", +"editing", +"sc:third-party"');
    expect(gptTags).toContain('    inputs.background: +"transparent", −"transparent (preview)"');
    expect(catalog.notes).toContain("7 model(s) added with null figures, 2 dropped.");
  });

  it("with includeNew: false refreshes known models only", () => {
    const knownOnly = mergeCatalog(snapshot, [...newcomers, ...api], { now: NOW, includeNew: false });
    expect(knownOnly.report.added).toEqual([]);
    expect(knownOnly.catalog.models).toHaveLength(58);
    expect(knownOnly.report.skipped.map((s) => s.reason)).toContain("new models not requested");
  });
});

describe("mergeCatalog: a known model whose API record changed", () => {
  const snapshot = loadSnapshot();
  const api = mirror(snapshot);
  const replace = (record: ScenarioModel) =>
    api.splice(
      api.findIndex((m) => m.id === record.id),
      1,
      record,
    );
  // The mock's realistic records: API names, raw tags, refreshed inputs.
  replace(mockRecord("model_openai-gpt-image-2"));
  replace(mockRecord("model_google-gemini-3-1-flash"));
  replace({ ...mockRecord("model_upscale-v3"), capabilities: [] });
  const flux2 = api.find((m) => m.id === "model_bfl-flux-2-dev")!;
  flux2.capabilities = [...flux2.capabilities, "txt2video"];
  const { catalog, report } = mergeCatalog(snapshot, api, { now: NOW });
  const byId = new Map(catalog.models.map((m) => [m.id, m]));
  const before = new Map(snapshot.models.map((m) => [m.id, m]));

  it("keeps the finer split while the Scenario parent is listed (GPT Image 2 keeps inpaint)", () => {
    expect(byId.get("model_openai-gpt-image-2")!.capabilities).toEqual(["txt2img", "img2img", "inpaint"]);
    expect(byId.get("model_openai-gpt-image-2")!.performance).toEqual(before.get("model_openai-gpt-image-2")!.performance);
  });

  it("adds a capability the API now lists, with a null-figure performance entry", () => {
    const model = byId.get("model_bfl-flux-2-dev")!;
    expect(model.capabilities).toEqual(["txt2img", "img2img", "txt2video"]);
    expect(model.performance.txt2img).toEqual(before.get("model_bfl-flux-2-dev")!.performance.txt2img);
    expect(model.performance.txt2video).toMatchObject({ elo: null, p50LatencySec: null, p50CostCU: null });
    const changes = report.changed.find((c) => c.id === "model_bfl-flux-2-dev")!.changes;
    const fields = changes.map((c) => c.field).filter((f) => !f.startsWith("inputs."));
    expect(fields).toEqual(["capabilities", "scenarioCapabilities", "performance.txt2video"]);
  });

  it("drops a known model left without any catalog capability", () => {
    expect(byId.has("model_upscale-v3")).toBe(false);
    expect(report.dropped).toEqual([
      { id: "model_upscale-v3", name: "Scenario Upscale V3", reason: "no catalog capability left (Scenario lists none)" },
    ]);
  });

  it("takes the API's name, appends its tags after the curated ones, and follows accessRestrictions", () => {
    const gpt = byId.get("model_openai-gpt-image-2")!;
    const curated = before.get("model_openai-gpt-image-2")!.tags;
    expect(gpt.tags.slice(0, curated.length)).toEqual(curated);
    expect(gpt.tags.slice(curated.length)).toEqual(["GPT-Image", "OpenAI", "editing", "sc:third-party"]);
    expect(gpt.tags.filter((t) => t === "featured")).toHaveLength(1);
    expect(byId.get("model_google-gemini-3-1-flash")!.name).toBe("Gemini 3.1 🍌"); // the recorded record's name
    expect(byId.get("model_google-gemini-3-1-flash")!.tags).toContain("plan:free");
  });

  it("refreshes inputs the API describes and keeps curated fields it does not", () => {
    const gpt = byId.get("model_openai-gpt-image-2")!.inputs;
    const old = before.get("model_openai-gpt-image-2")!.inputs;
    expect(gpt.background).toEqual(["auto", "opaque", "transparent"]);
    expect(gpt.quality).toEqual(["auto", "high", "medium", "low"]);
    expect(gpt).toMatchObject({
      prompt: true,
      promptMaxLength: 32000,
      image: true,
      mask: true,
      referenceImagesMax: 10,
      numOutputsMax: 10,
      maxWidth: 3840,
    });
    expect(gpt.sizing).toBe(old.sizing);
    expect(gpt.aspectRatios).toEqual(old.aspectRatios);
    expect(gpt.seed).toBe(false);
    const gemini = byId.get("model_google-gemini-3-1-flash")!.inputs;
    // The recorded record has no seed input.
    expect(gemini).toMatchObject({ video: true, referenceImagesMax: 14, numOutputsMax: 4, seed: false, promptMaxLength: 250000 });
    expect(gemini.thinkingLevel).toEqual(["MINIMAL", "LOW", "MEDIUM", "HIGH"]);
    expect(gemini.webSearchGrounding).toBe(true);
    expect(gemini).not.toHaveProperty("useGoogleSearch");
  });

  it("removes deprecated:<successor> tags whose successor was dropped, so the catalog still parses", () => {
    const withoutSuccessor = mirror(snapshot).filter((m) => m.id !== "model_google-gemini-3-1-flash");
    const result = mergeCatalog(snapshot, withoutSuccessor, { now: NOW });
    const deprecated = snapshot.models.filter((m) => m.tags.includes("deprecated:model_google-gemini-3-1-flash")).map((m) => m.id);
    expect(deprecated.length).toBeGreaterThan(0);
    for (const id of deprecated) {
      expect(result.catalog.models.find((m) => m.id === id)!.tags).not.toContain("deprecated:model_google-gemini-3-1-flash");
      const change = result.report.changed.find((c) => c.id === id)!.changes.find((c) => c.field === "tags");
      expect(change).toBeDefined();
    }
    expect(() => parseCatalog(result.catalog)).not.toThrow();
  });

  it("keeps a known model's inputs when its record could not be read", () => {
    const unreadable = mirror(snapshot).map((m) => (m.id === "model_veo3-1" ? { ...m, inputs: undefined } : m));
    const result = mergeCatalog(snapshot, unreadable, { now: NOW });
    expect(result.catalog.models.find((m) => m.id === "model_veo3-1")!.inputs).toEqual(before.get("model_veo3-1")!.inputs);
  });
});

describe("capability mapping", () => {
  it("derives the specialist img2img slugs from id, name and tags", () => {
    const derive = (id: string, name: string, tags: string[] = []) =>
      deriveCapabilities(apiModel({ id, name, tags, capabilities: ["img2img"] }));
    expect(derive("model_x-upscaler", "X")).toEqual(["upscale"]);
    expect(derive("model_x", "Remove Background Pro")).toEqual(["background-removal"]);
    expect(derive("model_x", "X", ["Background Removal"])).toEqual(["background-removal"]);
    expect(derive("model_x-reframe", "X")).toEqual(["outpaint"]);
    expect(derive("model_x", "Outpaint XL")).toEqual(["outpaint"]);
    expect(derive("model_recraft-vectorizer", "Recraft Vectorizer")).toEqual(["img2svg"]);
    expect(derive("model_x", "X", ["Inpainting"])).toEqual(["img2img", "inpaint"]);
    expect(derive("model_x", "Plain Editor")).toEqual(["img2img"]);
  });

  it("maps the default mock records the way the catalog files them", () => {
    const derived = Object.fromEntries(DEFAULT_MOCK_MODEL_RECORDS.map((r) => [r.id, deriveCapabilities(r as ScenarioModel)]));
    expect(derived).toEqual({
      "model_bfl-flux-1-dev": ["txt2img", "img2img"],
      "model_bfl-flux-2-dev": ["txt2img", "img2img"],
      "model_bytedance-seedance-2-0": ["txt2video", "img2video", "video2video"],
      "model_google-gemini-3-1-flash": ["txt2img", "img2img"],
      "model_meshy-7-img23d": ["img23d"],
      "model_openai-gpt-image-2": ["txt2img", "img2img", "inpaint"],
      "model_photoroom-background-removal": ["background-removal"],
      "model_photoroom-expand": ["outpaint"],
      "model_scenario-gemini-reframe": ["outpaint"],
      "model_scenario-gemini-upscale": ["upscale"],
      "model_scenario-smart-reframe": ["outpaint"],
      "model_upscale-v3": ["upscale"],
    });
  });

  it("leaves Scenario capabilities outside the catalog's set out", () => {
    expect(
      deriveCapabilities(apiModel({ id: "m", capabilities: ["controlnet", "video2img", "3d23d", "audio2audio", "txt2img_texture"] })),
    ).toEqual([]);
  });

  it("reconciles a curated split with the API's current capabilities", () => {
    const model = (capabilities: string[]) => apiModel({ id: "model_x", name: "X", capabilities });
    expect(reconcileCapabilities(["upscale"], model(["img2img"]))).toEqual(["upscale"]);
    expect(reconcileCapabilities(["txt2sfx"], model(["txt2audio", "txt2img"]))).toEqual(["txt2sfx", "txt2img"]);
    expect(reconcileCapabilities(["txt2img", "img2img", "inpaint"], model(["txt2img"]))).toEqual(["txt2img"]);
    expect(reconcileCapabilities(["lipsync"], model([]))).toEqual([]);
  });
});

describe("summariseInputs", () => {
  const seedanceInputs: ScenarioModelInput[] = [
    { name: "prompt", type: "string", prompt: true, maxLength: 6000, required: { always: true } },
    { name: "image", type: "file", kind: "image" },
    { name: "lastFrameImage", type: "file", kind: "image" },
    { name: "referenceImages", type: "file_array", kind: "image", maxLength: 9 },
    { name: "referenceVideos", type: "file_array", kind: "video", maxLength: 3 },
    { name: "referenceAudio", type: "file_array", kind: "audio", maxLength: 3 },
    { name: "duration", type: "number", default: -1, allowedValues: [-1, 4, 5, 6, 8, 10, 12, 15] },
    { name: "resolution", type: "string", allowedValues: ["480p", "720p", "1080p", "4k"] },
    { name: "aspectRatio", type: "string", allowedValues: ["16:9", "1:1", "9:16", "adaptive"] },
    { name: "generateAudio", type: "boolean", default: true },
    { name: "cameraFixed", type: "boolean" },
    { name: "motionStrength", type: "number", min: 0, max: 10 },
  ];

  it("maps a video model's inputs[] to the catalog fields (contract §5 item fields)", () => {
    const { core, extras, ranges } = summariseInputs(seedanceInputs);
    expect(core).toEqual({
      prompt: true,
      promptMaxLength: 6000,
      image: true,
      mask: false,
      endImage: true,
      referenceImagesMax: 9,
      referenceVideosMax: 3,
      referenceAudioMax: 3,
      seed: false,
      negativePrompt: false,
      aspectRatios: ["16:9", "1:1", "9:16", "adaptive"],
      resolution: ["480p", "720p", "1080p", "4k"],
      durationsSec: [4, 5, 6, 8, 10, 12, 15],
    });
    expect(extras).toEqual({ generateAudio: true, cameraFixed: true });
    expect(ranges).toEqual({ motionStrength: [0, 10] });
  });

  it("reads the mock's GPT Image 2 record: mask via maskFrom, references from maxLength, sizing from width/height", () => {
    const { core, extras } = summariseInputs(mockRecord("model_openai-gpt-image-2").inputs!);
    expect(core).toMatchObject({
      prompt: true,
      promptMaxLength: 32000,
      image: true,
      mask: true,
      referenceImagesMax: 10,
      numOutputsMax: 10,
      maxWidth: 3840,
      sizing: "width/height 16-3840 px, step 16",
    });
    expect(extras).toEqual({ quality: ["auto", "high", "medium", "low"], background: ["auto", "opaque", "transparent"] });
  });

  it("does not count style images as references (upscale-v3 keeps styleImagesMax)", () => {
    const { core, extras, ranges } = summariseInputs(mockRecord("model_upscale-v3").inputs!);
    expect(core).toMatchObject({ image: true, referenceImagesMax: 0, negativePrompt: true, seed: true, prompt: true });
    expect(extras).toMatchObject({ styleImagesMax: 10, preset: ["precise", "balanced", "creative"] });
    expect(ranges).toMatchObject({ upscaleFactor: [1, 16] });
  });

  it("writes a whole-second duration run as [min, max] (the catalog schema's range form)", () => {
    const durations = (allowedValues: number[]) => summariseInputs([{ name: "duration", type: "number", allowedValues }]).core.durationsSec;
    expect(durations([-1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15])).toEqual([4, 15]);
    expect(durations([4, 6, 8])).toEqual([4, 6, 8]);
    expect(durations([5, 10])).toEqual([5, 10]);
  });

  it("reads a file_array limit from max when maxLength is absent", () => {
    expect(summariseInputs([{ name: "referenceImages", type: "file_array", kind: "image", max: 4 }]).core.referenceImagesMax).toBe(4);
  });

  it("marks a lost presence flag false on a known model and keeps curated fields", () => {
    const merged = inputsForKnownModel(
      { prompt: true, image: true, mask: false, endImage: true, sizing: "curated", style: ["a", "b"], upscaleFactor: [1, 16] },
      summariseInputs([
        { name: "prompt", type: "string" },
        { name: "image", type: "file", kind: "image" },
        { name: "style", type: "string", allowedValues: ["a", "c"] },
        { name: "upscaleFactor", type: "number", min: 1, max: 8 },
        { name: "width", type: "number", min: 64, max: 1024 },
        { name: "height", type: "number", min: 64, max: 1024 },
        { name: "brandNewToggle", type: "boolean" },
      ]),
    );
    expect(merged).toEqual({
      prompt: true,
      image: true,
      mask: false,
      endImage: false,
      sizing: "curated",
      style: ["a", "c"],
      upscaleFactor: [1, 8],
      maxWidth: 1024,
    });
  });
});

describe("validateCatalogShape", () => {
  it("accepts the bundled snapshot", () => {
    expect(validateCatalogShape(loadSnapshot())).toEqual([]);
  });

  it("names the model and the field of each problem", () => {
    const broken = loadSnapshot();
    broken.models[1].performance.txt2img.elo = "high" as unknown as number;
    broken.models[2].capabilities = [];
    broken.models[3].id = broken.models[0].id;
    const problems = validateCatalogShape(broken);
    expect(problems).toContain("models[1] (model_openai-gpt-image-1-5-editing): performance.txt2img.elo must be a number or null");
    expect(problems).toContain("models[2] (model_google-gemini-3-1-flash): capabilities must be a non-empty array of strings");
    expect(problems).toContain("models[3] (model_openai-gpt-image-2): id is repeated");
  });
});
