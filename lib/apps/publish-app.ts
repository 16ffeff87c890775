/**
 * Publishes a workflow's saved graph as an App, or as a new version of one
 * (creative-pipelines-workflows-apps.txt, "Publish as an App if teammates need a simplified
 * interface"; scenario-api-contract.md §7: publishing needs at least one input and an output).
 *
 * Publishing freezes the workflow's CURRENT SAVED graph as an immutable WorkflowVersion and adds
 * AppVersion n + 1 pointing at it, with the form it exposes; the App then runs that version.
 * Editing the workflow afterwards changes nothing live until it is published again.
 */
import { AppError, notFound } from "../api/errors";
import {
  createApp,
  createAppVersion,
  findTeamAsset,
  getAppBySlug,
  isAppSlugTaken,
  isUniqueViolation,
  updateApp,
  type AppRecord,
  type AppVersionRecord,
} from "../db/repositories/apps";
import { getWorkflow, snapshotVersion } from "../db/repositories/workflows";
import type { GraphIssue } from "../graph/issues";
import { validateGraph } from "../graph/validate";
import type { ServerContext } from "../server/context";
import { canManageApps, type AppActor } from "./access";
import { toAppSummary, toAppVersionDto } from "./app-dto";
import { applyInputs, AppInputsError, listAppOutputs, type PublishedInput } from "./exposable-inputs";
import { findPaintedMaskConflicts } from "./painted-mask-rule";
import { resolveExposedInputs } from "./resolve-exposed-inputs";
import { workflowGraphSchema } from "../graph/schema";
import type { PublishAppBody } from "./schemas";

/** Stand-ins for required text and image inputs while checking that the graph will run once the form is filled. */
const FILLED_PLACEHOLDER = { text: "(filled in by the App form)", image: "app-input-placeholder" } as const;

const NO_INPUT_MESSAGE =
  "Expose at least one input: choose what the App's form asks for (a prompt's text, an image input's upload, or a parameter such as Expand's platform)";
const NO_OUTPUT_MESSAGE = "Add an Output node: it marks what the App returns";

/**
 * Checks the graph as it will run: required text and image inputs count as provided, other
 * exposed inputs take their default (else the node keeps its saved value).
 * @throws AppError invalid_graph naming the node and the port or field, with `details.issues`.
 */
function assertRunnableWhenFilled(graph: unknown, inputs: PublishedInput[]): void {
  const filled: Record<string, unknown> = {};
  for (const input of inputs) {
    if (!input.required) continue;
    if (input.kind === "image" || input.kind === "mask") filled[input.key] = FILLED_PLACEHOLDER.image;
    else if (input.kind === "text" || input.kind === "textarea") filled[input.key] = FILLED_PLACEHOLDER.text;
  }
  let applied: unknown;
  try {
    applied = applyInputs(graph, inputs, filled);
  } catch (error) {
    if (!(error instanceof AppInputsError)) throw error;
    const fields = error.issues.map((i) => ({ path: `inputs.${i.key}.default`, message: i.message }));
    throw new AppError("validation_error", fields.map((f) => `${f.path}: ${f.message}`).join("; "), { fields });
  }
  const validation = validateGraph(applied, "run");
  if (validation.ok) return;
  const hint = (issue: GraphIssue) => {
    const exposed = inputs.find((i) => i.nodeId === issue.nodeId && i.field === issue.field);
    return exposed ? ` (it is exposed as "${exposed.key}": mark it required, or give it a default)` : "";
  };
  const first = validation.issues[0];
  const more = validation.issues.length > 1 ? ` (and ${validation.issues.length - 1} more)` : "";
  throw new AppError("invalid_graph", `The workflow cannot be published: ${first.message}${hint(first)}${more}`, {
    issues: validation.issues,
  });
}

/** @throws AppError conflict (409) naming the slug. */
function slugTaken(slug: string): AppError {
  return new AppError("conflict", `The slug "${slug}" is taken by another App: choose another`, { field: "slug" });
}

