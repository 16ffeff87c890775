/**
 * A small local HTTP server that answers like Scenario's documented API
 * (scenario-api-contract.md §1–§4), for the client's tests and for end-to-end runs.
 *
 * Routes (all under `/v1` need `Authorization: Basic base64(key:secret)`, else 401 `{reason:"Unauthorized"}`):
 * - `POST /v1/generate/custom/:modelId` creates a `queued` job; `?dryRun=true` answers 269 with the cost;
 *   an unknown model answers 404 `{reason:"Model <id> not found"}`.
 * - `GET /v1/jobs/:id` advances the job one step per poll: queued → in-progress (0.5) → success
 *   (then `metadata.assetIds`), or to the outcome scripted with `script.jobOutcome`.
 * - `POST /v1/jobs/:id/action {"action":"cancel"}` answers 400 `Cannot cancel this type of job`
 *   (unless `cancelSupported`).
 * - `POST /v1/assets {image, name}` stores a base64 / data-URL image; `GET /v1/assets/:id` returns it with
 *   `url: <server>/files/<id>?sig=abc`.
 * - `GET /files/:id?sig=abc` serves the bytes: 403 without the signature, 400 when an Authorization
 *   header is sent (as S3 does when a signed URL also gets a header).
 * - `GET /v1/models?privacy&status&pageSize(≤500)&paginationToken` lists `state.modelRecords` (contract §5):
 *   rows without `inputs`/`uiConfig`, `nextPaginationToken` while more rows remain; pageSize above 500
 *   or an unknown token answers 400.
 * - `GET /v1/models/:id` returns `{model}` with `inputs[]`, or 404 `{reason:"Model <id> not found"}`.
 * Outputs are a copy of the asset in `body.image` (or `referenceImages[0]`), else a generated 64×64 PNG.
 *
 * Test-only module: imports `sharp` and `node:http`; never import it from app code.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import sharp from "sharp";

/** A canned answer queued with `script.failNext`. */
export interface MockFault {
  /** HTTP status to answer (ignored with `networkError`). */
  status?: number;
  /** JSON body (a string is sent as is). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long (ms) before answering: lets tests trigger client timeouts. */
  delayMs?: number;
  /** Destroy the socket without answering (the client's fetch throws). */
  networkError?: boolean;
  /** How many consecutive matching requests get this fault (default 1). */
  times?: number;
}

export interface RecordedRequest {
  method: string;
  /** Pathname only, e.g. `/v1/jobs/job_1`. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, the raw text when not JSON, or undefined when empty. */
  body: unknown;
  /** HTTP status the server answered. */
  status?: number;
}

export type MockJobOutcome = "success" | "failure" | "canceled";

export interface MockJob {
  jobId: string;
  modelId: string;
  status: string;
  progress: number;
  body: Record<string, unknown>;
  assetIds: string[];
  error?: string;
  outcome: MockJobOutcome;
  outcomeError?: string;
  polls: number;
  createdAt: string;
  updatedAt: string;
  statusHistory: { status: string; date: string }[];
}

export interface MockAsset {
  id: string;
  name: string;
  bytes: Buffer;
  mimeType: string;
  width: number;
  height: number;
  createdAt: string;
}

/** One `inputs[]` item of a mock model record (contract §5). */
export interface MockModelInput {
  name: string;
  type: string;
  label?: string;
  required?: { always?: boolean; ifDefined?: Record<string, unknown>; ifNotDefined?: Record<string, unknown> };
  default?: unknown;
  min?: number;
  max?: number;
  step?: number;
  allowedValues?: unknown[];
  maxLength?: number;
  kind?: string;
  costImpact?: boolean;
  maskFrom?: string;
  [key: string]: unknown;
}

/** A model record as `GET /v1/models/:id` returns it under `model` (contract §5). */
export interface MockModelRecord {
  id: string;
  name: string;
  shortDescription?: string;
  type: string;
  privacy: "public" | "private";
  status: string;
  capabilities: string[];
  tags: string[];
  accessRestrictions?: number;
  exampleAssetIds?: string[];
  inputs: MockModelInput[];
  uiConfig?: { selects?: Record<string, Record<string, string>> };
  createdAt?: string;
  updatedAt?: string;
  [key: string]: unknown;
}

