/**
 * The mapping between Scenario's node types and the studio's node kinds, as two tables with one
 * entry per type (scenario-workflow-format.md, "Node type values"):
 *
 * - {@link SCENARIO_IMPORT_TABLE}: per Scenario `type`, what the node becomes here: a studio node
 *   (with which of its handles land on which of our ports), a placeholder with the reason, or a
 *   sticky note;
 * - {@link STUDIO_EXPORT_TABLE}: per studio kind, the Scenario node it is written as.
 *
 * Adding a node kind to lib/nodes (Text template ↔ `transformText`, For each ↔ `forEach`…) is one
 * entry in each table. Model nodes (`model`) pick their studio kind from the model's capabilities.
 * Pure module.
 */
import type { AnyNodeDefinition } from "../../nodes";
import { getNodeDefinition } from "../../nodes";
import { imageInput, maskInput, mediaInput, promptInput } from "../../nodes/prepare-request/schema-inputs";
import type { ModelSchema } from "../../providers/model-schema";
import type { ModelInfo, ModelLookup } from "../models";
import type { ScenarioNode } from "./format";
import { ASPECT_RATIOS } from "../../nodes/aspect-ratio";
import { CONDITION_OPERATORS, MAX_CONDITIONS } from "../../nodes/if-else";
import { TEMPLATE_PORTS } from "../../nodes/text-template";

/** The key under which an export keeps what Scenario's own fields cannot say (the studio kind, parameters the form cannot carry). */
export const STUDIO_HINT_KEY = "studio";

/** The studio hint on a Scenario node's data (only files the studio wrote have one). */
export interface StudioHint {
  kind?: string;
  /** Parameters the Scenario fields do not carry (or carry differently), as the studio had them. */
  params?: Record<string, unknown>;
  /** Output nodes fed by this node: Scenario marks outputs on the producer (`isOutput`). */
  outputs?: Array<{ id: string; label?: string; position?: { x: number; y: number } }>;
  /** The App form key of a pinned input. */
  inputKey?: string;
  /** A sticky note that was a group frame. */
  annotation?: "note" | "group";
}

/** A Scenario node read for import: its type, data (without the studio hint) and the hint. */
export interface ReadNode {
  node: ScenarioNode;
  data: Record<string, unknown>;
  hint: StudioHint;
  /** Scenario handle names wired into this node (its inputs), from the file's edges. */
  wiredInputs: ReadonlySet<string>;
}

/** What a Scenario node becomes. */
export type ImportDecision =
  | {
      kind: "node";
      type: string;
      /** Parameters before parsing with the kind's schema. */
      params: Record<string, unknown>;
      /** Our input port for a Scenario input handle name, or undefined when the kind has none. */
      inputPort(name: string): string | undefined;
      /** Our output port for a Scenario output handle name. */
      outputPort(name: string): string | undefined;
      /** Sentences about what changed (a picture to upload again). */
      notes: string[];
      /** The model's schema, for reading `form` (model nodes). */
      schema?: ModelSchema | null;
      form?: Record<string, unknown>;
    }
  | { kind: "placeholder"; title: string; reason: string }
  | { kind: "note" };

export interface ImportRule {
  /** The node's name in Scenario's editor, when its data has no title. */
  title: string;
  decide(read: ReadNode, models: ModelLookup): ImportDecision;
}

const placeholderRule = (title: string, reason: string): ImportRule => ({
  title,
  decide: (read) => ({ kind: "placeholder", title: titleOf(read, title), reason }),
});

/** A Scenario node's title: `data.title`, else the name of its type. */
export function titleOf(read: Pick<ReadNode, "data">, fallback: string): string {
  const title = read.data.title;
  return typeof title === "string" && title.trim() ? title.trim().slice(0, 200) : fallback;
}

/** The studio output port a placeholder or single-output kind offers for any Scenario output name. */
const firstOutput = (type: string) => () => getNodeDefinition(type)?.outputs[0]?.name;

