/**
 * ComfyUI's two workflow files, parsed with zod and read into one shape (shared/reference/
 * scenario-workflow-format.md, "Importing graphs from other tools"; ComfyUI's documented formats):
 *
 * - UI format (the editor's "Save"): `{ nodes: [{ id, type, pos, title?, inputs: [{ name, type, link }],
 *   outputs, widgets_values }], links: [[id, from_node, from_slot, to_node, to_slot, type]] }` (links may
 *   also be objects `{ id, origin_id, origin_slot, target_id, target_slot }`). Widget values are
 *   positional: their names come from widget-names.ts.
 * - API format ("Export (API)"): `{ "<id>": { class_type, inputs: { name: value | ["<from id>", slot] }, _meta: { title } } }`,
 *   optionally wrapped as `{ prompt: { … } }`.
 *
 * Both become a {@link ComfyGraph}: nodes by id with named inputs, each a link or a value.
 * Pure module: zod only.
 */
import { z } from "zod";
import { GRAPH_LIMITS } from "../../graph/schema";
import { ImportFileError } from "../report";
import { displayNameOf } from "./class-table";
import { widgetNames } from "./widget-names";

/** At most this many ComfyUI nodes per file (a studio graph holds 2,000 nodes). */
export const MAX_COMFY_NODES = GRAPH_LIMITS.maxNodes;

const comfyIdSchema = z.union([z.number().int(), z.string().min(1).max(60)]).transform(String);

const uiNodeSchema = z.looseObject({
  id: comfyIdSchema,
  type: z.string().min(1).max(200),
  title: z.string().max(400).optional(),
  pos: z
    .union([z.tuple([z.number().finite(), z.number().finite()]).rest(z.unknown()), z.record(z.string(), z.number().finite())])
    .optional(),
  inputs: z
    .array(z.looseObject({ name: z.string().max(200), type: z.unknown().optional(), link: z.number().int().nullable().optional() }))
    .max(200)
    .default([]),
  widgets_values: z.union([z.array(z.unknown()).max(200), z.record(z.string(), z.unknown())]).optional(),
});

const uiLinkSchema = z.union([
  z.tuple([z.number().int(), comfyIdSchema, z.number().int(), comfyIdSchema, z.number().int()]).rest(z.unknown()),
  z
    .looseObject({
      id: z.number().int(),
      origin_id: comfyIdSchema,
      origin_slot: z.number().int(),
      target_id: comfyIdSchema,
      target_slot: z.number().int(),
    })
    .transform((l) => [l.id, l.origin_id, l.origin_slot, l.target_id, l.target_slot] as const),
]);

export const comfyUiFileSchema = z.looseObject({
  nodes: z.array(uiNodeSchema).max(MAX_COMFY_NODES),
  links: z
    .array(uiLinkSchema)
    .max(MAX_COMFY_NODES * 8)
    .default([]),
});

const apiNodeSchema = z.looseObject({
  class_type: z.string().min(1).max(200),
  inputs: z.record(z.string().max(200), z.unknown()).default({}),
  _meta: z.looseObject({ title: z.string().max(400).optional() }).optional(),
});

export const comfyApiFileSchema = z
  .record(z.string().min(1).max(60), apiNodeSchema)
  .refine((record) => Object.keys(record).length <= MAX_COMFY_NODES, `must have at most ${MAX_COMFY_NODES} nodes`);

/** A link to output `slot` of node `from`. */
export interface ComfyLink {
  from: string;
  slot: number;
}

export interface ComfyNode {
  id: string;
  classType: string;
  /** The title shown in ComfyUI (its own, else the class name). */
  title: string;
  /** Canvas position in the UI format; absent in the API format. */
  position?: { x: number; y: number };
  /** Inputs and widget values by name: a link, or a value. */
  inputs: Record<string, ComfyLink | unknown>;
}

export interface ComfyGraph {
  format: "ui" | "api";
  nodes: Map<string, ComfyNode>;
}

