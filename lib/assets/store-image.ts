/**
 * Stores image bytes and records them as an Asset: used by uploads and by the engine for
 * generated images. Bytes go to content-addressed storage; width and height are read from
 * the bytes with sharp.
 */
import { createHash } from "node:crypto";
import sharp from "sharp";
import { createAsset, newAssetRecord, type AssetRecord, type CreateAssetInput } from "../db/repositories/assets";
import type { ServerServices } from "../server/services";
import { AppError } from "../api/errors";
import { formatMegapixels, MAX_IMAGE_SIDE, MAX_UPLOAD_BYTES, maxImageMegapixels } from "./limits";
import { contentKey } from "../storage/local-folder";
import { sniffImageType } from "./sniff-image";
import type { UnpublishedAssets } from "./unpublished-assets";

export interface StoreImageInput {
  bytes: Buffer;
  origin: "upload" | "generated";
  name?: string | null;
  provenance?: Record<string, unknown> | null;
  runId?: string | null;
  nodeId?: string | null;
  /** The owning team. */
  teamId?: string | null;
  /** Generated images only: the size in pixels the provider already knows (no header decode). */
  size?: { width: number; height: number } | null;
  /**
   * The engine's run: the row is handed to it instead of written, and inserted by the node-run
   * write that publishes the image (lib/assets/unpublished-assets.ts). Default: written at once.
   */
  unpublished?: UnpublishedAssets;
}

/** Writes an asset's row, or hands it to `unpublished` to be written with the node run that publishes it. */
export async function recordAsset(
  ctx: ServerServices,
  unpublished: UnpublishedAssets | undefined,
  row: CreateAssetInput,
): Promise<AssetRecord> {
  if (!unpublished) return createAsset(ctx.db, row);
  const record = newAssetRecord(row);
  unpublished.add(record);
  return record;
}

/**
 * Validates and stores an image.
 * Width and height come from the image header only (sharp's `metadata()` decodes no pixels), or
 * for a generated image from `input.size` when the provider knew them.
 * @throws AppError payload_too_large (413) over 20 MB; unsupported_media_type (415) when the
 *   bytes are not PNG, JPEG or WebP or cannot be decoded; bad_request (400) when empty, when a
 *   side exceeds 16,384 px, or (uploads only) when the image has more pixels than
 *   `maxImageMegapixels()` (50 megapixels unless `MAX_IMAGE_MEGAPIXELS` says otherwise;
 *   `details`: `{ reason: "too_many_pixels", width, height, megapixels, maxMegapixels }`).
 *   Nothing is stored when it throws.
 */
export async function storeImage(ctx: ServerServices, input: StoreImageInput) {
  const { bytes } = input;
  if (bytes.length === 0) throw new AppError("bad_request", "file: the uploaded file is empty");
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new AppError("payload_too_large", `file: ${(bytes.length / 1024 / 1024).toFixed(1)} MB is over the 20 MB limit`);
  }
  const mimeType = sniffImageType(bytes);
  if (!mimeType) throw new AppError("unsupported_media_type", "file: not a PNG, JPEG or WebP image (checked by its content)");
  let width: number | undefined;
  let height: number | undefined;
  if (input.origin === "generated" && input.size && input.size.width > 0 && input.size.height > 0) {
    ({ width, height } = input.size);
  } else {
    try {
      const meta = await sharp(bytes).metadata();
      width = meta.autoOrient?.width ?? meta.width;
      height = meta.autoOrient?.height ?? meta.height;
    } catch {
      throw new AppError("unsupported_media_type", `file: the ${mimeType} data cannot be decoded`);
    }
  }
  if (!width || !height) throw new AppError("unsupported_media_type", "file: the image has no readable size");
  if (input.origin === "upload") assertPixelLimit(width, height);
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    throw new AppError("bad_request", `file: ${width}×${height} px is larger than ${MAX_IMAGE_SIDE} px on a side`);
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const storageKey = contentKey(sha256, mimeType);
  if (!(await ctx.storage.has(storageKey))) await ctx.storage.put(storageKey, bytes);
  return recordAsset(ctx, input.unpublished, {
    storageKey,
    mimeType,
    width,
    height,
    sizeBytes: bytes.length,
    sha256,
    origin: input.origin,
    name: input.name ?? null,
    provenance: input.provenance ?? null,
    runId: input.runId ?? null,
    nodeId: input.nodeId ?? null,
    teamId: input.teamId ?? null,
  });
}

/** Refuses an upload of more than `maxImageMegapixels()` megapixels (see storeImage). */
function assertPixelLimit(width: number, height: number): void {
  const maxMegapixels = maxImageMegapixels();
  if (width * height <= maxMegapixels * 1_000_000) return;
  const size = `${width.toLocaleString("en-US")} × ${height.toLocaleString("en-US")} px`;
  throw new AppError(
    "bad_request",
    `The image is ${size} (${formatMegapixels(width, height)} megapixels); the studio accepts up to ${maxMegapixels.toLocaleString("en-US")} megapixels. Choose a smaller image or reduce its size first.`,
    { reason: "too_many_pixels", width, height, megapixels: (width * height) / 1_000_000, maxMegapixels },
  );
}
