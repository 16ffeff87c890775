/**
 * A studio workflow as Scenario's workflow export file (shared/reference/scenario-workflow-format.md):
 * `{ version: "1.0", name, description, editorInfo: { nodes: [...nodes, ...stickyNotes], edges, inputKeys }, inputs, tagSet }`.
 *
 * - Nodes: Prompt → `text` (`data.value`), Image input → `asset` (`data.type: "image"`; asset values are
 *   left out, as Scenario's own exports do), model kinds → `model` with `modelId` ("Auto" becomes the
 *   capability's default model, lib/nodes/default-models.ts) and `form` (model-form.ts); placeholders
 *   from Scenario are written back as they came. Sticky notes and groups → `stickyNote`.
 * - Output nodes are not nodes in Scenario: the node feeding one is marked `isOutput`.
 * - Edges are reversed: `source` is the consuming node, `sourceHandle` `${id}-source-${input}`,
 *   `target` the producer, `targetHandle` `${id}-target-${output}`.
 * - App inputs: Prompt texts and Image input uploads become pinned `isInput` nodes, ordered in
 *   `inputKeys`, with an `inputs` entry each.
 * - What Scenario's fields cannot say (the studio kind, "Auto", parameters the form does not carry,
 *   Output labels) is kept under `data.studio` so importing the file back gives the same graph.
 *
 * Pure module.
 */
import type { ExposedInput } from "../../apps/exposable-inputs";
import type { GraphNode, WorkflowGraph } from "../../graph/schema";
import { getNodeDefinition, type AnyNodeDefinition } from "../../nodes";
import { DEFAULT_MODEL_BY_CAPABILITY } from "../../nodes/default-models";
import type { ModelLookup } from "../models";
import { SCENARIO_EXPORT_VERSION, inputHandleId, outputHandleId, type ScenarioFile, type ScenarioInput, type ScenarioNode } from "./format";
import { reconstructParams } from "./import";
import { formFromParams } from "./model-form";
import { STUDIO_HINT_KEY, exportRuleFor, type StudioHint } from "./node-table";

export interface ScenarioExportInput {
  name: string;
  description?: string;
  graph: WorkflowGraph;
  /**
   * The App inputs to pin (the workflow's App, when it has one). Left out: every Prompt text and
   * Image input upload is an input, required, keyed as the publish dialog would suggest.
   */
  inputs?: readonly ExposedInput[];
}

export interface ScenarioExport {
  file: ScenarioFile;
  /** Sentences about what the file does not carry (for the designer). */
  notes: string[];
}

const PINNABLE: Readonly<Record<string, string>> = { prompt: "text", imageInput: "assetId" };

/** The default inputs: each Prompt's text and each Image input's upload, keyed prompt, prompt_2, image, … */
function defaultInputs(graph: WorkflowGraph): ExposedInput[] {
  const used = new Map<string, number>();
  return graph.nodes.flatMap((node) => {
    const field = PINNABLE[node.type];
    if (!field) return [];
    const base = node.type === "prompt" ? "prompt" : "image";
    const seen = (used.get(base) ?? 0) + 1;
    used.set(base, seen);
    const label = node.type === "prompt" ? "Prompt" : "Image";
    return [
      {
        key: seen === 1 ? base : `${base}_${seen}`,
        nodeId: node.id,
        field,
        label: seen === 1 ? label : `${label} ${seen}`,
        required: true,
      },
    ];
  });
}

function parsedParams(node: GraphNode, definition: AnyNodeDefinition): Record<string, unknown> {
  const parsed = definition.paramsSchema.safeParse(node.data ?? {});
  return parsed.success ? parsed.data : { ...definition.defaults, ...node.data };
}

/** Parameters of `original` that differ from `rebuilt` (what the Scenario fields did not carry). */
function paramsDiff(original: Record<string, unknown>, rebuilt: Record<string, unknown>): Record<string, unknown> | undefined {
  const diff: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(original)) if (JSON.stringify(value) !== JSON.stringify(rebuilt[key])) diff[key] = value;
  return Object.keys(diff).length > 0 ? diff : undefined;
}

