import { notFound } from "@/lib/api/errors";
import { ANY_ROLE, teamRoute } from "@/lib/api/team-route";
import { toAssetDetail } from "@/lib/assets/asset-dto";
import { getAsset } from "@/lib/db/repositories/assets";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * GET /api/assets/:id → `{ asset: { id, url, mimeType, width, height, sizeBytes, origin, name, provenance, createdAt } }`.
 * `provenance` (generated images) holds model, prompt, parameters, seed, credits (CU), run, node and parent asset ids.
 * Errors: 401 without a session; 404 for an unknown id or another team's asset.
 */
export const GET = teamRoute<{ id: string }>(ANY_ROLE, async (_request, { id }, session) => {
  const ctx = await getServerContext();
  const asset = await getAsset(ctx.db, id, { teamId: session.team.id });
  if (!asset) throw notFound("Asset", id);
  return Response.json({ asset: toAssetDetail(asset) });
});
