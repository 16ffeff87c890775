/**
 * Which parts of a workflow an App's form may expose, and how a published form is described
 * (creative-pipelines-workflows-apps.txt: Apps are "simplified interfaces built from workflows
 * … without exposing the full node graph"; scenario-api-contract.md §7: an App input is a node
 * value marked as input, keyed by a name).
 *
 * Exposable: a Prompt node's `text`, an Image input's `assetId` (the upload), Retouch's painted
 * mask `maskAssetId` (the teammate paints it on the image they upload; see `paintedOver`), and
 * selected parameters — Expand `platform`/`aspectRatio`, Upscale `factor`/`preset`, Generation
 * `numOutputs`/`aspectRatio`/`platform`, a Split text's `text` (a list input: one item per
 * line) and an Aspect ratio node's ratio. A Prompt feeding a Split text is suggested as a list
 * input too, and a Prompt feeding a Text template is suggested under the template input's name
 * ("Subject"). The form field's kind, options and bounds derive from
 * the node definition's `fields` (the inspector's own description), never from a switch here.
 *
 * Shared by the server (publish, run) and the browser (the publish dialog, the App form).
 * Pure module: zod and lib/nodes only. `buildInputsSchema` and `applyInputs` live in their own
 * files and are re-exported here.
 */
import { z } from "zod";
import { workflowGraphSchema, type GraphNode, type WorkflowGraph } from "../graph/schema";
import { getNodeDefinition, type AnyNodeDefinition, type FieldSpec } from "../nodes";

/** How the App form draws an input. */
export type AppInputKind = "text" | "textarea" | "image" | "mask" | "select" | "number";

/** A select option; `value` is what the form sends ("" stands for the parameter's "none"). */
export interface AppInputOption {
  value: string;
  label: string;
}

/** Node kinds and the parameters of each that an App may expose, in the order candidates are listed. */
export const EXPOSABLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  prompt: ["text"],
  imageInput: ["assetId"],
  retouch: ["maskAssetId"],
  expand: ["platform", "aspectRatio"],
  upscale: ["factor", "preset"],
  generation: ["numOutputs", "aspectRatio", "platform"],
  splitText: ["text"],
  aspectRatio: ["aspectRatio"],
};

/** Input keys: a lower-case letter, then up to 39 lower-case letters, digits or underscores. */
export const INPUT_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/** One value of the graph a designer may expose (what the publish dialog lists). */
export interface ExposableInput {
  nodeId: string;
  nodeType: string;
  /** The node as the designer sees it, e.g. `Expand` (or `Expand "exp2"` when several share the kind). */
  nodeLabel: string;
  /** Parameter name in the node's data, e.g. "platform". */
  field: string;
  kind: AppInputKind;
  /** Suggested form label, e.g. "Platform". */
  label: string;
  options?: AppInputOption[];
  min?: number;
  max?: number;
  step?: number;
  /** The node's current value in form terms (select: the option value; image: the asset id or ""). */
  defaultValue: unknown;
  /** A free key derived from the field ("prompt", "image", "platform", "platform_2"…). */
  suggestedKey: string;
}

/** What the designer chooses for one exposed input (publish body). */
export interface ExposedInput {
  /** Form key, {@link INPUT_KEY_PATTERN}, unique within the App. */
  key: string;
  nodeId: string;
  field: string;
  label: string;
  help?: string;
  /** Pre-filled value, in form terms; also used when a run gives none. */
  default?: unknown;
  required: boolean;
}

/** An exposed input as stored on an App version: the choice plus how to draw it, resolved at publish time. */
export interface PublishedInput extends ExposedInput {
  kind: AppInputKind;
  /** Mask inputs: the key of the exposed image input the mask is painted on (resolved at publish time). */
  paintedOver?: string;
  options?: AppInputOption[];
  min?: number;
  max?: number;
  step?: number;
}

