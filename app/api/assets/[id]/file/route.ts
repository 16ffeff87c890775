import { AppError, notFound } from "@/lib/api/errors";
import { ANY_ROLE, teamRoute } from "@/lib/api/team-route";
import { extensionFor } from "@/lib/storage/file-extensions";
import { getAsset } from "@/lib/db/repositories/assets";
import { getServerContext } from "@/lib/server/context";
import { getThumbnail, hasThumbnail } from "@/lib/assets/thumbnail";

export const dynamic = "force-dynamic";

/**
 * GET /api/assets/:id/file → the image bytes with their content type. `?download=1` adds
 * `Content-Disposition: attachment`. Bytes never change for an id, so they are cached immutably.
 * `?size=thumb` answers a rendition instead: WebP, at most 512 px on the longer side, made once and
 * kept next to the original (lib/assets/thumbnail.ts); media without one (video, audio, SVG…)
 * gets its original bytes. Every thumbnail in the studio uses it; the lightbox and downloads do not.
 * Errors: 401 without a session; 404 for an unknown id or another team's asset; 400 for an
 * unknown `size`.
 */
export const GET = teamRoute<{ id: string }>(ANY_ROLE, async (request, { id }, session) => {
  const ctx = await getServerContext();
  const asset = await getAsset(ctx.db, id, { teamId: session.team.id });
  if (!asset) throw notFound("Asset", id);
  const size = new URL(request.url).searchParams.get("size");
  if (size !== null && size !== "thumb" && size !== "full") throw new AppError("validation_error", 'size: must be "thumb" or "full"');
  const rendition = size === "thumb" && hasThumbnail(asset.mimeType) ? await getThumbnail(ctx.storage, asset) : null;
  const bytes = rendition?.bytes ?? (await ctx.storage.get(asset.storageKey));
  const headers: Record<string, string> = {
    "Content-Type": rendition?.mimeType ?? asset.mimeType,
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
