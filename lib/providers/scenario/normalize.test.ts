/**
 * Pure parts of the Scenario client: error bodies, Retry-After, job normalisation.
 */
import { describe, expect, it } from "vitest";

import { errorFromResponse, extractErrorReason, parseRetryAfter } from "./errors";
import { jobErrorMessage, normaliseJobStatus, toProviderJob } from "./normalize";

describe("normaliseJobStatus", () => {
  it.each([
    ["pending", "pending"],
    ["queued", "pending"],
    ["warming-up", "pending"],
    ["in-progress", "running"],
    ["finalizing", "running"],
    ["success", "succeeded"],
    ["failure", "failed"],
    ["failed", "failed"],
    ["canceled", "canceled"],
    ["some-new-status", null],
  ] as const)("%s → %s", (input, expected) => {
    expect(normaliseJobStatus(input)).toBe(expected);
  });

  it("reports a status outside the contract's list as a failure that names it, instead of polling on", () => {
    const job = toProviderJob({ job: { jobId: "job_1", status: "exploded", progress: 0.4 } }, "job_1");
    expect(job.status).toBe("failed");
    expect(job.error).toMatch(/status "exploded", which the studio does not know/);
  });
});

describe("toProviderJob", () => {
  it("takes assetIds from metadata and forces progress 1 on success", () => {
    const job = toProviderJob({ job: { jobId: "j1", status: "success", progress: 0.8, metadata: { assetIds: ["a", "b"] } } }, "j1");
    expect(job).toEqual({ jobId: "j1", status: "succeeded", progress: 1, assetIds: ["a", "b"] });
  });

  it("clamps progress and reads percents", () => {
    expect(toProviderJob({ job: { status: "in-progress", progress: 42 } }, "j").progress).toBeCloseTo(0.42);
    expect(toProviderJob({ job: { status: "in-progress", progress: -1 } }, "j").progress).toBe(0);
    expect(toProviderJob({ job: { status: "queued" } }, "j")).toEqual({ jobId: "j", status: "pending", progress: 0, assetIds: [] });
  });

  it("reads the error from a string or an object, with a fallback", () => {
    expect(toProviderJob({ job: { id: "j", status: "failure", metadata: { error: { message: "Out of memory" } } } }, "x").error).toBe(
      "Out of memory",
    );
    expect(toProviderJob({ job: { status: "failed", metadata: { error: { reason: "Bad input" } } } }, "x").error).toBe("Bad input");
    expect(toProviderJob({ job: { status: "failure" } }, "x").error).toMatch(/without a reason/);
    expect(jobErrorMessage("  ")).toBeUndefined();
  });

  it("uses output.entityId for upload jobs", () => {
    const job = toProviderJob({ job: { status: "success", metadata: { output: { entityId: "asset_9" } } } }, "j");
    expect(job.assetIds).toEqual(["asset_9"]);
  });
});

describe("errors", () => {
  it("extracts reason, message, error and the 5xx shape", () => {
    expect(extractErrorReason({ reason: "Model model_X not found" })).toBe("Model model_X not found");
    expect(extractErrorReason({ message: "Forbidden" })).toBe("Forbidden");
    expect(extractErrorReason({ error: { message: "Nested" } })).toBe("Nested");
    expect(extractErrorReason({ id: "e", error: "Boom", apiError: "internal_error", infos: {} })).toBe("Boom (internal_error)");
    expect(extractErrorReason("<html>Bad gateway</html>")).toBeNull();
    expect(extractErrorReason({ name: "ModelAccessRestrictedError", message: "Upgrade", modelId: "model_a", requiredPlan: "pro" })).toBe(
      "Upgrade (model model_a, requires plan pro)",
    );
  });

  it("parses Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2026-10-21T07:28:00Z");
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:28:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:27:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it("marks 429 and 5xx retryable, other 4xx not", () => {
    expect(errorFromResponse(429, { reason: "Slow down" }, "1")).toMatchObject({
      retryable: true,
      retryAfterMs: 1000,
      code: "rate_limited",
    });
    expect(errorFromResponse(502, undefined, null, "Bad Gateway")).toMatchObject({
      retryable: true,
      message: "Scenario API 502: Bad Gateway",
    });
    expect(errorFromResponse(404, { reason: "nope" }, null)).toMatchObject({ retryable: false, status: 404 });
  });
});
