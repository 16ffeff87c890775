/**
 * Builds a process's services and its run queue from the environment, for a web process
 * (lib/server/context.ts) and a worker process (scripts/worker.ts) alike:
 *
 * - `RUN_QUEUE` unset or `in-process`: the embedded queue, runs execute in the web process;
 * - `RUN_QUEUE=pg-boss` (needs `DATABASE_URL=postgres://…`): the PostgreSQL job queue; a web
 *   process only enqueues, worker processes execute (`RUN_CONCURRENCY` each, lease
 *   `RUN_LEASE_SECONDS`, default 30). Run events then travel by LISTEN/NOTIFY.
 *
 * The queue is handed an "execute this run" callback (executeRunJob over these services); it
 * never sees a server context.
 */
import path from "node:path";
import { getDb } from "../db/client";
import { createProviderFromEnv } from "../providers/from-env";
import { InProcessRunQueue } from "../queue/in-process-queue";
import { PgBossRunQueue } from "../queue/pg-boss-queue";
import type { RunQueue } from "../queue/types";
import { executeRunJob } from "../runs/execute-run-job";
import { PgRunEvents } from "../runs/pg-run-events";
import { RunEventBus } from "../runs/run-events";
import { getStorage } from "../storage";
import type { ServerServices } from "./services";

type Env = Record<string, string | undefined>;

/** Which queue the environment asks for. @throws Error for an unknown RUN_QUEUE, or pg-boss without a PostgreSQL DATABASE_URL. */
export function runQueueKind(env: Env): "in-process" | "pg-boss" {
  const kind = env.RUN_QUEUE?.trim() || "in-process";
  if (kind !== "in-process" && kind !== "pg-boss") throw new Error(`RUN_QUEUE must be "in-process" or "pg-boss", not "${kind}"`);
  if (kind === "pg-boss" && !/^postgres(ql)?:\/\//i.test(env.DATABASE_URL?.trim() ?? "")) {
    throw new Error("RUN_QUEUE=pg-boss needs DATABASE_URL=postgres://… (the queue lives in the studio's PostgreSQL database)");
  }
  return kind;
}

/** Opens the database (migrating it) and builds storage, provider and the run event bus. */
export async function createServicesFromEnv(env: Env): Promise<ServerServices> {
  const kind = runQueueKind(env);
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR?.trim() || "./data");
  const db = await getDb();
  const events = kind === "pg-boss" ? new PgRunEvents(env.DATABASE_URL!.trim()) : new RunEventBus();
  return { db: db.prisma, storage: getStorage(), provider: createProviderFromEnv(env, dataDir), events };
}

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/**
 * The run queue over `services`: a web process's (`role: "web"`) or a worker's.
 * In-process: the web process executes runs itself (there is no separate worker).
 */
export function createRunQueue(services: ServerServices, env: Env, options: { role: "web" | "worker" }): RunQueue {
  const concurrency = positive(env.RUN_CONCURRENCY, 4);
  if (runQueueKind(env) === "in-process") {
    if (options.role === "worker") throw new Error("npm run worker needs RUN_QUEUE=pg-boss and DATABASE_URL=postgres://…");
    return new InProcessRunQueue({
      db: services.db,
      execute: (runId, run) => executeRunJob(services, runId, run),
      notify: (runId, change) => services.events.emit(runId, change),
      concurrency,
    });
  }
  return new PgBossRunQueue({
    url: env.DATABASE_URL!.trim(),
    db: services.db,
    events: services.events as PgRunEvents,
    worker:
      options.role === "worker"
        ? {
            execute: (runId, run) => executeRunJob(services, runId, run),
            concurrency,
            leaseSeconds: positive(env.RUN_LEASE_SECONDS, 30),
          }
        : undefined,
  });
}