export const SCENARIO_IMPORT_TABLE: Readonly<Record<string, ImportRule>> = {
  text: {
    title: "Text",
    decide: (read) => ({
      kind: "node",
      type: "prompt",
      params: { text: typeof read.data.value === "string" ? read.data.value : "" },
      inputPort: () => undefined,
      outputPort: firstOutput("prompt"),
      notes: [],
    }),
  },
  asset: {
    title: "Asset",
    decide(read) {
      const mediaType = typeof read.data.type === "string" ? read.data.type : "image";
      if (mediaType !== "image")
        return {
          kind: "placeholder",
          title: titleOf(read, `${mediaType} input`),
          reason: `${capitalise(mediaType)} inputs are not available here yet.`,
        };
      const notes = read.data.isMultiple ? ["It took several images in Scenario; here it takes one."] : [];
      // Exports leave out asset values (Scenario's asset ids are not studio assets): the picture is uploaded again.
      if (!("assetId" in (read.hint.params ?? {}))) notes.push("Its picture is not part of the file: upload it again.");
      return {
        kind: "node",
        type: "imageInput",
        params: { assetId: null },
        inputPort: () => undefined,
        outputPort: firstOutput("imageInput"),
        notes,
      };
    },
  },
  model: { title: "Model", decide: decideModelNode },
  stickyNote: { title: "Sticky note", decide: () => ({ kind: "note" }) },
  llm: placeholderRule("LLM", "Language-model steps are not available here yet."),
  transformText: { title: "Transform text", decide: decideTransformText },
  splitText: {
    title: "Split text",
    decide(read) {
      const delimiter = typeof read.data.splitDelimiter === "string" && read.data.splitDelimiter ? read.data.splitDelimiter : ",";
      const lines = delimiter === "\n";
      return {
        kind: "node",
        type: "splitText",
        params: lines ? { mode: "lines" } : { mode: "delimiter", delimiter: delimiter.slice(0, 20) },
        inputPort: () => "text",
        outputPort: firstOutput("splitText"),
        notes: [],
      };
    },
  },
  groupItems: placeholderRule("Group items", "Lists of items are not available here yet."),
  sliceAssets: placeholderRule("Slice assets", "Lists of assets are not available here yet."),
  ifElse: { title: "If / else", decide: decideIfElse },
  forEach: placeholderRule("For each", "Loops (for each) are not available here yet."),
  forEachEnd: placeholderRule("For each end", "Loops (for each) are not available here yet."),
  approval: placeholderRule("Approval", "Approval gates are not available here yet."),
  aspectRatio: {
    title: "Aspect ratio",
    decide(read) {
      const wanted = typeof read.data.output === "string" ? read.data.output : "";
      const known = (ASPECT_RATIOS as readonly string[]).includes(wanted);
      return {
        kind: "node",
        type: "aspectRatio",
        params: known ? { aspectRatio: wanted } : {},
        inputPort: () => undefined,
        outputPort: firstOutput("aspectRatio"),
        notes: known || !wanted ? [] : [`Its ratio ${wanted} is not offered here; it is set to the default.`],
      };
    },
  },
};

/** CEL's rule for a variable name. */
const CEL_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Scenario's `transformText` (a CEL expression in `data.value`) as a Text template in CEL mode: its
 * wired inputs, in name order, land on ports a–e and name them, so the expression's variables still resolve.
 */
function decideTransformText(read: ReadNode): ImportDecision {
  const wired = [...read.wiredInputs].sort();
  const ports = TEMPLATE_PORTS.slice(0, wired.length);
  const names = wired.slice(0, TEMPLATE_PORTS.length);
  const notes: string[] = [];
  if (wired.length > TEMPLATE_PORTS.length) notes.push(`It had ${wired.length} inputs; a Text template takes ${TEMPLATE_PORTS.length}.`);
  const validNames = names.every((n) => CEL_IDENTIFIER.test(n));
  if (!validNames) notes.push("Check the names of its inputs: some could not be used as variable names.");
  return {
    kind: "node",
    type: "textTemplate",
    params: {
      mode: "cel",
      template: typeof read.data.value === "string" ? read.data.value : "",
      names: validNames ? names.join(", ") : "",
    },
    inputPort: (name) => ports[names.indexOf(name)],
    outputPort: firstOutput("textTemplate"),
    notes,
  };
}

