/**
 * One entry point for every workflow file the studio opens (the editor's File → Import, a `.json`
 * dropped on the canvas, POST /api/interop/import): which format it is, then that format's importer.
 *
 * - a Scenario export (`editorInfo` with `nodes`) → scenario/import.ts;
 * - a ComfyUI workflow (`nodes` + `links`, or nodes keyed by id with `class_type`) → comfyui/import.ts;
 * - the studio's own file ({@link STUDIO_FILE_FORMAT}, or a bare `{ nodes, edges }` graph) → as it is,
 *   after the graph schema and node kinds are checked.
 *
 * Pure module.
 */
import { workflowGraphSchema, type WorkflowGraph } from "../graph/schema";
import { getNodeDefinition } from "../nodes";
import { importComfyWorkflow } from "./comfyui/import";
import { comfyFormatOf } from "./comfyui/format";
import type { ModelLookup } from "./models";
import { ImportFileError, type ImportResult } from "./report";
import { looksLikeScenarioFile } from "./scenario/format";
import { importScenarioFile } from "./scenario/import";

/** The `format` of the studio's own workflow file (File → Export as studio JSON). */
export const STUDIO_FILE_FORMAT = "workflow-studio/workflow";

/** The studio's own workflow file: `{ format, version: 1, name, graph }`. */
export function studioWorkflowFile(name: string, graph: WorkflowGraph): { format: string; version: 1; name: string; graph: WorkflowGraph } {
  return { format: STUDIO_FILE_FORMAT, version: 1, name, graph };
}

export type WorkflowFileKind = "scenario" | "comfyui" | "studio";

/** Which kind of workflow file `json` is, or null when it is none the studio reads. */
export function detectWorkflowFile(json: unknown): WorkflowFileKind | null {
  if (!json || typeof json !== "object" || Array.isArray(json)) return null;
  const record = json as Record<string, unknown>;
  if (record.format === STUDIO_FILE_FORMAT || (Array.isArray(record.nodes) && Array.isArray(record.edges) && !("links" in record)))
    return "studio";
  if (looksLikeScenarioFile(json)) return "scenario";
  if (comfyFormatOf(json)) return "comfyui";
  return null;
}

function importStudioFile(json: Record<string, unknown>): ImportResult {
  const graph = workflowGraphSchema.safeParse(json.format === STUDIO_FILE_FORMAT ? json.graph : json);
  if (!graph.success) {
    const issue = graph.error.issues[0];
    throw new ImportFileError(
      `This studio workflow file is damaged (${issue?.path.join(".") || "graph"}: ${issue?.message ?? "invalid"}).`,
    );
  }
  const unknown = [...new Set(graph.data.nodes.filter((n) => !getNodeDefinition(n.type)).map((n) => n.type))];
  if (unknown.length > 0)
    throw new ImportFileError(
      `This workflow file uses node kinds this studio does not have (${unknown.slice(0, 5).join(", ")}): it was made by a newer version.`,
    );
  return {
    graph: graph.data,
    inputs: [],
    report: {
      source: "studio",
      name: typeof json.name === "string" ? json.name.slice(0, 200) : undefined,
      items: [],
    },
  };
}

/**
 * Imports any workflow file the studio reads (see the module comment).
 * @throws ImportFileError for a file of no known format, or one its importer refuses (a sentence for the designer).
 */
export function importWorkflowFile(json: unknown, models: ModelLookup): ImportResult {
  const kind = detectWorkflowFile(json);
  if (kind === "scenario") return importScenarioFile(json, models);
  if (kind === "comfyui") return importComfyWorkflow(json);
  if (kind === "studio") return importStudioFile(json as Record<string, unknown>);
  throw new ImportFileError(
    "This file is not a workflow the studio can open: choose a Scenario workflow export, a ComfyUI workflow (UI or API format) or a studio workflow file.",
  );
}
