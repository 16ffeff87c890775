/**
 * Graceful shutdown of the studio's server process (SIGTERM, SIGINT):
 *
 * 1. the run queue stops starting runs (new ones stay `queued` and resume at the next start);
 * 2. up to a grace period (`SHUTDOWN_GRACE_SECONDS`, default 20 s) the runs in progress are
 *    given time to reach a state a restart resumes without paying twice: every running node has
 *    its provider job ids recorded (the next start polls them instead of submitting again);
 * 3. the database is closed (PGlite closed, its folder lock released), then the offline engine
 *    and its worker threads stop;
 * 4. the process exits 0.
 *
 * Runs are not canceled: they stay `running` in the database and the next start resumes them
 * (lib/queue/in-process-queue.ts, ARCHITECTURE.md "Execution").
 *
 * Server-only.
 */
import { closeDb } from "../db/client";
import { closeWorkerPool } from "../providers/local/pool/worker-pool";
import { closeNeuralPool } from "../providers/local/neural/neural-pool";
import { existingServerContext } from "./context";

/** Default grace period, in seconds. */
export const DEFAULT_SHUTDOWN_GRACE_SECONDS = 20;

/** The grace period in milliseconds: `SHUTDOWN_GRACE_SECONDS` when a number ≥ 0, else 20 s. */
export function shutdownGraceMs(env: Record<string, string | undefined> = process.env): number {
  const seconds = Number(env.SHUTDOWN_GRACE_SECONDS?.trim() || NaN);
  return (Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_SHUTDOWN_GRACE_SECONDS) * 1000;
}

export interface ShutdownReport {
  /** Runs still executing when the database closed (they resume at the next start). */
  left: string[];
  /** Of those, runs that had a node still submitting when the grace period ran out. */
  unsafe: string[];
  /** Time taken, in milliseconds. */
  ms: number;
}

/**
 * Steps 1 to 3 above (not the exit). Safe to call when the services were never created.
 * @param options.graceMs the grace period in milliseconds (default shutdownGraceMs()).
 */
export async function shutdownServer(options: { graceMs?: number } = {}): Promise<ShutdownReport> {
  const started = Date.now();
  const pending = existingServerContext();
  const ctx = pending ? await pending.catch(() => undefined) : undefined;
  let left: string[] = [];
  let unsafe: string[] = [];
  if (ctx) ({ left, unsafe } = await ctx.queue.drain({ graceMs: options.graceMs ?? shutdownGraceMs() }));
  await ctx?.queue.close?.();
  await ctx?.events.close?.();
  await closeDb();
  await (ctx?.provider as { close?: () => Promise<void> } | undefined)?.close?.();
  await Promise.all([closeWorkerPool(), closeNeuralPool()]);
  return { left, unsafe, ms: Date.now() - started };
}

let stopping: Promise<void> | undefined;

/**
 * Installs the SIGTERM and SIGINT handlers of the server process: the first signal runs
 * shutdownServer() and exits 0 (1 if closing failed); later signals are ignored while it runs.
 * Handlers that Next.js installed (they exit at once) are removed, so that `next start` without
 * `NEXT_MANUAL_SIG_HANDLE` shuts down gracefully too.
 */
export function installShutdownHandlers(log: (message: string) => void = (m) => console.log(m)): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (stopping) return;
      log(`Received ${signal}: finishing what is running (at most ${shutdownGraceMs() / 1000} s), then stopping…`);
      stopping = shutdownServer().then(
        (report) => {
          const waiting = report.left.length ? `; ${report.left.length} run(s) resume at the next start` : "";
          log(`Stopped in ${(report.ms / 1000).toFixed(1)} s${waiting}.`);
          process.exit(0);
        },
        (error) => {
          console.error("The studio could not close cleanly:", error);
          process.exit(1);
        },
      );
    });
  }
}
