/**
 * The services a run needs to execute, and that route handlers read through: database, asset
 * storage, generation provider and the run event bus. A web process and a worker process
 * (scripts/worker.ts) both build one; only the web process adds a run queue around it
 * (lib/server/context.ts). Nothing here imports the queue or the runs service, so the queue
 * can be handed an "execute this run" callback instead of the whole server context.
 */
import type { PrismaClient } from "../db/generated/client";
import type { Provider } from "../providers/types";
import type { RunEvents } from "../runs/run-events";
import type { AssetStorage } from "../storage/local-folder";

export interface ServerServices {
  db: PrismaClient;
  storage: AssetStorage;
  provider: Provider;
  events: RunEvents;
}