export interface MockScenarioState {
  requests: RecordedRequest[];
  jobs: Map<string, MockJob>;
  assets: Map<string, MockAsset>;
  /** Models `POST /generate/custom/:modelId` knows; others answer 404. */
  models: Set<string>;
  /** Field the job id is reported under in generate replies. */
  jobIdField: "jobId" | "id" | "both";
  /** CU per output in generate / dry-run replies. */
  costPerOutput: number;
  cancelSupported: boolean;
  /** Records served by `GET /v1/models` and `GET /v1/models/:id`, in list order; tests may edit it. */
  modelRecords: Map<string, MockModelRecord>;
}

export interface MockScenarioScript {
  /**
   * Queues a fault for the next request(s) matching `pattern`, e.g. `"POST /v1/generate/custom/*"`.
   * `*` matches within one path segment, `**` across segments; the method may be `*`.
   * Faults for the same pattern are served in the order queued.
   */
  failNext(pattern: string, fault: MockFault): void;
  /** Makes a job (or, with `"next"`, the next job created) end with `outcome` (and `metadata.error`). */
  jobOutcome(jobIdOrNext: string, outcome: MockJobOutcome, error?: string): void;
  /** Chooses how generate replies name the job id (`job.jobId`, `job.id` or both). */
  setJobIdField(field: "jobId" | "id" | "both"): void;
  /** Forgets queued faults and outcomes and recorded requests (jobs and assets stay). */
  reset(): void;
}

export interface MockScenarioServer {
  /** Origin, e.g. `http://127.0.0.1:53211`. */
  url: string;
  /** `${url}/v1`: the client's `baseUrl`. */
  baseUrl: string;
  /** The key pair the server accepts. */
  credentials: { apiKey: string; apiSecret: string };
  state: MockScenarioState;
  script: MockScenarioScript;
  close(): Promise<void>;
}

export interface MockScenarioServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  apiKey?: string;
  apiSecret?: string;
  /** Known model ids; default `DEFAULT_MOCK_MODELS`. */
  models?: Iterable<string>;
  /** Treat every `model_*` id as known (for end-to-end runs with real catalog ids). */
  acceptAnyModel?: boolean;
  costPerOutput?: number;
  cancelSupported?: boolean;
  /** Records for `GET /v1/models[/:id]`; default `DEFAULT_MOCK_MODEL_RECORDS`. */
  modelRecords?: Iterable<MockModelRecord>;
}

/** Model ids the mock knows by default (contract §5–§6). */
export const DEFAULT_MOCK_MODELS = [
  "model_upscale-v3",
  "model_scenario-gemini-upscale",
  "model_photoroom-background-removal",
  "model_scenario-gemini-reframe",
  "model_scenario-smart-reframe",
  "model_google-gemini-3-1-flash",
  "model_openai-gpt-image-2",
  "model_bfl-flux-1-dev",
];

const PROMPT_INPUT: MockModelInput = {
  name: "prompt",
  type: "string",
  label: "Prompt",
  prompt: true,
  required: { always: true },
  maxLength: 2000,
  costImpact: false,
};
const SEED_INPUT: MockModelInput = { name: "seed", type: "number", label: "Seed", min: 0, max: 2147483647, step: 1, costImpact: false };
const IMAGE_INPUT: MockModelInput = {
  name: "image",
  type: "file",
  kind: "image",
  label: "Image",
  required: { always: true },
  costImpact: false,
};

/**
 * Model records the mock serves by default: one per `DEFAULT_MOCK_MODELS` id, with `inputs[]` shaped
 * like the contract's examples (§5–§6) and the scenario-labs fixtures (GPT Image 2, Gemini 3.1 Flash).
 */
