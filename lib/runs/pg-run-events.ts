/**
 * Run change notifications shared by every process on one PostgreSQL database, through
 * `LISTEN`/`NOTIFY` (scale-out: a browser connected to web process A sees the node events a
 * worker process produces). Like the in-process bus it carries only run ids: listeners read the
 * current state from the database.
 *
 * Each process keeps one dedicated connection that LISTENs on two channels:
 * - `studio_run_events`: "run X changed". `emit` tells this process's listeners at once and the
 *   other processes with one NOTIFY per run per 50 ms, at once when the run ended (its terminal
 *   event is not held back: issue 14);
 * - `studio_run_cancel`: "stop run X", for the worker that executes it (lib/queue/pg-boss-queue.ts).
 *
 * The connection reconnects after an error (1 s later); changes missed meanwhile are seen at the
 * next change, as with the in-process bus. Server-only (pg).
 */
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import pg from "pg";
import type { RunChange, RunEvents } from "./run-events";

const EVENTS_CHANNEL = "studio_run_events";
const CANCEL_CHANNEL = "studio_run_cancel";
const NOTIFY_COALESCE_MS = 50;

export class PgRunEvents implements RunEvents {
  private readonly local = new EventEmitter();
  private readonly cancels = new EventEmitter();
  /** Tells notifications of this process apart from the others'. */
  private readonly origin = randomUUID();
  private readonly pool: pg.Pool;
  private listener: pg.Client | undefined;
  /** Run ids to announce, with whether the run ended. */
  private readonly pending = new Map<string, boolean>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private ready: Promise<void>;

  /** @param url the PostgreSQL URL (DATABASE_URL). */
  constructor(private readonly url: string) {
    this.local.setMaxListeners(0);
    this.cancels.setMaxListeners(0);
    this.pool = new pg.Pool({ connectionString: url, max: 2 });
    this.pool.on("error", () => undefined);
    this.ready = this.listen();
  }

  /** Resolves once the LISTEN connection is up (tests; emit and subscribe need not wait). */
  whenListening(): Promise<void> {
    return this.ready;
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url });
    client.on("notification", (message) => {
      const [origin, runId, flag] = (message.payload ?? "").split("|");
      if (!runId) return;
      if (message.channel === CANCEL_CHANNEL) this.cancels.emit("cancel", runId);
      else if (origin !== this.origin) this.local.emit(runId, flag === "t" ? { terminal: true } : {});
    });
    client.on("error", (error) => {
      console.error("Run notifications: the PostgreSQL connection failed, reconnecting:", error.message);
      client.end().catch(() => undefined);
      if (this.listener === client) this.listener = undefined;
      setTimeout(() => void this.listen().catch(() => undefined), 1000).unref?.();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      await client.query(`LISTEN ${CANCEL_CHANNEL}`);
    } catch (error) {
      client.end().catch(() => undefined);
      if (!this.closed) setTimeout(() => void this.listen().catch(() => undefined), 1000).unref?.();
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
  }

  emit(runId: string, change: RunChange = {}): void {
    this.local.emit(runId, change);
    this.pending.set(runId, this.pending.get(runId) === true || change.terminal === true);
    if (change.terminal) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
      void this.flush();
      return;
    }
    this.flushTimer ??= setTimeout(() => void this.flush(), NOTIFY_COALESCE_MS);
  }

  private async flush(): Promise<void> {
    this.flushTimer = undefined;
    const payloads = [...this.pending].map(([id, terminal]) => `${this.origin}|${id}${terminal ? "|t" : ""}`);
    this.pending.clear();
    if (payloads.length === 0 || this.closed) return;
    try {
      await this.pool.query(`SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p`, [EVENTS_CHANNEL, payloads]);
    } catch (error) {
      console.error("Run notifications: NOTIFY failed:", error instanceof Error ? error.message : error);
    }
  }

  subscribe(runId: string, listener: (change: RunChange) => void): () => void {
    this.local.on(runId, listener);
    return () => this.local.off(runId, listener);
  }

  /** Asks whichever process executes run `runId` to stop it (every process hears it). */
  async requestCancel(runId: string): Promise<void> {
    await this.pool.query(`SELECT pg_notify($1, $2)`, [CANCEL_CHANNEL, `${this.origin}|${runId}`]);
  }

  /** Calls `listener(runId)` for every cancel request of any process; returns the unsubscribe function. */
  onCancelRequest(listener: (runId: string) => void): () => void {
    this.cancels.on("cancel", listener);
    return () => this.cancels.off("cancel", listener);
  }

  /** Sends what is pending, then closes both connections. */
  async close(): Promise<void> {
    if (this.closed) return;
    clearTimeout(this.flushTimer);
    await this.flush();
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}
