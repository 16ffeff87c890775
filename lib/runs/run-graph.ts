/**
 * The graph a run executes.
 *
 * A workflow run executes its WorkflowVersion's graph as is. A run started from an App executes
 * that same immutable graph with the App form's values applied: the App version's published
 * inputs (immutable too) say which node parameter each value sets, and the run keeps the values
 * (`Run.appInputs`). So the executed graph is a pure function of three immutable records, and
 * is derived here both when the run is created (to validate it) and when it executes — no
 * derived WorkflowVersion is minted, and the App's frozen version is never touched.
 */
import { getAppVersion } from "../db/repositories/apps";
import type { DbClient } from "../db/types";
import { applyInputs, parsePublishedInputs } from "../apps/exposable-inputs";

/** The inputs of the derivation: the version's graph and, for App runs, the published inputs and values. */
export interface RunGraphSource {
  /** The WorkflowVersion's graph (JSON). */
  versionGraph: unknown;
  /** App runs: the App version's stored `inputs` (JSON) and the run's `appInputs`. */
  app?: { publishedInputs: unknown; values: unknown } | null;
}

/**
 * The executed graph from its sources (pure).
 * @throws AppInputsError when a value no longer fits (never for values checked at creation);
 *   ZodError when the stored inputs are not published inputs.
 */
export function deriveRunGraph(source: RunGraphSource): unknown {
  if (!source.app) return source.versionGraph;
  const values = source.app.values && typeof source.app.values === "object" ? (source.app.values as Record<string, unknown>) : {};
  return applyInputs(source.versionGraph, parsePublishedInputs(source.app.publishedInputs), values);
}

/**
 * The graph `run` executes: its version's graph, with the App form's values applied for a run
 * started from an App.
 * @throws Error when the run's App version no longer exists; see deriveRunGraph.
 */
export async function loadRunGraph(
  db: DbClient,
  run: { appVersionId: string | null; appInputs: unknown; workflowVersion: { graph: unknown } },
): Promise<unknown> {
  if (!run.appVersionId) return run.workflowVersion.graph;
  const appVersion = await getAppVersion(db, run.appVersionId);
  if (!appVersion) throw new Error(`App version "${run.appVersionId}" of this run no longer exists`);
  return deriveRunGraph({
    versionGraph: run.workflowVersion.graph,
    app: { publishedInputs: appVersion.inputs, values: run.appInputs },
  });
}
