/**
 * Uploads an image to `POST /api/assets` with progress (XMLHttpRequest: fetch has no upload
 * progress). Files the server would refuse are refused here first with the same wording.
 */
import { ApiError } from "./api-client";
import type { Asset } from "./types";

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const ACCEPTED_IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export const ACCEPT_ATTRIBUTE = ACCEPTED_IMAGE_TYPES.join(",");

const TOO_LARGE = "This file is larger than 20 MB: choose a smaller image.";
const WRONG_TYPE = "Only PNG, JPEG or WebP images can be uploaded.";

/** The reason a file cannot be uploaded, or null. */
export function checkUploadFile(file: File): string | null {
  if (file.size > MAX_UPLOAD_BYTES) return TOO_LARGE;
  // Some systems give no type for a dropped file: let the server decide then.
  if (file.type && !(ACCEPTED_IMAGE_TYPES as readonly string[]).includes(file.type)) return WRONG_TYPE;
  return null;
}

export function isImageFile(file: File): boolean {
  return file.type.startsWith("image/") || /\.(png|jpe?g|webp)$/i.test(file.name);
}

/**
 * Uploads `file`; `onProgress` receives 0..1. Rejects with an ApiError whose message is ready to show
 * (413 and 415 get a plain sentence).
 */
export function uploadAsset(
  file: File | Blob,
  options: { filename?: string; onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<Asset> {
  if (file instanceof File) {
    const reason = checkUploadFile(file);
    if (reason)
      return Promise.reject(
        new ApiError(
          file.size > MAX_UPLOAD_BYTES ? 413 : 415,
          file.size > MAX_UPLOAD_BYTES ? "payload_too_large" : "unsupported_media_type",
          reason,
        ),
      );
  }
  return new Promise<Asset>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.append("file", file, options.filename ?? (file instanceof File ? file.name : "image.png"));
    xhr.open("POST", "/api/assets");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.responseType = "text";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, "network_error", "Upload failed: could not reach the server."));
    xhr.onabort = () => reject(new ApiError(0, "aborted", "The upload was canceled."));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const asset = (body as { asset?: Asset } | null)?.asset;
        if (asset) resolve(asset);
        else reject(new ApiError(xhr.status, "http_error", "Upload answered without an asset."));
        return;
      }
      const err = (body as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.error;
      if (xhr.status === 413) return reject(new ApiError(413, "payload_too_large", TOO_LARGE, err?.details));
      if (xhr.status === 415) return reject(new ApiError(415, "unsupported_media_type", WRONG_TYPE, err?.details));
      reject(new ApiError(xhr.status, err?.code ?? "http_error", err?.message ?? `Upload failed (${xhr.status}).`, err?.details));
    };
    options.signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(form);
  });
}
