/**
 * A strict local stand-in for Scenario's API (scenario-api-contract.md §1–§5), for the client's
 * tests and for end-to-end runs (scripts/scenario-mock.ts). It refuses what the real API refuses:
 * every generate body is checked against the model's own `inputs[]` (mock-validate.ts), with the
 * recorded reasons, so a test that passes here sends bodies Scenario accepts.
 *
 * Data comes from JSON files (`__fixtures__/`, see its SOURCES.md): model records (6 recorded,
 * the rest written from documented fields), recorded dry runs and a cost table. `modelsDir`
 * loads records from another folder, so a test can use models the studio has never seen.
 *
 * Routes (all under `/v1` need `Authorization: Basic base64(key:secret)`, else 401 `{reason:"Unauthorized"}`):
 * - `POST /v1/generate/custom/:modelId`: 404 `Model <id> not found`, 400 `{reason}` for a body the
 *   model refuses; `?dryRun=true` answers 269 `{creativeUnitsCost, creativeUnitsDiscount, costDetails}`
 *   (after the same checks); otherwise a `queued` job and the same `creativeUnitsCost`. With
 *   `maxJobsInFlight`, a generate while that many jobs are unfinished answers 429
 *   `{reason, details:{actionName, actionLimit}, remainingSeconds}` (contract §1).
 * - `GET /v1/jobs/:id` advances the job one step per poll: queued → in-progress (0.5) → success
 *   (with `jobDurationMs`, success only once that long has passed since the generate)
 *   (then `metadata.assetIds`), or the outcome scripted with `script.jobOutcome`.
 * - `GET /v1/jobs?pageSize(≤200)&paginationToken&status&type|types&authorId` → `{jobs, nextPaginationToken}`, newest first.
 * - `POST /v1/jobs/:id/action {"action":"cancel"}` answers 400 `Cannot cancel this type of job` (unless `cancelSupported`).
 * - `POST /v1/assets {image, name}`: base64 / data-URL images only, refused above 6 MB (contract §4).
 * - `POST /v1/uploads {fileName, fileSize, contentType, kind, parts}` → `{upload:{id, jobId, parts[{number,url,expires}], status}}`;
 *   `PUT` each signed part URL (on this server, no Authorization); `POST /v1/uploads/:id/action {"action":"complete"}`
 *   checks the parts add up to `fileSize` and queues the upload job, whose success carries `metadata.output.entityId`.
 * - `GET /v1/assets/:id` → `{asset}` with `url: <server>/files/<id>?sig=…`; `GET /files/:id?sig=…` serves the bytes
 *   (403 without the signature, 400 when an Authorization header is sent, as S3 does).
 * - `GET /v1/models?privacy&status&pageSize(≤500)&paginationToken` (rows without `inputs`/`uiConfig`) and `GET /v1/models/:id`.
 * - `GET /health` (no auth) answers 200 `{ok: true}` once the server listens.
 * Outputs are real files of the size the body asks for (mock-outputs.ts).
 *
 * Test-only module: imports `sharp`, `node:fs` and `node:http`; never import it from app code.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isDeepStrictEqual } from "node:util";

import sharp from "sharp";

import {
  DEFAULT_MOCK_MODEL_RECORDS,
  loadMockCosts,
  loadMockModelRecords,
  loadRecordedDryRuns,
  loadTrainedModels,
  type MockModelCost,
  type MockModelRecord,
  type RecordedDryRun,
} from "./mock-fixtures";
import { renderOutput, type MockSourceImage } from "./mock-outputs";
import { validateGenerateBody, type ValidationContext } from "./mock-validate";

export { DEFAULT_MOCK_MODEL_RECORDS, DEFAULT_MOCK_MODELS, type MockModelRecord } from "./mock-fixtures";

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
  /**
   * Handle the request first (a generate creates its job), then replace the answer with this
   * fault: a response lost after the API acted on the request.
   */
  processFirst?: boolean;
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
  /** Parsed JSON body, the raw text when not JSON, or undefined when empty or binary. */
  body: unknown;
  /** Bytes received. */
  bodyBytes: number;
  /** HTTP status the server answered (0 when the connection was dropped). */
  status?: number;
}

