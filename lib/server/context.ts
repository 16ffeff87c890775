/**
 * The studio's server-side services, created once per process (a promise cached on
 * globalThis so Next.js dev reloads reuse it): database, asset storage, the generation
 * provider, the run event bus and the run queue. On first creation, runs left unfinished by
 * a previous process are resumed.
 */
import path from "node:path";
import type { PrismaClient } from "../db/generated/client";
import { getDb } from "../db/client";
import type { Provider } from "../providers/types";
import { createProviderFromEnv } from "../providers/from-env";
import { InProcessRunQueue } from "../queue/in-process-queue";
import { RunEventBus } from "../runs/run-events";
import { getStorage } from "../storage";
import type { LocalFolderStorage } from "../storage/local-folder";

export interface ServerContext {
  db: PrismaClient;
  storage: LocalFolderStorage;
  provider: Provider;
  events: RunEventBus;
  queue: InProcessRunQueue;
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
  const dataDir = path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR?.trim() || "./data");
  const db = await getDb();
  const events = new RunEventBus();
  const ctx = { db: db.prisma, storage: getStorage(), provider: createProviderFromEnv(process.env, dataDir), events } as ServerContext;
  ctx.queue = new InProcessRunQueue(ctx, { concurrency: Number(process.env.RUN_CONCURRENCY ?? 4) });
  await ctx.queue.resumeUnfinished();
  return ctx;
}
