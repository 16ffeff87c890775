import { afterEach, describe, expect, it, vi } from "vitest";
import type { ServerContext } from "../server/context";
import { RunEventBus } from "./run-events";

// The run as the database would answer it; the test moves it along.
const current = vi.hoisted(() => ({ status: "running" }));
vi.mock("./get-run", () => ({ getRunDto: async (_ctx: unknown, id: string) => ({ id, status: current.status, nodes: [] }) }));
const { streamRunEvents } = await import("./run-event-stream");

afterEach(() => {
  vi.useRealTimers();
  current.status = "running";
});

/** Reads the stream's next `event: run` message. */
async function nextRun(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<{ status: string } | "closed"> {
  const { done, value } = await reader.read();
  if (done) return "closed";
  const text = new TextDecoder().decode(value);
  return JSON.parse(text.split("data: ")[1]).run;
}

describe("streamRunEvents", () => {
  it("sends the change that ends a run at once, without the 100 ms coalescing, then closes", async () => {
    vi.useFakeTimers();
    const events = new RunEventBus();
    const reader = streamRunEvents({ events } as unknown as ServerContext, "run-1", new AbortController().signal).getReader();
    expect(await nextRun(reader)).toMatchObject({ status: "running" });

    current.status = "succeeded";
    events.emit("run-1", { terminal: true });
    // No timer is advanced: only a message sent at once can arrive.
    expect(await nextRun(reader)).toMatchObject({ status: "succeeded" });
    expect(await nextRun(reader)).toBe("closed");
  });

  it("still coalesces other changes into one message per 100 ms", async () => {
    vi.useFakeTimers();
    const events = new RunEventBus();
    const reader = streamRunEvents({ events } as unknown as ServerContext, "run-2", new AbortController().signal).getReader();
    await nextRun(reader);
    let received = 0;
    const pending = nextRun(reader).then((run) => {
      received++;
      return run;
    });
    for (let i = 0; i < 5; i++) events.emit("run-2");
    await vi.advanceTimersByTimeAsync(50);
    expect(received).toBe(0);
    await vi.advanceTimersByTimeAsync(60);
    expect(await pending).toMatchObject({ status: "running" });
    expect(received).toBe(1);
    await reader.cancel();
  });
});
