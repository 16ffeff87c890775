/**
 * Progress of long image operations (neural models), across worker threads. The thread that
 * waits for a job registers a callback and gets a key; the key travels in the task payload (a
 * plain string, so the pool needs no change); the operation, on whichever thread runs it,
 * reports fractions under that key. Same thread: the callback is called directly; another
 * thread: the report goes over one BroadcastChannel of the process.
 *
 * Server-only (worker_threads). Pure otherwise.
 */
import { randomUUID } from "node:crypto";
import { BroadcastChannel } from "node:worker_threads";

const CHANNEL = "workflow-studio.local-engine.progress";
const listeners = new Map<string, (fraction: number) => void>();
let channel: BroadcastChannel | undefined;

interface ProgressMessage {
  key: string;
  fraction: number;
}

function openChannel(): BroadcastChannel {
  if (!channel) {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event) => {
      const { key, fraction } = (event as { data: ProgressMessage }).data;
      listeners.get(key)?.(fraction);
    };
    channel.unref(); // never keeps a process or a worker alive
  }
  return channel;
}

/**
 * Registers `onProgress` (fractions 0..1) and returns the key to put in a task payload, and
 * `dispose` to call when the task has ended (reports after that are dropped).
 */
export function trackProgress(onProgress: (fraction: number) => void): { key: string; dispose: () => void } {
  const key = randomUUID();
  listeners.set(key, onProgress);
  openChannel();
  return { key, dispose: () => void listeners.delete(key) };
}

/** Reports `fraction` (clamped to 0..1) for `key`; no-op without a key. Never throws. */
export function reportProgress(key: string | undefined, fraction: number): void {
  if (!key) return;
  const value = Math.min(1, Math.max(0, fraction));
  const local = listeners.get(key);
  if (local) return local(value);
  openChannel().postMessage({ key, fraction: value } satisfies ProgressMessage);
}
