import { z } from "zod";
import { fromZodError, notFound } from "@/lib/api/errors";
import { BUILDERS, teamRoute } from "@/lib/api/team-route";
import { latestPublishedInputs } from "@/lib/db/repositories/workflow-app-inputs";
import { getWorkflow } from "@/lib/db/repositories/workflows";
import { workflowGraphSchema } from "@/lib/graph/schema";
import { studioWorkflowFile } from "@/lib/interop/import-file";
import { catalogModels } from "@/lib/interop/models";
import { exportScenarioFile } from "@/lib/interop/scenario/export";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

const querySchema = z.object({ format: z.enum(["scenario", "studio"], { error: 'must be "scenario" or "studio"' }).default("scenario") });

/** A file name from a workflow name: "Mug campaign" → "mug-campaign". */
function fileStem(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "workflow"
  );
}

/**
 * GET /api/workflows/:id/export?format=scenario|studio → the saved workflow as a download
 * (`Content-Disposition: attachment`): `scenario` (default) is Scenario's workflow export file
 * (shared/reference/scenario-workflow-format.md; App inputs pinned from the newest App published
 * from this workflow, else every Prompt and Image input; lib/interop/scenario/export.ts), with an
 * `X-Export-Notes` header counting what the file could not carry; `studio` is the studio's own file
 * `{ format, version, name, graph }`. Owners and editors. Errors: 400 for another format; 401; 403
 * (members); 404 for an unknown, deleted or another team's id.
 */
export const GET = teamRoute<{ id: string }>(BUILDERS, async (request, { id }, session) => {
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw fromZodError(query.error, "query");
  const ctx = await getServerContext();
  const workflow = await getWorkflow(ctx.db, id, { teamId: session.team.id });
  if (!workflow) throw notFound("Workflow", id);
  const graph = workflowGraphSchema.parse(workflow.graph);
  const stem = fileStem(workflow.name);
  if (query.data.format === "studio") {
    return new Response(JSON.stringify(studioWorkflowFile(workflow.name, graph), null, 2), {
      headers: { "Content-Type": "application/json", "Content-Disposition": `attachment; filename="${stem}.studio.json"` },
    });
  }
  const inputs = (await latestPublishedInputs(ctx.db, id)) ?? undefined;
  const { file, notes } = exportScenarioFile({ name: workflow.name, graph, inputs }, catalogModels);
  return new Response(JSON.stringify(file, null, 2), {
    headers: {
      "Content-Type": "application/json",
      "Content-Disposition": `attachment; filename="${stem}.scenario.json"`,
      "X-Export-Notes": String(notes.length),
    },
  });
});
