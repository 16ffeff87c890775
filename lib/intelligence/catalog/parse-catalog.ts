/**
 * `parseCatalog(json)`: validates a catalog document and refuses a malformed one with a message
 * that names the model id and the field path, e.g.
 * `model "model_x": performance.txt2img.elo: expected number or null`.
 * Pure module.
 */
import type { z } from "zod";
import { catalogSchema, type Catalog } from "./schema";

/** A malformed catalog. `issues` holds one line per problem, in document order. */
export class CatalogError extends Error {
  readonly issues: string[];

  constructor(issues: string[]) {
    const shown = issues.slice(0, 10);
    const more = issues.length > shown.length ? `\n… and ${issues.length - shown.length} more` : "";
    super(`Invalid model catalog:\n${shown.join("\n")}${more}`);
    this.name = "CatalogError";
    this.issues = issues;
  }
}

const DEPRECATED_PREFIX = "deprecated:";

/** "performance", "txt2img", "elo" → "performance.txt2img.elo"; numbers become "[3]". */
function joinPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Where in the document an issue sits: `model "id"`, `training type "type"` or `catalog`. */
function owner(json: unknown, path: readonly PropertyKey[]): { label: string; rest: readonly PropertyKey[] } {
  const [section, index, ...rest] = path;
  const doc = json as Record<string, unknown> | null;
  if ((section === "models" || section === "trainingTypes") && typeof index === "number") {
    const list = doc?.[section];
    const item = Array.isArray(list) ? (list[index] as Record<string, unknown> | undefined) : undefined;
    const key = section === "models" ? "id" : "type";
    const name = item && typeof item[key] === "string" && item[key] ? (item[key] as string) : null;
    const kind = section === "models" ? "model" : "training type";
    return { label: name ? `${kind} "${name}"` : `${kind} #${index}`, rest };
  }
  return { label: "catalog", rest: path };
}

function formatIssue(json: unknown, issue: z.core.$ZodIssue): string {
  const { label, rest } = owner(json, issue.path);
  const message = issue.message.replace(/^Invalid input: /, "");
  const where = joinPath(rest);
  return where ? `${label}: ${where}: ${message}` : `${label}: ${message}`;
}

/** Cross-field rules zod cannot express per field. */
function semanticIssues(catalog: Catalog): string[] {
  const issues: string[] = [];
  const ids = new Set<string>();
  for (const model of catalog.models) {
    if (ids.has(model.id)) issues.push(`model "${model.id}": id: duplicate model id`);
    ids.add(model.id);
  }
  for (const model of catalog.models) {
    const at = `model "${model.id}"`;
    for (const capability of model.capabilities) {
      if (!model.performance[capability])
        issues.push(`${at}: performance.${capability}: missing (the capability is listed in capabilities)`);
    }
    for (const capability of Object.keys(model.performance)) {
      if (!model.capabilities.includes(capability))
        issues.push(`${at}: performance.${capability}: "${capability}" is not one of the model's capabilities`);
    }
    model.tags.forEach((tag, i) => {
      if (!tag.startsWith(DEPRECATED_PREFIX)) return;
      const successor = tag.slice(DEPRECATED_PREFIX.length);
      if (successor === model.id) issues.push(`${at}: tags[${i}]: a model cannot be its own successor`);
      else if (!ids.has(successor)) issues.push(`${at}: tags[${i}]: successor "${successor}" is not in the catalog`);
    });
  }
  return issues;
}

/**
 * Validates `json` against the catalog schema (./schema.ts) plus cross-field rules (unique ids,
 * one performance variant per listed capability and no other, `deprecated:<id>` naming a model
 * of the catalog).
 * @returns the typed catalog (a new object; `json` is not modified).
 * @throws CatalogError listing every problem as `model "<id>": <field path>: <message>`.
 */
export function parseCatalog(json: unknown): Catalog {
  const result = catalogSchema.safeParse(json);
  if (!result.success) throw new CatalogError(result.error.issues.map((issue) => formatIssue(json, issue)));
  const issues = semanticIssues(result.data);
  if (issues.length > 0) throw new CatalogError(issues);
  return result.data;
}