export const DEFAULT_MOCK_MODEL_RECORDS: readonly MockModelRecord[] = [
  {
    id: "model_upscale-v3",
    name: "Scenario Upscale V3",
    shortDescription: "Upscale and enhance images up to 16x with style-aware presets.",
    type: "custom",
    privacy: "public",
    status: "trained",
    capabilities: ["img2img"],
    tags: ["Upscale", "Enhance", "sc:scenario"],
    accessRestrictions: 0,
    createdAt: "2025-03-04T10:00:00.000Z",
    updatedAt: "2026-09-01T10:00:00.000Z",
    inputs: [
      IMAGE_INPUT,
      {
        name: "style",
        type: "string",
        label: "Style",
        default: "standard",
        allowedValues: ["standard", "cartoon", "anime", "comic", "minimalist", "photography", "3d-rendered"],
      },
      { name: "upscaleFactor", type: "number", label: "Upscale Factor", default: 2, min: 1, max: 16, step: 1, costImpact: true },
      { name: "preset", type: "string", label: "Preset", default: "precise", allowedValues: ["precise", "balanced", "creative"] },
      { name: "strength", type: "number", label: "Strength", default: 0.1, min: 0, max: 1, step: 0.01 },
      { ...PROMPT_INPUT, required: undefined },
      { name: "negativePrompt", type: "string", label: "Negative Prompt", maxLength: 2000 },
      { name: "styleImages", type: "file_array", kind: "image", label: "Style Images", maxLength: 10 },
      { name: "fractality", type: "number", label: "Fractality", default: 0, min: 0, max: 1, step: 0.01 },
      SEED_INPUT,
    ],
  },
  {
    id: "model_scenario-gemini-upscale",
    name: "Scenario Gemini Upscale",
    shortDescription: "4K creative upscale powered by Gemini.",
    type: "custom",
    privacy: "public",
    status: "trained",
    capabilities: ["img2img"],
    tags: ["Upscale", "4K", "sc:scenario"],
    accessRestrictions: 0,
    inputs: [
      IMAGE_INPUT,
      { name: "upscaleFactor", type: "string", label: "Target", default: "4k", allowedValues: ["4k"], costImpact: true },
      { name: "creativity", type: "number", label: "Creativity", default: 30, min: 0, max: 100, step: 1 },
      { ...PROMPT_INPUT, required: undefined },
      SEED_INPUT,
    ],
  },
  {
    id: "model_photoroom-background-removal",
    name: "Photoroom Background Removal",
    shortDescription: "Remove the background of any image, with optional shadows and colour fill.",
    type: "custom",
    privacy: "public",
    status: "trained",
    capabilities: ["img2img"],
    tags: ["Background Removal", "Photoroom", "sc:third-party"],
    accessRestrictions: 0,
    inputs: [
      IMAGE_INPUT,
      { name: "backgroundColor", type: "string", label: "Background Color", default: "", maxLength: 32 },
      { name: "shadowMode", type: "string", label: "Shadow", default: "", allowedValues: ["", "soft", "hard", "floating"] },
      { name: "hdBackgroundRemoval", type: "boolean", label: "HD Background Removal", default: false, costImpact: true },
      { name: "keepExistingTransparency", type: "boolean", label: "Keep Existing Transparency", default: false },
    ],
  },
  {
    id: "model_scenario-gemini-reframe",
    name: "Scenario Gemini Reframe",
    shortDescription: "Extend an image to a new aspect ratio with Gemini.",
    type: "custom",
    privacy: "public",
    status: "trained",
    capabilities: ["img2img"],
    tags: ["Reframe", "Expand", "sc:scenario"],
    accessRestrictions: 0,
    inputs: [
      IMAGE_INPUT,
      { ...PROMPT_INPUT, required: undefined },
      {
        name: "aspectRatio",
        type: "string",
        label: "Aspect Ratio",
        default: "16:9",
        allowedValues: ["21:9", "16:9", "3:2", "4:3", "5:4", "1:1", "4:5", "3:4", "2:3", "9:16"],
      },
      { name: "resolution", type: "string", label: "Resolution", default: "1K", allowedValues: ["1K", "2K", "4K"], costImpact: true },
    ],
  },
  {
    id: "model_scenario-smart-reframe",
    name: "Scenario Smart Reframe",
    shortDescription: "Reframe an image to exact pixel dimensions.",
    type: "custom",
    privacy: "public",
    status: "trained",
    capabilities: ["img2img"],
    tags: ["Reframe", "Expand", "sc:scenario"],
    accessRestrictions: 0,
    inputs: [
      IMAGE_INPUT,
      { name: "width", type: "number", label: "Width", required: { always: true }, min: 64, max: 6336, step: 1 },
      { name: "height", type: "number", label: "Height", required: { always: true }, min: 64, max: 5504, step: 1 },
      { ...PROMPT_INPUT, required: undefined },
      { name: "numOutputs", type: "number", label: "Image Count", default: 1, min: 1, max: 8, step: 1, costImpact: true },
      { name: "textDensity", type: "string", label: "Text Density", default: "SPARSE", allowedValues: ["SPARSE", "DENSE"] },
      { name: "thinkingLevel", type: "string", label: "Thinking Level", default: "HIGH", allowedValues: ["HIGH", "MINIMAL"] },
      SEED_INPUT,
    ],
  },
  {
    id: "model_google-gemini-3-1-flash",
    name: "Gemini 3.1 Flash",
    shortDescription:
      "Gemini 3.1 Flash Image by Google: fast image generation and editing with resolutions from 512 to 4K, adjustable thinking depth, and optional Search grounding.",
    type: "custom",
    privacy: "public",
    status: "trained",
    capabilities: ["txt2img", "img2img", "video2img"],
    tags: ["editing", "featured", "sc:featured", "sc:third-party"],
    accessRestrictions: 0,
    createdAt: "2026-02-26T21:06:25.121Z",
    updatedAt: "2026-08-20T21:54:14.318Z",
    inputs: [
      { ...PROMPT_INPUT, maxLength: 250000 },
      { name: "referenceImages", type: "file_array", kind: "image", label: "Reference images", maxLength: 14, costImpact: true },
      { name: "video", type: "file", kind: "video", label: "Input video", costImpact: true },
      { name: "videoFps", type: "number", label: "Video frame rate", default: 1, min: 0.1, max: 24, step: 0.1 },
      {
        name: "aspectRatio",
        type: "string",
        label: "Aspect Ratio",
        default: "auto",
        allowedValues: ["21:9", "16:9", "3:2", "4:3", "5:4", "1:1", "4:5", "3:4", "2:3", "9:16", "auto"],
      },
      { name: "resolution", type: "string", label: "Resolution", default: "1K", allowedValues: ["512", "1K", "2K", "4K"], costImpact: true },
      { name: "useGoogleSearch", type: "boolean", label: "Use Google Search", default: false, costImpact: true },
      { name: "thinkingLevel", type: "string", label: "Thinking Level", default: "HIGH", allowedValues: ["MINIMAL", "LOW", "MEDIUM", "HIGH"] },
      { name: "numOutputs", type: "number", label: "Image Count", default: 1, min: 1, max: 4, step: 1, costImpact: true },
      SEED_INPUT,
    ],
    uiConfig: { selects: { aspectRatio: { auto: "Auto" } } },
  },
  {
    id: "model_openai-gpt-image-2",
    name: "GPT Image 2",
    shortDescription: "GPT Image 2 by OpenAI: prompt adherence, crisp text rendering and precise inpainting.",
    type: "custom",
    privacy: "public",
    status: "trained",
    capabilities: ["txt2img", "img2img"],
    tags: ["GPT-Image", "OpenAI", "editing", "sc:featured", "sc:third-party"],
    accessRestrictions: 25,
    createdAt: "2026-04-22T08:57:03.106Z",
    updatedAt: "2026-08-21T16:57:39.268Z",
    inputs: [
      { ...PROMPT_INPUT, maxLength: 32000 },
      {
        name: "referenceImages",
        type: "file_array",
        kind: "image",
        label: "Reference Images",
        maxLength: 10,
        costImpact: true,
        required: { ifDefined: { mask: { message: "A reference image is required when a mask is provided." } } },
      },
      { name: "mask", type: "file", kind: "image", label: "Mask", maskFrom: "referenceImages" },
      { name: "numOutputs", type: "number", label: "Image Count", default: 1, min: 1, max: 10, step: 1, costImpact: true },
      { name: "width", type: "number", label: "Width", min: 16, max: 3840, step: 16, costImpact: true },
      { name: "height", type: "number", label: "Height", min: 16, max: 3840, step: 16, costImpact: true },
      { name: "quality", type: "string", label: "Quality", default: "auto", allowedValues: ["auto", "high", "medium", "low"], costImpact: true },
      { name: "background", type: "string", label: "Background", default: "auto", allowedValues: ["auto", "opaque", "transparent"] },
    ],
  },
  {
    id: "model_bfl-flux-1-dev",
    name: "FLUX.1 Dev",
    shortDescription: "FLUX.1 [dev] by Black Forest Labs: the base model for FLUX.1 LoRAs.",
    type: "custom",
    privacy: "public",
    status: "trained",
    capabilities: ["txt2img", "img2img", "controlnet"],
    tags: ["FLUX", "Black Forest Labs", "sc:third-party"],
    accessRestrictions: 0,
    inputs: [
      PROMPT_INPUT,
      { name: "image", type: "file", kind: "image", label: "Image" },
      { name: "strength", type: "number", label: "Strength", default: 0.75, min: 0.01, max: 1, step: 0.01 },
      { name: "controlImage", type: "file", kind: "image", label: "Control Image" },
      { name: "loras", type: "model_array", label: "LoRAs", maxLength: 6 },
      { name: "lorasScale", type: "number_array", label: "LoRA Scales", maxLength: 6 },
      { name: "width", type: "number", label: "Width", default: 1024, min: 128, max: 2048, step: 16 },
      { name: "height", type: "number", label: "Height", default: 1024, min: 128, max: 2048, step: 16 },
      { name: "numOutputs", type: "number", label: "Image Count", default: 1, min: 1, max: 4, step: 1, costImpact: true },
      { name: "guidance", type: "number", label: "Guidance", default: 3.5, min: 1, max: 20, step: 0.1 },
      { name: "numInferenceSteps", type: "number", label: "Steps", default: 28, min: 1, max: 50, step: 1 },
      SEED_INPUT,
    ],
  },
];

