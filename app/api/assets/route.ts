import { AppError } from "@/lib/api/errors";
import { ANY_ROLE, teamRoute } from "@/lib/api/team-route";
import { textProblem } from "@/lib/api/text-checks";
import { toAssetSummary } from "@/lib/assets/asset-dto";
import { MAX_UPLOAD_BYTES } from "@/lib/assets/limits";
import { storeImage } from "@/lib/assets/store-image";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * POST /api/assets (multipart/form-data, field `file`) → 201 `{ asset: { id, url, mimeType, width, height } }`.
 * Width and height in pixels, read from the bytes.
 * Errors: 400 when the body is not multipart or has no `file`, the image declares more than
 * 50 megapixels (`MAX_IMAGE_MEGAPIXELS`; lib/assets/limits.ts), or the file name has a NUL
 * character or a lone surrogate; 413 over 20 MB; 415 when the bytes are not PNG, JPEG or WebP
 * (judged by content, not name). Nothing is stored on error.
 * Any team role (members upload images for Apps); the asset belongs to the caller's team. 401 without a session.
 */
export const POST = teamRoute(ANY_ROLE, async (request, _params, session) => {
  const declared = Number(request.headers.get("content-length") ?? 0);
  // Multipart framing adds a little; refuse clearly oversized bodies before reading them.
  if (declared > MAX_UPLOAD_BYTES + 64 * 1024) {
    throw new AppError("payload_too_large", `file: ${(declared / 1024 / 1024).toFixed(1)} MB is over the 20 MB limit`);
  }
  if (!request.headers.get("content-type")?.includes("multipart/form-data")) {
    throw new AppError("bad_request", 'Send the image as multipart/form-data in a field named "file"');
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("bad_request", "The multipart body could not be read");
  }
  const file = form.get("file");
  if (!file || typeof file === "string") throw new AppError("bad_request", 'file: missing; send the image in a field named "file"');
  const nameProblem = file.name ? textProblem(file.name) : null;
  if (nameProblem)
    throw new AppError("validation_error", `file: the file name ${nameProblem}`, { fields: [{ path: "file.name", message: nameProblem }] });
  const bytes = Buffer.from(await file.arrayBuffer());
  const asset = await storeImage(await getServerContext(), { bytes, origin: "upload", name: file.name || null, teamId: session.team.id });
  return Response.json({ asset: toAssetSummary(asset) }, { status: 201 });
});
