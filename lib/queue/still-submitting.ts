/**
 * Which runs are unsafe to leave right now (graceful shutdown, lib/queue/*): a node that is
 * running but has fewer recorded provider jobs than requests may be waiting for a submit's
 * answer, which a restart could not find again.
 */
import type { PrismaClient } from "../db/generated/client";

/** Runs among `runIds` with such a node (see the module comment). */
export async function runsStillSubmitting(db: PrismaClient, runIds: string[]): Promise<string[]> {
  if (runIds.length === 0) return [];
  const nodes = await db.nodeRun.findMany({
    where: { runId: { in: runIds }, status: "running" },
    select: { runId: true, request: true, providerJobIds: true },
  });
  const busy = new Set<string>();
  for (const node of nodes) {
    const jobs = Array.isArray(node.providerJobIds) ? node.providerJobIds.length : 0;
    const bodies = (node.request as { bodies?: unknown } | null)?.bodies;
    const expected = Array.isArray(bodies) ? bodies.length : 1;
    if (jobs < expected) busy.add(node.runId);
  }
  return [...busy];
}
