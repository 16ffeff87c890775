/**
 * Whether the LocalProvider that owns a persisted job is still alive. A job whose owner is gone
 * (its process exited, or the instance was closed) is adopted and re-run by the next instance
 * that reads it.
 */
import type { JobOwner } from "./job-store";

/** Instances of this process that have not been closed. */
const liveInstances = new Set<string>();

/** Marks a LocalProvider instance of this process as alive (its constructor calls this). */
export function registerInstance(instanceId: string): void {
  liveInstances.add(instanceId);
}

/** Marks an instance as gone (close()): its unfinished jobs become adoptable. */
export function unregisterInstance(instanceId: string): void {
  liveInstances.delete(instanceId);
}

/**
 * Same process: alive while the instance is registered. Other process: alive while a signal-0
 * `kill` to its pid succeeds (EPERM also means the process exists).
 */
export function isOwnerAlive(owner: JobOwner): boolean {
  if (owner.pid === process.pid) return liveInstances.has(owner.instanceId);
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