/**
 * Writes `input.graph` as a Scenario export file. Never throws for a valid graph: nodes Scenario
 * cannot express are left out and named in `notes`.
 * @param models the model catalog: names, capabilities and schemas for `form`.
 */
export function exportScenarioFile(input: ScenarioExportInput, models: ModelLookup): ScenarioExport {
  const { graph } = input;
  const notes: string[] = [];
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const connected = new Map<string, Set<string>>();
  for (const edge of graph.edges) {
    if (!edge.targetHandle) continue;
    if (!connected.has(edge.target)) connected.set(edge.target, new Set());
    connected.get(edge.target)!.add(edge.targetHandle);
  }

  const written = new Map<string, { scenario: ScenarioNode; hint: StudioHint; definition: AnyNodeDefinition }>();
  const schemas = new Map<string, ReturnType<ModelLookup["describe"]>>();
  for (const node of graph.nodes) {
    const definition = getNodeDefinition(node.type);
    if (!definition || definition.role === "sink") continue;
    const params = parsedParams(node, definition);
    const position = { x: node.position.x, y: node.position.y };
    if (definition.type === "placeholder") {
      const original = (params.original ?? {}) as Record<string, unknown>;
      const fromScenario = params.origin === "scenario" && typeof original.type === "string";
      const hint: StudioHint = fromScenario ? {} : { kind: "placeholder", params };
      const data =
        fromScenario && original.data && typeof original.data === "object" ? { ...(original.data as Record<string, unknown>) } : {};
      if (!fromScenario) data.title = params.title;
      written.set(node.id, {
        scenario: {
          id: node.id,
          type: fromScenario ? (original.type as string) : `${params.origin}:${String(params.foreignType)}`,
          position,
          data,
        },
        hint,
        definition,
      });
      continue;
    }
    const rule = exportRuleFor(definition);
    if (!rule) {
      notes.push(`The ${definition.label} node has no Scenario equivalent yet: it is not in the file.`);
      continue;
    }
    const data: Record<string, unknown> = {};
    if (rule.scenarioType === "text") data.value = params.text;
    else if (rule.scenarioType === "asset") data.type = "image";
    else if (rule.writeData) {
      Object.assign(data, rule.writeData(params));
      data.inputHandles = definition.inputs.map((p) => {
        const name = rule.inputName(p.name, null, false);
        return { id: inputHandleId(node.id, name), name, label: p.label, type: p.type };
      });
      data.outputHandles = definition.outputs.map((p) => {
        const name = rule.outputName(p.name);
        return { id: outputHandleId(node.id, name), name, label: p.label, type: p.type };
      });
    } else {
      const capability = definition.capability?.(params, connected.get(node.id) ?? new Set()) ?? "";
      const fallback = Object.hasOwn(DEFAULT_MODEL_BY_CAPABILITY, capability) ? DEFAULT_MODEL_BY_CAPABILITY[capability] : "";
      const modelId = params.model === "auto" || typeof params.model !== "string" ? fallback : params.model;
      const info = modelId ? models.describe(modelId) : null;
      schemas.set(node.id, info);
      data.modelId = modelId;
      data.form = formFromParams(definition, params, connected.get(node.id) ?? new Set(), info?.schema ?? null, info?.name ?? modelId);
      const mask = connected.get(node.id)?.has("mask") ?? false;
      data.inputHandles = definition.inputs.map((p) => {
        const name = rule.inputName(p.name, info?.schema ?? null, mask);
        return { id: inputHandleId(node.id, name), name, label: p.label, type: p.type };
      });
      data.outputHandles = definition.outputs.map((p) => {
        const name = rule.outputName(p.name);
        return { id: outputHandleId(node.id, name), name, label: p.label, type: p.type };
      });
    }
    const scenario: ScenarioNode = { id: node.id, type: rule.scenarioType, position, data };
    const rebuilt = reconstructParams(scenario, {}, models);
    const hint: StudioHint = { kind: definition.type, params: paramsDiff(params, rebuilt ?? {}) };
    written.set(node.id, { scenario, hint, definition });
  }

  // Outputs: the producer is marked, the Output node's id, label and place go in the hint.
  for (const edge of graph.edges) {
    const sink = byId.get(edge.target);
    if (getNodeDefinition(sink?.type ?? "")?.role !== "sink") continue;
    const producer = written.get(edge.source);
    if (!producer || !sink) continue;
    producer.scenario.data.isOutput = true;
    const label = typeof sink.data?.label === "string" ? sink.data.label : undefined;
    (producer.hint.outputs ??= []).push({ id: sink.id, label, position: { ...sink.position } });
  }

  const edges = graph.edges.flatMap((edge) => {
    const producer = written.get(edge.source);
    const consumer = written.get(edge.target);
    if (!producer || !consumer || !edge.sourceHandle || !edge.targetHandle) return [];
    const inRule = consumer.definition.type === "placeholder" ? null : exportRuleFor(consumer.definition);
    const outRule = producer.definition.type === "placeholder" ? null : exportRuleFor(producer.definition);
    const mask = connected.get(edge.target)?.has("mask") ?? false;
    const inName = inRule ? inRule.inputName(edge.targetHandle, schemas.get(edge.target)?.schema ?? null, mask) : edge.targetHandle;
    const outName = outRule ? outRule.outputName(edge.sourceHandle) : edge.sourceHandle;
    return [
      {
        id: edge.id,
        source: edge.target,
        sourceHandle: inputHandleId(edge.target, inName),
        target: edge.source,
        targetHandle: outputHandleId(edge.source, outName),
      },
    ];
  });

  const inputKeys: string[] = [];
  const inputs: ScenarioInput[] = [];
  for (const exposed of input.inputs ?? defaultInputs(graph)) {
    const target = written.get(exposed.nodeId);
    if (!target) {
      notes.push(`The App input “${exposed.label}” belongs to a node that is no longer in the workflow: it is not in the file.`);
      continue;
    }
    if (!Object.hasOwn(PINNABLE, target.definition.type) || PINNABLE[target.definition.type] !== exposed.field) {
      notes.push(`The App input “${exposed.label}” is a node setting; Scenario pins only text and image inputs, so it is not in the file.`);
      continue;
    }
    target.scenario.data.isInput = true;
    target.scenario.data.title = exposed.label;
    target.hint.inputKey = exposed.key;
    inputKeys.push(exposed.nodeId);
    const common = { name: exposed.nodeId, label: exposed.label, required: { always: exposed.required } };
    const description = exposed.help ? { description: exposed.help } : {};
    const fallback = exposed.default !== undefined ? { default: exposed.default } : {};
    inputs.push(
      target.definition.type === "prompt"
        ? { type: "string", ...common, ...description, prompt: true, ...fallback }
        : { type: "file", kind: "image", ...common, ...description },
    );
  }

  const stickyNotes: ScenarioNode[] = (graph.annotations ?? []).map((annotation) => {
    const data: Record<string, unknown> = { value: annotation.text, width: annotation.size.width, height: annotation.size.height };
    if (annotation.kind === "group") data[STUDIO_HINT_KEY] = { annotation: "group" } satisfies StudioHint;
    return { id: annotation.id, type: "stickyNote", position: { ...annotation.position }, data };
  });

  const nodes = [...written.values()].map(({ scenario, hint }) => {
    const clean = Object.fromEntries(Object.entries(hint).filter(([, v]) => v !== undefined));
    return Object.keys(clean).length > 0 ? { ...scenario, data: { ...scenario.data, [STUDIO_HINT_KEY]: clean } } : scenario;
  });
  return {
    file: {
      version: SCENARIO_EXPORT_VERSION,
      name: input.name,
      description: input.description ?? "",
      editorInfo: { nodes: [...nodes, ...stickyNotes], edges, inputKeys },
      inputs,
      tagSet: [],
    },
    notes,
  };
}
