/**
 * The latest image each workflow produced: what the workflow list shows as a thumbnail and what an
 * App without a chosen cover shows as its cover.
 */
import { Prisma } from "../generated/client";
import type { DbClient } from "../types";

/** An output of a run as `Run.outputs` stores it (lib/engine RunOutput). */
interface StoredOutput {
  assetId?: unknown;
  mimeType?: unknown;
}

function firstImage(outputs: unknown): string | null {
  if (!Array.isArray(outputs)) return null;
  for (const output of outputs as StoredOutput[]) {
    const isImage =
      output?.mimeType === undefined ||
      output?.mimeType === null ||
      (typeof output.mimeType === "string" && output.mimeType.startsWith("image/"));
    if (isImage && typeof output?.assetId === "string" && output.assetId) return output.assetId;
  }
  return null;
}

/**
 * For each of `workflowIds`, the asset id of the first image output of its most recent editor run
 * that produced one, within `teamId`. Runs started from an App are left out: they hold a
 * teammate's own photos, which the rest of the team must not see on a cover or in a list.
 * @returns a map from workflow id to asset id; workflows without such a run are absent.
 */
export async function latestOutputImages(db: DbClient, teamId: string, workflowIds: readonly string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  if (workflowIds.length === 0) return result;
  // Newest runs with outputs first; a workflow's first row with an image wins. Three per
  // workflow are looked at, so a latest run that returned only a video does not hide older images.
  const rows = await db.$queryRaw<{ workflowId: string; outputs: unknown }[]>(Prisma.sql`
    SELECT "workflowId", "outputs" FROM (
      SELECT "workflowId", "outputs",
             ROW_NUMBER() OVER (PARTITION BY "workflowId" ORDER BY "createdAt" DESC, "id" DESC) AS "rank"
      FROM "Run"
      WHERE "teamId" = ${teamId}
        AND "workflowId" IN (${Prisma.join(workflowIds)})
        AND "appId" IS NULL
        AND "outputs" IS NOT NULL
        AND jsonb_typeof("outputs") = 'array' AND jsonb_array_length("outputs") > 0
    ) ranked
    WHERE "rank" <= 3
    ORDER BY "workflowId", "rank"`);
  for (const row of rows) {
    if (result.has(row.workflowId)) continue;
    const assetId = firstImage(row.outputs);
    if (assetId) result.set(row.workflowId, assetId);
  }
  return result;
}
