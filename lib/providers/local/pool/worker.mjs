/**
 * Entry of the local engine's worker threads (piscina). Plain JavaScript outside the Next.js
 * bundle, so it loads the same way under `next start`, Vitest and tsx scripts: it registers tsx
 * (TypeScript loader) in this thread, bounds libvips' own threads, then imports the task table.
 *
 * Receives `{ name, payload, encoding }` (tasks.ts), returns `{ bytes, width, height }` with the bytes'
 * memory moved, not copied, to the calling thread.
 */
import { move, transferableSymbol, valueSymbol, workerData } from "piscina";
import sharp from "sharp";
import { register } from "tsx/esm/api";

register();
sharp.concurrency(Math.max(1, Number(workerData?.sharpConcurrency) || 1));
const { runImageTask } = await import("./tasks.ts");

/** @param {{ name: string, payload: unknown, encoding?: { intermediate?: boolean } }} task */
export default async function run(task) {
  const result = await runImageTask(task);
  // sharp's output owns its memory; copy once into a plain ArrayBuffer that can be moved.
  const bytes = new Uint8Array(result.bytes.byteLength);
  bytes.set(result.bytes);
  return move({
    [transferableSymbol]: [bytes.buffer],
    [valueSymbol]: { bytes, width: result.width, height: result.height },
  });
}