/** Default `pageSize` of the mock's `GET /v1/models` (the maximum is 500, contract §5). */
export const MOCK_MODELS_DEFAULT_PAGE_SIZE = 50;
const MOCK_MODELS_MAX_PAGE_SIZE = 500;

const SIGNATURE = "abc";

interface QueuedFault {
  method: string;
  regex: RegExp;
  fault: MockFault;
  remaining: number;
}

/**
 * Starts the mock on 127.0.0.1.
 *
 * @returns `{url, baseUrl, credentials, state, script, close}`; `close()` resolves once the port is freed.
 */
export async function startMockScenarioServer(options: MockScenarioServerOptions = {}): Promise<MockScenarioServer> {
  const credentials = { apiKey: options.apiKey ?? "test-key", apiSecret: options.apiSecret ?? "test-secret" };
  const expectedAuth = `Basic ${Buffer.from(`${credentials.apiKey}:${credentials.apiSecret}`).toString("base64")}`;
  const state: MockScenarioState = {
    requests: [],
    jobs: new Map(),
    assets: new Map(),
    models: new Set(options.models ?? DEFAULT_MOCK_MODELS),
    jobIdField: "jobId",
    costPerOutput: options.costPerOutput ?? 5,
    cancelSupported: options.cancelSupported ?? false,
    modelRecords: new Map([...(options.modelRecords ?? DEFAULT_MOCK_MODEL_RECORDS)].map((r) => [r.id, structuredClone(r)])),
  };
  let faults: QueuedFault[] = [];
  let nextOutcomes: { outcome: MockJobOutcome; error?: string }[] = [];
  let counter = 0;
  const newId = (prefix: string) => `${prefix}_${(++counter).toString(36).padStart(6, "0")}`;
  let origin = "";

  const script: MockScenarioScript = {
    failNext(pattern, fault) {
      const [method, path] = pattern.includes(" ") ? pattern.split(/\s+/, 2) : ["*", pattern];
      faults.push({ method: method.toUpperCase(), regex: globToRegex(path), fault, remaining: fault.times ?? 1 });
    },
    jobOutcome(jobIdOrNext, outcome, error) {
      if (jobIdOrNext === "next") {
        nextOutcomes.push({ outcome, error });
        return;
      }
      const job = state.jobs.get(jobIdOrNext);
      if (!job) throw new Error(`mock Scenario: no job ${jobIdOrNext}`);
      job.outcome = outcome;
      job.outcomeError = error;
    },
    setJobIdField(field) {
      state.jobIdField = field;
    },
    reset() {
      faults = [];
      nextOutcomes = [];
      state.requests.length = 0;
    },
  };

  const takeFault = (method: string, path: string): MockFault | null => {
    const index = faults.findIndex((f) => (f.method === "*" || f.method === method) && f.regex.test(path));
    if (index < 0) return null;
    const queued = faults[index];
    queued.remaining -= 1;
    if (queued.remaining <= 0) faults.splice(index, 1);
    return queued.fault;
  };

  const isKnownModel = (modelId: string) =>
    state.models.has(modelId) || (options.acceptAnyModel === true && /^model_/.test(modelId));

  const jobView = (job: MockJob) => ({
    jobId: job.jobId,
    jobType: "custom",
    status: job.status,
    progress: job.progress,
    modelId: job.modelId,
    authorId: "mock-author",
    ownerId: "mock-owner",
    statusHistory: job.statusHistory,
    metadata: {
      input: job.body,
      assetIds: job.assetIds,
      ...(job.error ? { error: job.error } : {}),
    },
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  });

  const assetView = (asset: MockAsset) => ({
    id: asset.id,
    url: `${origin}/files/${asset.id}?sig=${SIGNATURE}`,
    mimeType: asset.mimeType,
    kind: "image",
    status: "success",
    privacy: "private",
    metadata: { type: "uploaded", kind: "image", name: asset.name },
    properties: { size: asset.bytes.length, width: asset.width, height: asset.height, format: asset.mimeType.split("/")[1] },
    createdAt: asset.createdAt,
  });

  const setStatus = (job: MockJob, status: string, progress: number) => {
    const now = new Date().toISOString();
    job.status = status;
    job.progress = progress;
    job.updatedAt = now;
    job.statusHistory.push({ status, date: now });
  };

  /** One poll = one step: queued → in-progress → outcome. */
  const advance = async (job: MockJob) => {
    if (job.status === "queued") {
      setStatus(job, "in-progress", 0.5);
      return;
    }
    if (job.status !== "in-progress") return;
    if (job.outcome === "success") {
      job.assetIds = await makeOutputs(job);
      setStatus(job, "success", 1);
    } else if (job.outcome === "failure") {
      job.error = job.outcomeError ?? "Generation failed";
      setStatus(job, "failure", job.progress);
    } else {
      setStatus(job, "canceled", job.progress);
    }
  };

  const makeOutputs = async (job: MockJob): Promise<string[]> => {
    const count = Math.min(Math.max(Math.trunc(Number(job.body.numOutputs ?? 1)) || 1, 1), 4);
    const source = inputAssetId(job.body);
    const sourceAsset = source ? state.assets.get(source) : undefined;
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = newId("asset");
      const createdAt = new Date().toISOString();
      if (sourceAsset) {
        state.assets.set(id, { ...sourceAsset, id, name: `${job.jobId}-${i}`, bytes: Buffer.from(sourceAsset.bytes), createdAt });
      } else {
        const bytes = await solidPng(`${String(job.body.prompt ?? "")}|${String(job.body.seed ?? "")}|${i}`);
        state.assets.set(id, { id, name: `${job.jobId}-${i}`, bytes, mimeType: "image/png", width: 64, height: 64, createdAt });
      }
      ids.push(id);
    }
    return ids;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, record: RecordedRequest, invalidJson: boolean) => {
    const { method, path, query } = record;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      const payload = typeof body === "string" ? body : JSON.stringify(body);
      res.writeHead(status, { "content-type": typeof body === "string" ? "text/plain" : "application/json", ...headers });
      res.end(payload);
    };

    const fault = takeFault(method, path);
    if (fault) {
      if (fault.delayMs) await delay(fault.delayMs);
      if (fault.networkError) {
        record.status = 0;
        req.socket.destroy();
        return;
      }
      if (fault.status !== undefined) {
        send(fault.status, fault.body ?? { reason: `Mock fault ${fault.status}` }, fault.headers);
        return;
      }
    }

    // Signed file URLs: no Authorization, signature in the query.
    let m = /^\/files\/([^/]+)$/.exec(path);
    if (m && method === "GET") {
      if (req.headers.authorization) return send(400, "Only one auth mechanism allowed");
      if (query.sig !== SIGNATURE) return send(403, "Request has expired or the signature does not match");
      const asset = state.assets.get(decodeURIComponent(m[1]));
      if (!asset) return send(404, "NoSuchKey");
      record.status = 200;
      res.writeHead(200, { "content-type": asset.mimeType, "content-length": String(asset.bytes.length) });
      res.end(asset.bytes);
      return;
    }

    if (!path.startsWith("/v1/")) return send(404, { reason: "Not found" });
    if (req.headers.authorization !== expectedAuth) return send(401, { reason: "Unauthorized" });

    if (invalidJson) return send(400, { reason: "Invalid JSON body" });
    const body = isRecord(record.body) ? record.body : {};

    m = /^\/v1\/generate\/custom\/([^/]+)$/.exec(path);
    if (m && method === "POST") {
      const modelId = decodeURIComponent(m[1]);
      if (!isKnownModel(modelId)) return send(404, { reason: `Model ${modelId} not found` });
      const outputs = Math.min(Math.max(Math.trunc(Number(body.numOutputs ?? 1)) || 1, 1), 4);
      const cost = state.costPerOutput * outputs;
      if (query.dryRun === "true") {
        return send(269, { creativeUnitsCost: cost, creativeUnitsDiscount: 0, costDetails: { "custom-generation": cost } });
      }
      const source = inputAssetId(body);
      if (source && !state.assets.has(source)) return send(400, { reason: `Asset ${source} not found` });
      const now = new Date().toISOString();
      const scripted = nextOutcomes.shift();
      const job: MockJob = {
        jobId: newId("job"),
        modelId,
        status: "queued",
        progress: 0,
        body,
        assetIds: [],
        outcome: scripted?.outcome ?? "success",
        outcomeError: scripted?.error,
        polls: 0,
        createdAt: now,
        updatedAt: now,
        statusHistory: [{ status: "queued", date: now }],
      };
      state.jobs.set(job.jobId, job);
      const view: Record<string, unknown> = jobView(job);
      if (state.jobIdField !== "jobId") view.id = job.jobId;
      if (state.jobIdField === "id") delete view.jobId;
      return send(200, { job: view, creativeUnitsCost: cost, creativeUnitsDiscount: 0 });
    }

    m = /^\/v1\/jobs\/([^/]+)$/.exec(path);
    if (m && method === "GET") {
      const job = state.jobs.get(decodeURIComponent(m[1]));
      if (!job) return send(404, { reason: `Job ${decodeURIComponent(m[1])} not found` });
      job.polls += 1;
      await advance(job);
      return send(200, { job: jobView(job) });
    }

    m = /^\/v1\/jobs\/([^/]+)\/action$/.exec(path);
    if (m && method === "POST") {
      const job = state.jobs.get(decodeURIComponent(m[1]));
      if (!job) return send(404, { reason: `Job ${decodeURIComponent(m[1])} not found` });
      if (body.action !== "cancel") return send(400, { reason: `Unknown action ${String(body.action)}` });
      if (!state.cancelSupported) return send(400, { reason: "Cannot cancel this type of job" });
      if (!["success", "failure", "canceled"].includes(job.status)) setStatus(job, "canceled", job.progress);
      return send(200, { job: jobView(job) });
    }

    if (path === "/v1/assets" && method === "POST") {
      if (typeof body.name !== "string" || !body.name) return send(400, { reason: '"name" is required' });
      if (typeof body.image !== "string" || !body.image) return send(400, { reason: '"image" is required' });
      const decoded = decodeImage(body.image);
      if (!decoded) return send(400, { reason: "Invalid image" });
      const meta = await sharp(decoded.bytes)
        .metadata()
        .catch(() => null);
      if (!meta?.width || !meta.height) return send(400, { reason: "Invalid image" });
      const asset: MockAsset = {
        id: newId("asset"),
        name: body.name,
        bytes: decoded.bytes,
        mimeType: decoded.mimeType ?? `image/${meta.format}`,
        width: meta.width,
        height: meta.height,
        createdAt: new Date().toISOString(),
      };
      state.assets.set(asset.id, asset);
      return send(200, { asset: assetView(asset) });
    }

    m = /^\/v1\/assets\/([^/]+)$/.exec(path);
    if (m && method === "GET") {
      const asset = state.assets.get(decodeURIComponent(m[1]));
      if (!asset) return send(404, { reason: `Asset ${decodeURIComponent(m[1])} not found` });
      return send(200, { asset: assetView(asset) });
    }

    if (path === "/v1/models" && method === "GET") {
      const pageSize = query.pageSize === undefined ? MOCK_MODELS_DEFAULT_PAGE_SIZE : Number(query.pageSize);
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MOCK_MODELS_MAX_PAGE_SIZE) {
        return send(400, { reason: `pageSize must be an integer from 1 to ${MOCK_MODELS_MAX_PAGE_SIZE}` });
      }
      const offset = query.paginationToken === undefined ? 0 : decodePageToken(query.paginationToken);
      if (offset === null) return send(400, { reason: "Invalid pagination token" });
      const rows = [...state.modelRecords.values()].filter(
        (r) => (!query.privacy || r.privacy === query.privacy) && (!query.status || r.status === query.status),
      );
      const page = rows.slice(offset, offset + pageSize).map(({ inputs: _inputs, uiConfig: _uiConfig, ...row }) => row);
      const reply: Record<string, unknown> = { models: page };
      if (offset + pageSize < rows.length) reply.nextPaginationToken = encodePageToken(offset + pageSize);
      return send(200, reply);
    }

    m = /^\/v1\/models\/([^/]+)$/.exec(path);
    if (m && method === "GET") {
      const record = state.modelRecords.get(decodeURIComponent(m[1]));
      if (!record) return send(404, { reason: `Model ${decodeURIComponent(m[1])} not found` });
      return send(200, { model: record });
    }

    return send(404, { reason: `Route ${method} ${path} not found` });
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const parsedUrl = new URL(req.url ?? "/", "http://mock.local");
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown;
      let invalidJson = false;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
          invalidJson = (req.headers["content-type"] ?? "").includes("json");
        }
      }
      const record: RecordedRequest = {
        method: (req.method ?? "GET").toUpperCase(),
        path: parsedUrl.pathname,
        query: Object.fromEntries(parsedUrl.searchParams),
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")])),
        body,
      };
      state.requests.push(record);
      handle(req, res, record, invalidJson).catch((error: unknown) => {
        record.status = 500;
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ reason: `Mock server error: ${(error as Error).message}` }));
        }
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    baseUrl: `${origin}/v1`,
    credentials,
    state,
    script,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Opaque page token of the mock's `GET /v1/models`: base64url of `{"o": offset}`. */
function encodePageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

function decodePageToken(token: string): number | null {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { o?: unknown };
    return typeof parsed.o === "number" && Number.isInteger(parsed.o) && parsed.o >= 0 ? parsed.o : null;
  } catch {
    return null;
  }
}

function inputAssetId(body: Record<string, unknown>): string | undefined {
  if (typeof body.image === "string" && body.image) return body.image;
  const refs = body.referenceImages;
  if (Array.isArray(refs) && typeof refs[0] === "string") return refs[0];
  return undefined;
}

function decodeImage(image: string): { bytes: Buffer; mimeType: string | null } | null {
  const match = /^data:([^;,]+)?(;base64)?,(.*)$/s.exec(image);
  if (match) {
    if (!match[2]) return null;
    const bytes = Buffer.from(match[3], "base64");
    return bytes.length ? { bytes, mimeType: match[1] ?? null } : null;
  }
  if (!/^[A-Za-z0-9+/=\s]+$/.test(image)) return null;
  const bytes = Buffer.from(image, "base64");
  return bytes.length ? { bytes, mimeType: null } : null;
}

async function solidPng(seed: string): Promise<Buffer> {
  let hash = 2166136261;
  for (const ch of seed) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return sharp({
    create: { width: 64, height: 64, channels: 4, background: { r: hash & 255, g: (hash >> 8) & 255, b: (hash >> 16) & 255, alpha: 1 } },
  })
    .png()
    .toBuffer();
}

function globToRegex(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*\*|\*/g, (s) => (s === "**" ? ".*" : "[^/]*"));
  return new RegExp(`^${escaped}$`);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
