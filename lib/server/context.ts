/**
 * The studio's server-side services, created once per process (a promise cached on
 * globalThis so Next.js dev reloads reuse it): database, asset storage, the generation
 * provider, the run event bus and the run queue. On first creation, runs left unfinished by
 * a previous process are resumed (embedded queue) or left to the workers (pg-boss queue).
 *
 * The queue is chosen by `RUN_QUEUE` (lib/server/create-services.ts): unset or `in-process`
 * executes runs in this process; `pg-boss` (needs a PostgreSQL `DATABASE_URL`) only enqueues
 * them, for `npm run worker` processes to execute.
 */
import type { RunQueue } from "../queue/types";
import { createRunQueue, createServicesFromEnv } from "./create-services";
import type { ServerServices } from "./services";

export type { ServerServices } from "./services";

export interface ServerContext extends ServerServices {
  queue: RunQueue;
}

const GLOBAL_KEY = Symbol.for("workflow-studio.server-context");
type GlobalWithContext = typeof globalThis & { [GLOBAL_KEY]?: Promise<ServerContext> };

/** The process-wide services; the first call opens the database and resumes unfinished runs. */
export function getServerContext(): Promise<ServerContext> {
  const g = globalThis as GlobalWithContext;
  g[GLOBAL_KEY] ??= createServerContext().catch((error) => {
    delete g[GLOBAL_KEY];
    throw error;
  });
  return g[GLOBAL_KEY];
}

/** The process-wide services if they were created (or are being created), else undefined; never creates them. */
export function existingServerContext(): Promise<ServerContext> | undefined {
  return (globalThis as GlobalWithContext)[GLOBAL_KEY];
}

async function createServerContext(): Promise<ServerContext> {
  const services = await createServicesFromEnv(process.env);
  const queue = createRunQueue(services, process.env, { role: "web" });
  await queue.resumeUnfinished();
  return { ...services, queue };
}
