import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import { parseJsonBody } from "@/lib/api/route";
import { BUILDERS, teamRoute } from "@/lib/api/team-route";
import { importWorkflowFile } from "@/lib/interop/import-file";
import { catalogModels } from "@/lib/interop/models";
import { ImportFileError } from "@/lib/interop/report";

export const dynamic = "force-dynamic";

/** The largest workflow file read: 4 MB (ComfyUI's UI files carry every node's layout; a 300-node one is ~600 KB). */
const MAX_WORKFLOW_FILE_BYTES = 4 * 1024 * 1024;

/**
 * POST /api/interop/import, body: a workflow file's JSON as it is (a Scenario workflow export, a
 * ComfyUI workflow in UI or API format, or the studio's own file; the format is detected,
 * lib/interop/import-file.ts) → `{ kind, graph, inputs, report }`: `graph` is a studio graph ready to
 * place on the canvas (nothing is saved), `inputs` the App inputs the file declared, `report.items`
 * one entry per foreign node (`outcome` mapped | folded | placeholder | left-out, a sentence).
 * Owners and editors. Errors: 400 `validation_error` with a sentence for a file of no known format
 * or one that breaks its format; 413 over 4 MB; 401; 403 (members).
 */
export const POST = teamRoute(BUILDERS, async (request) => {
  const json = await parseJsonBody(request, z.unknown(), MAX_WORKFLOW_FILE_BYTES);
  try {
    const result = importWorkflowFile(json, catalogModels);
    return Response.json({ kind: result.report.source, ...result });
  } catch (error) {
    if (error instanceof ImportFileError) throw new AppError("validation_error", error.message, error.details);
    throw error;
  }
});
