import { route } from "@/lib/api/route";
import { getRunDto } from "@/lib/runs/get-run";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * GET /api/runs/:id → `{ run: { id, workflowId, workflowVersion, status, error, createdAt, startedAt, finishedAt,
 * credits, nodes: [{ nodeId, nodeType, status, progress, cached, model, modelReason, error, credits, outputs }], outputs } }`
 * (shape in lib/runs/run-dto.ts). Errors: 404 for an unknown id.
 */
export const GET = route<{ id: string }>(async (_request, { id }) => {
  return Response.json({ run: await getRunDto(await getServerContext(), id) });
});
