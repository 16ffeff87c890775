/** Upload limits of `POST /api/assets`. */

/** 20 MB (20 × 1024 × 1024 bytes): larger uploads get 413. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Largest accepted image side in pixels (beyond what any provider accepts). */
export const MAX_IMAGE_SIDE = 16_384;
