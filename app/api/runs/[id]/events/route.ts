import { route } from "@/lib/api/route";
import { streamRunEvents } from "@/lib/runs/run-event-stream";
import { getRunDto } from "@/lib/runs/get-run";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * GET /api/runs/:id/events → `text/event-stream`. Each message is `event: run` with
 * `data: { run }` (the same shape as GET /api/runs/:id), sent at once, then whenever the run or
 * one of its node runs changes (coalesced to at most one message per 100 ms). After a terminal
 * status the last state is sent and the stream closes. Errors: 404 (JSON) for an unknown id.
 */
export const GET = route<{ id: string }>(async (request, { id }) => {
  const ctx = await getServerContext();
  await getRunDto(ctx, id); // 404 before opening a stream
  return new Response(streamRunEvents(ctx, id, request.signal), {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
