/**
 * The tasks the local engine's worker threads run, by name: each takes a structured-cloneable
 * payload (numbers, strings, byte arrays) and resolves to an {@link OperationResult}. The same
 * table runs inline (no pool) and inside a worker (worker.mjs), so a task means the same thing
 * in both. New heavy work (for example a neural background-removal model) becomes one more
 * entry here.
 *
 * Pure module (sharp only): no Next.js, Prisma or React.
 */
import { expand, type ExpandOptions } from "../operations/expand";
import { imageToImage, type ImageToImageOptions } from "../operations/image-to-image";
import { inpaint, type InpaintOptions } from "../operations/inpaint";
import { withEncoding, type EncodingOptions, type OperationResult } from "../operations/raster";
import { removeBackground, type RemoveBackgroundOptions } from "../operations/remove-background";
import { textToImage, type TextToImageOptions } from "../operations/text-to-image";
import { upscale, type UpscaleOptions } from "../operations/upscale";

/** Image bytes as they cross a thread boundary (a Buffer arrives as a plain Uint8Array). */
export type Bytes = Uint8Array;

/** A Buffer view on `bytes` (no copy). */
export function asBuffer(bytes: Bytes): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Every task: name → (payload) → result. */
export const IMAGE_TASKS = {
  textToImage: (payload: TextToImageOptions) => textToImage(payload),
  imageToImage: (payload: { image: Bytes; options: ImageToImageOptions }) => imageToImage(asBuffer(payload.image), payload.options),
  inpaint: (payload: { image: Bytes; mask: Bytes; options: InpaintOptions }) =>
    inpaint(asBuffer(payload.image), asBuffer(payload.mask), payload.options),
  expand: (payload: { image: Bytes; options: ExpandOptions }) => expand(asBuffer(payload.image), payload.options),
  upscale: (payload: { image: Bytes; options: UpscaleOptions }) => upscale(asBuffer(payload.image), payload.options),
  removeBackground: (payload: { image: Bytes; options?: RemoveBackgroundOptions }) =>
    removeBackground(asBuffer(payload.image), payload.options),
} satisfies Record<string, (payload: never) => Promise<OperationResult>>;

export type ImageTaskName = keyof typeof IMAGE_TASKS;
export type ImageTaskPayload<K extends ImageTaskName> = Parameters<(typeof IMAGE_TASKS)[K]>[0];

/** What crosses into a worker: a task name, its payload, and how to encode its PNG output. */
export interface ImageTask<K extends ImageTaskName = ImageTaskName> {
  name: K;
  payload: ImageTaskPayload<K>;
  encoding?: EncodingOptions;
}

/**
 * Runs one task in the calling thread.
 * @throws TypeError for an unknown task name; whatever the operation throws (RangeError for
 *   bad options, Error from sharp for unreadable bytes).
 */
export function runImageTask<K extends ImageTaskName>(task: ImageTask<K>): Promise<OperationResult> {
  const handler = Object.hasOwn(IMAGE_TASKS, task.name)
    ? (IMAGE_TASKS[task.name] as (payload: ImageTaskPayload<K>) => Promise<OperationResult>)
    : undefined;
  if (!handler) return Promise.reject(new TypeError(`unknown image task "${String(task.name)}"`));
  return withEncoding(task.encoding, () => handler(task.payload));
}