/** zod shape of {@link ExposedInput} (publish bodies). */
export const exposedInputSchema = z.object({
  key: z.string().regex(INPUT_KEY_PATTERN, "must start with a lower-case letter and use only a-z, 0-9 and _ (40 characters at most)"),
  nodeId: z.string().min(1).max(100),
  field: z.string().min(1).max(60),
  label: z.string().trim().min(1, "must not be empty").max(80, "must be at most 80 characters"),
  help: z.string().trim().max(300, "must be at most 300 characters").optional(),
  default: z.unknown().optional(),
  required: z.boolean(),
});

const optionSchema = z.object({ value: z.string(), label: z.string() });

/** zod shape of {@link PublishedInput} (reading a stored App version back). */
export const publishedInputSchema = exposedInputSchema.extend({
  kind: z.enum(["text", "textarea", "image", "mask", "select", "number"]),
  paintedOver: z.string().optional(),
  options: z.array(optionSchema).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  step: z.number().optional(),
});

/** Reads stored App version inputs. @throws ZodError when the JSON is not a list of published inputs. */
export function parsePublishedInputs(value: unknown): PublishedInput[] {
  return z.array(publishedInputSchema).parse(value) as PublishedInput[];
}

/** The form-field description of `field` on `definition`, or undefined when that field may not be exposed. */
export function exposableField(definition: AnyNodeDefinition, field: string): FieldSpec | undefined {
  if (!EXPOSABLE_FIELDS[definition.type]?.includes(field)) return undefined;
  return definition.fields.find((f) => f.name === field);
}

/** The kind, options and bounds a form field gets from the inspector's field description. */
export function formFieldOf(spec: FieldSpec): Pick<PublishedInput, "kind" | "options" | "min" | "max" | "step"> {
  switch (spec.kind) {
    case "text":
    case "textarea":
      return { kind: spec.kind };
    case "asset":
      return { kind: "image" };
    case "mask":
      return { kind: "mask" };
    case "select":
      return { kind: "select", options: spec.options.map((o) => ({ value: o.value, label: o.label })) };
    case "number":
    case "slider":
      return { kind: "number", min: spec.min, max: spec.max, step: spec.step };
    default:
      throw new Error(`field "${spec.name}" of kind "${spec.kind}" cannot be shown in an App form`);
  }
}

/** A parameter value as the form holds it: select values are option strings ("" for null), images an asset id or "". */
export function toFormValue(kind: AppInputKind, value: unknown): unknown {
  if (kind === "select") return value === null || value === undefined ? "" : String(value);
  if (kind === "image" || kind === "mask" || kind === "text" || kind === "textarea") return typeof value === "string" ? value : "";
  return typeof value === "number" ? value : undefined;
}

/** The App form's label of a painted mask input. */
const MASK_INPUT_LABEL = "Paint the area to change";

/** A short label for a node: the kind's label, with the id when several nodes of the kind exist. */
export function nodeLabelOf(node: GraphNode, definition: AnyNodeDefinition, graph: WorkflowGraph): string {
  if (definition.role === "sink" && typeof node.data?.label === "string" && node.data.label.trim()) return node.data.label;
  const sameKind = graph.nodes.filter((n) => n.type === node.type).length;
  return sameKind > 1 ? `${definition.label} "${node.id}"` : definition.label;
}

/**
 * What the node a Prompt feeds says about that text: a list (the target turns its text into a
 * list output, e.g. Split text) or a named template input (the target's `portLabels`).
 */
function promptUse(node: GraphNode, graph: WorkflowGraph): { list: boolean; name?: string } {
  const edge = graph.edges.find((e) => e.source === node.id);
  const target = edge ? graph.nodes.find((n) => n.id === edge.target) : undefined;
  const definition = target ? getNodeDefinition(target.type) : undefined;
  if (!edge || !target || !definition) return { list: false };
  const list = definition.role === "transform" && definition.outputs.some((p) => p.type === "list");
  const params = definition.paramsSchema.safeParse(target.data ?? {});
  const renamed = params.success && edge.targetHandle ? definition.portLabels?.(params.data)[edge.targetHandle] : undefined;
  return { list, name: renamed && renamed !== edge.targetHandle ? renamed : undefined };
}