/** Scenario's `ifElse` condition blocks as our conditions: the first condition of each block (ours test one condition per branch). */
function decideIfElse(read: ReadNode): ImportDecision {
  const blocks = Array.isArray(read.data.conditionBlocks) ? read.data.conditionBlocks : [];
  const notes: string[] = [];
  const conditions: Array<{ operator: string; value: string }> = [];
  for (const block of blocks.slice(0, MAX_CONDITIONS)) {
    const list =
      block && typeof block === "object" && Array.isArray((block as { conditions?: unknown }).conditions)
        ? (block as { conditions: unknown[] }).conditions
        : [];
    const first = list[0] as { operator?: unknown; value?: unknown } | undefined;
    if (!first || typeof first.operator !== "string" || !(CONDITION_OPERATORS as readonly string[]).includes(first.operator)) {
      notes.push("A condition it could not read was left out.");
      continue;
    }
    if (list.length > 1) notes.push("A branch combined several conditions; only the first is kept.");
    conditions.push({ operator: first.operator, value: typeof first.value === "string" ? first.value.slice(0, 500) : "" });
  }
  if (blocks.length > MAX_CONDITIONS) notes.push(`It had ${blocks.length} branches; an If / else here takes ${MAX_CONDITIONS} plus Else.`);
  const outputs = new Set(getNodeDefinition("ifElse")!.outputs.map((p) => p.name));
  return {
    kind: "node",
    type: "ifElse",
    params: conditions.length ? { conditions } : {},
    inputPort: (name) => (name.toLowerCase().includes("image") ? "image" : "text"),
    outputPort: (name) => (outputs.has(name) ? name : undefined),
    notes,
  };
}

/** A Scenario type the table does not list: kept as a placeholder. */
export function unknownTypeRule(type: string): ImportRule {
  return placeholderRule(type, `Scenario's “${type}” node is not known here.`);
}

/** Which studio kind a model of these capabilities runs as, given which Scenario inputs are wired. */
function kindForModel(info: ModelInfo, wiredMask: boolean): { type: string; capability?: string } {
  const caps = new Set(info.capabilities);
  if (caps.has("upscale")) return { type: "upscale" };
  if (caps.has("background-removal")) return { type: "removeBackground" };
  if (caps.has("inpaint") && (wiredMask || !caps.has("txt2img"))) return { type: "retouch" };
  if (caps.has("txt2img") || caps.has("img2img")) return { type: "generation" };
  if (caps.has("outpaint")) return { type: "expand" };
  return { type: "runModel", capability: info.capabilities[0] };
}

function decideModelNode(read: ReadNode, models: ModelLookup): ImportDecision {
  const modelId = typeof read.data.modelId === "string" ? read.data.modelId : "";
  const info = modelId ? models.describe(modelId) : null;
  const title = titleOf(read, info?.name ?? (modelId || "Model"));
  // A file the studio wrote names the kind: a model the catalog does not list (yet) still comes back as that kind.
  const hinted = read.hint.kind ? getNodeDefinition(read.hint.kind) : undefined;
  if (!info && hinted?.role !== "model")
    return {
      kind: "placeholder",
      title,
      reason: modelId ? `The model “${modelId}” is not in the studio's model list.` : "It names no model.",
    };
  const schema = info?.schema ?? null;
  const wiredMask = [...read.wiredInputs].some((name) => name === (schema ? maskInput(schema)?.name : "mask") || name === "mask");
  const chosen = hinted?.role === "model" ? { type: hinted.type } : kindForModel(info!, wiredMask);
  const definition = getNodeDefinition(chosen.type)!;
  const params: Record<string, unknown> = { model: modelId };
  if (chosen.capability) params.capability = chosen.capability;
  const form =
    read.data.form && typeof read.data.form === "object" && !Array.isArray(read.data.form)
      ? (read.data.form as Record<string, unknown>)
      : {};
  return {
    kind: "node",
    type: definition.type,
    params,
    schema,
    form,
    inputPort: (name) => modelInputPort(definition, schema, name),
    outputPort: () => definition.outputs[0]?.name,
    notes: [],
  };
}

