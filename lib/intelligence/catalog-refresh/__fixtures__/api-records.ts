/**
 * Test support: Scenario-API-shaped model records (contract §5) synthesised from catalog models,
 * so a mock API can "mirror" the bundled snapshot. Test-only; not imported by app code.
 */
import type { ModelInput } from "../../../providers/model-schema";
import type { MockModelRecord } from "../../../providers/scenario/mock-server";
import { scenarioParentOf } from "../capabilities";
import type { CatalogModel } from "../types";

/** Plan tags → `accessRestrictions` tier. */
const TIERS: Record<string, number> = { "plan:free": 0, "plan:creator": 25, "plan:pro": 50 };

/**
 * Builds the `GET /models/{id}` record the API would return for a catalog model: its Scenario
 * capabilities, its name, and `inputs[]` that summarise back to its `inputs` object.
 */
export function apiRecordFor(model: CatalogModel): MockModelRecord {
  const i = model.inputs;
  const inputs: ModelInput[] = [];
  if (i.prompt === true) {
    inputs.push({
      name: "prompt",
      type: "string",
      prompt: true,
      ...(typeof i.promptMaxLength === "number" ? { maxLength: i.promptMaxLength } : {}),
    });
  }
  const refs = typeof i.referenceImagesMax === "number" ? i.referenceImagesMax : 0;
  if (i.image === true && refs === 0) inputs.push({ name: "image", type: "file", kind: "image" });
  if (refs > 0) inputs.push({ name: "referenceImages", type: "file_array", kind: "image", maxLength: refs });
  if (i.mask === true) inputs.push({ name: "mask", type: "file", kind: "image" });
  if (i.endImage === true) inputs.push({ name: "lastFrameImage", type: "file", kind: "image" });
  if (i.video === true) inputs.push({ name: "video", type: "file", kind: "video" });
  if (i.audio === true) inputs.push({ name: "audio", type: "file", kind: "audio" });
  if (i.controlImage === true) inputs.push({ name: "controlImage", type: "file", kind: "image" });
  if (typeof i.referenceVideosMax === "number")
    inputs.push({ name: "referenceVideos", type: "file_array", kind: "video", maxLength: i.referenceVideosMax });
  if (typeof i.referenceAudioMax === "number")
    inputs.push({ name: "referenceAudio", type: "file_array", kind: "audio", maxLength: i.referenceAudioMax });
  if (i.seed === true) inputs.push({ name: "seed", type: "number", min: 0, max: 2147483647 });
  if (i.negativePrompt === true) inputs.push({ name: "negativePrompt", type: "string" });
  if (typeof i.numOutputsMax === "number") inputs.push({ name: "numOutputs", type: "number", min: 1, max: i.numOutputsMax });
  if (Array.isArray(i.aspectRatios)) inputs.push({ name: "aspectRatio", type: "string", allowedValues: [...i.aspectRatios] });
  if (Array.isArray(i.resolution)) inputs.push({ name: "resolution", type: "string", allowedValues: [...i.resolution] });
  if (Array.isArray(i.durationsSec)) inputs.push({ name: "duration", type: "number", allowedValues: [...i.durationsSec] });
  if (typeof i.maxWidth === "number") inputs.push({ name: "width", type: "number", min: 16, max: i.maxWidth });
  if (typeof i.loras === "number") inputs.push({ name: "loras", type: "model_array", maxLength: i.loras });
  const handled = new Set([
    "prompt",
    "promptMaxLength",
    "image",
    "referenceImagesMax",
    "mask",
    "endImage",
    "video",
    "audio",
    "controlImage",
    "referenceVideosMax",
    "referenceAudioMax",
    "seed",
    "negativePrompt",
    "numOutputsMax",
    "aspectRatios",
    "resolution",
    "durationsSec",
    "maxWidth",
    "loras",
    "sizing",
  ]);
  for (const [key, value] of Object.entries(i)) {
    if (handled.has(key)) continue;
    if (value === true) inputs.push({ name: key, type: "boolean" });
    else if (Array.isArray(value) && value.length && value.every((v) => typeof v === "string"))
      inputs.push({ name: key, type: "string", allowedValues: [...value] });
  }
  const plan = model.tags.find((t) => t in TIERS);
  return {
    id: model.id,
    name: model.name,
    type: "custom",
    privacy: "public",
    status: "trained",
    capabilities: [...model.scenarioCapabilities],
    tags: [],
    ...(plan ? { accessRestrictions: TIERS[plan] } : {}),
    inputs,
  };
}

/** True when every curated slug's Scenario parent is among the model's Scenario capabilities. */
export function slugsCoveredByScenario(model: CatalogModel): boolean {
  return model.capabilities.every((slug) => model.scenarioCapabilities.includes(scenarioParentOf(slug)));
}
