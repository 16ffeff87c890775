/**
 * How an output image was made, read from its asset's provenance (what the executor records:
 * model, prompt, parameters, seed, credits, parent assets) as lines a person can read. Pure module.
 */
import { getNodeDefinition } from "@/lib/nodes";
import type { Asset } from "../types";

export interface ProvenanceStep {
  assetId: string;
  /** "Upscale"; "Uploaded image" for a source the user gave. */
  title: string;
  model: string | null;
  prompt: string | null;
  /** The node's own one-line summary of its parameters ("Instagram story · 1080 × 1920 px"), when it has one. */
  summary: string | null;
  /** Readable parameters: [["Platform", "Instagram story"], ["Factor", "2x"]]. */
  parameters: Array<[string, string]>;
  seed: number | null;
  credits: number | null;
  createdAt: string | null;
  width: number;
  height: number;
  /** The image this step worked on, when there is one. */
  parentAssetId: string | null;
}

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** A parameter value as shown: the select option's label when the node declares one. */
function formatValue(value: unknown, options?: ReadonlyArray<{ value: string; label: string }>): string {
  const option = options?.find((o) => o.value === String(value));
  if (option) return option.label;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string" || typeof value === "number") return String(value);
  return JSON.stringify(value);
}

/** Parameters worth showing: set, not the model (shown apart), not the prompt (shown apart), not an asset id. */
export function readableParameters(nodeType: string, parameters: unknown): Array<[string, string]> {
  if (!parameters || typeof parameters !== "object") return [];
  const definition = getNodeDefinition(nodeType);
  const rows: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(parameters as Record<string, unknown>)) {
    if (value === null || value === undefined || value === "" || name === "model" || name === "prompt") continue;
    const field = definition?.fields.find((f) => f.name === name);
    if (field && (field.kind === "asset" || field.kind === "mask" || field.kind === "model")) continue;
    if (/AssetId$/.test(name)) continue;
    rows.push([field?.label ?? name, formatValue(value, field && field.kind === "select" ? field.options : undefined)]);
  }
  return rows;
}

/** What the node says about its parameters (the line its card shows), or null. */
function summarize(nodeType: string, parameters: unknown): string | null {
  const definition = getNodeDefinition(nodeType);
  if (!definition?.summarize) return null;
  const parsed = definition.paramsSchema.safeParse(parameters ?? {});
  return parsed.success ? definition.summarize(parsed.data) : null;
}

/** One asset's step. */
export function provenanceStep(asset: Asset): ProvenanceStep {
  const p = (asset.provenance ?? null) as Record<string, unknown> | null;
  const nodeType = str(p?.nodeType);
  const parents = Array.isArray(p?.parentAssetIds)
    ? (p.parentAssetIds as unknown[]).filter((id): id is string => typeof id === "string")
    : [];
  return {
    assetId: asset.id,
    title: p ? (nodeType ? (getNodeDefinition(nodeType)?.label ?? nodeType) : "Generated") : "Uploaded image",
    model: str(p?.model),
    prompt: str(p?.prompt),
    summary: p && nodeType ? summarize(nodeType, p.parameters) : null,
    parameters: p && nodeType ? readableParameters(nodeType, p.parameters) : [],
    seed: num(p?.seed),
    credits: num(p?.credits),
    createdAt: asset.createdAt ?? null,
    width: asset.width,
    height: asset.height,
    parentAssetId: parents[0] ?? null,
  };
}

/** The credits of every step that reports them, or null when none does. */
export function totalCredits(steps: readonly ProvenanceStep[]): number | null {
  const known = steps.map((s) => s.credits).filter((c): c is number => c !== null);
  return known.length > 0 ? known.reduce((a, b) => a + b, 0) : null;
}