export type MockJobOutcome = "success" | "failure" | "canceled";

export interface MockJob {
  jobId: string;
  /** `custom` for generations, `upload` for uploads. */
  jobType: "custom" | "upload";
  modelId: string | null;
  status: string;
  progress: number;
  /** The body as received (`metadata.input`). */
  body: Record<string, unknown>;
  assetIds: string[];
  error?: string;
  outcome: MockJobOutcome;
  outcomeError?: string;
  polls: number;
  /** Creative Units charged. */
  creditsCost: number;
  /** For upload jobs: the upload it imports. */
  uploadId?: string;
  /** For upload jobs on success: the new asset. */
  entityId?: string;
  createdAt: string;
  updatedAt: string;
  statusHistory: { status: string; date: string }[];
}

export interface MockAsset {
  id: string;
  name: string;
  bytes: Buffer;
  mimeType: string;
  /** `image`, `video`, `audio`, `3d`. */
  kind: string;
  /** Pixels (images only). */
  width?: number;
  height?: number;
  hasAlpha?: boolean;
  createdAt: string;
}

export interface MockUpload {
  id: string;
  jobId: string;
  fileName: string;
  fileSize: number;
  contentType: string;
  kind: string;
  partCount: number;
  parts: Map<number, Buffer>;
  status: "pending" | "completed";
}

export interface MockScenarioState {
  requests: RecordedRequest[];
  jobs: Map<string, MockJob>;
  assets: Map<string, MockAsset>;
  uploads: Map<string, MockUpload>;
  /** Field the job id is reported under in generate replies. */
  jobIdField: "jobId" | "id" | "both";
  cancelSupported: boolean;
  /** Records served by `GET /v1/models[/:id]` and checked by generate, in list order; tests may edit it. */
  modelRecords: Map<string, MockModelRecord>;
  /**
   * Trained models (LoRAs, compositions): not listed, readable with `GET /v1/models/:id`, valid
   * in `modelId` / `loras`, refused as a generate target ("Custom models only …", recorded).
   */
  trainedModels: Map<string, MockModelRecord>;
  /** Cost per model; `defaultCost` for the others. */
  costs: Record<string, MockModelCost>;
  defaultCost: MockModelCost;
  /** Recorded dry runs answered verbatim when target and body match. */
  recordedDryRuns: RecordedDryRun[];
  /** Unfinished generate jobs allowed at once; null = no limit. A generate beyond it answers 429. */
  maxJobsInFlight: number | null;
  /** `remainingSeconds` of that 429. */
  rateLimitRemainingSeconds: number;
  /** Most unfinished generate jobs seen at once. */
  peakJobsInFlight: number;
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
  /** Unfinished generate jobs right now. */
  jobsInFlight(): number;
  close(): Promise<void>;
}

export interface MockScenarioServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  apiKey?: string;
  apiSecret?: string;
  /** Folder of `GET /models/{id}` JSON files to load instead of the default fixtures. */
  modelsDir?: string;
  /** Records to serve (wins over `modelsDir`). */
  modelRecords?: Iterable<MockModelRecord>;
  /** Keep only these model ids of the loaded records. */
  models?: Iterable<string>;
  /** CU per output for models without an entry in the cost table (default: the table's `default`). */
  costPerOutput?: number;
  cancelSupported?: boolean;
  /** See `MockScenarioState.maxJobsInFlight`. */
  maxJobsInFlight?: number | null;
  /** `remainingSeconds` of the in-flight 429 (default 1). */
  rateLimitRemainingSeconds?: number;
  /**
   * Milliseconds a generation takes at least (default 0: one step per poll): a poll before then
   * answers `in-progress`, as a real model does while it works. Upload jobs are not delayed.
   */
  jobDurationMs?: number;
  /** Called with one line per answered `/v1` request: `POST /v1/generate/custom/m → 400 Unknown input x`. */
  log?: (line: string) => void;
}

