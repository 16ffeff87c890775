/**
 * The Server-Sent Events body for one run: a snapshot at once, then a fresh snapshot after
 * each change announced on the event bus (coalesced to one per 100 ms; the change that ends the
 * run is sent at once, issue 14), a comment line every 15 s to keep proxies from closing the
 * connection, and the end of the stream after the run reaches a terminal status.
 */
import { TERMINAL_RUN_STATUSES, type RunStatus } from "../engine/types";
import type { ServerServices } from "../server/services";
import { getRunDto } from "./get-run";
import type { RunChange } from "./run-events";

const COALESCE_MS = 100;
const HEARTBEAT_MS = 15_000;

export function streamRunEvents(ctx: ServerServices, runId: string, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let unsubscribe = () => {};
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const close = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(pending);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      let sending = false;
      let again = false;
      const send = async () => {
        if (closed) return;
        if (sending) {
          again = true;
          return;
        }
        sending = true;
        try {
          const run = await getRunDto(ctx, runId);
          if (closed) return;
          controller.enqueue(encoder.encode(`event: run\ndata: ${JSON.stringify({ run })}\n\n`));
          if (TERMINAL_RUN_STATUSES.has(run.status as RunStatus)) close();
        } catch {
          close();
        } finally {
          sending = false;
          if (again && !closed) {
            again = false;
            void send();
          }
        }
      };
      const schedule = (change: RunChange) => {
        if (closed) return;
        if (change.terminal) {
          clearTimeout(pending);
          pending = undefined;
          void send();
          return;
        }
        if (pending) return;
        pending = setTimeout(() => {
          pending = undefined;
          void send();
        }, COALESCE_MS);
      };
      unsubscribe = ctx.events.subscribe(runId, schedule);
      heartbeat = setInterval(() => {
        if (!closed) controller.enqueue(encoder.encode(`: keep-alive\n\n`));
      }, HEARTBEAT_MS);
      signal.addEventListener("abort", close, { once: true });
      void send();
    },
    cancel() {
      closed = true;
      unsubscribe();
      clearInterval(heartbeat);
      clearTimeout(pending);
    },
  });
}