const LIST_LABEL = "Items, one per line";

function suggestedLabel(definition: AnyNodeDefinition, spec: FieldSpec): string {
  if (definition.type === "splitText") return LIST_LABEL;
  if (definition.type === "prompt") return "Prompt";
  if (definition.type === "imageInput") return "Image";
  if (spec.kind === "mask") return MASK_INPUT_LABEL;
  return spec.label;
}

function baseKey(definition: AnyNodeDefinition, spec: FieldSpec): string {
  const field = spec.name;
  if (definition.type === "prompt") return "prompt";
  if (definition.type === "imageInput") return "image";
  if (spec.kind === "mask") return "mask";
  return field
    .replace(/([A-Z])/g, "_$1")
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, "")
    .slice(0, 36);
}

/**
 * Lists what `graph` can expose, node by node in graph order, fields in
 * {@link EXPOSABLE_FIELDS} order. Nodes of unknown kinds and graphs that are not graphs give
 * nothing (never throws). Each candidate's `defaultValue` is the node's current value, parsed
 * with the node's schema (so defaults are filled).
 */
export function listExposableInputs(graph: unknown): ExposableInput[] {
  const parsed = workflowGraphSchema.safeParse(graph);
  if (!parsed.success) return [];
  const candidates: ExposableInput[] = [];
  const usedKeys = new Map<string, number>();
  for (const node of parsed.data.nodes) {
    const definition = getNodeDefinition(node.type);
    if (!definition) continue;
    const params = definition.paramsSchema.safeParse(node.data ?? {});
    const values: Record<string, unknown> = params.success ? params.data : { ...definition.defaults, ...node.data };
    for (const field of EXPOSABLE_FIELDS[definition.type] ?? []) {
      const spec = exposableField(definition, field);
      if (!spec) continue;
      const form = formFieldOf(spec);
      const use = definition.type === "prompt" ? promptUse(node, parsed.data) : { list: false };
      let label = suggestedLabel(definition, spec);
      let base = baseKey(definition, spec);
      if (use.list || definition.type === "splitText") {
        label = LIST_LABEL;
        base = "items";
      } else if (use.name) {
        label = use.name.charAt(0).toUpperCase() + use.name.slice(1);
        base =
          use.name
            .toLowerCase()
            .replace(/[^a-z0-9_]/g, "")
            .slice(0, 36) || base;
      }
      const seen = (usedKeys.get(base) ?? 0) + 1;
      usedKeys.set(base, seen);
      candidates.push({
        nodeId: node.id,
        nodeType: node.type,
        nodeLabel: nodeLabelOf(node, definition, parsed.data),
        field,
        ...form,
        label,
        defaultValue: toFormValue(form.kind, values[field]),
        suggestedKey: seen === 1 ? base : `${base}_${seen}`,
      });
    }
  }
  return candidates;
}

/** The Output nodes of `graph`, in graph order: what an App returns (`[{ nodeId, label }]`). */
export function listAppOutputs(graph: unknown): Array<{ nodeId: string; label: string }> {
  const parsed = workflowGraphSchema.safeParse(graph);
  if (!parsed.success) return [];
  return parsed.data.nodes.flatMap((node) => {
    const definition = getNodeDefinition(node.type);
    if (definition?.role !== "sink") return [];
    const params = definition.paramsSchema.safeParse(node.data ?? {});
    const label = params.success && typeof params.data.label === "string" ? params.data.label : definition.label;
    return [{ nodeId: node.id, label }];
  });
}

export { buildInputsSchema, type AppInputValues } from "./inputs-schema";
export { applyInputs, AppInputsError } from "./apply-inputs";