export const isLink = (value: unknown): value is ComfyLink =>
  !!value && typeof value === "object" && !Array.isArray(value) && "from" in value && "slot" in value;

/** Which of ComfyUI's formats `json` is in, or null when it is neither (auto-detection). */
export function comfyFormatOf(json: unknown): "ui" | "api" | null {
  if (!json || typeof json !== "object" || Array.isArray(json)) return null;
  const record = json as Record<string, unknown>;
  if (Array.isArray(record.nodes) && (Array.isArray(record.links) || record.links === undefined) && !("editorInfo" in record)) return "ui";
  const body = unwrapApi(record);
  const values = Object.values(body);
  if (
    values.length > 0 &&
    values.every((v) => !!v && typeof v === "object" && typeof (v as Record<string, unknown>).class_type === "string")
  )
    return "api";
  return null;
}

function unwrapApi(record: Record<string, unknown>): Record<string, unknown> {
  const prompt = record.prompt;
  return prompt && typeof prompt === "object" && !Array.isArray(prompt) && !("class_type" in record)
    ? (prompt as Record<string, unknown>)
    : record;
}

function problem(error: z.ZodError, format: string): ImportFileError {
  const issue = error.issues[0];
  const where = issue?.path.map(String).join(".") || "file";
  return new ImportFileError(`This ComfyUI ${format} file cannot be read (${where}: ${issue?.message ?? "invalid"}).`, {
    issues: error.issues.slice(0, 10),
  });
}

/** An API-format input value: `["4", 0]` is a link to node 4's first output. */
function apiValue(value: unknown): ComfyLink | unknown {
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    (typeof value[0] === "string" || typeof value[0] === "number") &&
    Number.isInteger(value[1])
  )
    return { from: String(value[0]), slot: value[1] as number };
  return value;
}

/**
 * Reads a ComfyUI workflow (either format) into a {@link ComfyGraph}.
 * @throws ImportFileError when `json` is neither format, or breaks it (a sentence naming where).
 */
export function readComfyGraph(json: unknown): ComfyGraph {
  const format = comfyFormatOf(json);
  if (!format)
    throw new ImportFileError("This is not a ComfyUI workflow: it has neither `nodes` and `links` nor nodes with a `class_type`.");
  const nodes = new Map<string, ComfyNode>();
  if (format === "api") {
    const parsed = comfyApiFileSchema.safeParse(unwrapApi(json as Record<string, unknown>));
    if (!parsed.success) throw problem(parsed.error, "API");
    for (const [id, node] of Object.entries(parsed.data)) {
      const inputs = Object.fromEntries(Object.entries(node.inputs).map(([name, value]) => [name, apiValue(value)]));
      nodes.set(id, { id, classType: node.class_type, title: node._meta?.title?.trim() || displayNameOf(node.class_type), inputs });
    }
    return { format, nodes };
  }
  const parsed = comfyUiFileSchema.safeParse(json);
  if (!parsed.success) throw problem(parsed.error, "workflow");
  const links = new Map<number, ComfyLink>();
  for (const link of parsed.data.links) links.set(link[0], { from: String(link[1]), slot: link[2] });
  for (const node of parsed.data.nodes) {
    const inputs: Record<string, unknown> = {};
    const widgets = node.widgets_values;
    if (Array.isArray(widgets)) {
      const names = widgetNames(node.type, widgets);
      names.forEach((name, i) => {
        if (name && i < widgets.length) inputs[name] = widgets[i];
      });
    } else if (widgets) Object.assign(inputs, widgets);
    for (const input of node.inputs)
      if (typeof input.link === "number" && links.has(input.link)) inputs[input.name] = links.get(input.link);
    const pos = node.pos;
    const position = Array.isArray(pos)
      ? { x: pos[0], y: pos[1] }
      : pos && typeof pos["0"] === "number"
        ? { x: pos["0"], y: pos["1"] ?? 0 }
        : undefined;
    nodes.set(node.id, { id: node.id, classType: node.type, title: node.title?.trim() || displayNameOf(node.type), position, inputs });
  }
  return { format, nodes };
}
