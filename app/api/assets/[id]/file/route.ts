import { notFound } from "@/lib/api/errors";
import { ANY_ROLE, teamRoute } from "@/lib/api/team-route";
import { extensionFor } from "@/lib/storage/file-extensions";
import { getAsset } from "@/lib/db/repositories/assets";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * GET /api/assets/:id/file → the image bytes with their content type. `?download=1` adds
 * `Content-Disposition: attachment`. Bytes never change for an id, so they are cached immutably.
 * Errors: 401 without a session; 404 for an unknown id or another team's asset.
 */
export const GET = teamRoute<{ id: string }>(ANY_ROLE, async (request, { id }, session) => {
  const ctx = await getServerContext();
  const asset = await getAsset(ctx.db, id, { teamId: session.team.id });
  if (!asset) throw notFound("Asset", id);
  const bytes = await ctx.storage.get(asset.storageKey);
  const headers: Record<string, string> = {
    "Content-Type": asset.mimeType,
    "Content-Length": String(bytes.length),
    "Cache-Control": "private, max-age=31536000, immutable",
  };
  if (new URL(request.url).searchParams.get("download")) {
    const extension = extensionFor(asset.mimeType);
    const base = (asset.name ?? `image-${asset.id}`).replace(/\.[a-z0-9]+$/i, "").replace(/[^\w.-]+/g, "_");
    headers["Content-Disposition"] = `attachment; filename="${base}-${asset.width}x${asset.height}.${extension}"`;
  }
  return new Response(new Uint8Array(bytes), { headers });
});
