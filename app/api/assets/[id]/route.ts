import { notFound } from "@/lib/api/errors";
import { route } from "@/lib/api/route";
import { toAssetDetail } from "@/lib/assets/asset-dto";
import { getAsset } from "@/lib/db/repositories/assets";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * GET /api/assets/:id → `{ asset: { id, url, mimeType, width, height, sizeBytes, origin, name, provenance, createdAt } }`.
 * `provenance` (generated images) holds model, prompt, parameters, seed, credits (CU), run, node and parent asset ids.
 * Errors: 404 for an unknown id.
 */
export const GET = route<{ id: string }>(async (_request, { id }) => {
  const ctx = await getServerContext();
  const asset = await getAsset(ctx.db, id);
  if (!asset) throw notFound("Asset", id);
  return Response.json({ asset: toAssetDetail(asset) });
});
