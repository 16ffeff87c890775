import { describe, expect, it, vi } from "vitest";
import { backoffDelayMs, withRetry } from "./retry";
import { ProviderError } from "./types";

const rateLimited = (retryAfterMs?: number) => new ProviderError("Too many requests", { status: 429, retryAfterMs });
const serverError = () => new ProviderError("Bad gateway", { status: 502 });

/** A fn that throws the given errors in turn, then resolves "ok". */
function script(...errors: Error[]) {
  const queue = [...errors];
  return vi.fn(async () => {
    const next = queue.shift();
    if (next) throw next;
    return "ok";
  });
}

describe("backoffDelayMs", () => {
  const timing = { baseDelayMs: 500, maxDelayMs: 8000 };

  it("draws uniformly below an exponential ceiling capped at maxDelayMs", () => {
    expect(backoffDelayMs(0, { ...timing, random: () => 0.999 })).toBe(499);
    expect(backoffDelayMs(3, { ...timing, random: () => 0.5 })).toBe(2000);
    expect(backoffDelayMs(10, { ...timing, random: () => 0.5 })).toBe(4000);
    expect(backoffDelayMs(2, { ...timing, random: () => 0 })).toBe(0);
  });

  it("never waits less than the server's retryAfterMs", () => {
    expect(backoffDelayMs(0, { ...timing, random: () => 0.5 }, 3000)).toBe(3000);
    expect(backoffDelayMs(4, { ...timing, random: () => 0.5 }, 10)).toBe(4000);
  });
});

describe("withRetry", () => {
  it("retries 429 and 5xx, then resolves", async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    const fn = script(rateLimited(), serverError());
    await expect(withRetry(fn, { sleep, random: () => 0.5 })).resolves.toBe("ok");
    expect(fn).toHaveBeenCalledTimes(3);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([250, 500]);
  });

  it("honours retryAfterMs", async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    await withRetry(script(rateLimited(1234)), { sleep, random: () => 0 });
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([1234]);
  });

  it("rethrows at once a non-retryable ProviderError or any other error", async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    const badRequest = script(new ProviderError("body.prompt is required", { status: 400 }));
    await expect(withRetry(badRequest, { sleep })).rejects.toMatchObject({ status: 400 });
    expect(badRequest).toHaveBeenCalledTimes(1);
    const bug = script(new TypeError("boom"));
    await expect(withRetry(bug, { sleep })).rejects.toBeInstanceOf(TypeError);
    expect(bug).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it("gives up after `retries` retries with the last error", async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    const fn = script(serverError(), serverError(), serverError(), serverError(), rateLimited());
    await expect(withRetry(fn, { sleep, retries: 3 })).rejects.toMatchObject({ status: 502 });
    expect(fn).toHaveBeenCalledTimes(4);
    expect(sleep).toHaveBeenCalledTimes(3);
  });

  it("does not wait for a retryAfterMs above maxRetryAfterMs", async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    await expect(withRetry(script(rateLimited(120_000)), { sleep })).rejects.toMatchObject({ status: 429 });
    expect(sleep).not.toHaveBeenCalled();
  });

  it("stops when the signal aborts during a wait", async () => {
    const controller = new AbortController();
    const fn = script(serverError(), serverError());
    const pending = withRetry(fn, { signal: controller.signal, baseDelayMs: 60_000, random: () => 1 });
    await vi.waitFor(() => expect(fn).toHaveBeenCalledTimes(1));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