/**
 * Publishes workflow `workflowId` of the actor's team.
 *
 * @param body `{ appSlug?, name, slug, description?, coverAssetId?, inputs: ExposedInput[] }`;
 *   with `appSlug` (an App of the team) a new version of that App is published, and its name,
 *   slug, description and cover are updated; without, a new App is created.
 * @returns `{ app: AppSummary, version: { id, version, createdAt, workflowId, workflowVersion, inputs, outputs } }`.
 * @throws AppError forbidden (403) for a member; not_found (404) for a workflow or `appSlug`
 *   not in the team, or a cover image that is not the team's; validation_error (400) for bad
 *   keys (format, duplicates), unknown nodes or fields, bad defaults, or no exposed input
 *   ("Expose at least one input: …"); invalid_graph (400) for no Output node ("Add an Output
 *   node: …") or a graph that cannot run once the form is filled (naming node and port or
 *   field), or a fixed painted mask over an image the teammate supplies (a Retouch whose mask
 *   was painted in the editor while its image comes from an exposed upload: lib/apps/painted-mask-rule.ts); conflict (409) when the slug belongs to another App. Nothing is written on error.
 */
export async function publishApp(ctx: ServerContext, actor: AppActor, workflowId: string, body: PublishAppBody) {
  if (!canManageApps(actor)) throw new AppError("forbidden", "Only owners and editors publish Apps");
  const workflow = await getWorkflow(ctx.db, workflowId, { teamId: actor.team.id });
  if (!workflow) throw notFound("Workflow", workflowId);

  const resolved = resolveExposedInputs(workflow.graph, body.inputs);
  if (resolved.issues) {
    const fields = resolved.issues;
    throw new AppError("validation_error", fields.map((f) => `${f.path}: ${f.message}`).join("; "), { fields });
  }
  const inputs = resolved.inputs;
  if (inputs.length === 0)
    throw new AppError("validation_error", NO_INPUT_MESSAGE, { fields: [{ path: "inputs", message: NO_INPUT_MESSAGE }] });
  const outputs = listAppOutputs(workflow.graph);
  if (outputs.length === 0) throw new AppError("invalid_graph", NO_OUTPUT_MESSAGE, { issues: [] });
  assertRunnableWhenFilled(workflow.graph, inputs);
  const parsedGraph = workflowGraphSchema.safeParse(workflow.graph);
  const conflicts = parsedGraph.success ? findPaintedMaskConflicts(parsedGraph.data, inputs) : [];
  if (conflicts.length > 0) {
    throw new AppError("invalid_graph", conflicts[0].message, {
      issues: conflicts.map((c) => ({
        nodeId: c.nodeId,
        code: "painted_mask_over_exposed_image",
        message: c.message,
        inputKey: c.inputKey,
      })),
    });
  }

  if (body.coverAssetId && !(await findTeamAsset(ctx.db, actor.team.id, body.coverAssetId))) {
    throw new AppError("not_found", `coverAssetId: no image "${body.coverAssetId}" in this team`);
  }

  let existing: AppRecord | null = null;
  if (body.appSlug) {
    existing = await getAppBySlug(ctx.db, actor.team.id, body.appSlug);
    if (!existing) throw notFound("App", body.appSlug);
  }
  if (await isAppSlugTaken(ctx.db, body.slug, existing?.id)) throw slugTaken(body.slug);

  let result: { app: AppRecord; version: AppVersionRecord; workflowVersion: number };
  try {
    result = await ctx.db.$transaction(async (tx) => {
      const app =
        existing ??
        (await createApp(tx, {
          teamId: actor.team.id,
          slug: body.slug,
          name: body.name,
          description: body.description,
          coverAssetId: body.coverAssetId ?? null,
          createdById: actor.user.id,
        }));
      const snapshot = await snapshotVersion(tx, workflow);
      const version = await createAppVersion(tx, {
        appId: app.id,
        workflowId: workflow.id,
        workflowVersionId: snapshot.id,
        inputs,
        outputs,
        publishedById: actor.user.id,
      });
      const updated = await updateApp(tx, app.id, {
        slug: body.slug,
        name: body.name,
        description: body.description,
        coverAssetId: body.coverAssetId,
        currentVersionId: version.id,
      });
      return { app: updated, version, workflowVersion: snapshot.version };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    if (await isAppSlugTaken(ctx.db, body.slug, existing?.id)) throw slugTaken(body.slug);
    throw new AppError("conflict", "This App was published by someone else at the same moment: publish again");
  }

  return {
    app: toAppSummary(result.app, result.version),
    version: { ...toAppVersionDto(result.version, inputs), workflowVersion: result.workflowVersion },
  };
}
