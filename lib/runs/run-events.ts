/**
 * In-process notifications that a run changed, for the Server-Sent Events route. Carries
 * only the run id: listeners read the current state from the database, so a missed event
 * never leaves a client with stale data.
 */
import { EventEmitter } from "node:events";

/** What a change announces besides the run id. */
export interface RunChange {
  /** True when the run reached a status it never leaves: listeners should not hold it back. */
  terminal?: boolean;
}

/** Change notifications by run id: this process's bus, or one shared through PostgreSQL (lib/runs/pg-run-events.ts). */
export interface RunEvents {
  /** Signals that run `runId` (or one of its node runs) changed; `change.terminal` when it ended. */
  emit(runId: string, change?: RunChange): void;
  /** Calls `listener` on every change of `runId`; returns the unsubscribe function. */
  subscribe(runId: string, listener: (change: RunChange) => void): () => void;
  /** Stops listening (closes a connection, when there is one). */
  close?(): Promise<void>;
}

export class RunEventBus implements RunEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  /** Signals that run `runId` (or one of its node runs) changed; `change.terminal` when it ended. */
  emit(runId: string, change: RunChange = {}): void {
    this.emitter.emit(runId, change);
  }

  /** Calls `listener` on every change of `runId`; returns the unsubscribe function. */
  subscribe(runId: string, listener: (change: RunChange) => void): () => void {
    this.emitter.on(runId, listener);
    return () => this.emitter.off(runId, listener);
  }
}
