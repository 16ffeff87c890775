/**
 * zod schemas for Scenario API replies and their mapping to the Provider types.
 *
 * Parsing is lenient on purpose (unknown fields are ignored, optional fields may be missing):
 * the contract notes (scenario-api-contract.md) are assembled from several sources and the
 * status enum is treated as open. Pure module: no I/O.
 */
import { z } from "zod";

import { ProviderError, type ProviderJob, type ProviderJobStatus } from "../types";

/** `POST /generate/custom/{modelId}` reply (contract §2): `{job:{jobId|id,…}, creativeUnitsCost, …}`. */
export const generateResponseSchema = z.object({
  job: z.object({ jobId: z.string().min(1).optional(), id: z.string().min(1).optional() }),
  creativeUnitsCost: z.number().nullish(),
  creativeUnitsDiscount: z.number().nullish(),
});

/** `?dryRun=true` reply (contract §1): `{creativeUnitsCost, creativeUnitsDiscount, costDetails}`. */
export const dryRunResponseSchema = z.object({
  creativeUnitsCost: z.number(),
  creativeUnitsDiscount: z.number().nullish(),
  costDetails: z.record(z.string(), z.unknown()).nullish(),
});

/** A job as `GET /jobs/{jobId}` and `GET /jobs` give it (contract §3), reduced to the fields the studio reads. */
const jobSchema = z.object({
  jobId: z.string().optional(),
  id: z.string().optional(),
  jobType: z.string().nullish(),
  status: z.string(),
  progress: z.number().nullish(),
  modelId: z.string().nullish(),
  createdAt: z.string().nullish(),
  metadata: z
    .object({
      assetIds: z.array(z.string()).nullish(),
      input: z.unknown().optional(),
      error: z.unknown().optional(),
      output: z.object({ entityId: z.string().nullish() }).nullish(),
    })
    .nullish(),
});

/** `GET /jobs/{jobId}` reply (contract §3). */
export const jobResponseSchema = z.object({ job: jobSchema });

/** `GET /jobs` reply (contract §3): `{jobs, nextPaginationToken}`. */
export const jobListResponseSchema = z.object({ jobs: z.array(jobSchema), nextPaginationToken: z.string().nullish() });

/** `POST /uploads` reply (contract §4): `{upload:{id, jobId, parts[{number, url, expires}], status}}`. */
export const uploadResponseSchema = z.object({
  upload: z.object({
    id: z.string().min(1),
    jobId: z.string().nullish(),
    status: z.string().nullish(),
    parts: z.array(z.object({ number: z.number().int().min(1), url: z.string().min(1), expires: z.string().nullish() })),
  }),
});

/** `GET /assets/{id}` and `POST /assets` reply (contract §4), reduced. */
export const assetResponseSchema = z.object({
  asset: z.object({
    id: z.string().min(1),
    url: z.string().nullish(),
    mimeType: z.string().nullish(),
    status: z.string().nullish(),
    properties: z.object({ width: z.number().nullish(), height: z.number().nullish() }).nullish(),
  }),
});

/**
 * Maps a Scenario job status to the studio's five statuses (contract §3).
 *
 * `pending|queued|warming-up` → pending; `in-progress|finalizing` → running; `success` → succeeded;
 * `failure|failed` → failed; `canceled` → canceled. Any other value → null: a status the
 * contract does not list, which `toProviderJob` reports as a failure instead of polling on.
 */
export function normaliseJobStatus(status: string): ProviderJobStatus | null {
  switch (status.toLowerCase()) {
    case "pending":
    case "queued":
    case "warming-up":
      return "pending";
    case "in-progress":
    case "finalizing":
      return "running";
    case "success":
      return "succeeded";
    case "failure":
    case "failed":
      return "failed";
    case "canceled":
      return "canceled";
    default:
      return null;
  }
}

/**
 * Reads a human-readable job error from `metadata.error`: a string, or an object with
 * `message`/`reason` (or `error`). Returns undefined when there is none.
 */
export function jobErrorMessage(error: unknown): string | undefined {
  if (typeof error === "string") return error.trim() || undefined;
  if (typeof error === "object" && error !== null) {
    const record = error as Record<string, unknown>;
    for (const key of ["message", "reason", "error"] as const) {
      const nested = jobErrorMessage(record[key]);
      if (nested) return nested;
    }
  }
  return undefined;
}

/**
 * Converts a parsed `GET /jobs/{jobId}` reply to a `ProviderJob`.
 *
 * - `jobId`: `job.jobId`, else `job.id`, else the id that was asked for.
 * - `progress`: clamped to 0..1 (values above 1 and up to 100 are read as percent); 1 on success.
 * - `assetIds`: `metadata.assetIds`, else (upload jobs) `metadata.output.entityId`.
 * - `error` (failed jobs only): from `metadata.error`, with a generic fallback; a status outside
 *   the contract's list gives status `failed` and an error naming it (never polled on).
 */
export function toProviderJob(reply: z.infer<typeof jobResponseSchema>, requestedId: string): ProviderJob {
  const { job } = reply;
  const known = normaliseJobStatus(job.status);
  const status = known ?? "failed";
  const assetIds = job.metadata?.assetIds ?? (job.metadata?.output?.entityId ? [job.metadata.output.entityId] : []);
  const result: ProviderJob = {
    jobId: job.jobId ?? job.id ?? requestedId,
    status,
    progress: status === "succeeded" ? 1 : normaliseProgress(job.progress),
    assetIds: [...assetIds],
  };
  if (known === null) {
    result.error = `Scenario reported the status "${job.status}", which the studio does not know, so it stopped following this job. Check the job on Scenario before running it again.`;
  } else if (status === "failed") {
    result.error = jobErrorMessage(job.metadata?.error) ?? `Scenario job failed (status "${job.status}") without a reason`;
  }
  return result;
}

function normaliseProgress(progress: number | null | undefined): number {
  if (progress == null || !Number.isFinite(progress) || progress < 0) return 0;
  if (progress <= 1) return progress;
  if (progress <= 100) return progress / 100;
  return 1;
}

/**
 * Validates a 2xx JSON body against a schema; a mismatch is a non-retryable ProviderError
 * (code `invalid_response`) that names the operation and the first problem, never the body.
 */
export function parseReply<T>(schema: z.ZodType<T>, body: unknown, operation: string, status: number): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join(".") : "body";
  throw new ProviderError(`Scenario API ${operation}: unexpected reply (${where}: ${issue?.message ?? "invalid"})`, {
    status,
    retryable: false,
    code: "invalid_response",
  });
}