/** Our port for a model input handle name: the prompt input → `prompt`, the mask → `mask`, the image input → `image`, other media → `media`. */
function modelInputPort(definition: AnyNodeDefinition, schema: ModelSchema | null, name: string): string | undefined {
  const ports = new Set(definition.inputs.map((p) => p.name));
  const pick = (port: string) => (ports.has(port) ? port : undefined);
  if (name === (schema ? promptInput(schema)?.name : undefined) || name === "prompt") return pick("prompt");
  if (name === (schema ? maskInput(schema)?.name : undefined) || name === "mask") return pick("mask");
  if (schema) {
    const input = schema.inputs.find((i) => i.name === name);
    if (input && (input.type === "file" || input.type === "file_array")) {
      if ((input.kind ?? "image") !== "image") return pick("media");
      // Only the input the node's image goes to (a control image or a style reference has no port here).
      return input.name === imageInput(schema, ports.has("mask"))?.name ? pick("image") : undefined;
    }
  }
  if (name === "image" || name === "referenceImages") return pick("image");
  // A studio text input that is no model input (Aspect ratio) keeps its own name both ways.
  if (definition.inputs.some((p) => p.name === name && p.type === "text")) return name;
  return undefined;
}

/** How a studio node is written in Scenario's file. */
export interface ExportRule {
  /** Scenario's node type (a model node is `model`). */
  scenarioType: string;
  /** The Scenario input handle name of our input port. */
  inputName(port: string, schema: ModelSchema | null, connectedMask: boolean): string;
  /** The Scenario output handle name of our output port. */
  outputName(port: string): string;
  /** Non-model kinds: the Scenario `data` fields that carry the parameters. */
  writeData?(params: Record<string, unknown>): Record<string, unknown>;
}

const modelExportRule: ExportRule = {
  scenarioType: "model",
  inputName(port, schema, connectedMask) {
    if (!schema) return port;
    if (port === "prompt") return promptInput(schema)?.name ?? port;
    if (port === "mask") return maskInput(schema)?.name ?? port;
    if (port === "image") return imageInput(schema, connectedMask)?.name ?? port;
    if (port === "media") return (mediaInput(schema, "video") ?? mediaInput(schema, "audio"))?.name ?? port;
    return port;
  },
  outputName: () => "output",
};

/** Per studio kind; kinds with role `model` that are not listed are written as `model` nodes. Output nodes are not nodes in Scenario (isOutput on the producer). */
export const STUDIO_EXPORT_TABLE: Readonly<Record<string, ExportRule>> = {
  prompt: { scenarioType: "text", inputName: (port) => port, outputName: () => "output" },
  imageInput: { scenarioType: "asset", inputName: (port) => port, outputName: () => "output" },
  splitText: {
    scenarioType: "splitText",
    inputName: (port) => port,
    outputName: () => "output",
    writeData: (params) => ({ splitDelimiter: params.mode === "lines" ? "\n" : params.delimiter }),
  },
  textTemplate: {
    scenarioType: "transformText",
    inputName: (port) => port,
    outputName: () => "output",
    writeData: (params) => ({ value: params.mode === "cel" ? params.template : simpleTemplateAsCel(String(params.template ?? "")) }),
  },
  ifElse: {
    scenarioType: "ifElse",
    inputName: (port) => port,
    outputName: (port) => port,
    writeData: (params) => ({
      conditionBlocks: (Array.isArray(params.conditions) ? params.conditions : []).map((c: { operator: string; value: string }) => ({
        logic: "and",
        conditions: [{ field: "text", operator: c.operator, value: c.value }],
      })),
    }),
  },
  aspectRatio: {
    scenarioType: "aspectRatio",
    inputName: (port) => port,
    outputName: () => "output",
    writeData: (params) => ({ output: params.aspectRatio }),
  },
};

/** A `{name}` template as the CEL expression Scenario runs: `A {subject}!` → `'A ' + subject + '!'`. */
export function simpleTemplateAsCel(template: string): string {
  const quote = (text: string) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  const parts: string[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
    if (match.index > last) parts.push(quote(template.slice(last, match.index)));
    parts.push(match[1]);
    last = match.index + match[0].length;
  }
  if (last < template.length || parts.length === 0) parts.push(quote(template.slice(last)));
  return parts.join(" + ");
}

/** The export rule of a studio kind: the table's, else `model` for model kinds, else null (not expressible). */
export function exportRuleFor(definition: AnyNodeDefinition): ExportRule | null {
  return Object.hasOwn(STUDIO_EXPORT_TABLE, definition.type)
    ? STUDIO_EXPORT_TABLE[definition.type]
    : definition.role === "model"
      ? modelExportRule
      : null;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
