/**
 * Turns App form values into graphs ready to run (or to price): values checked with the form's
 * schema, uploaded images checked to be the team's, then applied to the App version's frozen
 * graph. Errors name the item and the input key (`items[1].image: required`).
 */
import { AppError } from "../api/errors";
import { findTeamAssets, type TeamAssetRow } from "../db/repositories/apps";
import type { DbClient } from "../db/types";
import type { WorkflowGraph } from "../graph/schema";
import { deriveRunGraph } from "../runs/run-graph";
import { AppInputsError, buildInputsSchema, type AppInputValues } from "./exposable-inputs";
import type { CurrentAppVersion } from "./get-app-or-throw";

export interface PreparedAppRun {
  /** Parsed form values by input key (defaults applied): what the run stores as `appInputs`. */
  values: AppInputValues;
  /** The frozen graph with the values applied: what the run executes. */
  graph: WorkflowGraph;
}

function refuse(fields: Array<{ path: string; message: string }>): never {
  throw new AppError("validation_error", fields.map((f) => `${f.path}: ${f.message}`).join("; "), { fields });
}

/**
 * @param items one form's values per run.
 * @param options.prefix names an item in messages: `items[1]` by default, e.g. `inputs` for a single form.
 * @param options.partial required inputs may be missing (cost previews).
 * @returns one prepared run per item, and the images they use (by asset id).
 * @throws AppError validation_error (400) naming item and key for a refused value, or an image
 *   that is not an upload of the team.
 */
export async function prepareAppRuns(
  db: DbClient,
  teamId: string,
  current: CurrentAppVersion,
  items: ReadonlyArray<Record<string, unknown>>,
  options: { prefix?: (index: number) => string; partial?: boolean } = {},
): Promise<{ runs: PreparedAppRun[]; images: Map<string, TeamAssetRow> }> {
  const prefix = options.prefix ?? ((index: number) => `items[${index}]`);
  const schema = buildInputsSchema(current.inputs, { partial: options.partial });
  const fields: Array<{ path: string; message: string }> = [];
  const parsed: AppInputValues[] = [];
  items.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (result.success) parsed.push(result.data);
    else for (const issue of result.error.issues) fields.push({ path: [prefix(index), ...issue.path].join("."), message: issue.message });
  });
  if (fields.length) refuse(fields);

  const imageKeys = current.inputs.filter((i) => i.kind === "image" || i.kind === "mask").map((i) => i.key);
  const wanted = parsed.flatMap((values) => imageKeys.map((key) => values[key]).filter((v): v is string => typeof v === "string"));
  const images = await findTeamAssets(db, teamId, wanted);
  parsed.forEach((values, index) => {
    for (const key of imageKeys) {
      const id = values[key];
      if (typeof id === "string" && !images.has(id))
        fields.push({ path: `${prefix(index)}.${key}`, message: `no uploaded image "${id}" in this team: upload it first` });
    }
  });
  if (fields.length) refuse(fields);

  const runs = parsed.map((values, index) => {
    try {
      const graph = deriveRunGraph({
        versionGraph: current.workflowVersion.graph,
        app: { publishedInputs: current.version.inputs, values },
      }) as WorkflowGraph;
      return { values, graph };
    } catch (error) {
      if (!(error instanceof AppInputsError)) throw error;
      return refuse(error.issues.map((i) => ({ path: `${prefix(index)}.${i.key}`, message: i.message })));
    }
  });
  return { runs, images };
}