/** Default `pageSize` of the mock's `GET /v1/models` (the maximum is 500, contract §5). */
export const MOCK_MODELS_DEFAULT_PAGE_SIZE = 50;
const MOCK_MODELS_MAX_PAGE_SIZE = 500;
/** `GET /jobs` page sizes (contract §3: ≤ 200). */
const MOCK_JOBS_DEFAULT_PAGE_SIZE = 20;
const MOCK_JOBS_MAX_PAGE_SIZE = 200;
/** `POST /assets` takes base64 images under 6 MB (contract §4). */
export const MOCK_BASE64_MAX_BYTES = 6 * 1024 * 1024;
const UPLOAD_KINDS = ["3d", "asset", "audio", "avatar", "image", "model", "video"];
const MAX_UPLOAD_PARTS = 10_000;
const TERMINAL = new Set(["success", "failure", "canceled"]);

const SIGNATURE = "abc";

interface QueuedFault {
  method: string;
  regex: RegExp;
  fault: MockFault;
  remaining: number;
}

/**
 * Starts the mock.
 *
 * @returns `{url, baseUrl, credentials, state, script, jobsInFlight, close}`; `close()` resolves once the port is freed.
 * @throws Error when a model record file is malformed.
 */
export async function startMockScenarioServer(options: MockScenarioServerOptions = {}): Promise<MockScenarioServer> {
  const credentials = { apiKey: options.apiKey ?? "test-key", apiSecret: options.apiSecret ?? "test-secret" };
  const expectedAuth = `Basic ${Buffer.from(`${credentials.apiKey}:${credentials.apiSecret}`).toString("base64")}`;
  const costTable = loadMockCosts();
  const only = options.models ? new Set(options.models) : null;
  const records = [
    ...(options.modelRecords ?? (options.modelsDir ? loadMockModelRecords(options.modelsDir) : DEFAULT_MOCK_MODEL_RECORDS)),
  ].filter((r) => !only || only.has(r.id));
  const state: MockScenarioState = {
    requests: [],
    jobs: new Map(),
    assets: new Map(),
    uploads: new Map(),
    jobIdField: "jobId",
    cancelSupported: options.cancelSupported ?? false,
    modelRecords: new Map(records.map((r) => [r.id, structuredClone(r)])),
    trainedModels: new Map(loadTrainedModels().map((r) => [r.id, r])),
    costs: costTable.models,
    defaultCost: options.costPerOutput !== undefined ? { customGeneration: options.costPerOutput, qualityGate: 0 } : costTable.default,
    recordedDryRuns: loadRecordedDryRuns(),
    maxJobsInFlight: options.maxJobsInFlight ?? null,
    rateLimitRemainingSeconds: options.rateLimitRemainingSeconds ?? 1,
    peakJobsInFlight: 0,
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

  const jobsInFlight = () => [...state.jobs.values()].filter((j) => j.jobType === "custom" && !TERMINAL.has(j.status)).length;

  const validation: ValidationContext = {
    asset: (id) => {
      const asset = state.assets.get(id);
      return asset && { kind: asset.kind, size: asset.bytes.length, width: asset.width, height: asset.height, hasAlpha: asset.hasAlpha };
    },
    model: (id) => state.modelRecords.get(id) ?? state.trainedModels.get(id),
  };

  /** Recorded reply when one matches, else the cost table: `customGeneration × numOutputs + qualityGate`. */
  const costOf = (record: MockModelRecord, body: Record<string, unknown>) => {
    const recorded = state.recordedDryRuns.find((d) => d.status === 269 && d.target === record.id && isDeepStrictEqual(d.body, body));
    if (recorded) {
      const reply = recorded.reply as { creativeUnitsCost: number; costDetails: Record<string, number> };
      return { credits: reply.creativeUnitsCost, details: { ...reply.costDetails } };
    }
    const table = state.costs[record.id] ?? state.defaultCost;
    const outputs = outputCount(record, body);
    const details: Record<string, number> = { "custom-generation": round2(table.customGeneration * outputs) };
    if (table.qualityGate) details["quality-gate"] = table.qualityGate;
    return { credits: round2(Object.values(details).reduce((a, b) => a + b, 0)), details };
  };

  const jobView = (job: MockJob) => ({
    jobId: job.jobId,
    jobType: job.jobType,
    status: job.status,
    progress: job.progress,
    ...(job.modelId ? { modelId: job.modelId } : {}),
    authorId: "mock-author",
    ownerId: "mock-owner",
    statusHistory: job.statusHistory,
    metadata: {
      input: job.body,
      assetIds: job.assetIds,
      ...(job.entityId ? { output: { entityId: job.entityId } } : {}),
      ...(job.error ? { error: job.error } : {}),
    },
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  });

  const assetView = (asset: MockAsset) => ({
    id: asset.id,
    url: `${origin}/files/${asset.id}?sig=${SIGNATURE}`,
    mimeType: asset.mimeType,
    kind: asset.kind,
    status: "success",
    privacy: "private",
    metadata: { type: "uploaded", kind: asset.kind, name: asset.name },
    properties: {
      size: asset.bytes.length,
      ...(asset.width ? { width: asset.width, height: asset.height } : {}),
      format: asset.mimeType.split("/")[1],
    },
    createdAt: asset.createdAt,
  });

  const setStatus = (job: MockJob, status: string, progress: number) => {
    const now = new Date().toISOString();
    job.status = status;
    job.progress = progress;
    job.updatedAt = now;
    job.statusHistory.push({ status, date: now });
  };

  const newJob = (
    jobType: MockJob["jobType"],
    modelId: string | null,
    body: Record<string, unknown>,
    status: string,
    creditsCost: number,
  ): MockJob => {
    const now = new Date().toISOString();
    const scripted = jobType === "custom" ? nextOutcomes.shift() : undefined;
    const job: MockJob = {
      jobId: newId("job"),
      jobType,
      modelId,
      status,
      progress: 0,
      body,
      assetIds: [],
      outcome: scripted?.outcome ?? "success",
      outcomeError: scripted?.error,
      polls: 0,
      creditsCost,
      createdAt: now,
      updatedAt: now,
      statusHistory: [{ status, date: now }],
    };
    state.jobs.set(job.jobId, job);
    return job;
  };

  const storeAsset = async (name: string, bytes: Buffer, mimeType: string, kind: string): Promise<MockAsset | null> => {
    const asset: MockAsset = { id: newId("asset"), name, bytes, mimeType, kind, createdAt: new Date().toISOString() };
    if (kind === "image") {
      const meta = await sharp(bytes)
        .metadata()
        .catch(() => null);
      if (!meta?.width || !meta.height) return null;
      asset.width = meta.width;
      asset.height = meta.height;
      asset.hasAlpha = meta.hasAlpha;
      if (!/^image\//.test(asset.mimeType)) asset.mimeType = `image/${meta.format}`;
    }
    state.assets.set(asset.id, asset);
    return asset;
  };

  /** One poll = one step: queued → in-progress → outcome. Upload jobs wait in `pending` for `complete`. */
  const advance = async (job: MockJob) => {
    if (job.status === "queued") {
      setStatus(job, "in-progress", 0.5);
      return;
    }
    if (job.status !== "in-progress") return;
    if (job.jobType === "upload") return finishUpload(job);
    if (Date.now() - Date.parse(job.createdAt) < (options.jobDurationMs ?? 0)) return;
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

  const finishUpload = async (job: MockJob) => {
    const upload = state.uploads.get(job.uploadId!)!;
    const bytes = Buffer.concat([...upload.parts.entries()].sort(([a], [b]) => a - b).map(([, part]) => part));
    const asset = await storeAsset(upload.fileName, bytes, upload.contentType, assetKindOf(upload.kind, upload.contentType));
    if (!asset) {
      job.error = `${upload.fileName} is not a readable image`;
      setStatus(job, "failure", job.progress);
      return;
    }
    job.entityId = asset.id;
    job.assetIds = [asset.id];
    setStatus(job, "success", 1);
  };

  const makeOutputs = async (job: MockJob): Promise<string[]> => {
    const record = state.modelRecords.get(job.modelId!)!;
    const count = outputCount(record, job.body);
    const sourceAsset = sourceImageOf(job.body);
    const source: MockSourceImage | undefined = sourceAsset?.width
      ? { bytes: sourceAsset.bytes, width: sourceAsset.width, height: sourceAsset.height! }
      : undefined;
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const output = await renderOutput(record, job.body, source, i);
      const id = newId("asset");
      state.assets.set(id, {
        id,
        name: `${job.jobId}-${i}`,
        bytes: output.bytes,
        mimeType: output.mimeType,
        kind: output.kind,
        width: output.width,
        height: output.height,
        hasAlpha: output.kind === "image" ? true : undefined,
        createdAt: new Date().toISOString(),
      });
      ids.push(id);
    }
    return ids;
  };

  /** The first image asset the body points at: `image`, then `referenceImages`, then any other image field. */
  const sourceImageOf = (body: Record<string, unknown>): MockAsset | undefined => {
    const ids = [body.image, body.referenceImages, ...Object.values(body)].flatMap((v) => (Array.isArray(v) ? v : [v]));
    for (const id of ids) {
      const asset = typeof id === "string" ? state.assets.get(id) : undefined;
      if (asset?.kind === "image") return asset;
    }
    return undefined;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, record: RecordedRequest, raw: Buffer, invalidJson: boolean) => {
    const { method, path, query } = record;
    let lostAnswer: MockFault | null = null;
    const send = async (status: number, body: unknown, headers: Record<string, string> = {}) => {
      if (lostAnswer) {
        const fault = lostAnswer;
        lostAnswer = null;
        return answerFault(fault);
      }
      record.status = status;
      if (options.log && path.startsWith("/v1/")) {
        const reason = isRecord(body) && typeof body.reason === "string" ? ` ${body.reason}` : "";
        options.log(`${method} ${path}${query.dryRun ? "?dryRun=true" : ""} → ${status}${reason}`);
      }
      const payload = typeof body === "string" ? body : JSON.stringify(body);
      res.writeHead(status, { "content-type": typeof body === "string" ? "text/plain" : "application/json", ...headers });
      res.end(payload);
    };
    const answerFault = async (fault: MockFault) => {
      if (fault.delayMs) await delay(fault.delayMs);
      if (fault.networkError) {
        record.status = 0;
        req.socket.destroy();
        return;
      }
      await send(fault.status ?? 500, fault.body ?? { reason: `Mock fault ${fault.status ?? 500}` }, fault.headers);
    };

    const fault = takeFault(method, path);
    if (fault?.processFirst) lostAnswer = fault;
    else if (fault && (fault.networkError || fault.status !== undefined)) return answerFault(fault);
    else if (fault?.delayMs) await delay(fault.delayMs);

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

    // Signed part URLs of multipart uploads.
    m = /^\/upload-parts\/([^/]+)\/(\d+)$/.exec(path);
    if (m && method === "PUT") {
      if (req.headers.authorization) return send(400, "Only one auth mechanism allowed");
      if (query.sig !== SIGNATURE) return send(403, "Request has expired or the signature does not match");
      const upload = state.uploads.get(decodeURIComponent(m[1]));
      const number = Number(m[2]);
      if (!upload || upload.status !== "pending") return send(404, "NoSuchUpload");
      if (number < 1 || number > upload.partCount) return send(400, "InvalidPart");
      if (!raw.length) return send(400, "EntityTooSmall");
      upload.parts.set(number, raw);
      record.status = 200;
      res.writeHead(200, { etag: `"${upload.id}-${number}"` });
      res.end();
      return;
    }

    if (path === "/health" && method === "GET") return send(200, { ok: true });
    if (!path.startsWith("/v1/")) return send(404, { reason: "Not found" });
    if (req.headers.authorization !== expectedAuth) return send(401, { reason: "Unauthorized" });

    if (invalidJson) return send(400, { reason: "Invalid JSON body" });
    const body = isRecord(record.body) ? record.body : {};

    m = /^\/v1\/generate\/custom\/([^/]+)$/.exec(path);
    if (m && method === "POST") {
      const modelId = decodeURIComponent(m[1]);
      const model = validation.model(modelId);
      if (!model) return send(404, { reason: `Model ${modelId} not found` });
      const refusal = validateGenerateBody(model, body, validation);
      if (refusal) return send(refusal.status, { reason: refusal.reason });
      const cost = costOf(model, body);
      if (query.dryRun === "true") {
        return send(269, { creativeUnitsCost: cost.credits, creativeUnitsDiscount: 0, costDetails: cost.details });
      }
      if (state.maxJobsInFlight !== null && jobsInFlight() >= state.maxJobsInFlight) {
        return send(429, {
          reason: `Too many generations in progress (limit ${state.maxJobsInFlight})`,
          details: { actionName: "parallel-generation", actionLimit: state.maxJobsInFlight },
          remainingSeconds: state.rateLimitRemainingSeconds,
        });
      }
      const job = newJob("custom", modelId, body, "queued", cost.credits);
      state.peakJobsInFlight = Math.max(state.peakJobsInFlight, jobsInFlight());
      const view: Record<string, unknown> = jobView(job);
      if (state.jobIdField !== "jobId") view.id = job.jobId;
      if (state.jobIdField === "id") delete view.jobId;
      return send(200, { job: view, creativeUnitsCost: cost.credits, creativeUnitsDiscount: 0 });
    }

    if (path === "/v1/jobs" && method === "GET") {
      const pageSize = query.pageSize === undefined ? MOCK_JOBS_DEFAULT_PAGE_SIZE : Number(query.pageSize);
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MOCK_JOBS_MAX_PAGE_SIZE) {
        return send(400, { reason: `pageSize must be an integer from 1 to ${MOCK_JOBS_MAX_PAGE_SIZE}` });
      }
      const offset = query.paginationToken === undefined ? 0 : decodePageToken(query.paginationToken);
      if (offset === null) return send(400, { reason: "Invalid pagination token" });
      const types = (query.types ?? query.type)?.split(",").filter(Boolean);
      const rows = [...state.jobs.values()]
        .reverse() // insertion order is creation order; newest first
        .filter(
          (j) =>
            (!query.status || j.status === query.status) &&
            (!types?.length || types.includes(j.jobType)) &&
            (!query.authorId || query.authorId === "mock-author"),
        );
      const reply: Record<string, unknown> = { jobs: rows.slice(offset, offset + pageSize).map(jobView) };
      if (offset + pageSize < rows.length) reply.nextPaginationToken = encodePageToken(offset + pageSize);
      return send(200, reply);
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
      if (!TERMINAL.has(job.status)) setStatus(job, "canceled", job.progress);
      return send(200, { job: jobView(job) });
    }

    if (path === "/v1/assets" && method === "POST") {
      if (typeof body.name !== "string" || !body.name) return send(400, { reason: '"name" is required' });
      if (typeof body.image !== "string" || !body.image) return send(400, { reason: '"image" is required' });
      const decoded = decodeImage(body.image);
      if (!decoded) return send(400, { reason: "Invalid image" });
      if (decoded.mimeType && !/^image\//.test(decoded.mimeType)) {
        return send(400, { reason: "base64 upload is for images only; upload video, audio and 3D files with POST /uploads" });
      }
      if (decoded.bytes.length >= MOCK_BASE64_MAX_BYTES) {
        return send(400, { reason: "base64 upload is for images under 6 MB; upload larger files with POST /uploads" });
      }
      const asset = await storeAsset(body.name, decoded.bytes, decoded.mimeType ?? "", "image");
      if (!asset) return send(400, { reason: "Invalid image" });
      return send(200, { asset: assetView(asset) });
    }

    if (path === "/v1/uploads" && method === "POST") {
      const { fileName, fileSize, contentType, kind, parts } = body;
      if (typeof fileName !== "string" || !fileName) return send(400, { reason: '"fileName" is required' });
      if (typeof fileSize !== "number" || !Number.isInteger(fileSize) || fileSize < 1)
        return send(400, { reason: '"fileSize" must be a positive integer (bytes)' });
      if (typeof contentType !== "string" || !/^[\w.+-]+\/[\w.+-]+$/.test(contentType))
        return send(400, { reason: '"contentType" must be a MIME type' });
      if (typeof kind !== "string" || !UPLOAD_KINDS.includes(kind))
        return send(400, { reason: `"kind" must be one of ${UPLOAD_KINDS.join(", ")}` });
      if (typeof parts !== "number" || !Number.isInteger(parts) || parts < 1 || parts > MAX_UPLOAD_PARTS || parts > fileSize) {
        return send(400, { reason: `"parts" must be an integer from 1 to ${MAX_UPLOAD_PARTS}, and no more than fileSize` });
      }
      const uploadId = newId("upload");
      const job = newJob("upload", null, body, "pending", 0);
      job.uploadId = uploadId;
      const upload: MockUpload = {
        id: uploadId,
        jobId: job.jobId,
        fileName,
        fileSize,
        contentType,
        kind,
        partCount: parts,
        parts: new Map(),
        status: "pending",
      };
      state.uploads.set(uploadId, upload);
      const expires = new Date(Date.now() + 3_600_000).toISOString();
      return send(200, {
        upload: {
          id: uploadId,
          jobId: job.jobId,
          status: "pending",
          parts: Array.from({ length: parts }, (_, i) => ({
            number: i + 1,
            url: `${origin}/upload-parts/${uploadId}/${i + 1}?sig=${SIGNATURE}`,
            expires,
          })),
        },
      });
    }

    m = /^\/v1\/uploads\/([^/]+)\/action$/.exec(path);
    if (m && method === "POST") {
      const upload = state.uploads.get(decodeURIComponent(m[1]));
      if (!upload) return send(404, { reason: `Upload ${decodeURIComponent(m[1])} not found` });
      if (body.action !== "complete") return send(400, { reason: `Unknown action ${String(body.action)}` });
      if (upload.status !== "pending") return send(400, { reason: "Upload already completed" });
      const missing = Array.from({ length: upload.partCount }, (_, i) => i + 1).filter((n) => !upload.parts.has(n));
      if (missing.length) return send(400, { reason: `Upload is missing part(s) ${missing.join(", ")}` });
      const received = [...upload.parts.values()].reduce((sum, part) => sum + part.length, 0);
      if (received !== upload.fileSize)
        return send(400, { reason: `Uploaded parts total ${received} bytes; fileSize is ${upload.fileSize}` });
      upload.status = "completed";
      const job = state.jobs.get(upload.jobId)!;
      setStatus(job, "queued", 0);
      return send(200, { upload: { id: upload.id, jobId: upload.jobId, status: "completed" } });
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
      const model = validation.model(decodeURIComponent(m[1]));
      if (!model) return send(404, { reason: `Model ${decodeURIComponent(m[1])} not found` });
      return send(200, { model });
    }

    return send(404, { reason: `Route ${method} ${path} not found` });
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const parsedUrl = new URL(req.url ?? "/", "http://mock.local");
      const raw = Buffer.concat(chunks);
      const isJson = (req.headers["content-type"] ?? "").includes("json");
      const isText = isJson || /^text\//.test(req.headers["content-type"] ?? "");
      let body: unknown;
      let invalidJson = false;
      if (raw.length && (isText || !req.headers["content-type"])) {
        const text = raw.toString("utf8");
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
          invalidJson = isJson;
        }
      }
      const record: RecordedRequest = {
        method: (req.method ?? "GET").toUpperCase(),
        path: parsedUrl.pathname,
        query: Object.fromEntries(parsedUrl.searchParams),
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")])),
        body,
        bodyBytes: raw.length,
      };
      state.requests.push(record);
      handle(req, res, record, raw, invalidJson).catch((error: unknown) => {
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
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    baseUrl: `${origin}/v1`,
    credentials,
    state,
    script,
    jobsInFlight,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** `numOutputs` of the body, else the record's default, else 1. */
function outputCount(record: MockModelRecord, body: Record<string, unknown>): number {
  const fallback = record.inputs.find((i) => i.name === "numOutputs")?.default;
  const value = typeof body.numOutputs === "number" ? body.numOutputs : typeof fallback === "number" ? fallback : 1;
  return Math.max(1, Math.trunc(value));
}

/** Asset kind of a finished upload (contract §4: upload kinds `3d|asset|audio|avatar|image|model|video`). */
function assetKindOf(kind: string, contentType: string): string {
  if (kind === "image" || kind === "avatar") return "image";
  if (kind === "video" || kind === "audio" || kind === "3d") return kind;
  if (kind === "model") return "3d";
  const family = contentType.split("/")[0];
  return family === "image" || family === "video" || family === "audio" ? family : "3d";
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Opaque page token of the mock's list routes: base64url of `{"o": offset}`. */
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
