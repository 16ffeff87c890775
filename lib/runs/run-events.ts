/**
 * In-process notifications that a run changed, for the Server-Sent Events route. Carries
 * only the run id: listeners read the current state from the database, so a missed event
 * never leaves a client with stale data.
 */
import { EventEmitter } from "node:events";

export class RunEventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  /** Signals that run `runId` (or one of its node runs) changed. */
  emit(runId: string): void {
    this.emitter.emit(runId);
  }

  /** Calls `listener` on every change of `runId`; returns the unsubscribe function. */
  subscribe(runId: string, listener: () => void): () => void {
    this.emitter.on(runId, listener);
    return () => this.emitter.off(runId, listener);
  }
}
