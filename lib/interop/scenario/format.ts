/**
 * Scenario's workflow export file, parsed with zod (shared/reference/scenario-workflow-format.md,
 * "Export file", "editorInfo"): `{ version, name, description, editorInfo: { nodes, edges,
 * inputKeys, nodeGroups? }, inputs, tagSet }`. Loose objects: live records carry React Flow UI
 * fields (`measured`, `selected`, …) and fields the studio does not read; they are kept as they come.
 *
 * Handle ids (same section): inputs `${nodeId}-source-${name}`, outputs `${nodeId}-target-${name}`;
 * edges are stored reversed (`source` is the consuming node). Pure module: zod only.
 */
import { z } from "zod";
import { GRAPH_LIMITS } from "../../graph/schema";

/** The `version` the studio writes. */
export const SCENARIO_EXPORT_VERSION = "1.0";

const idSchema = z.string().min(1).max(GRAPH_LIMITS.maxIdLength);

export const scenarioNodeSchema = z.looseObject({
  id: idSchema,
  type: z.string().min(1).max(200),
  position: z.looseObject({ x: z.number().finite(), y: z.number().finite() }).optional(),
  data: z.record(z.string(), z.unknown()).default({}),
  width: z.number().finite().optional(),
  height: z.number().finite().optional(),
  measured: z.looseObject({ width: z.number().finite().optional(), height: z.number().finite().optional() }).optional(),
});

export const scenarioEdgeSchema = z.looseObject({
  id: z.string().min(1).max(400).optional(),
  /** The consuming node (edges are reversed). */
  source: idSchema,
  /** `${source}-source-${inputName}`. */
  sourceHandle: z.string().max(400).nullable().optional(),
  /** The producing node. */
  target: idSchema,
  /** `${target}-target-${outputName}`. */
  targetHandle: z.string().max(400).nullable().optional(),
});

/** One entry of `inputs` (inputs_definition): `{ type: "string" | "file" | …, name: nodeId, label, … }`. */
export const scenarioInputSchema = z.looseObject({
  type: z.string().max(60),
  name: z.string().max(GRAPH_LIMITS.maxIdLength),
  label: z.string().max(400).optional(),
  description: z.string().max(4000).optional(),
  placeholder: z.string().max(4000).optional(),
  required: z.looseObject({ always: z.boolean().optional() }).optional(),
  default: z.unknown().optional(),
  kind: z.string().max(60).optional(),
});

export const scenarioFileSchema = z.looseObject({
  version: z.string().max(20).optional(),
  name: z.string().max(400).optional(),
  description: z.string().max(10_000).optional(),
  editorInfo: z.looseObject({
    nodes: z.array(scenarioNodeSchema).max(GRAPH_LIMITS.maxNodes),
    edges: z.array(scenarioEdgeSchema).max(GRAPH_LIMITS.maxEdges).default([]),
    inputKeys: z.array(z.string().max(GRAPH_LIMITS.maxIdLength)).max(GRAPH_LIMITS.maxNodes).default([]),
    nodeGroups: z.record(z.string(), z.unknown()).optional(),
  }),
  inputs: z.array(scenarioInputSchema).max(GRAPH_LIMITS.maxNodes).default([]),
  tagSet: z.array(z.unknown()).max(200).default([]),
});

export type ScenarioNode = z.infer<typeof scenarioNodeSchema>;
export type ScenarioInput = z.infer<typeof scenarioInputSchema>;
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

/** A Scenario input handle id: `${nodeId}-source-${name}`. */
export const inputHandleId = (nodeId: string, name: string) => `${nodeId}-source-${name}`;
/** A Scenario output handle id: `${nodeId}-target-${name}`. */
export const outputHandleId = (nodeId: string, name: string) => `${nodeId}-target-${name}`;

/**
 * The handle name in a Scenario handle id (`gen-1-source-prompt` → `prompt`); a handle id that does
 * not follow the pattern is its own name (some files store bare names).
 */
export function handleName(nodeId: string, handleId: string | null | undefined, side: "source" | "target"): string | null {
  if (!handleId) return null;
  const prefix = `${nodeId}-${side}-`;
  if (handleId.startsWith(prefix)) return handleId.slice(prefix.length) || null;
  const at = handleId.lastIndexOf(`-${side}-`);
  return at >= 0 ? handleId.slice(at + side.length + 2) || null : handleId;
}

/** True when `json` looks like a Scenario export (an `editorInfo` with `nodes`), for auto-detection. */
export function looksLikeScenarioFile(json: unknown): boolean {
  if (!json || typeof json !== "object" || Array.isArray(json)) return false;
  const editorInfo = (json as Record<string, unknown>).editorInfo;
  return !!editorInfo && typeof editorInfo === "object" && Array.isArray((editorInfo as Record<string, unknown>).nodes);
}
