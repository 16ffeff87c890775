import { ANY_ROLE, teamRoute } from "@/lib/api/team-route";
import { streamRunEvents } from "@/lib/runs/run-event-stream";
import { getRunDto } from "@/lib/runs/get-run";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * GET /api/runs/:id/events → `text/event-stream`. Each message is `event: run` with
 * `data: { run }` (the same shape as GET /api/runs/:id), sent at once, then whenever the run or
 * one of its node runs changes (coalesced to at most one message per 100 ms). After a terminal
 * status the last state is sent and the stream closes. Who may read the run as GET /api/runs/:id.
 * Errors (JSON): 401 without a session; 404 for an unknown id or a run the caller may not see.
 */
export const GET = teamRoute<{ id: string }>(ANY_ROLE, async (request, { id }, session) => {
  const ctx = await getServerContext();
  await getRunDto(ctx, id, session); // 404 before opening a stream
  return new Response(streamRunEvents(ctx, id, request.signal), {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
