/**
 * `npm run worker`: a worker process of a scaled-out studio (README "Scaling out"). It takes runs
 * from the PostgreSQL job queue (RUN_QUEUE=pg-boss, DATABASE_URL=postgres://…) and executes them,
 * RUN_CONCURRENCY (default 4) at once, under a lease of RUN_LEASE_SECONDS (default 30) per run;
 * any number of workers share the queue. Runs that a dead worker left are resumed by another once
 * their lease expires, polling the provider jobs it recorded instead of submitting them again.
 *
 * Needs the same DATA_DIR (offline engine) or ASSET_STORAGE_URL (S3) and provider settings as the
 * web processes. SIGTERM/SIGINT: stops taking runs, gives running nodes SHUTDOWN_GRACE_SECONDS to
 * record their provider jobs, then exits 0; what it left is resumed by another worker.
 */
import { closeDb } from "../lib/db/client";
import { closeWorkerPool, getWorkerPool } from "../lib/providers/local/pool/worker-pool";
import { createRunQueue, createServicesFromEnv } from "../lib/server/create-services";
import { shutdownGraceMs } from "../lib/server/shutdown";
import { secureDataFolder } from "../lib/storage/data-folder";
import type { PgBossRunQueue } from "../lib/queue/pg-boss-queue";

async function main(): Promise<void> {
  process.umask(0o077);
  secureDataFolder();
  if (process.env.RUN_QUEUE?.trim() !== "pg-boss") {
    console.error("npm run worker needs RUN_QUEUE=pg-boss and DATABASE_URL=postgres://… (see README, Scaling out).");
    process.exit(2);
  }
  const services = await createServicesFromEnv(process.env);
  if (services.provider.id === "local") {
    // The offline engine's worker threads load sharp and the tasks on their first job: load them
    // now, so that the first runs this worker takes do not wait for it (seconds on a busy machine).
    await getWorkerPool()
      .run("textToImage", { prompt: "warm-up", seed: 0, width: 64, height: 64 })
      .catch((error: unknown) => console.error("The offline engine's worker threads could not start:", error));
  }
  const queue = createRunQueue(services, process.env, { role: "worker" }) as PgBossRunQueue;
  await queue.whenStarted();
  const resumed = await queue.resumeUnfinished();
  console.log(
    `Worker ${queue.workerId} is taking runs (provider: ${services.provider.id}${resumed ? `; ${resumed} run(s) left by a stopped worker sent again` : ""}).`,
  );

  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log(`Worker ${queue.workerId}: ${signal}, finishing what is being submitted (at most ${shutdownGraceMs() / 1000} s)…`);
      void (async () => {
        const report = await queue.drain({ graceMs: shutdownGraceMs() });
        await queue.close();
        await services.events.close?.();
        await closeDb();
        await (services.provider as { close?: () => Promise<void> }).close?.();
        await closeWorkerPool();
        console.log(`Worker stopped${report.left.length ? `; ${report.left.length} run(s) go on in another worker` : ""}.`);
        process.exit(0);
      })().catch((error) => {
        console.error("The worker could not stop cleanly:", error);
        process.exit(1);
      });
    });
  }
}

main().catch((error) => {
  console.error("The worker could not start:", error);
  process.exit(1);
});
