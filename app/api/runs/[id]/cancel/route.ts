import { route } from "@/lib/api/route";
import { cancelRun } from "@/lib/runs/cancel-run";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/** POST /api/runs/:id/cancel → `{ run }` after cancelling (a finished run is returned unchanged). Errors: 404 unknown id. */
export const POST = route<{ id: string }>(async (_request, { id }) => {
  return Response.json({ run: await cancelRun(await getServerContext(), id) });
});
