/**
 * The App form last published from a workflow, for exporting the workflow with its inputs
 * (lib/interop/scenario/export.ts pins them as Scenario inputs).
 */
import { parsePublishedInputs, type PublishedInput } from "../../apps/exposable-inputs";
import type { DbClient } from "../types";

/**
 * The inputs of the newest App version published from workflow `workflowId` (any App of the
 * team), or null when none was published or the stored form cannot be read.
 */
export async function latestPublishedInputs(db: DbClient, workflowId: string): Promise<PublishedInput[] | null> {
  const version = await db.appVersion.findFirst({ where: { workflowId }, orderBy: { createdAt: "desc" }, select: { inputs: true } });
  if (!version) return null;
  try {
    return parsePublishedInputs(version.inputs);
  } catch {
    return null;
  }
}
